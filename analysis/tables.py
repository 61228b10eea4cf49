"""The table edge: records to Arrow tables written as CSV and Parquet, and tables read back with pandas.

One table per unit of analysis with stable columns (DESIGN.md, table contract).
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .records import Blame, ErrorRecord, Harm, Justification, Marker, Mention, Quote, columns

if TYPE_CHECKING:
    import pandas as pd

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


def column_dtype(col: str) -> str:
    """The dtype of a contract column: offsets and sizes are integers, the rest strings.
    Added columns (the articles table's features) bring their own dtypes."""
    return "Int64" if col in _INT_COLUMNS else "string"


def table_columns(name: str, extra_columns: dict[str, str] | None = None) -> list[str]:
    """The contract's columns of a table, then any added columns (``{column: dtype}``; the
    articles table adds the codebook's feature columns)."""
    if name in SPAN_TABLES:
        return columns(SPAN_TABLES[name])
    base = {"articles": ARTICLE_COLUMNS, "errors": ERROR_COLUMNS, "texts": TEXT_COLUMNS}[name]
    if name == "articles" and extra_columns:
        base = base + [c for c in extra_columns if c not in base]
    return base


def read_table(results: str | Path, name: str) -> pd.DataFrame:
    """Read a table written by ``run`` (Parquet when present, else CSV)."""
    import pandas as pd

    results = Path(results)
    if (results / f"{name}.parquet").is_file():
        return pd.read_parquet(results / f"{name}.parquet")
    if (results / f"{name}.csv").is_file():
        return pd.read_csv(results / f"{name}.csv")
    from .errors import UserError

    raise UserError(f"no {name} table in {results}; run `python -m analysis run` first")


_ARROW = {"string": pa.string(), "Int64": pa.int64(), "Float64": pa.float64()}


def arrow_schema(name: str, extra_columns: dict[str, str] | None = None) -> pa.Schema:
    """The table's Arrow schema (the same for every partition)."""
    extra = extra_columns or {}
    return pa.schema([(c, _ARROW[extra.get(c) or column_dtype(c)]) for c in table_columns(name, extra)])


def to_arrow(name: str, rows: list, extra_columns: dict[str, str] | None = None) -> pa.Table:
    """Records or dicts to an Arrow table with the table's schema (no pandas on the hot path)."""
    dicts = [r if isinstance(r, dict) else r.__dict__ for r in rows]
    return pa.Table.from_pylist(dicts, schema=arrow_schema(name, extra_columns))


class PartitionWriter:
    """Stream rows into the final CSV and Parquet files; only the articles table waits in
    partitions, because its duplicate columns are known at the end. ``add`` converts each
    batch to Arrow as it arrives (short steps, so the main process keeps feeding the
    workers); ``write`` writes what has been added as one row group per table. Memory
    stays flat whatever the corpus size."""

    def __init__(self, out: Path, extra_columns: dict[str, dict[str, str]] | None = None):
        self.out = Path(out)
        self.parts = self.out / ".parts"
        shutil.rmtree(self.parts, ignore_errors=True)
        self.extra = extra_columns or {}
        self.writers: dict[str, tuple] = {}
        self.counts = dict.fromkeys(TABLES, 0)
        self.pending: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
        self.part = 0

    def _writer(self, name: str):
        if name not in self.writers:
            schema = arrow_schema(name, self.extra.get(name))
            csv_w = pacsv.CSVWriter(str(self.out / f"{name}.csv"), schema)
            pq_w = pq.ParquetWriter(str(self.out / f"{name}.parquet"), schema)
            self.writers[name] = (csv_w, pq_w)
        return self.writers[name]

    def open(self) -> None:
        """Create every table's files and load what converting rows needs (pyarrow imports
        pandas on its first conversion, 0.15 s): the run calls this while its first batches
        compute, so it does not take a core from the workers later."""
        for name in TABLES:
            self._writer(name)
            to_arrow(name, [], self.extra.get(name))

    def add(self, rows: dict[str, list]) -> None:
        """Convert one batch's rows (records or dicts, per table) and hold them until ``write``."""
        for name in TABLES:
            if rows.get(name):
                self.pending[name].append(to_arrow(name, rows[name], self.extra.get(name)))

    def write(self) -> None:
        """Write the rows added since the last call (the articles table to a new partition)."""
        for name in TABLES:
            tables = self.pending[name]
            table = (pa.concat_tables(tables).combine_chunks() if tables
                     else arrow_schema(name, self.extra.get(name)).empty_table())
            self.pending[name] = []
            self.counts[name] += table.num_rows
            if name == "articles":
                self.parts.mkdir(parents=True, exist_ok=True)
                pq.write_table(table, self.parts / f"{self.part:08d}.parquet")
            elif table.num_rows:
                for w in self._writer(name):
                    w.write_table(table)
        self.part += 1

    def combine(self, exact_of=None, near_of=None) -> dict[str, int]:
        """Close every table and write the articles table with its duplicate columns;
        ``exact_of`` / ``near_of`` give, per article in corpus order, the index of the
        article it duplicates (-1: none). Returns row counts."""
        if any(self.pending.values()):
            self.write()
        dup = _DupFiller(exact_of, near_of)
        for name in TABLES:
            if name == "articles":
                files = sorted(self.parts.glob("*.parquet")) if self.parts.is_dir() else []
                for f in files:
                    table = dup.fill(pq.read_table(f, schema=arrow_schema(name, self.extra.get(name))))
                    if table.num_rows:
                        for w in self._writer(name):
                            w.write_table(table)
            for w in self._writer(name):
                w.close()
        self.writers.clear()
        shutil.rmtree(self.parts, ignore_errors=True)
        return dict(self.counts)


class _DupFiller:
    """Turns duplicate indices into doc_ids while the articles stream past in order."""

    def __init__(self, exact_of, near_of):
        self.exact_of, self.near_of = exact_of, near_of
        wanted = set()
        for arr in (exact_of, near_of):
            if arr is not None:
                wanted.update(int(x) for x in arr[arr >= 0])
        self.wanted, self.ids, self.pos = wanted, {}, 0

    def fill(self, table: pa.Table) -> pa.Table:
        if self.exact_of is None or not table.num_rows:
            return table
        ids = table.column("doc_id").to_pylist()
        exact, near = [], []
        for k, doc_id in enumerate(ids):
            i = self.pos + k
            if i in self.wanted:
                self.ids[i] = doc_id
            e, nr = int(self.exact_of[i]), int(self.near_of[i])
            exact.append(self.ids.get(e) if e >= 0 else None)
            near.append(self.ids.get(nr) if nr >= 0 else None)
        self.pos += len(ids)
        for col, values in (("duplicate_of", exact), ("near_duplicate_of", near)):
            table = table.set_column(table.schema.get_field_index(col), col, pa.array(values, pa.string()))
        return table
