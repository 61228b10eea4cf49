"""Compose the extractors and run them over a corpus, streaming, with a cache.

``annotate`` maps one article to its rows in every table (pure). ``run`` reads
the corpus in tasks of the engine's size, maps ``process_article`` over them with
an engine (serial, processes, dask), caches each article's result as a JSON file
keyed by its content, the codebook, the model, the package version and its code,
streams the rows into the final tables every WRITE_EVERY articles (the articles
table waits in partitions for its duplicate columns) and combines them at the end.
Broken documents go to the errors table; the run goes on.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterator

from . import __version__
from .blame import extract_blame
from .codebook import Codebook, load_codebook
from .corpus import LoadOptions, iter_corpus
from .dedup import DuplicateIndex, exact_key, signature
from .document import prepare
from .engines import make_engine
from .features import article_features, feature_dtypes
from .frames import FRAMES, dictionary_scores, frame_columns, load_model, predict
from .harm import extract_harm
from .justification import extract_justifications
from .markers import extract_markers
from .quotes import extract_quotes
from .records import Article, ErrorRecord
from .tables import SPAN_TABLES, TABLES, PartitionWriter

WRITE_EVERY = 1000  # articles buffered between writes: few, large row groups and partitions; memory stays flat


def annotate(article: Article, cb: Codebook) -> dict[str, list]:
    """Every span table's records for one article (pure: no I/O)."""
    doc = prepare(article, cb)
    quotes = extract_quotes(doc, cb)
    return {
        "mentions": doc.mentions,
        "quotes": quotes,
        "justifications": extract_justifications(doc, cb, quotes),
        "blame": extract_blame(doc, cb, quotes),
        "harm": extract_harm(doc, cb, quotes),
        "markers": extract_markers(doc, cb, quotes),
    }


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
        "duplicate_of": None,
        "near_duplicate_of": None,
    }
    for name in SPAN_TABLES:
        row[f"n_{name}"] = len(rows.get(name, []))
    row.update(article_features(rows, cb))
    row.update({f"frame_{f}_dict": v for f, v in dictionary_scores(article.text, cb).items()})
    return row


def process_article(article: Article, cb: Codebook) -> dict:
    """One article's result as plain data (JSON-able, cacheable): its rows or its error."""
    try:
        rows = annotate(article, cb)
        return {
            "doc_id": article.doc_id,
            "article": article_row(article, rows, cb),
            "tables": {name: [dict(r.__dict__) for r in recs] for name, recs in rows.items()},
            "signature": signature(article.text).tolist(),
            "exact_key": exact_key(article.text),
        }
    except Exception as err:  # one article's failure must not cost the run
        return {"doc_id": article.doc_id, "source": article.source,
                "error": f"extraction failed: {type(err).__name__}: {err}"}


def process_articles(articles: list[Article], cb: Codebook) -> list[dict]:
    """``process_article`` for a batch, with the frame classifier applied to the batch at once."""
    results = [process_article(a, cb) for a in articles]
    ok = [(a, r) for a, r in zip(articles, results) if "error" not in r]
    if ok:
        model = load_model()
        probs = predict([a.text for a, _ in ok], model) if model is not None else {}
        for k, (a, r) in enumerate(ok):
            for f in FRAMES:
                r["article"][f"frame_{f}"] = round(float(probs[f][k]), 4) if f in probs else None
    return results


