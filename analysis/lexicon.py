"""Find phrases (codebook lexicons, actor aliases) in text, fast and whole-word.

Text is split once into word tokens (cached per text); a phrase matches where its
tokens follow each other with the same separators (any white space where the phrase
has a space, the literal characters otherwise, as in "U.S."). Matching is
leftmost, longest phrase first, not overlapping, like a regex alternation of the
phrases, but a dictionary lookup per token instead of trying every phrase at
every position: linear in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .codebook import Codebook, Entry

# A word with inner hyphens (cross-border), or a clitic after an apostrophe ('s, ’s).
_WORD = re.compile(r"\w+(?:-\w+)*|['’]\w+")
_start, _end, _group = re.Match.start, re.Match.end, re.Match.group


@dataclass(frozen=True)
class Words:
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    raw: tuple[str, ...]
    low: tuple[str, ...]
    where: dict[str, list[int]]   # lower-case token -> its positions: a matcher looks up only its first words


@lru_cache(maxsize=16)
def words_of(text: str) -> Words:
    """Word tokens of a text (cached: every lexicon reads the same tokens)."""
    ms = list(_WORD.finditer(text))
    raw = list(map(_group, ms))
    if "’" in text:
        raw = [t.replace("’", "'") for t in raw]
    low = list(map(str.lower, raw))
    where: dict[str, list[int]] = {}
    for i, t in enumerate(low):
        if t in where:
            where[t].append(i)
        else:
            where[t] = [i]
    return Words(tuple(map(_start, ms)), tuple(map(_end, ms)), tuple(raw), tuple(low), where)


def _where(where: dict[str, list[int]], firsts: frozenset[str]) -> list[int]:
    """Positions of the tokens in ``firsts`` (iterating over the smaller of the two)."""
    keys = [t for t in firsts if t in where] if len(firsts) < len(where) else [t for t in where if t in firsts]
    return [i for t in keys for i in where[t]]


def _split(phrase: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A phrase's tokens and the separators between them (' ' for any white space)."""
    toks = list(_WORD.finditer(phrase))
    words = tuple(m.group().replace("’", "'") for m in toks)
    gaps = tuple(_norm_gap(phrase[a.end():b.start()]) for a, b in zip(toks, toks[1:]))
    return words, gaps


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    entries: tuple   # every payload (lexicon entry, actor id) that lists this phrase

    @property
    def entry(self) -> Entry:
        return self.entries[0]


class PhraseMatcher:
    """Match many phrases at once. ``sensitive`` phrases match only as written."""

    def __init__(self, phrases: list[tuple[str, object, bool]]):
        grouped: dict[tuple, list] = {}
        for phrase, payload, sensitive in phrases:
            words, gaps = _split(phrase)
            if not words:
                continue
            key_words = words if sensitive else tuple(w.lower() for w in words)
            grouped.setdefault((key_words, gaps, sensitive), []).append(payload)
        # (first token, sensitive) -> second token ('' for one-word phrases) -> candidates, longest first
        self.table: dict[tuple[str, bool], dict[str, list]] = {}
        for (words, gaps, sensitive), payloads in grouped.items():
            second = words[1] if len(words) > 1 else ""
            self.table.setdefault((words[0], sensitive), {}).setdefault(second, []).append(
                (words, gaps, sensitive, tuple(payloads)))
        for by_second in self.table.values():
            for cands in by_second.values():
                cands.sort(key=lambda c: -len(c[0]))
        self.first_raw = frozenset(k for k, sensitive in self.table if sensitive)
        self.first_low = frozenset(k for k, sensitive in self.table if not sensitive)
        self.first_raw_low = tuple((k, k.lower()) for k in self.first_raw)
        self._cand: dict[str, list[int]] = {}   # text -> candidate positions (the last few texts)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        end = len(text) if end is None else end
        w = words_of(text)
        n = len(w.starts)
        cand = self._cand.get(text)
        if cand is None:
            # only the positions of tokens that can start a phrase
            cand = _where(w.where, self.first_low)
            if self.first_raw:
                raw, where = w.raw, w.where
                cand = sorted(set(cand).union(i for t, low in self.first_raw_low for i in where.get(low, ()) if raw[i] == t))
            else:
                cand.sort()
            if len(self._cand) >= 4:
                self._cand.clear()
            self._cand[text] = cand
        if not cand:
            return []
        out: list[Hit] = []
        last_end = -1
        table = self.table
        first = _bisect_by(cand, w.starts, start) if start else 0
        for i in cand[first:]:
            if w.starts[i] >= end:
                break
            if w.starts[i] < last_end:
                continue
            best = None
            for key in ((w.raw[i], True), (w.low[i], False)):
                by_second = table.get(key)
                if by_second is None:
                    continue
                nxt = (w.raw if key[1] else w.low)[i + 1] if i + 1 < n else None
                for words, gaps, sensitive, payloads in by_second.get(nxt, []) + by_second.get("", []):
                    k = len(words)
                    if i + k > n or w.ends[i + k - 1] > end or (best is not None and k <= best[0]):
                        continue
                    toks = w.raw if sensitive else w.low
                    if toks[i:i + k] != words:
                        continue
                    if all(_gap_ok(text[w.ends[i + j]:w.starts[i + j + 1]], g) for j, g in enumerate(gaps)):
                        best = (k, payloads)
            if best is not None:
                s, e = w.starts[i], w.ends[i + best[0] - 1]
                out.append(Hit(s, e, text[s:e], best[1]))
                last_end = e
        return out


def _norm_gap(gap: str) -> str:
    return " " if gap and gap.isspace() else gap


def _gap_ok(gap: str, expected: str) -> bool:
    if expected == " ":
        return bool(gap) and gap.isspace()
    return gap == expected


def _bisect_by(cand: list[int], starts: tuple[int, ...], x: int) -> int:
    """First index into ``cand`` whose token starts at or after ``x``."""
    lo, hi = 0, len(cand)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[cand[mid]] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@lru_cache(maxsize=32)
def _matcher(cb_hash: str, name: str, entries: tuple[Entry, ...]) -> PhraseMatcher:
    return PhraseMatcher([(f, e, False) for e in entries for f in e.forms])


@lru_cache(maxsize=4)
def _exclusions(cb_hash: str, text: str, entries: tuple[Entry, ...]) -> dict[str, list[Hit]]:
    by_lexicon: dict[str, list[Hit]] = {}
    for h in _matcher(cb_hash, "exclusions", entries).find(text):
        by_lexicon.setdefault(h.entry["lexicon"], []).append(h)
    return by_lexicon


def excluded(cb: Codebook, name: str, text: str) -> list[Hit]:
    """The codebook's exclusion phrases for lexicon ``name`` found in ``text``: its matches inside them do not count."""
    if name == "exclusions" or not cb.lexicon("exclusions"):
        return []
    return _exclusions(cb.hash, text, tuple(cb.lexicon("exclusions"))).get(name, [])


def find(cb: Codebook, name: str, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every match of lexicon ``name`` in ``text[start:end]`` (case-insensitive), minus
    those inside an exclusion phrase listed for it in the codebook's exclusions lexicon."""
    out = _matcher(cb.hash, name, tuple(cb.lexicon(name))).find(text, start, end)
    if out and (excl := excluded(cb, name, text)):
        out = [h for h in out if not any(x.start <= h.start and h.end <= x.end for x in excl)]
    return out


def forms_of(cb: Codebook, name: str) -> frozenset[str]:
    """All forms of a lexicon, lower case."""
    return frozenset(f.lower() for e in cb.lexicon(name) for f in e.forms)
