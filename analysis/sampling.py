"""Coding sheets: draw a seeded random sample of extracted rows for human coders,
and score a filled sheet (precision per rule and per table).

A sheet has one row per item with the article's sentence and paragraph for
context, the extracted fields, and blank columns for the coder: ``correct``
(y/n; blank = not coded) and ``note``.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .errors import UserError
from .tables import SPAN_TABLES, read_table
from .text import segment

DEFAULT_SEED = 20240517
FIELDS = {
    "quotes": ["kind", "speaker", "speaker_side", "cue", "cue_category"],
    "justifications": ["marker", "action", "reason", "justifier", "justifier_side"],
    "blame": ["cue", "blamer", "blamer_side", "target", "target_side", "reason"],
    "harm": ["trigger", "construction", "agent", "agent_side", "patient", "patient_side"],
    "markers": ["kind", "label", "side"],
    "mentions": ["actor", "side"],
}
CODER_COLUMNS = ["correct", "note"]
YES, NO = {"y", "yes", "1", "true", "t", "correct"}, {"n", "no", "0", "false", "f", "wrong", "incorrect"}


def draw(df: pd.DataFrame, n: int, seed: int, stratify: list[str]) -> pd.DataFrame:
    """``n`` rows at random; with ``stratify``, spread evenly over its groups (seeded, reproducible)."""
    if len(df) <= n:
        return df.copy()
    rng = np.random.default_rng(seed)
    if not stratify:
        return df.iloc[np.sort(rng.choice(len(df), n, replace=False))]
    groups = list(df.groupby(stratify, dropna=False, sort=True).indices.values())
    per = max(1, n // len(groups))
    picked: list[int] = []
    for idx in groups:
        picked.extend(rng.choice(idx, min(per, len(idx)), replace=False).tolist())
    rest = np.setdiff1d(np.arange(len(df)), picked)
    if len(picked) < n and len(rest):
        picked.extend(rng.choice(rest, min(n - len(picked), len(rest)), replace=False).tolist())
    return df.iloc[sorted(picked[:n])]


SIDE_COLUMN = {"quotes": "speaker_side", "justifications": "justifier_side", "blame": "blamer_side",
               "harm": "patient_side", "markers": "side", "mentions": "side"}
EXCERPT_CHARS = 1500
XLSX_CELL_MAX = 32_000   # article-level items show the article's beginning


def coding_sheet(results: str | Path, table: str, n: int = 50, seed: int = DEFAULT_SEED,
                 stratify: list[str] | None = None) -> pd.DataFrame:
    """A coding sheet of ``n`` rows of ``table`` from a results folder (several tables:
    comma-separated, ``n`` each). Stratify by outlet, side (the table's side column) or
    any column of the table. ``articles`` gives article-level questions: the five frames."""
    tables = [t.strip() for t in table.split(",") if t.strip()]
    if len(tables) > 1:
        return pd.concat([coding_sheet(results, t, n, seed, stratify) for t in tables], ignore_index=True)
    if table == "articles":
        return article_sheet(results, n, seed, stratify)
    if table not in SPAN_TABLES:
        raise UserError(f"no table {table!r} to sample; choose one of articles, {', '.join(SPAN_TABLES)}")
    df = read_table(results, table)
    texts = read_table(results, "texts").set_index("doc_id")["text"]
    arts = read_table(results, "articles").set_index("doc_id")
    stratify = stratify or []
    df = df.assign(outlet=df["doc_id"].map(arts["outlet"]), side=df[SIDE_COLUMN[table]].fillna("unknown"))
    for col in stratify:
        if col not in df.columns:
            raise UserError(f"cannot stratify by {col!r}: {table} has columns {', '.join(df.columns)}")
    sample = draw(df.reset_index(drop=True), n, seed, stratify)
    rows = []
    segs: dict[str, object] = {}
    for r in sample.itertuples(index=False):
        text = texts[r.doc_id]
        seg = segs.setdefault(r.doc_id, segment(text))
        sent = seg.sentence_at(r.start)
        para = next((p for p in seg.paragraphs if p.start <= r.start < p.end), None)
        row = {"item_id": f"{table}:{r.doc_id}:{r.start}:{r.end}:{r.rule}", "table": table, "doc_id": r.doc_id,
               "outlet": arts["outlet"].get(r.doc_id, ""), "rule": r.rule, "start": r.start, "end": r.end, "text": r.text}
        for f in FIELDS[table]:
            row[f] = getattr(r, f)
        row["sentence"] = sent.text if sent else ""
        row["paragraph"] = para.text if para else ""
        row.update(dict.fromkeys(CODER_COLUMNS, ""))
        rows.append(row)
    return pd.DataFrame(rows)


def article_sheet(results: str | Path, n: int, seed: int, stratify: list[str] | None) -> pd.DataFrame:
    """Article-level questions: is each generic frame present? The machine's answer
    (classifier probability at its F1-optimal threshold) is in machine_<frame>."""
    from .frames import FRAMES, MODEL_PATH
    import json

    arts = read_table(results, "articles")
    texts = read_table(results, "texts").set_index("doc_id")["text"]
    thresholds = {}
    if MODEL_PATH.is_file():
        model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        thresholds = {f: m["threshold"] for f, m in model["frames"].items()}
    stratify = [c for c in (stratify or []) if c != "side"]
    sample = draw(arts.reset_index(drop=True), n, seed, stratify)
    rows = []
    for r in sample.itertuples(index=False):
        row = {"item_id": f"articles:{r.doc_id}", "table": "articles", "doc_id": r.doc_id, "outlet": r.outlet,
               "rule": "frames", "title": r.title, "text": texts[r.doc_id][:EXCERPT_CHARS]}
        for f in FRAMES:
            p = getattr(r, f"frame_{f}", None)
            row[f"machine_frame_{f}"] = "" if p is None or pd.isna(p) or f not in thresholds else ("y" if p >= thresholds[f] else "n")
        row.update({f"frame_{f}": "" for f in FRAMES})
        row["note"] = ""
        rows.append(row)
    return pd.DataFrame(rows)


def write_sheets(df: pd.DataFrame, path: str | Path, coders: int = 1) -> list[Path]:
    """One sheet per coder (same items): PATH, or PATH_coder1 ... PATH_coderN."""
    path = Path(path)
    if coders <= 1:
        write_sheet(df, path)
        return [path]
    out = []
    for c in range(1, coders + 1):
        p = path.with_name(f"{path.stem}_coder{c}{path.suffix}")
        write_sheet(df, p)
        out.append(p)
    return out


def write_sheet(df: pd.DataFrame, path: str | Path) -> None:
    """CSV or XLSX by the file's extension."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".xlsx":
        # a spreadsheet cell holds at most 32,767 characters
        df.apply(lambda c: c.str.slice(0, XLSX_CELL_MAX) if c.dtype == object or str(c.dtype).startswith("str") else c
                 ).to_excel(path, index=False)
    else:
        df.to_csv(path, index=False)


def read_sheet(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"coding sheet not found: {path}")
    df = pd.read_excel(path) if path.suffix.lower() == ".xlsx" else pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in ("table", "rule", "correct") if c not in df.columns]
    if missing:
        raise UserError(f"{path}: not a coding sheet: missing column(s) {', '.join(missing)}; make one with `python -m analysis sample`")
    return df


def sheet_precision(df: pd.DataFrame) -> pd.DataFrame:
    """Precision per table and rule from the ``correct`` column (uncoded rows left out)."""
    val = df["correct"].astype(str).str.strip().str.lower()
    bad = sorted(set(val) - YES - NO - {"", "nan"})
    if bad:
        raise UserError(f"the correct column holds {', '.join(map(repr, bad))}; write y or n (blank for not coded)")
    coded = df.assign(ok=val.isin(YES))[val.isin(YES | NO)]
    rule_base = coded["rule"].astype(str).str.split(":").str[:2].str.join(":")
    by_rule = coded.assign(rule=rule_base).groupby(["table", "rule"])["ok"].agg(coded="count", correct="sum").reset_index()
    by_table = coded.groupby("table")["ok"].agg(coded="count", correct="sum").reset_index().assign(rule="(all)")
    out = pd.concat([by_table, by_rule], ignore_index=True)
    out["precision"] = (out["correct"] / out["coded"]).round(3)
    return out[["table", "rule", "coded", "correct", "precision"]]
