"""Read a corpus folder into Articles (with zones), recording broken documents.

A corpus is a folder, read recursively in sorted order, of ``.txt``, ``.html``/
``.htm``, ``.csv`` and ``.jsonl`` files, with an optional ``metadata.csv`` at its
top (columns ``file`` or ``doc_id``, and any of title, outlet, date, url,
language). Each CSV/JSONL row is one article: headline, lede (a summary column)
and body. The loader knows nothing of
extraction: it yields ``Article`` or ``ErrorRecord`` and never stops for one
bad document.
"""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import DocumentError, UserError
from .records import Article, ErrorRecord
from .zones import detect_zones

SUFFIXES = {".txt", ".html", ".htm", ".csv", ".jsonl"}
MAX_DOC_BYTES = 5_000_000  # far above any news article; larger inputs are recorded as errors
METADATA_FILE = "metadata.csv"
META_FIELDS = ("title", "outlet", "date", "url", "language", "author")
# Column names recognised without a mapping, in order of preference.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "story"),
    "title": ("title", "headline", "heading"),
    "lede": ("lede", "summary", "standfirst", "dek", "subtitle", "subheadline"),
    "date": ("date", "published", "publish_date", "publication_date", "pub_date", "datetime"),
    "url": ("url", "link", "href"),
    "id": ("id", "doc_id", "stories_id", "article_id", "guid"),
    "outlet": ("outlet", "source", "media_name", "publisher", "site"),
    "language": ("language", "lang"),
    "author": ("author", "authors", "byline"),
}


@dataclass
class LoadOptions:
    """How to read table files: ``columns`` maps a field (text, title, lede, date,
    url, id, outlet) to the column name that holds it in the user's files."""

    columns: dict[str, str] = field(default_factory=dict)
    max_bytes: int = MAX_DOC_BYTES


