"""Agency in harm: events of violence, who is named as the agent and who is left agentless.

Triggers come from the codebook's harm_triggers lexicon. Constructions:
- passive: a form of 'be'/'get' (adverbs between allowed) + a participle. With a
  by-phrase naming an actor it is ``passive_agent``; with no by-phrase, or one that
  names only a weapon (codebook weapons: "targeted by drone strikes"), it is
  ``passive_agentless``;
- nominal: a noun ("deadly drone strikes", "the full-scale invasion"); its agent is
  an actor right before it ("Russia's invasion") or after 'by';
- active: a verb with the last actor before it in its sentence as the agent.
The patient is the actor the event falls on (subject of a passive, object of an active).
"""
from __future__ import annotations

import re

from .codebook import Codebook
from .context import clause_end, clause_start, negated, quote_at, sentence_bounds, voice_at
from .document import Doc
from .lexicon import find, forms_of
from .records import Harm, Quote
from .speakers import words
from .targets import NONE, Referent, nearest_before, referent, subject_before

_WORD = re.compile(r"[\w'’-]+")
_BY = re.compile(r"\s+by\s+", re.I)
_AUX_TAIL = re.compile(r"(?:\s+(?:has|have|had|is|are|was|were|be|been|being|get|got|\w+ly|also|again|already|just))+\s*$", re.I)
# a light verb a few words before a harm noun: "Russia is plotting a military invasion"
_LIGHT = re.compile(r"\b(?:" + "|".join(sorted(words()["light_verb"], key=len, reverse=True)) + r")\s+(?:[\w'’-]+\s+){0,3}$", re.I)
PREPOSITIONS = {"in", "at", "on", "during", "near", "by", "while", "after", "when", "as", "from", "over", "under", "with", "and", "or"}
BY_PHRASE_MAX = 60   # characters of a by-phrase read for its agent
PATIENT_MAX = 80     # characters after an active verb read for its object


