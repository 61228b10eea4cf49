"""Compose the extractors over a corpus and write the tables.

``annotate`` maps one article to its rows in every table; ``run`` maps it over
a corpus (records broken documents and goes on) and writes ``results/``.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__
from .codebook import Codebook, load_codebook
from .corpus import LoadOptions, iter_corpus
from .dedup import DuplicateFinder
from .document import prepare
from .features import article_features
from .blame import extract_blame
from .harm import extract_harm
from .justification import extract_justifications
from .markers import extract_markers
from .quotes import extract_quotes
from .records import Article, ErrorRecord
from .tables import SPAN_TABLES, TABLES, frame, write_table

ProgressFn = "Callable[[int, int], None]"


def annotate(article: Article, cb: Codebook) -> dict[str, list]:
    """Every span table's records for one article (pure: no I/O)."""
    doc = prepare(article, cb)
    out: dict[str, list] = {name: [] for name in SPAN_TABLES}
    out["mentions"] = doc.mentions
    quotes = extract_quotes(doc, cb)
    out["quotes"] = quotes
    out["justifications"] = extract_justifications(doc, cb, quotes)
    out["blame"] = extract_blame(doc, cb, quotes)
    out["harm"] = extract_harm(doc, cb, quotes)
    out["markers"] = extract_markers(doc, cb, quotes)
    return out


def article_row(article: Article, rows: dict[str, list], cb: Codebook) -> dict:
    """The articles-table row: metadata, size and per-article counts."""
    meta = article.meta
    row = {
        "doc_id": article.doc_id,
        "source": article.source,
        "outlet": meta.get("outlet", ""),
        "date": meta.get("date", ""),
        "title": meta.get("title", ""),
        "url": meta.get("url", ""),
        "language": meta.get("language", ""),
        "n_words": len(article.text.split()),
        "n_chars": len(article.text),
    }
    for name in SPAN_TABLES:
        row[f"n_{name}"] = len(rows.get(name, []))
    row.update(article_features(rows, cb))
    return row


@dataclass
class RunSummary:
    version: str
    corpus: str
    codebook: str
    codebook_hash: str
    corpus_hash: str
    counts: dict = field(default_factory=dict)
    errors: int = 0
    seconds: float = 0.0


def run(corpus: str | Path, out: str | Path = "results", codebook: str | Path | None = None,
        options: LoadOptions | None = None, progress: bool | None = None) -> RunSummary:
    """Annotate every article of ``corpus`` and write all tables to ``out``."""
    t0 = time.perf_counter()
    cb = load_codebook(codebook)
    out = Path(out)
    progress = sys.stderr.isatty() if progress is None else progress
    collected: dict[str, list] = {name: [] for name in TABLES}
    dups = DuplicateFinder()
    corpus_hash = hashlib.sha256()
    n = 0
    for item in iter_corpus(corpus, options):
        if isinstance(item, ErrorRecord):
            collected["errors"].append(item)
            corpus_hash.update(f"error\0{item.doc_id}\0{item.reason}\0".encode())
            continue
        corpus_hash.update(f"{item.doc_id}\0{item.text}\0".encode())
        try:
            rows = annotate(item, cb)
        except Exception as err:  # one article's failure must not cost the run
            collected["errors"].append(ErrorRecord(item.doc_id, item.source, f"extraction failed: {type(err).__name__}: {err}"))
            continue
        row = article_row(item, rows, cb)
        row["duplicate_of"], row["near_duplicate_of"] = dups.add(item.doc_id, item.text)
        collected["articles"].append(row)
        collected["texts"].append({"doc_id": item.doc_id, "text": item.text})
        for name in SPAN_TABLES:
            collected[name].extend(rows[name])
        n += 1
        if progress and n % 100 == 0:
            rate = n / (time.perf_counter() - t0)
            print(f"\r{n} articles, {len(collected['errors'])} errors, {rate:.0f} articles/s", end="", file=sys.stderr)
    if progress and n >= 100:
        print(file=sys.stderr)
    counts = {}
    for name in TABLES:
        df = frame(name, collected[name])
        write_table(df, out, name)
        counts[name] = len(df)
    summary = RunSummary(__version__, str(corpus), str(cb.path), cb.hash, corpus_hash.hexdigest()[:16], counts,
                         len(collected["errors"]), round(time.perf_counter() - t0, 3))
    (out / "run.json").write_text(json.dumps(asdict(summary), indent=2) + "\n", encoding="utf-8")
    return summary
