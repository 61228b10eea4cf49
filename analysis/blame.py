"""Blame: who blames whom for what, and in whose voice.

Cues come from the codebook's blame_cues lexicon:
- verb ("slammed Kyiv for ...", "accused X of ..."): the blamer is the speaker of the
  statement the verb reports (quotes.py made it a cue) or the actor before it; the
  target is what stands between the verb and its link word; the reason follows the link;
- predicate ("this is their fault", "X is to blame for"): the blamer is the voice
  (a quote's speaker, else the narrator), the target the possessor or the subject;
- provoke ("NATO provoked the conflict"): the subject is blamed, by the voice.
Pronoun targets resolve through targets.py; unresolved sides stay empty.
"""
from __future__ import annotations

import re

from .codebook import Codebook
from .context import clause_end, clause_start, is_question, negated, quote_at, sentence_bounds, voice_at
from .document import Doc
from .lexicon import find
from .records import Blame, Quote
from .speakers import words
from .targets import NONE, Referent, nearest_before, referent, subject_before

TARGET_MAX_CHARS = 80   # "slammed X for": X is a phrase, not a clause
NEEDS_WRONGDOING = {"to_blame", "guilty"}   # these cues blame only for a wrongdoing (codebook wrongdoing.csv)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+|now\s+)*$", re.I)
_BY = re.compile(r"\s+by\s+", re.I)
_INFINITIVE_OF_INTENT = re.compile(r"\b(?:" + "|".join(sorted(words()["blame_reported"])) + r")\s+to\s+$", re.I)
_TARGET_PREP = re.compile(r"\s(?:against|on|in|at|from|over|during|with)\s", re.I)
_POSSESSOR = re.compile(r"\b(their|his|its|her)\s+fault\b", re.I)


def extract_blame(doc: Doc, cb: Codebook, quotes: list[Quote]) -> list[Blame]:
    out: list[Blame] = []
    text, art = doc.text, doc.article
    for hit in find(cb, "blame_cues", text):
        if art.in_boilerplate(hit.start, hit.end):
            continue
        e = hit.entry
        s0, s1 = sentence_bounds(doc, hit.start)
        c0 = clause_start(text, s0, hit.start)
        if is_question(text, s1) or negated(text, c0, hit.start):
            continue  # "Who is responsible for this?", "I do not blame NATO"
        links = [w.strip() for w in e["link"].split("|") if w.strip()]
        voice = voice_at(quotes, hit.start, hit.end)
        q = quote_at(quotes, hit.start, hit.end)
        s1 = min(s1, q.end) if q else s1  # "NATO is to blame for X, Lavrov said": the reason ends with the quote
        participle = hit.text.lower().split()[0].endswith(("ed", "held"))
        passive = participle and bool(_PASSIVE.search(text, max(c0, hit.start - 30), hit.start))
        if _INFINITIVE_OF_INTENT.search(text, max(c0, hit.start - 30), hit.start):
            continue  # "attempts to blame Russia ... were groundless": blame reported, not made
        if e["kind"] == "verb" and passive:
            # "Russia is accused by officials of ...": the subject is blamed, the by-phrase blames
            subj = subject_before(doc, cb, c0, hit.start)
            if subj is None:
                continue
            target = Referent(subj.text, subj.actor, subj.side, "mention")
            by = _BY.match(text, hit.end, s1)
            who, side = (voice.speaker, voice.side)
            if by:
                b_end, _ = _until_link(text, by.end(), s1, links)
                ref = referent(doc, cb, by.end(), b_end)
                who, side = ref.text or who, ref.side
            _, reason = _until_link(text, hit.end, s1, links)
        elif e["kind"] == "verb":
            blamer = _verb_blamer(doc, cb, quotes, hit.start, hit.end, c0)
            if blamer is None:
                continue
            t_end, reason = _until_link(text, hit.end, s1, links)
            if t_end - hit.end > TARGET_MAX_CHARS or t_end <= hit.end:
                continue
            t_end = _head_end(text, hit.end, t_end)
            target = referent(doc, cb, hit.end, t_end, blamer[1], before=_before(quotes, hit.start))
            who, side = blamer
        elif e["kind"] == "target_after":
            # "the fault lies with the invaders"
            who, side = voice.speaker, voice.side
            t_end = clause_end(text, hit.end, s1)
            target = referent(doc, cb, hit.end, t_end, side, before=_before(quotes, hit.start))
            reason = ""
        elif e["kind"] == "predicate":
            who, side = voice.speaker, voice.side
            m = _POSSESSOR.search(text, max(c0, hit.start - 10), hit.end)
            if m:
                target = referent(doc, cb, m.start(1), m.end(1), side, before=_before(quotes, hit.start))
            elif hit.text.lower().startswith("the fault of"):
                t_end, _ = _until_link(text, hit.end, s1, [])
                target = referent(doc, cb, hit.end, t_end, side)
            else:
                subj = nearest_before(doc, cb, c0, hit.start)
                target = Referent(subj.text, subj.actor, subj.side, "mention") if subj else NONE
            reason = _reason_after(text, hit.end, s1, links)
            if e.id in NEEDS_WRONGDOING and not find(cb, "wrongdoing", reason or text[hit.end:s1]):
                continue  # "responsible for these matters" is a duty, not blame
        else:  # provoke: the subject is blamed for provoking (the by-phrase, in a passive)
            who, side = voice.speaker, voice.side
            by = _BY.match(text, hit.end, s1)
            if by:
                target = referent(doc, cb, by.end(), clause_end(text, by.end(), s1))
            else:
                subj = subject_before(doc, cb, c0, hit.start)
                if subj is None:
                    continue
                target = Referent(subj.text, subj.actor, subj.side, "mention")
            reason = text[hit.end:clause_end(text, hit.end, s1)].strip()
        end = max(hit.end, clause_end(text, hit.end, s1))
        start = min(hit.start, c0)
        reported = next((q.quote_id for q in quotes if q.cue_start == hit.start), None)  # "slammed" reports a statement
        out.append(Blame(doc.doc_id, start, end, text[start:end], hit.text, who, side, target.text or None,
                         target.side, reason, voice.quote_id or reported, f"{e['kind']}:{e.id}" + (":pronoun" if target.how == "pronoun" else "")))
    return out