def extract_harm(doc: Doc, cb: Codebook, quotes: list[Quote]) -> list[Harm]:
    out: list[Harm] = []
    text, art = doc.text, doc.article
    weapons = forms_of(cb, "weapons")
    w = words()
    be = w["be_form"]
    verb_prev = w["pronoun_m"] | w["pronoun_f"] | w["pronoun_group"] | w["verb_prev"]
    object_start = w["determiner"] | w["pronoun_m"] | w["pronoun_f"] | w["pronoun_group"] | {"us", "me", "you", "everything", "everyone"}
    for hit in find(cb, "harm_triggers", text):
        if art.in_boilerplate(hit.start, hit.end):
            continue
        verb = next((e for e in hit.entries if e["kind"] == "verb"), None)
        noun = next((e for e in hit.entries if e["kind"] == "noun"), None)
        s0, s1 = sentence_bounds(doc, hit.start)
        c0 = clause_start(text, s0, hit.start)
        if negated(text, c0, hit.start) or not _in_conflict(doc, cb, s0, s1, weapons):
            continue
        prev = [x.lower() for x in _WORD.findall(text[max(s0, hit.start - 60):hit.start])]
        nxt = [x.lower() for x in _WORD.findall(text[hit.end:min(s1, hit.end + 40)])][:2]
        nxt_tok = _WORD.match(text[hit.end:min(s1, hit.end + 40)].lstrip())
        low = hit.text.lower()
        voice = voice_at(quotes, hit.start, hit.end)
        participles = {p.strip() for p in (verb["participles"] if verb else "").split("|") if p.strip()}
        j = len(prev)
        while j > 0 and (prev[j - 1] in w["harm_adverb"] or prev[j - 1].endswith("ly")):
            j -= 1
        before_quote = _before(quotes, hit.start)
        subject_like = j > 0 and (prev[j - 1] in verb_prev or _after_mention(doc, hit.start))
        if verb and low in participles and j > 0 and prev[j - 1] in be:
            construction, agent, rule = _passive(doc, cb, hit.end, s1, weapons, voice.side, before_quote)
            patient = _patient_before(doc, cb, c0, hit.start)
            e = verb
        elif verb and low in participles and not subject_like and (
                (nxt and nxt[0] in PREPOSITIONS) or (j > 0 and (prev[j - 1] in w["determiner"] or j < len(prev)))):
            # reduced passive: "the occupied territories", "servicemen injured in the fighting"
            e = verb
            construction, agent, rule = _passive(doc, cb, hit.end, s1, weapons, voice.side, before_quote)
            rule = rule.replace("passive", "reduced_passive")
            adjectival = bool(nxt) and nxt[0] not in PREPOSITIONS
            patient = (_patient_next(doc, cb, hit.end, s1) if adjectival else _patient_adjacent(doc, cb, c0, hit.start))
        elif verb and low.endswith("ing") and text[:hit.start].rstrip().endswith(",") and nxt and nxt[0] not in ("of", "and", "is", "was"):
            # "..., killing civilians and destroying their homes": the sentence's subject acts
            e = verb
            construction, rule = "active", "active_participle"
            agent = _active_agent(doc, cb, s0, hit.start, voice.side, before_quote)
            patient = _patient_after(doc, cb, hit.end, s1, agent.side, before_quote)
        elif noun and not (verb and subject_like):
            e = noun
            construction = "nominal"
            agent = _nominal_agent(doc, cb, hit.start, hit.end, s1, noun["of_role"] == "agent")
            rule = "nominal"
            if agent is NONE and _LIGHT.search(text, max(s0, hit.start - 50), hit.start):
                # "Russia is plotting a military invasion", "the forces carried out strikes"
                agent = _active_agent(doc, cb, s0, hit.start, voice.side, before_quote)
                rule = "nominal_light_verb"
            of = "in" if noun["of_role"] == "agent" else "of|in"
            patient = _patient_after(doc, cb, hit.end, s1, voice.side, before_quote, preps=True, of=of)
        elif verb:
            e = verb
            construction, rule = "active", "active"
            agent = _active_agent(doc, cb, s0, hit.start, voice.side, before_quote)
            if agent is NONE and not subject_like:
                continue  # no subject: a noun use ("the targets") or a clause we cannot read
            patient = _patient_after(doc, cb, hit.end, s1, agent.side, before_quote)
        else:
            continue
        start, end = min(c0, hit.start), max(hit.end, clause_end(text, hit.end, s1))
        out.append(Harm(doc.doc_id, start, end, text[start:end], hit.text, construction, agent.text or None, agent.side,
                        patient.text or None, patient.side, voice.quote_id, f"{rule}:{e.id}"))
    return out


def _in_conflict(doc: Doc, cb: Codebook, s0: int, s1: int, weapons: frozenset[str]) -> bool:
    """The sentence names an actor, a weapon or a conflict word (codebook conflict_context)."""
    if any(s0 <= m.start < s1 for m in doc.mentions):
        return True
    low = doc.text[s0:s1].lower()
    if any(x in weapons for x in _WORD.findall(low)):
        return True
    return bool(find(cb, "conflict_context", doc.text, s0, s1))


def _after_mention(doc: Doc, start: int) -> bool:
    """An actor mention ends right before ``start`` (its subject: 'Russian troops attacked')."""
    return any(0 < start - m.end <= 2 for m in doc.mentions)


def _before(quotes: list[Quote], offset: int) -> int:
    q = quote_at(quotes, offset)
    return q.start if q else offset


def _passive(doc, cb, end, limit, weapons, voice_side, before) -> tuple[str, Referent, str]:
    text = doc.text
    m = _BY.match(text, end, limit) or re.compile(r"\s+\w+ly\s+by\s+", re.I).match(text, end, limit)
    if not m:
        return "passive_agentless", NONE, "passive"
    ph_end = clause_end(text, m.end(), min(limit, m.end() + BY_PHRASE_MAX))
    ref = referent(doc, cb, m.end(), ph_end, voice_side, before=before)
    if ref.actor is not None:
        return "passive_agent", ref, "passive_by_actor"
    ws = [w.lower() for w in _WORD.findall(text[m.end():ph_end])][:6]
    if any(w in weapons for w in ws):
        return "passive_agentless", NONE, "passive_by_weapon"
    return "passive_agent", ref, "passive_by_phrase"


