"""Resolve the actor a phrase names: a codebook mention in it, or a pronoun
('they', 'their') resolved to the last group actor of the other side.

Used by blame and harm for targets, agents and patients. Unknown stays empty.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .codebook import Codebook
from .document import Doc
from .records import Mention

GROUP_PRONOUNS = {"they", "them", "their", "theirs"}
PHRASE_MAX_WORDS = 8    # a target or patient named by a plain phrase keeps at most this many words
LOOKBACK_CHARS = 1500   # how far back a pronoun may find its actor
_PRON = re.compile(r"\b(?:they|them|their|theirs)\b", re.I)


@dataclass(frozen=True)
class Referent:
    text: str
    actor: str | None
    side: str | None
    how: str   # mention | pronoun | phrase | none


NONE = Referent("", None, None, "none")


def referent(doc: Doc, cb: Codebook, start: int, end: int, exclude_side: str | None = None,
             before: int | None = None, first: bool = False) -> Referent:
    """What the phrase ``text[start:end]`` names.

    A codebook mention inside it wins (the first non-place one, else a place;
    with ``first``, the first of any kind: a patient may be a place);
    a group pronoun resolves to the last non-person, non-place actor mentioned
    before ``before`` whose side is not ``exclude_side`` (the speaker's own side).
    """
    text = doc.text
    phrase = text[start:end].strip(" ,.;:\"'“”‘’")
    if not phrase:
        return NONE
    inside = [m for m in doc.mentions if start <= m.start and m.end <= end]
    if inside:
        best = inside[0] if first else next((m for m in inside if cb.actors[m.actor].type != "place"), inside[0])
        return Referent(best.text, best.actor, best.side, "mention")
    if _PRON.fullmatch(phrase.split()[0] if phrase.split() else ""):
        m = last_group(doc, cb, before if before is not None else start, exclude_side)
        if m is not None:
            return Referent(m.text, m.actor, m.side, "pronoun")
        return Referent(phrase, None, None, "pronoun")
    return Referent(_head_phrase(phrase), None, None, "phrase")


def _head_phrase(phrase: str) -> str:
    """The first noun phrase of a longer stretch: up to a comma, a conjunction or PHRASE_MAX_WORDS."""
    cut = re.split(r",|\s(?:and|but|while|making|which)\s", phrase, maxsplit=1)[0].split()
    return " ".join(cut[:PHRASE_MAX_WORDS])


def last_group(doc: Doc, cb: Codebook, before: int, exclude_side: str | None) -> Mention | None:
    for m in reversed(doc.mentions):
        if m.start >= before:
            continue
        if before - m.start > LOOKBACK_CHARS:
            break
        a = cb.actors[m.actor]
        if a.type in ("institution", "military", "group") and m.side is not None and m.side != exclude_side:
            return m
    return None


def nearest_before(doc: Doc, cb: Codebook, lo: int, hi: int, places: bool = False) -> Mention | None:
    """The last actor mention in [lo, hi)."""
    for m in reversed(doc.mentions):
        if m.end <= hi and m.start >= lo and (places or cb.actors[m.actor].type != "place"):
            return m
        if m.start < lo:
            break
    return None


_PREP_BEFORE = re.compile(r"\b(?:in|into|on|onto|at|against|to|from|over|with|by|for|about|near|across|toward|towards|inside|outside)\s+(?:the\s+)?$", re.I)


def subject_before(doc: Doc, cb: Codebook, lo: int, hi: int) -> Mention | None:
    """The last actor mention in [lo, hi) that is not the object of a preposition
    ("Russian troops poured into Ukraine, seizing ..." -> Russian troops)."""
    for m in reversed(doc.mentions):
        if m.start < lo:
            break
        if m.end <= hi and cb.actors[m.actor].type != "place" and not _PREP_BEFORE.search(doc.text, max(lo, m.start - 12), m.start):
            return m
    return None