def _head_end(text: str, start: int, end: int) -> int:
    """The target phrase ends before a preposition: 'actions against Ukraine' names 'actions'."""
    m = _TARGET_PREP.search(text, start, end)
    return m.start() if m else end


def _before(quotes: list[Quote], offset: int) -> int:
    """Pronouns in a quote refer back from the quote's start."""
    q = quote_at(quotes, offset)
    return q.start if q else offset


def _verb_blamer(doc: Doc, cb: Codebook, quotes: list[Quote], start: int, end: int, c0: int) -> tuple[str, str | None] | None:
    for q in quotes:
        if q.cue_start == start and q.speaker and (q.speaker_actor or q.speaker[:1].isupper()):
            return q.speaker, q.speaker_side
    m = subject_before(doc, cb, c0, start)
    if m is not None:
        actor = cb.actors[m.actor]
        return (actor.name if actor.type == "person" else m.text), m.side
    q = quote_at(quotes, start, end)
    if q is not None and re.search(r"\b(?:we|I)\s+\w*\s*$", doc.text[c0:start], re.I):
        return q.speaker or "", q.speaker_side
    return None


def _until_link(text: str, start: int, limit: int, links: list[str]) -> tuple[int, str]:
    """End of the target phrase (at the first link word) and the reason after the link."""
    if links:
        m = re.compile(r"\s(?:" + "|".join(re.escape(w) for w in links) + r")\s", re.I).search(text, start, limit)
        if m:
            return m.start(), text[m.end():clause_end(text, m.end(), limit)].strip()
    return clause_end(text, start, limit), ""


def _reason_after(text: str, start: int, limit: int, links: list[str]) -> str:
    m = re.compile(r"[\s,]*(?:" + "|".join(re.escape(w) for w in links) + r")\s", re.I).match(text, start, limit) if links else None
    if m:
        return text[m.end():clause_end(text, m.end(), limit)].strip()
    return text[start:clause_end(text, start, limit)].strip(" ,")