def _patient_before(doc, cb, c0, start) -> Referent:
    """The subject of a passive: the last actor in the clause, else the words before 'was/has been'."""
    m = nearest_before(doc, cb, c0, start, places=True)
    if m is not None:
        return Referent(m.text, m.actor, m.side, "mention")
    phrase = _AUX_TAIL.sub("", doc.text[c0:start]).strip(" ,")
    return Referent(phrase[-PATIENT_MAX:], None, None, "phrase") if phrase else NONE


def _patient_next(doc, cb, end, limit) -> Referent:
    """The noun right after an adjectival participle: 'the occupied parts of our state'."""
    words_after = list(_WORD.finditer(doc.text, end, min(limit, end + 40)))[:2]
    if len(words_after) == 2 and words_after[1].group().lower() in PREPOSITIONS | {"of"}:
        words_after = words_after[:1]
    if not words_after:
        return NONE
    return referent(doc, cb, end, words_after[-1].end(), first=True)


def _patient_adjacent(doc, cb, c0, start) -> Referent:
    """The noun right before a reduced passive: 'Ukrainian servicemen injured in ...'."""
    words_before = list(_WORD.finditer(doc.text, max(c0, start - 40), start))[-3:]
    if not words_before:
        return NONE
    return referent(doc, cb, words_before[0].start(), start, first=True)


def _patient_after(doc, cb, end, limit, agent_side, before, preps=False, of="of|in") -> Referent:
    text = doc.text
    stop = clause_end(text, end, min(limit, end + PATIENT_MAX))
    if preps:  # "strikes on Kyiv", "attacks against civilians", "the shelling of Kharkiv"
        m = re.compile(r"\s+(?:on|against|at|" + of + r")\s+", re.I).match(text, end, stop)
        if not m:
            return NONE
        end = m.end()
        by = _BY.search(text, end, stop)
        stop = by.start() if by else stop  # "attack on our land by the Russian Federation"
    ref = referent(doc, cb, end, stop, agent_side, before=before, first=True)
    return ref if ref.text else NONE


def _nominal_agent(doc, cb, start, end, limit, of_agent: bool = False) -> Referent:
    # an actor right before the noun: "Russia's invasion", "Russian troops' attack"
    for m in reversed(doc.mentions):
        if m.end <= start and start - m.end <= 25 and re.fullmatch(r"(?:['’]s?\s+(?:[\w-]+\s+)?|\s+)", doc.text[m.end:start]):
            if cb.actors[m.actor].type != "place":
                return Referent(m.text, m.actor, m.side, "mention")
        if m.end <= start - 25:
            break
    # or a demonym one or two words before it: "the Russian invasion", "Russian missile strikes"
    for m in list(_WORD.finditer(doc.text, max(0, start - 30), start))[-2:][::-1]:
        hits = find(cb, "demonyms", doc.text, m.start(), m.end())
        if hits and hits[0].start == m.start() and hits[0].end == m.end():
            actor = hits[0].entry["actor"]
            return Referent(m.group(), actor, cb.side_of(actor), "demonym")
    b = re.compile(r"\s+(?:by|of)\s+" if of_agent else r"\s+(?:[\w-]+\s+){0,4}?by\s+", re.I).match(doc.text, end, limit)
    if b:
        ref = referent(doc, cb, b.end(), clause_end(doc.text, b.end(), min(limit, b.end() + BY_PHRASE_MAX)))
        if ref.actor:
            return ref
    return NONE


def _active_agent(doc, cb, s0, start, voice_side, before) -> Referent:
    m = subject_before(doc, cb, s0, start)
    if m is not None:
        return Referent(m.text, m.actor, m.side, "mention")
    pron = re.search(r"\b(they|we|he|she|it)\s+(?:\w+\s+){0,6}$", doc.text[s0:start], re.I)
    if pron and pron.group(1).lower() == "they":
        return referent(doc, cb, s0 + pron.start(1), s0 + pron.end(1), voice_side, before=before)
    return NONE

