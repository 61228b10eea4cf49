"""Agreement between human coders, and between coders and the machine.

Coding sheets are those written by ``python -m analysis sample`` (one per coder),
filled in: each row an item, and one column per variable. The machine's answer
for a variable is the sheet's ``machine_<variable>`` column (y for every
extracted item: the machine said the item is there). Krippendorff's alpha
(nominal) comes from the ``krippendorff`` package, with a bootstrap interval
over items; precision, recall and F1 of the machine are against the coders'
majority.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import UserError

YES = {"y", "yes", "1", "true", "t", "correct"}
NO = {"n", "no", "0", "false", "f", "wrong", "incorrect"}
BOOTSTRAP = 1000
SEED = 20240517
NOT_VARIABLES = {"item_id", "table", "doc_id", "outlet", "rule", "start", "end", "text", "sentence", "paragraph",
                 "note", "coder", "title", "question"}


def alpha_nominal(data: np.ndarray) -> float:
    """Krippendorff's alpha for nominal data; ``data`` is coders x units with NaN for missing."""
    import krippendorff

    values = data[~np.isnan(data)]
    if len(np.unique(values)) < 2:
        return float("nan")  # no variation: alpha is undefined
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def alpha_interval(data: np.ndarray, n_boot: int = BOOTSTRAP, seed: int = SEED) -> tuple[float, float, float]:
    """Alpha and a 95% bootstrap interval (units resampled with replacement)."""
    est = alpha_nominal(data)
    rng = np.random.default_rng(seed)
    boots = []
    n = data.shape[1]
    for _ in range(n_boot):
        a = alpha_nominal(data[:, rng.integers(0, n, n)])
        if not np.isnan(a):
            boots.append(a)
    if not boots:
        return est, float("nan"), float("nan")
    lo, hi = np.percentile(boots, [2.5, 97.5])
    return est, float(lo), float(hi)


def _code(value) -> float:
    v = str(value).strip().lower()
    if v in YES:
        return 1.0
    if v in NO:
        return 0.0
    if v in ("", "nan", "none"):
        return np.nan
    raise UserError(f"cannot read the code {value!r}: write y or n (blank for not coded)")


@dataclass
class Sheets:
    items: list[str]
    coders: list[str]
    variables: list[str]
    codes: dict[str, np.ndarray]   # variable -> coders x items (1, 0, NaN)
    machine: dict[str, np.ndarray]  # variable -> items


def read_sheets(paths: list[str | Path]) -> Sheets:
    """Read filled coding sheets (CSV or XLSX), one per coder, aligned on item_id."""
    if len(paths) < 1:
        raise UserError("agreement needs at least one filled coding sheet")
    frames = []
    for p in paths:
        p = Path(p)
        if not p.is_file():
            raise UserError(f"coding sheet not found: {p}")
        df = pd.read_excel(p, dtype=str) if p.suffix.lower() == ".xlsx" else pd.read_csv(p, dtype=str, keep_default_na=False)
        if "item_id" not in df.columns:
            raise UserError(f"{p}: not a coding sheet (no item_id column); make one with `python -m analysis sample`")
        frames.append((p.stem, df.fillna("")))
    variables = sorted({c for _, df in frames for c in df.columns
                        if c not in NOT_VARIABLES and not c.startswith("machine_") and c not in _extracted_fields(df)})
    items = sorted(set.union(*(set(df["item_id"]) for _, df in frames)))
    index = {it: k for k, it in enumerate(items)}
    codes = {v: np.full((len(frames), len(items)), np.nan) for v in variables}
    machine: dict[str, np.ndarray] = {}
    for c, (_, df) in enumerate(frames):
        for row in df.itertuples(index=False):
            k = index[row.item_id]
            for v in variables:
                if v in df.columns:
                    codes[v][c, k] = _code(getattr(row, v))
            for col in df.columns:
                if col.startswith("machine_"):
                    machine.setdefault(col[8:], np.full(len(items), np.nan))[k] = _code(getattr(row, col))
    return Sheets(items, [name for name, _ in frames], variables, codes, machine)


def _extracted_fields(df: pd.DataFrame) -> set[str]:
    from .sampling import FIELDS

    return {f for fields in FIELDS.values() for f in fields if f in df.columns and f != "correct"}


def majority(codes: np.ndarray) -> np.ndarray:
    """Per item: 1 if most coders said yes, 0 if most said no, NaN on ties or no codes."""
    yes = np.nansum(codes == 1, axis=0)
    no = np.nansum(codes == 0, axis=0)
    return np.where(yes > no, 1.0, np.where(no > yes, 0.0, np.nan))


def report(sheets: Sheets) -> pd.DataFrame:
    """One row per variable: alpha among coders, alpha coders + machine, and the
    machine's precision, recall and F1 against the coders' majority."""
    rows = []
    for v in sheets.variables:
        codes = sheets.codes[v]
        row = {"variable": v, "items": int((~np.isnan(codes)).any(axis=0).sum()), "coders": len(sheets.coders)}
        if len(sheets.coders) > 1:
            row["alpha_coders"], row["alpha_lo"], row["alpha_hi"] = alpha_interval(codes)
        mach = sheets.machine.get(v)
        maj = majority(codes)
        if mach is not None:
            both = np.vstack([codes, mach[None, :]])
            row["alpha_with_machine"] = alpha_nominal(both)
            ok = ~np.isnan(maj) & ~np.isnan(mach)
            tp = int(((mach == 1) & (maj == 1) & ok).sum())
            fp = int(((mach == 1) & (maj == 0) & ok).sum())
            fn = int(((mach == 0) & (maj == 1) & ok).sum())
            p = tp / (tp + fp) if tp + fp else float("nan")
            r = tp / (tp + fn) if tp + fn else float("nan")
            row.update(precision=p, recall=r, f1=2 * p * r / (p + r) if p + r else float("nan"))
        else:
            row["precision_of_machine"] = float(np.nanmean(maj)) if np.any(~np.isnan(maj)) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)
