"""Load, validate, hash and render the codebook (analysis/codebook/).

The codebook is a folder of CSV files a social scientist can read and edit:

- ``sides.csv``   id, label, description
- ``actors.csv``  id, name, side, type, gender, aliases ('|' separated)
- every other ``*.csv`` is a cue lexicon: at least id and forms ('|' separated
  phrases), plus the columns its schema in ``LEXICON_COLUMNS`` requires.

Lines starting with ``#`` are comments. Every entry's id shows up in the
``rule`` column of the rows it produces.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CodebookError

DEFAULT_PATH = Path(__file__).parent / "codebook"
ACTOR_TYPES = {"person", "institution", "military", "place", "group"}
LEXICON_COLUMNS: dict[str, tuple[str, ...]] = {
    "speech_cues": ("id", "forms", "category", "kind"),
    "blame_cues": ("id", "forms", "kind", "link"),
    "justification_markers": ("id", "forms", "category", "reason_side"),
    "harm_triggers": ("id", "forms", "kind", "participles", "of_role"),
    "stance_markers": ("id", "forms", "kind"),
    "naming": ("id", "forms", "concept", "label", "side"),
    "weapons": ("id", "forms"),
    "exclusions": ("id", "forms", "lexicon"),
    "demonyms": ("id", "forms", "actor"),
}
SPEECH_CATEGORIES = {"neutral", "loaded"}
KINDS = {  # the values a lexicon's kind column may take: each one is a rule the code implements
    "speech_cues": {"verb", "verb_to", "verb_wish", "verb_address", "verb_direct", "verb_clause", "source_prep", "poll_prep"},
    "blame_cues": {"verb", "predicate", "provoke", "target_after"},
    "harm_triggers": {"verb", "noun"},
    "stance_markers": {"distancing", "hedge"},
}


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    side: str | None
    type: str
    gender: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: its id, its surface forms and the rest of its columns."""

    id: str
    forms: tuple[str, ...]
    attrs: dict = field(default_factory=dict, hash=False, compare=False)

    def __getitem__(self, key: str) -> str:
        return self.attrs.get(key, "")


