"""Where a span stands: in whose voice (which quote), in which clause, near which actors.

Shared by the framing extractors so that "whose justification" and "who blames"
come from the quote's speaker, and the narrator's own statements are told apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Doc
from .records import Quote

NARRATOR = "narrator"


@dataclass(frozen=True)
class Voice:
    speaker: str
    side: str | None
    quote_id: str | None


def quote_at(quotes: list[Quote], start: int, end: int | None = None) -> Quote | None:
    """The innermost quote whose span holds [start, end)."""
    end = start + 1 if end is None else end
    best = None
    for q in quotes:
        if q.start <= start and end <= q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return best


def voice_at(quotes: list[Quote], start: int, end: int | None = None) -> Voice:
    """The quote's speaker when the span is quoted, else the narrator."""
    q = quote_at(quotes, start, end)
    if q is None:
        return Voice(NARRATOR, None, None)
    return Voice(q.speaker or "", q.speaker_side, q.quote_id)


def sentence_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    s = doc.seg.sentence_at(offset)
    return (s.start, s.end) if s else (offset, offset)


_CLAUSE_END = re.compile(r"[;:—–]|[,.]?[\"”’](?=[\s,.])|,\s+(?:but|while|whereas|although|though|which|who|where|adding|saying)\b|\.(?=\s|$)")


def clause_end(text: str, start: int, limit: int) -> int:
    """End of the clause that starts at ``start``: before ; : — a closing quote mark,
    ', but' / ', which' ..., or the sentence end; without a final period."""
    m = _CLAUSE_END.search(text, start, limit)
    end = m.start() if m else limit
    while end > start and text[end - 1] in " ,.\"'”’":
        end -= 1
    return end


def clause_start(text: str, sent_start: int, offset: int) -> int:
    """Start of the clause that holds ``offset``: after the last ; : — before it, else the sentence start."""
    last = sent_start
    for m in re.compile(r"[;:—–]\s*").finditer(text, sent_start, offset):
        last = m.end()
    while last < offset and text[last] in " \"'“‘":
        last += 1
    return last


def is_question(text: str, s_end: int) -> bool:
    """The sentence that ends at ``s_end`` is a question."""
    return text[:s_end].rstrip(" \"'”’»").endswith("?")


_NEG = re.compile(r"(?:\b(?:not|never|no|cannot|nobody|neither|nor|without)|n't)\W+(?:\w+\W+){0,2}$", re.I)


def negated(text: str, clause_start: int, offset: int) -> bool:
    """A negation stands within three words before ``offset`` in its clause."""
    return bool(_NEG.search(text, max(clause_start, offset - 40), offset))
