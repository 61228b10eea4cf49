"""The table edge: records to pandas DataFrames, written as CSV and Parquet.

One table per unit of analysis with stable columns (DESIGN.md, table contract).
"""
from __future__ import annotations

from dataclasses import asdict
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

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
_FLOAT_PREFIXES = ("quote_share_", "agentless_share_", "frame_")
_COUNT_PREFIXES = ("n_", "quotes_", "justifications_", "blame_by_", "blame_of_", "harm_", "distancing_", "naming_")
_COUNT_COLUMNS = {"scare_quotes", "hedges"}


def column_dtype(col: str) -> str:
    """The dtype of a column, from its name alone, so every partition has the same schema."""
    if col.startswith(_FLOAT_PREFIXES):
        return "Float64"
    if col in _INT_COLUMNS or col in _COUNT_COLUMNS or col.startswith(_COUNT_PREFIXES):
        return "Int64"
    return "string"


def table_columns(name: str, extra_columns: list[str] | None = None) -> list[str]:
    """The contract's columns of a table (the articles table adds the codebook's feature columns)."""
    if name in SPAN_TABLES:
        return columns(SPAN_TABLES[name])
    base = {"articles": ARTICLE_COLUMNS, "errors": ERROR_COLUMNS, "texts": TEXT_COLUMNS}[name]
    if name == "articles" and extra_columns:
        base = base + [c for c in extra_columns if c not in base]
    return base


def frame(name: str, rows: list, extra_columns: list[str] | None = None) -> pd.DataFrame:
    """A DataFrame of records or dicts with the table's columns in contract order.

    Offsets are nullable integers; missing values are <NA>, never a guess.
    """
    dicts = [r if isinstance(r, dict) else asdict(r) for r in rows]
    cols = table_columns(name, extra_columns)
    df = pd.DataFrame(dicts, columns=cols)
    for c in df.columns:
        df[c] = df[c].astype(column_dtype(c))
    return df


def read_table(results: str | Path, name: str) -> pd.DataFrame:
    """Read a table written by ``run`` (Parquet when present, else CSV)."""
    results = Path(results)
    if (results / f"{name}.parquet").is_file():
        return pd.read_parquet(results / f"{name}.parquet")
    if (results / f"{name}.csv").is_file():
        return pd.read_csv(results / f"{name}.csv")
    from .errors import UserError

    raise UserError(f"no {name} table in {results}; run `python -m analysis run` first")


class PartitionWriter:
    """Write each batch as Parquet partitions, then combine them into the final
    CSV and Parquet tables one partition at a time (memory stays flat)."""

    def __init__(self, out: Path, extra_columns: dict[str, list[str]] | None = None):
        self.out = Path(out)
        self.parts = self.out / ".parts"
        shutil.rmtree(self.parts, ignore_errors=True)
        self.extra = extra_columns or {}
        self.n = 0

    def write(self, part: int, rows: dict[str, list]) -> None:
        for name in TABLES:
            recs = rows.get(name, [])
            if name == "articles" and recs and name not in self.extra:
                self.extra[name] = [c for c in recs[0] if c not in ARTICLE_COLUMNS]
            df = frame(name, recs, self.extra.get(name))
            folder = self.parts / name
            folder.mkdir(parents=True, exist_ok=True)
            df.to_parquet(folder / f"{part:08d}.parquet", index=False)
        self.n = part + 1

    def combine(self, exact_of=None, near_of=None) -> dict[str, int]:
        """Final NAME.csv and NAME.parquet for every table; returns row counts.

        ``exact_of`` / ``near_of`` give, per article in corpus order, the index of the
        article it duplicates (-1: none); they fill duplicate_of and near_duplicate_of.
        """
        counts = {}
        dup = _DupFiller(exact_of, near_of)
        for name in TABLES:
            files = sorted((self.parts / name).glob("*.parquet")) if (self.parts / name).is_dir() else []
            csv_path, pq_path = self.out / f"{name}.csv", self.out / f"{name}.parquet"
            total = 0
            schema_df = frame(name, [], self.extra.get(name))
            writer = None
            with open(csv_path, "w", encoding="utf-8", newline="") as fh:
                schema_df.to_csv(fh, index=False, lineterminator="\n")
                for f in files:
                    df = pd.read_parquet(f)
                    if name == "articles":
                        df = dup.fill(df)
                    if len(df):
                        df.to_csv(fh, index=False, header=False, lineterminator="\n")
                        table = pa.Table.from_pandas(df, preserve_index=False)
                        if writer is None:
                            writer = pq.ParquetWriter(pq_path, table.schema)
                        writer.write_table(table)
                        total += len(df)
            if writer is None:
                schema_df.to_parquet(pq_path, index=False)
            else:
                writer.close()
            counts[name] = total
        shutil.rmtree(self.parts, ignore_errors=True)
        return counts


class _DupFiller:
    """Turns duplicate indices into doc_ids while the articles stream past in order."""

    def __init__(self, exact_of, near_of):
        self.exact_of, self.near_of = exact_of, near_of
        wanted = set()
        for arr in (exact_of, near_of):
            if arr is not None:
                wanted.update(int(x) for x in arr[arr >= 0])
        self.wanted, self.ids, self.pos = wanted, {}, 0

    def fill(self, df: pd.DataFrame) -> pd.DataFrame:
        if self.exact_of is None or not len(df):
            return df
        ids = df["doc_id"].tolist()
        exact, near = [], []
        for k, doc_id in enumerate(ids):
            i = self.pos + k
            if i in self.wanted:
                self.ids[i] = doc_id
            e, nr = int(self.exact_of[i]), int(self.near_of[i])
            exact.append(self.ids.get(e) if e >= 0 else None)
            near.append(self.ids.get(nr) if nr >= 0 else None)
        self.pos += len(ids)
        return df.assign(duplicate_of=pd.array(exact, dtype="string"), near_duplicate_of=pd.array(near, dtype="string"))