def cache_key(article: Article, codebook_hash: str) -> str:
    h = hashlib.sha256()
    h.update(json.dumps([article.doc_id, article.source, article.text, article.meta,
                         [(z.kind, z.start, z.end) for z in article.zones]], sort_keys=True).encode())
    h.update(f"\0{codebook_hash}\0{__version__}\0{model_hash()}\0{code_hash()}".encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Hash of the package's code and language resources: changed rules recompute the cache."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for f in sorted([*root.glob("*.py"), *(root / "resources").glob("*")]):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def model_hash() -> str:
    """Hash of the frames model file (a retrained model recomputes the cache)."""
    from .frames import MODEL_PATH

    return hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()[:16] if MODEL_PATH.is_file() else "none"


class ResultCache:
    """One JSON file per article result (plain files, no pickle), written atomically.
    The key covers the article, the codebook, the frames model, the package version and
    its code, so nothing stale is ever read back."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, result: dict) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)


class Progress:
    """A progress line on stderr when it is a terminal; quiet otherwise."""

    def __init__(self, enabled: bool | None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.t0 = time.perf_counter()
        self.shown = False

    def update(self, n: int, errors: int, cached: int) -> None:
        if self.enabled:
            rate = n / max(time.perf_counter() - self.t0, 1e-9)
            print(f"\r{n:,} articles  {rate:,.0f}/s  {cached:,} from cache  {errors:,} errors",
                  end="", file=sys.stderr, flush=True)
            self.shown = True

    def close(self) -> None:
        if self.shown:
            print(file=sys.stderr)


@dataclass
class RunSummary:
    version: str
    corpus: str
    codebook: str
    codebook_hash: str
    corpus_hash: str
    engine: str = "serial"
    workers: int = 1
    counts: dict = field(default_factory=dict)
    errors: int = 0
    cached: int = 0
    seconds: float = 0.0


def _batches(items: Iterator, size: int, tail: int = 0) -> Iterator[list]:
    """Chunks of ``size``; the last ``tail`` items come in chunks of a fifth of that, so
    that parallel workers run out of work together instead of one waiting on the other's
    last full chunk. Reads ``tail`` items ahead to know where the end is."""
    buf: deque = deque(islice(items, tail))
    for it in items:
        buf.append(it)
        if len(buf) == size + tail:
            yield [buf.popleft() for _ in range(size)]
    small = max(1, size // 5) if tail else size
    while buf:
        yield [buf.popleft() for _ in range(min(small, len(buf)))]


def run(corpus: str | Path, out: str | Path = "results", codebook: str | Path | None = None,
        options: LoadOptions | None = None, progress: bool | None = None, engine: str = "serial",
        workers: int = 1, scheduler: str | None = None, cache: bool = True, batch_size: int | None = None) -> RunSummary:
    """Annotate every article of ``corpus`` and write all tables to ``out``. ``batch_size``:
    articles per task (default: the engine's ``task_size``)."""
    t0 = time.perf_counter()
    cb = load_codebook(codebook)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    store = ResultCache(out / ".cache") if cache else None
    article_extra = ({f"n_{name}": "Int64" for name in SPAN_TABLES} | feature_dtypes(cb)
                     | {c: "Float64" for c in frame_columns()})
    writer = PartitionWriter(out, {"articles": article_extra})
    dups = DuplicateIndex()
    corpus_hash = hashlib.sha256()
    bar = Progress(progress)
    n = n_err = n_cached = held = 0
    items = iter_corpus(corpus, options)
    # each batch: the corpus items, the cached results, and the articles left to compute
    plan: list[tuple[list, dict[str, dict], list[Article], dict[str, str]]] = []

    def planned() -> Iterator[list[Article]]:
        size = batch_size or eng.task_size
        for chunk in _batches(items, size, tail=size * eng.workers if eng.workers > 1 else 0):
            cached, todo, keys = {}, [], {}
            for it in chunk:
                if isinstance(it, Article):
                    hit = None
                    if store:
                        keys[it.doc_id] = key = cache_key(it, cb.hash)
                        hit = store.get(key)
                    if hit is not None:
                        cached[it.doc_id] = hit
                    else:
                        todo.append(it)
            plan.append((chunk, cached, todo, keys))
            yield todo

    with make_engine(engine, str(codebook) if codebook else None, cb.hash, workers, scheduler) as eng:
        for computed in eng.imap(planned(), meanwhile=writer.open):
            chunk, cached, todo, keys = plan.pop(0)
            by_id = {r["doc_id"]: r for r in computed}
            batch_rows: dict[str, list] = {name: [] for name in TABLES}
            if store:
                for r in computed:
                    if "error" not in r:
                        store.put(keys[r["doc_id"]], r)
            for it in chunk:
                if isinstance(it, ErrorRecord):
                    batch_rows["errors"].append(it)
                    corpus_hash.update(f"error\0{it.doc_id}\0{it.reason}\0".encode())
                    continue
                corpus_hash.update(f"{it.doc_id}\0{it.text}\0".encode())
                res = cached.get(it.doc_id) or by_id.get(it.doc_id)
                if res is None or "error" in res:
                    reason = res["error"] if res else "no result returned by the engine"
                    batch_rows["errors"].append(ErrorRecord(it.doc_id, it.source, reason))
                    continue
                n_cached += it.doc_id in cached
                dups.add(res["exact_key"], res["signature"])
                batch_rows["articles"].append(res["article"])
                batch_rows["texts"].append({"doc_id": it.doc_id, "text": it.text})
                for name in SPAN_TABLES:
                    batch_rows[name].extend(res["tables"][name])
                n += 1
            writer.add(batch_rows)
            n_err += len(batch_rows["errors"])
            held += len(chunk)
            if held >= WRITE_EVERY:
                writer.write()
                held = 0
            bar.update(n, n_err, n_cached)
    bar.close()
    counts = writer.combine(*dups.resolve())
    summary = RunSummary(__version__, str(corpus), str(cb.path), cb.hash, corpus_hash.hexdigest()[:16], engine,
                         workers if engine != "serial" else 1, counts, n_err, n_cached,
                         round(time.perf_counter() - t0, 3))
    (out / "run.json").write_text(json.dumps(asdict(summary), indent=2) + "\n", encoding="utf-8")
    return summary