def normalise_newlines(text: str) -> str:
    """Universal newlines, as Python's text mode reads a file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def corpus_files(root: Path) -> list[Path]:
    """Input files under ``root`` (or ``root`` itself when it is a file), sorted."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise UserError(f"corpus not found: {root} is neither a folder nor a file; pass the folder that holds your articles")
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and not (p.parent == root and p.name == METADATA_FILE)
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def load_metadata(root: Path) -> dict[str, dict]:
    """metadata.csv rows keyed by doc_id (the ``file`` column minus its extension)."""
    path = root / METADATA_FILE
    if not root.is_dir() or not path.is_file():
        return {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        key = "doc_id" if "doc_id" in (reader.fieldnames or []) else "file"
        if key not in (reader.fieldnames or []):
            raise UserError(f"{path}: expected a 'file' or 'doc_id' column, got {', '.join(reader.fieldnames or [])}")
        out = {}
        for row in reader:
            k = (row.get(key) or "").strip()
            if key == "file":
                k = str(Path(k).with_suffix("")) if Path(k).suffix.lower() in SUFFIXES else k
            out[k] = {f: (row.get(f) or "").strip() for f in META_FIELDS if row.get(f)}
        return out


def iter_corpus(root: str | Path, options: LoadOptions | None = None) -> Iterator[Article | ErrorRecord]:
    """Yield every article of the corpus, or an ErrorRecord for each broken one.

    Raises UserError only for the user's own mistakes (missing corpus, unknown
    column in ``options.columns``).
    """
    root = Path(root)
    options = options or LoadOptions()
    files = corpus_files(root)
    meta = load_metadata(root)
    seen: dict[str, str] = {}
    base = root if root.is_dir() else root.parent
    for path in files:
        rel = path.relative_to(base).as_posix()
        try:
            if path.suffix.lower() in (".csv", ".jsonl"):
                items = _table_file(path, rel, options)
            else:
                items = iter([_single_file(path, rel, meta, options)])
            for item in items:
                if isinstance(item, Article):
                    if item.doc_id in seen:
                        item = ErrorRecord(item.doc_id, item.source, f"duplicate doc_id {item.doc_id!r}: already used by {seen[item.doc_id]}; give each article a unique id")
                    else:
                        seen[item.doc_id] = item.source
                yield item
        except DocumentError as err:
            yield ErrorRecord(str(Path(rel).with_suffix("")), rel, str(err))
        except OSError as err:  # deleted or unreadable between listing and reading
            yield ErrorRecord(str(Path(rel).with_suffix("")), rel, f"cannot read file: {err.strerror or err}")


def decode(data: bytes, what: str) -> str:
    """Strict UTF-8 (BOM allowed), with a message that says where and how to fix."""
    if b"\x00" in data[:8192]:
        raise DocumentError(f"binary file ({what} contains NUL bytes); corpus files must be text")
    try:
        return normalise_newlines(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise DocumentError(f"not UTF-8: undecodable byte 0x{data[err.start]:02x} at byte {err.start}; re-save {what} as UTF-8") from None


def _check_size(n: int, options: LoadOptions, what: str) -> None:
    if n > options.max_bytes:
        raise DocumentError(f"{what} is {n / 1e6:.1f} MB, above the {options.max_bytes / 1e6:.1f} MB limit for one article; split it or raise --max-bytes")


def _single_file(path: Path, rel: str, meta: dict[str, dict], options: LoadOptions) -> Article:
    doc_id = str(Path(rel).with_suffix(""))
    _check_size(path.stat().st_size, options, "the file")
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError("empty file")
    raw = decode(data, "the file")
    info = dict(meta.get(doc_id, {}))
    if path.suffix.lower() in (".html", ".htm"):
        text, found = _html_text(raw)
        for k, v in found.items():
            info.setdefault(k, v)
    else:
        text = raw
    if not text.strip():
        raise DocumentError("no text: the file holds only white space")
    if "outlet" not in info and Path(rel).parent != Path("."):
        info["outlet"] = Path(rel).parent.name
    zones = detect_zones(text, info.get("title") if path.suffix.lower() == ".txt" else None)
    if "title" not in info:
        head = next((z for z in zones if z.kind == "headline"), None)
        if head is not None:
            info["title"] = text[head.start:head.end]
    return Article(doc_id, text, rel, info, zones)


def _html_text(html: str) -> tuple[str, dict]:
    """Main text, title, date and author of an HTML page via trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None:
        raise DocumentError("no article text found in the HTML (trafilatura extracted nothing)")
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text") or ""
    if not text.strip():
        raise DocumentError("no article text found in the HTML (trafilatura extracted nothing)")
    found = {k: str(get(k)) for k in ("title", "date", "author", "url") if get(k)}
    if get("sitename"):
        found["outlet"] = str(get("sitename"))
    return normalise_newlines(text), found


def _resolve_columns(available: list[str], options: LoadOptions, path: Path) -> dict[str, str]:
    lower = {c.lower().strip(): c for c in available}
    cols: dict[str, str] = {}
    for fld, col in options.columns.items():
        if col not in available:
            raise UserError(f"{path.name}: no column {col!r} for {fld}; its columns are {', '.join(available)}")
        cols[fld] = col
    for fld, names in COLUMN_ALIASES.items():
        if fld not in cols:
            hit = next((lower[n] for n in names if n in lower), None)
            if hit:
                cols[fld] = hit
    if "text" not in cols:
        raise DocumentError(f"{path.name}: no text column among {', '.join(available)}; name it with --text-column")
    return cols


def _table_file(path: Path, rel: str, options: LoadOptions) -> Iterator[Article | ErrorRecord]:
    stem = Path(rel).with_suffix("").as_posix()
    if path.suffix.lower() == ".csv":
        rows = _csv_rows(path)
    else:
        rows = _jsonl_rows(path)
    resolved: dict[tuple, dict[str, str]] = {}  # JSONL rows may differ in their keys
    for n, row in rows:
        where = f"{rel}:{n}"
        if isinstance(row, str):
            yield ErrorRecord(f"{stem}/{n}", where, row)
            continue
        keys = tuple(row.keys())
        if keys not in resolved:
            resolved[keys] = _resolve_columns(list(keys), options, path)
        cols = resolved[keys]
        try:
            yield _row_article(row, cols, stem, n, where, options)
        except DocumentError as err:
            yield ErrorRecord(_row_id(row, cols, stem, n), where, str(err))


def _row_id(row: dict, cols: dict[str, str], stem: str, n: int) -> str:
    for fld in ("id", "url"):
        v = row.get(cols.get(fld, ""), None)
        if v not in (None, "") and str(v).strip():
            return str(v).strip()
    return f"{stem}/{n}"


def _row_article(row: dict, cols: dict[str, str], stem: str, n: int, where: str, options: LoadOptions) -> Article:
    body = row.get(cols["text"])
    body = "" if body is None else normalise_newlines(str(body))
    _check_size(len(body.encode("utf-8")), options, "the text")
    if not body.strip():
        raise DocumentError("empty text")
    title = str(row.get(cols.get("title", ""), "") or "").strip()
    info = {f: str(row[cols[f]]).strip() for f in META_FIELDS if f in cols and row.get(cols[f]) not in (None, "")}
    info.setdefault("outlet", Path(stem).name)
    # The headline and the lede are put before the body so that their quotes and blame are
    # found; every offset indexes this composed text, which run writes to the texts table.
    lede = normalise_newlines(str(row.get(cols.get("lede", ""), "") or "")).strip()
    _check_size(len(lede.encode("utf-8")), options, "the lede")
    if lede and not _repeated_in(lede, body):
        body = f"{lede}\n\n{body}"
    text = f"{title}\n\n{body}" if title else body
    zones = detect_zones(text, None, len(title) if title else None)
    if not title:
        zones = [z for z in zones if z.kind != "headline"]
    return Article(_row_id(row, cols, stem, n), text, where, info, zones)


def _repeated_in(lede: str, body: str) -> bool:
    """Does the body already open with its summary or standfirst ('Vladimir Putin sent greetings
    to ...')? Feeds often repeat it as the first paragraph."""
    return " ".join(lede.split())[:200] in " ".join(body[:len(lede) + 400].split())


def _csv_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    """(row number, row dict) pairs, streamed; a malformed row yields its message instead."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, "rb") as fh:
        if b"\x00" in fh.read(8192):
            yield 1, "binary file (contains NUL bytes); corpus files must be text"
            return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        n = 0
        try:
            header = next(reader)
        except StopIteration:
            yield 1, "empty CSV file (no header row)"
            return
        except (csv.Error, UnicodeDecodeError) as err:
            yield 1, f"unreadable CSV header: {err}"
            return
        while True:
            n = reader.line_num
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as err:
                yield n + 1, f"malformed CSV row: {err}"
                continue
            except UnicodeDecodeError as err:
                yield n + 1, f"not UTF-8 from here on ({err.reason}); the rest of the file is skipped; re-save it as UTF-8"
                return
            if not values:
                continue
            if len(values) != len(header):
                yield n + 1, f"malformed CSV row: expected {len(header)} fields ({', '.join(header)}), got {len(values)}"
                continue
            yield n + 1, dict(zip(header, values))


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                yield n, f"malformed JSON line: {err}"
                continue
            if not isinstance(obj, dict):
                yield n, f"malformed JSON line: expected an object, got {type(obj).__name__}"
                continue
            yield n, obj
