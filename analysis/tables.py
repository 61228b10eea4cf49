"""The table edge: records to pandas DataFrames, written as CSV and Parquet.

One table per unit of analysis with stable columns (DESIGN.md, table contract).
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .records import Blame, ErrorRecord, Harm, Justification, Marker, Mention, Quote, columns

SPAN_TABLES: dict[str, type] = {
    "mentions": Mention,
    "quotes": Quote,
    "justifications": Justification,
    "blame": Blame,
    "harm": Harm,
    "markers": Marker,
}
ARTICLE_COLUMNS = ["doc_id", "source", "outlet", "date", "title", "url", "language", "n_words", "n_chars",
                   "duplicate_of", "near_duplicate_of"]
TEXT_COLUMNS = ["doc_id", "text"]
ERROR_COLUMNS = columns(ErrorRecord)
TABLES = ["articles", *SPAN_TABLES, "errors", "texts"]
_INT_COLUMNS = {"start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "n_words", "n_chars"}


def table_columns(name: str) -> list[str]:
    if name in SPAN_TABLES:
        return columns(SPAN_TABLES[name])
    return {"articles": ARTICLE_COLUMNS, "errors": ERROR_COLUMNS, "texts": TEXT_COLUMNS}[name]


def frame(name: str, rows: list) -> pd.DataFrame:
    """A DataFrame of records or dicts with the table's columns in contract order.

    Offsets are nullable integers; missing values are <NA>, never a guess.
    """
    dicts = [r if isinstance(r, dict) else asdict(r) for r in rows]
    cols = table_columns(name)
    extra = [c for d in dicts[:1] for c in d if c not in cols]
    df = pd.DataFrame(dicts, columns=cols + extra)
    for c in df.columns:
        if c in _INT_COLUMNS or c.startswith("n_"):
            df[c] = pd.array(df[c], dtype="Int64")
        elif df[c].dtype == object or str(df[c].dtype).startswith(("str", "string")):
            df[c] = df[c].astype("string")
    return df


def write_table(df: pd.DataFrame, out: Path, name: str) -> None:
    """Write ``name.csv`` and ``name.parquet`` (same rows, same columns)."""
    out.mkdir(parents=True, exist_ok=True)
    df.to_csv(out / f"{name}.csv", index=False, lineterminator="\n")
    df.to_parquet(out / f"{name}.parquet", index=False)


def read_table(results: str | Path, name: str) -> pd.DataFrame:
    """Read a table written by ``run`` (Parquet when present, else CSV)."""
    results = Path(results)
    if (results / f"{name}.parquet").is_file():
        return pd.read_parquet(results / f"{name}.parquet")
    if (results / f"{name}.csv").is_file():
        return pd.read_csv(results / f"{name}.csv")
    from .errors import UserError

    raise UserError(f"no {name} table in {results}; run `python -m analysis run` first")
