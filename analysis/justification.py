"""Justification: an action and the reason given for it, and whose voice gives it.

Markers come from the codebook's justification_markers lexicon (purpose, goal,
cause, response, necessity). For markers whose reason follows them ("to stop
cross-border attacks", "because they have shelled"), the action is the clause
before the marker and the reason the clause after. For necessity ("we will be
forced to create a security zone") the action follows the marker and the reason
is the condition before it, if any. The justifier is the speaker of the quote the
marker sits in, else the narrator.
"""
from __future__ import annotations

import re

from .codebook import Codebook
from .context import clause_end, clause_start, is_question, negated, quote_at, sentence_bounds, voice_at
from .document import Doc
from .lexicon import find
from .records import Justification, Quote
from .speakers import words

_SELF = re.compile(r"\b(?:we|i|us|they|he|she|it|russia|ukraine|moscow|kyiv|kiev)\b[\w\s']*$", re.I)
# a copula before an evaluative adjective (resources/grammar.csv): the clause judges ("is important"), it reports no action
_STATE = re.compile(r"\b(?:is|are|was|were|am|be|'s|'re|remains?|remained|seems?|seemed)\s+(?:\w+ly\s+|very\s+|so\s+)?(?:"
                    + "|".join(sorted(words()["evaluative"])) + r")\b", re.I)
_EVALUATIVE = re.compile(r"(?:it|this|that|there)\s+(?:is|was|are|were|'s)\b", re.I)
MIN_ACTION_CHARS = 8   # "to stop" with no action before it ("Efforts to stop...") is no justification


def extract_justifications(doc: Doc, cb: Codebook, quotes: list[Quote]) -> list[Justification]:
    out: list[Justification] = []
    text, art = doc.text, doc.article
    taken: list[tuple[int, int]] = []
    for hit in find(cb, "justification_markers", text):
        if art.in_boilerplate(hit.start, hit.end) or any(a <= hit.start < b for a, b in taken):
            continue
        e = hit.entry
        s0, s1 = sentence_bounds(doc, hit.start)
        c0 = clause_start(text, s0, hit.start)
        if is_question(text, s1) or negated(text, c0, hit.start):
            continue
        q = quote_at(quotes, hit.start, hit.end)
        if q is not None and q.start > c0:  # 'Putin said that [his forces launched ... to stop ...]'
            c0 = q.start
        if q is not None:
            s1 = min(s1, q.end)
        before = text[c0:hit.start].strip(" ,\"'“”")
        after_end = clause_end(text, hit.end, s1)
        after = text[hit.end:after_end].strip(" ,\"'“”")
        if e["reason_side"] == "before":
            # necessity: the action follows; a condition ("if this continues,") is the reason
            action, reason = after, _condition(before)
            if not action or not _SELF.search(before[-40:]):
                continue  # "people were forced to leave" is coercion, not a justification
        elif not before and "," not in text[hit.end:s1]:
            continue  # "Because without decisive action ...": a fragment with no action
        elif not before:
            # fronted: "In order to cover their retreat, they made people leave"
            comma = text.index(",", hit.end, s1)
            reason = text[hit.end:comma].strip()
            action = text[comma + 1:clause_end(text, comma + 1, s1)].strip()
            after_end = clause_end(text, comma + 1, s1)
        else:
            action, reason = before, after
        if e["reason_side"] != "before":
            if len(action) < MIN_ACTION_CHARS or not reason:
                continue
            if reason.lower().strip(" ,.") in words()["discourse_aside"]:
                continue  # "Because to be completely frank, ...": an aside, not a reason
            if e["category"] in ("purpose", "goal") and not _purpose_context(before):
                continue
            if e["category"] == "cause" and (_EVALUATIVE.match(action) or _STATE.search(action)):
                continue  # "It is an obvious fact because ...", "Our talk is important because": a state, not an action
        v = voice_at(quotes, hit.start, hit.end)
        start, end = min(c0, hit.start), max(after_end, hit.end)
        out.append(Justification(doc.doc_id, start, end, text[start:end], hit.text, action, reason,
                                 v.speaker, v.side, v.quote_id, f"{e['category']}:{e.id}"))
        taken.append((hit.start, hit.end))
    return out


def _condition(before: str) -> str:
    """The 'if ...' clause before a necessity marker, if there is one."""
    low = before.lower()
    i = max(low.rfind("if "), low.rfind("unless "))
    if i < 0:
        return ""
    return before[i:].split(",")[0].strip()


def _purpose_context(before: str) -> bool:
    """'to stop X' justifies an action only after a verb phrase, not after a noun
    ('efforts to stop', 'a plan to end'): the clause must not end in a bare noun of intent."""
    last = before.split()[-1].lower().strip(".,") if before.split() else ""
    return last not in words()["intent_noun"] and last not in words()["be_form"]  # "our goal is to end the war"
