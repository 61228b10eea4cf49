"""Find spans between quotation marks, robust to odd counts and multi-paragraph quotes.

News conventions handled (the failures users report in other tools):
- curly and straight, double and single marks, and guillemets;
- a paragraph that opens a quote and does not close it, followed by a paragraph
  that opens again: one quote over both paragraphs;
- a stray mark: the quote it opens ends with its paragraph, so the rest of the
  article is not lost (textacy raises for the whole document instead);
- apostrophes (Kharkiv's, '90s, don't) are not single quote marks.

One pass over the quote marks (found by a character-class regex): linear time on any input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Span

DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“"}
DOUBLE_CLOSE = {"”", "»"}
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
APOSTROPHE = "'"
SINGLE_MAX_CHARS = 400    # single marks farther apart are apostrophes or noise, not a quote
CONTINUE_MIN_WORDS = 8    # an unclosed quote this long may run on into the next paragraph
OPEN_BEFORE = set(" \t\n([{—–-/:;,")   # a straight mark after these (or at the start) opens


@dataclass(frozen=True)
class QuoteSpan:
    start: int          # at the opening mark
    end: int            # after the closing mark (or paragraph end when unclosed)
    closed: bool
    single: bool        # single marks ('...' or ‘...’)
    paragraphs: int     # how many paragraphs it spans


def _opens_straight(text: str, i: int, para_start: int, width: int = 1) -> bool:
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + width] if i + width < len(text) else " "
    return (prev in OPEN_BEFORE or i == para_start) and not nxt.isspace()


def _may_continue(text: str, open_at: int, para: Span) -> bool:
    """A quote left open at a paragraph end continues only if it looks like a statement:
    it opened the paragraph, followed ':' or ',', or has run for a sentence."""
    before = text[para.start:open_at].rstrip()
    return not before or before[-1] in ":," or len(text[open_at:para.end].split()) >= CONTINUE_MIN_WORDS


def _mark(text: str, i: int) -> tuple[str, int]:
    """The quote mark at ``i`` and its width: '' and `` (typewriter doubles) count as one."""
    two = text[i:i + 2]
    if two == "''":
        return STRAIGHT, 2
    if two == "``":
        return "“", 2
    return text[i], 1


_DOUBLE_MARKS = re.compile(r"''|``|[\"“”«»„]")
_SINGLE_MARKS = re.compile(r"['‘’]")


def find_double(text: str, paras: list[Span]) -> list[QuoteSpan]:
    """Double-quoted spans over the given paragraphs (visits only the quote marks)."""
    out: list[QuoteSpan] = []
    open_at: int | None = None
    n_paras = 0
    for pi, p in enumerate(paras):
        i = p.start
        if open_at is not None:
            # continued quote: the new paragraph must open again, else the old one ends at its paragraph
            first, width = _mark(text, p.start)
            if (first in DOUBLE_OPEN or first == STRAIGHT) and _may_continue(text, open_at, paras[pi - 1]):
                n_paras += 1
                i = p.start + width
            else:
                out.append(QuoteSpan(open_at, paras[pi - 1].end, False, False, n_paras))
                open_at = None
        for m in _DOUBLE_MARKS.finditer(text, i, p.end):
            i, width = m.start(), m.end() - m.start()
            ch = STRAIGHT if m.group() == "''" else "“" if m.group() == "``" else m.group()
            if open_at is None:
                if ch in DOUBLE_OPEN or (ch == STRAIGHT and _opens_straight(text, i, p.start, width)):
                    open_at, n_paras = i, 1
            elif ch in DOUBLE_CLOSE or ch == STRAIGHT or (ch == "“" and text[open_at] == "„"):
                out.append(QuoteSpan(open_at, i + width, True, False, n_paras))
                open_at = None
            elif ch in DOUBLE_OPEN and ch != "„":
                open_at, n_paras = i, 1  # a new opener while open: the earlier mark was stray
    if open_at is not None:
        out.append(QuoteSpan(open_at, paras[-1].end, False, False, n_paras))
    return out


def _is_single_open(text: str, i: int, p: Span) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > p.start else " "
    nxt = text[i + 1] if i + 1 < p.end else " "
    if ch == SINGLE_OPEN:
        return nxt.isalnum() or nxt in "$€£"
    return (prev in OPEN_BEFORE or i == p.start) and (nxt.isalpha() or nxt in "$€£")


def _is_single_close(text: str, i: int, p: Span) -> bool:
    prev = text[i - 1] if i > p.start else " "
    nxt = text[i + 1] if i + 1 < p.end else " "
    return not prev.isspace() and not nxt.isalnum()


def find_single(text: str, paras: list[Span], skip: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted spans within one paragraph, outside the given double-quoted spans."""
    out = []
    blocked = sorted((q.start, q.end) for q in skip)
    bi = 0
    for p in paras:
        open_at = None
        for m in _SINGLE_MARKS.finditer(text, p.start, p.end):
            i = m.start()
            ch = text[i]
            if ch == APOSTROPHE and (text[i + 1:i + 2] == APOSTROPHE or text[i - 1:i] == APOSTROPHE):
                continue  # '' is a double mark
            while bi < len(blocked) and blocked[bi][1] <= i:
                bi += 1
            if bi < len(blocked) and blocked[bi][0] <= i:
                open_at = None
                continue
            if open_at is not None and i - open_at > SINGLE_MAX_CHARS:
                open_at = None
            if open_at is None:
                if ch != SINGLE_CLOSE and _is_single_open(text, i, p):
                    open_at = i
            elif ch in (SINGLE_CLOSE, APOSTROPHE) and _is_single_close(text, i, p):
                out.append(QuoteSpan(open_at, i + 1, True, True, 1))
                open_at = None
    return out


def find_quote_spans(text: str, paras: list[Span]) -> list[QuoteSpan]:
    """All quoted spans, double and single, in text order."""
    doubles = find_double(text, paras)
    return sorted(doubles + find_single(text, paras, doubles), key=lambda q: q.start)
