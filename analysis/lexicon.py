"""Find a codebook lexicon's phrases in text: case-insensitive, whole words, longest first."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .codebook import Codebook, Entry, forms_pattern


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]   # every entry that lists this form

    @property
    def entry(self) -> Entry:
        return self.entries[0]


@lru_cache(maxsize=32)
def _compiled(cb_hash: str, name: str, entries: tuple[Entry, ...]) -> tuple[re.Pattern | None, dict]:
    table: dict[str, list[Entry]] = {}
    for e in entries:
        for f in e.forms:
            table.setdefault(" ".join(f.lower().split()), []).append(e)
    if not table:
        return None, {}
    return re.compile(forms_pattern(list(table)), re.I), {k: tuple(v) for k, v in table.items()}


def find(cb: Codebook, name: str, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every match of lexicon ``name`` in ``text[start:end]``, minus those inside an
    exclusion phrase listed for it in the codebook's exclusions lexicon."""
    rx, table = _compiled(cb.hash, name, tuple(cb.lexicon(name)))
    if rx is None:
        return []
    end = len(text) if end is None else end
    out = []
    for m in rx.finditer(text, start, end):
        key = " ".join(m.group().lower().split())
        out.append(Hit(m.start(), m.end(), m.group(), table[key]))
    if out and name != "exclusions":
        excl = [h for h in find(cb, "exclusions", text, start, end) if h.entry["lexicon"] == name]
        if excl:
            out = [h for h in out if not any(x.start <= h.start and h.end <= x.end for x in excl)]
    return out


def forms_of(cb: Codebook, name: str) -> frozenset[str]:
    """All forms of a lexicon, lower case."""
    return frozenset(f.lower() for e in cb.lexicon(name) for f in e.forms)