@dataclass
class Codebook:
    path: Path
    sides: dict[str, str]
    actors: dict[str, Actor]
    lexicons: dict[str, list[Entry]]
    hash: str

    def lexicon(self, name: str) -> list[Entry]:
        """Entries of lexicon ``name`` (empty when the codebook has none)."""
        return self.lexicons.get(name, [])

    def side_of(self, actor_id: str | None) -> str | None:
        if actor_id is None or actor_id not in self.actors:
            return None
        return self.actors[actor_id].side


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    """Read a CSV with ``#`` comment lines; return (line number, row) pairs."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise CodebookError(path.name, None, f"not UTF-8 ({err}); save the file as UTF-8") from None
    lines = [(i + 1, ln) for i, ln in enumerate(raw.splitlines()) if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise CodebookError(path.name, None, f"the file is empty; expected a header with columns {', '.join(required)}")
    reader = csv.reader(io.StringIO("\n".join(ln for _, ln in lines)))
    header = [h.strip() for h in next(reader)]
    missing = [c for c in required if c not in header]
    if missing:
        raise CodebookError(path.name, lines[0][0], f"missing column(s) {', '.join(missing)}; the header is {', '.join(header)}")
    out = []
    for (lineno, _), values in zip(lines[1:], reader):
        if len(values) != len(header):
            raise CodebookError(path.name, lineno, f"expected {len(header)} fields ({', '.join(header)}), got {len(values)}; quote fields that contain commas")
        row = {h: v.strip() for h, v in zip(header, values)}
        if not row.get("id"):
            raise CodebookError(path.name, lineno, "empty id; every entry needs an id")
        if not re.fullmatch(r"[a-z0-9_]+", row["id"]):
            raise CodebookError(path.name, lineno, f"id {row['id']!r} must be lower case letters, digits and underscores")
        out.append((lineno, row))
    seen: dict[str, int] = {}
    for lineno, row in out:
        if row["id"] in seen:
            raise CodebookError(path.name, lineno, f"duplicate id {row['id']!r} (first on line {seen[row['id']]})")
        seen[row["id"]] = lineno
    return out


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load and validate a codebook folder (default: the packaged one).

    Raises CodebookError naming the file, line and problem.
    """
    folder = Path(path) if path is not None else DEFAULT_PATH
    if not folder.is_dir():
        raise CodebookError(str(folder), None, "no such folder; pass a folder that holds sides.csv and actors.csv")
    for name in ("sides.csv", "actors.csv"):
        if not (folder / name).is_file():
            raise CodebookError(str(folder / name), None, "file missing; a codebook needs sides.csv and actors.csv")
    sides = {row["id"]: row.get("label", row["id"]) for _, row in _rows(folder / "sides.csv", ("id", "label"))}
    actors: dict[str, Actor] = {}
    for lineno, row in _rows(folder / "actors.csv", ("id", "name", "side", "type", "aliases")):
        side = row["side"] or None
        if side is not None and side not in sides:
            raise CodebookError("actors.csv", lineno, f"unknown side {side!r}; expected one of {', '.join(sides)} or blank")
        if row["type"] not in ACTOR_TYPES:
            raise CodebookError("actors.csv", lineno, f"unknown type {row['type']!r}; expected one of {', '.join(sorted(ACTOR_TYPES))}")
        gender = row.get("gender") or None
        if gender not in (None, "m", "f"):
            raise CodebookError("actors.csv", lineno, f"gender {gender!r} must be m, f or blank")
        aliases = _split(row["aliases"])
        if not aliases:
            raise CodebookError("actors.csv", lineno, f"actor {row['id']!r} has no aliases")
        actors[row["id"]] = Actor(row["id"], row["name"], side, row["type"], gender, aliases)
    lexicons: dict[str, list[Entry]] = {}
    for file in sorted(folder.glob("*.csv")):
        if file.name in ("sides.csv", "actors.csv"):
            continue
        required = LEXICON_COLUMNS.get(file.stem, ("id", "forms"))
        entries = []
        for lineno, row in _rows(file, required):
            forms = _split(row["forms"])
            if not forms:
                raise CodebookError(file.name, lineno, f"entry {row['id']!r} has no forms")
            allowed = KINDS.get(file.stem)
            if allowed and row["kind"] not in allowed:
                raise CodebookError(file.name, lineno, f"kind {row['kind']!r} must be one of {', '.join(sorted(allowed))}")
            if file.stem == "speech_cues" and row["category"] not in SPEECH_CATEGORIES:
                raise CodebookError(file.name, lineno, f"category {row['category']!r} must be neutral or loaded")
            if "side" in row and row["side"] and row["side"] not in sides:
                raise CodebookError(file.name, lineno, f"unknown side {row['side']!r}; expected one of {', '.join(sides)} or blank")
            if "actor" in LEXICON_COLUMNS.get(file.stem, ()) and row["actor"] not in actors:
                raise CodebookError(file.name, lineno, f"unknown actor {row['actor']!r}; use an id from actors.csv")
            attrs = {k: v for k, v in row.items() if k not in ("id", "forms")}
            entries.append(Entry(row["id"], forms, attrs))
        lexicons[file.stem] = entries
    return Codebook(folder, sides, actors, lexicons, codebook_hash(folder))


def codebook_hash(folder: Path) -> str:
    """SHA-256 (first 16 hex digits) over the codebook's file names and bytes."""
    h = hashlib.sha256()
    for file in sorted(folder.glob("*.csv")):
        h.update(file.name.encode())
        h.update(file.read_bytes())
    return h.hexdigest()[:16]


def render(cb: Codebook) -> str:
    """The codebook as a readable Markdown document (a content analysis codebook)."""
    out = [f"# Codebook\n\nFolder: {cb.path}  \nHash: {cb.hash}\n", "## Sides\n", "| id | label |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in cb.sides.items()]
    out += ["\n## Actors\n", "| id | name | side | type | aliases |", "|---|---|---|---|---|"]
    out += [f"| {a.id} | {a.name} | {a.side or ''} | {a.type} | {'; '.join(a.aliases)} |" for a in cb.actors.values()]
    for name, entries in cb.lexicons.items():
        extra = [c for c in LEXICON_COLUMNS.get(name, ("id", "forms")) if c not in ("id", "forms")]
        out += [f"\n## Lexicon: {name}\n", "| id | " + " | ".join(extra + ["forms"]) + " |", "|---" * (len(extra) + 2) + "|"]
        out += ["| " + " | ".join([e.id] + [e[c] for c in extra] + ["; ".join(e.forms)]) + " |" for e in entries]
    return "\n".join(out) + "\n"
