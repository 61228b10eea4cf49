"""Speaker phrases and their resolution to a name, a codebook actor and a side.

A speaker phrase is the noun phrase next to a speech cue ("Hugh Hill, a doctor,"
-> "Hugh Hill"; "The Russian leader also" -> "The Russian leader"). Resolution:
codebook alias -> actor; "I" -> the speaker of the transcript turn ("Vladimir Putin: ...")
or of the speech the headline names ("Speech by X"); "he"/"she" -> the last suitable
person before it; "the President" -> the person named in that role (roles.py); a surname
-> the full name mentioned earlier; otherwise the phrase itself, with actor and side left
empty (unknown is never a guess).
"""
from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .codebook import Codebook
from .records import Mention, Span
from .roles import Holder, first_holders, fits, parse_role, speaker_role
from .spans import SortedSpans, SpanSet

GRAMMAR = Path(__file__).parent / "resources" / "grammar.csv"
PLACES = Path(__file__).parent / "resources" / "places.csv"
SENDER_WINDOW = 1500  # characters before 'The message' searched for who sent it (a summary and its paragraph)
NP_MAX_TOKENS = 10   # a longer stretch before a cue is a clause, not a speaker phrase
HANDOVER_WORDS = 40  # a shorter transcript turn gives the floor ("Sky News, please."); 'you' after it addresses an earlier speaker
ADDRESSEE_TURNS = 12  # turns looked back for whom 'you' addresses
_CONTRACTION = re.compile(r"([a-z]+)['’](?:s|d|ve|ll|re|m)", re.IGNORECASE)
# "Lukashenko AlexanderPresident of Belarus:": two words glued by a transcript ('McFaul', 'DeLong' are names)
_GLUED_WORD = re.compile(r"^[A-Z][a-z]{3,}[A-Z]")
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The closed-class word lists of resources/grammar.csv."""
    with open(GRAMMAR, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(ln for ln in fh if not ln.startswith("#")))
    out = {r["id"]: frozenset(w.strip() for w in r["words"].split("|") if w.strip()) for r in rows}
    if len(out) < len(rows):  # a second row would silently replace the first
        dup = sorted({r["id"] for r in rows if sum(x["id"] == r["id"] for x in rows) > 1})
        raise ValueError(f"{GRAMMAR}: list id repeated: {', '.join(dup)}")
    return out


@lru_cache(maxsize=1)
def places() -> frozenset[tuple[str, ...]]:
    """Place names and demonyms of resources/places.csv, lower case, as word tuples."""
    with open(PLACES, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(ln for ln in fh if not ln.startswith("#")))
    names = [r["name"] for r in rows] + [d for r in rows for d in r["demonyms"].split("|") if d]
    return frozenset(tuple(n.lower().split()) for n in names)


def leading_place(low: list[str]) -> int:
    """How many words at the start of ``low`` name a place or its people ('estonia', 'south korean'); 0 if none."""
    return next((n for n in (3, 2, 1) if n <= len(low) and tuple(low[:n]) in places()), 0)


def negated_contraction(low: str) -> bool:
    """"don't", "isn’t": a negation the tokenizer keeps as one token."""
    return low.endswith(("n't", "n’t"))


def is_negation(low: str) -> bool:
    """'not', 'never' ... or a negated contraction."""
    return low in words()["negation"] or negated_contraction(low)


def is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def is_word(tok: str) -> bool:
    return tok[:1].isalnum()


@dataclass(frozen=True)
class Person:
    """A person the text names: the referent candidates for 'he' and 'she'."""

    start: int
    name: str
    actor: str | None
    gender: str | None


@dataclass(frozen=True)
class Speaker:
    start: int
    end: int
    text: str          # the phrase as in the text
    name: str          # resolved name
    actor: str | None
    side: str | None


def trim_np(toks: list[Span]) -> list[Span]:
    """Drop leading prepositional/time words and trailing skip words from a phrase."""
    w = words()
    out = list(toks)
    while out and (out[-1].text.lower() in w["skip_between"] or negated_contraction(out[-1].text.lower())
                   or (len(out) > 1 and out[-1].text.islower() and out[-1].text.endswith("ly"))):
        out.pop()  # "Trump isn't", "Democratic politicians typically"
    while out and out[0].text.lower() in w["np_inner"] | w["clause_break"] | w["np_leading"]:
        out.pop(0)  # "and Russian authorities" -> "Russian authorities"; "Now the government" -> "the government"
    if out and out[0].text.lower() in w["time_phrase_start"]:
        # "On Friday Putin" -> "Putin"; "In a statement the ministry" -> "the ministry"
        i = 0
        while i < len(out) and (out[i].text.lower() in w["time_or_place"] or out[i].text.isdigit()):
            i += 1
        out = out[i:]
    return out


def contracted_pronoun(word: str) -> str | None:
    """The pronoun of a contraction ("He’s", "They've", "I'd" -> 'He', 'They', 'I'), else None."""
    m = _CONTRACTION.fullmatch(word)
    if m is None:
        return None
    return m.group(1) if m.group(1).lower() in _subject_pronouns() else None


@lru_cache(maxsize=1)
def _subject_pronouns() -> frozenset[str]:
    """Pronouns that can be a speaker by themselves."""
    w = words()
    return w["pronoun_m"] | w["pronoun_f"] | w["pronoun_group"] | {"i", "it", "you"}


def looks_like_speaker(toks: list[Span], mentions_in: bool) -> bool:
    """Heuristic check that a phrase can be a speaker: a name, pronoun, actor or role noun."""
    if not toks or len(toks) > NP_MAX_TOKENS:
        return False
    w = words()
    low = [t.text.lower() for t in toks]
    if any(not is_word(t.text) and t.text not in (".", "'", "’", "-", "&", ",", "%") for t in toks):
        return False
    pronouns = _subject_pronouns() | {"who", "which"}
    if len(toks) == 1 and (low[0] in pronouns or contracted_pronoun(low[0])):
        return low[0] not in w["object_pronoun"]  # "told them commenting on": 'them' is never a subject
    gerund = low[0].endswith("ing") and len(low[0]) > 5 and not (
        len(toks) > 1 and all(is_cap(t.text) and lw not in w["not_a_name"] for t, lw in zip(toks, low)))
    if low[0] in w["not_a_subject"] or gerund or low[0] == "%" or "that" in low[1:]:
        return False  # "Having noted that ...", "adding that Russia": a clause ("Leading Democrats" is a speaker)
    if mentions_in:
        return True
    if low[-1] in pronouns:  # "most of them", "many of us"
        return True
    if any(lw.isdigit() or lw in w["percent"] for lw in low):  # "47% say", "7 percent said"
        return True
    if low[-1] in w["quantifier_subject"] and (len(low) == 1 or low[-2] == "in"):  # "Some", "About one in five"
        return True
    if any(is_cap(t.text) and lw not in w["not_a_name"] for t, lw in zip(toks, low)):
        return True
    return any(lw in w["group_noun"] or lw.rstrip("s") in w["group_noun"] for lw in low)


def name_part(phrase: str) -> tuple[int, str]:
    """The named part of a phrase with appositives and its offset in the phrase:
    'Hugh Hill, a doctor' -> 'Hugh Hill'; "Putin's spokesman, Dmitry Peskov" -> 'Dmitry Peskov'."""
    if not any(ch in phrase for ch in ",—–"):
        return 0, phrase
    pos, parts = 0, []
    for part in re.split("[,—–]", phrase):  # "Jason Sims — a teacher from Mount Pleasant —"
        stripped = part.strip()
        if stripped:
            parts.append((pos + part.index(stripped), stripped))
        pos += len(part) + 1
    w = words()
    nw = w["not_a_name"]
    for n, (off, part) in enumerate(parts):
        ws = (part[:part.rindex("(")] if part.endswith(")") and "(" in part else part).split()  # "Rep. Patrick J. Tiberi (R-Ohio)"
        if ws and is_cap(ws[-1]) and ws[-1].lower() not in nw and ws[0].lower() not in w["relative_word"]:
            if ws[0].lower() in w["article"] and n + 1 < len(parts) and _full_name(parts[n + 1][1]):
                return parts[n + 1]  # "The governor of Belgorod, Vyacheslav Gladkov": the person, not the office's place
            return off, part
    return parts[0] if parts else (0, phrase)


def _full_name(part: str) -> bool:
    """Two to four capitalised words, none a title or a place: 'Vyacheslav Gladkov', not 'Ukraine' or 'Kharkiv Oblast'."""
    ws = part.split()
    w = words()
    return 2 <= len(ws) <= 4 and all(is_cap(x) and x.lower() not in w["title_word"] and x.lower() not in w["not_a_name"] for x in ws) \
        and not leading_place([x.lower() for x in ws])


def clean_name(phrase: str) -> str:
    """Strip titles, determiners and a closing affiliation from a named phrase:
    'Sen. Ted Cruz (R-Texas)' -> 'Ted Cruz'."""
    w = words()
    if phrase.endswith(")") and "(" in phrase:
        phrase = phrase[:phrase.rindex("(")].rstrip()
    parts = phrase.split()
    role = _role_of(parts, w["title_word"])
    if role is not None:
        return role
    if parts and parts[0].lower() in w["article"] and any(p.lower() in w["role_link"] for p in parts) \
            and parse_role(parts) is not None:
        return phrase  # "the adviser to the President of Ukraine": a role, named by the whole phrase
    after_org = _after_org(parts)
    if after_org:
        return clean_name(" ".join(after_org))  # "Deputy Head of the President's Office Rostyslav Shurma"
    lead = leading_place([p.lower() for p in parts])
    if 0 < lead and len(parts) - lead >= 2 and all(is_cap(p) for p in parts[lead:]):
        return clean_name(" ".join(parts[lead:]))  # "Romanian President Klaus Iohannis"
    caps = [i for i, p in enumerate(parts) if is_cap(p) and p.lower() not in w["title_word"] and p.lower() not in w["determiner"]]
    run = len(parts)
    while run > 0 and is_cap(parts[run - 1]):
        run -= 1
    k = run - 1 if run > 0 and parts[run - 1].lower() in w["determiner"] else run
    lead = leading_place([p.lower() for p in parts[run:]])
    if 0 < run and parts[run - 1] == "of" and lead and len(parts) - run - lead >= 2:
        return " ".join(parts[run + lead:])  # "President of the Republic of Estonia Alar Karis"
    if 1 < k < len(parts) and parts[k - 1].lower() in w["phrase_preposition"] and not any(is_cap(p) for p in parts[1:k]) \
            and parts[0].lower() not in w["title_word"]:
        return phrase  # "Some delegates at the convention in Philadelphia": the name is not the head
    if 0 < run == k and len(parts) - run >= 2 and parts[run - 1].islower() \
            and not any(parts[run - 1] in w[g] for g in ("np_inner", "phrase_preposition", "coordinator")):
        return clean_name(" ".join(parts[run:]))  # "CrowdStrike co-founder Dmitri Alperovitch": the full name after a role
    if len(caps) >= 1 and all(is_cap(p) for p in parts[caps[0]:]):
        return " ".join(parts[caps[0]:])
    return phrase


def _after_org(names: list) -> list:
    """The name after an institution in a run of capitalised words ('Office Mykhailo Podoliak'
    -> 'Mykhailo Podoliak'): two or more words after the last institution word, else []."""
    w = words()
    text = [getattr(n, "text", n) for n in names]
    last = max((i for i, t in enumerate(text) if t.lower() in w["org_word"] or t.lower() in w["not_person_word"]), default=-1)
    return names[last + 1:] if last >= 0 and len(names) - last - 1 >= 2 and all(is_cap(t) for t in text[last + 1:]) else []


def _role_of(parts: list[str], titles: frozenset[str]) -> str | None:
    """'The Prime Minister of Denmark' -> the role; 'Minister of Health Viktor Lyashko' -> the
    person named after the role (the last two words when three or more follow 'of')."""
    o = next((i for i in range(1, len(parts) - 1) if parts[i] == "of" and parts[i - 1].lower() in titles), None)
    if o is None or not all(is_cap(p) for p in parts[o + 1:]):
        return None
    start = o - 1
    while start > 0 and is_cap(parts[start - 1]) and parts[start - 1].lower() in titles:
        start -= 1
    if any(p.lower() in words()["role_link"] for p in parts[:start]):
        return None  # "The adviser to the President of Ukraine" is not the President
    after = parts[o + 1:]
    if len(after) >= 3 and not any(p.lower() in titles for p in after[-2:]):
        return " ".join(after[-2:])
    return " ".join(parts[start:])


# a turn label's words: a capitalised word, then capitalised words or of/the/and
_LABEL_FIRST = r"[A-Z][\w.'’-]*"
_LABEL_NEXT = r"(?:[ \t]+(?:of|the|and|[A-Z][\w.'’-]*))"
_TURN = re.compile(rf"({_LABEL_FIRST}{_LABEL_NEXT}{{0,11}})(?:[ \t]?\([a-z]{{1,20}}\))?:[ \t]")


_TURN_LEAD = frozenset(" \t\n*<>…[]")
# a label inside a sentence: capitalised words (with of/the/and) before ': ' and a capital
_INNER_TURN = re.compile(rf"(?<![\w.'’-])({_LABEL_FIRST}{_LABEL_NEXT}{{1,11}}):[ \t]+(?=[A-Z])")
# Kremlin transcripts glue a speaker's reversed name to their role: "Kudrin AlexeiChairman of the Accounts Chamber:"
_GLUED_TURN = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{3,})[A-Z][\w.,'’ -]{0,80}?:[ \t]")


def headline_turn(text: str, headlines: list[tuple[int, int]], cb: Codebook, mentions: list[Mention]) -> list[tuple[int, str]]:
    """A headline that credits the text to a named person makes that person the one who says
    'I' in it, as a transcript turn would: 'Speech by President of Ukraine Volodymyr Zelenskyy in
    ...', '... - President Volodymyr Zelenskyy's address to ...', '... - Volodymyr Zelenskyy',
    'An Open Letter to the Global Media by Olena Zelenska', 'President of Ukraine at the GLOBSEC Forum:
    ...'. 'Address by the President' names nobody."""
    w = words()
    for start, end in headlines:
        low = text[start:end].lower()
        persons = [m for m in mentions if start <= m.start < end and cb.actors[m.actor].type == "person"]
        for phrase in w["speech_by"]:
            k = low.find(phrase + " ")
            if k < 0:
                continue
            after = start + k + len(phrase)
            m = next((m for m in persons if after <= m.start < min(end, after + 60)), None)
            if m is not None:
                return [(m.start, text[m.start:m.end])]
        for m in persons:
            rest = low[m.end - start:m.end - start + 20].split()
            if len(rest) > 1 and rest[0] in ("'s", "’s") and rest[1] in w["speech_noun"]:
                return [(m.start, text[m.start:m.end])]  # "President Volodymyr Zelenskyy's address to ..."
        if persons and _opens_with(text, start, persons[0].start):
            # "President of Ukraine at the GLOBSEC Forum: We must ...", "Volodymyr Zelenskyy in an interview for
            # La Repubblica: ...", "President of Ukraine Volodymyr Zelenskyy addressed the citizens of Belarus"
            m = persons[0]
            after = low[m.end - start:m.end - start + 120]
            nxt = after.split()[:1]
            colon = after.find(": ")
            if (colon >= 0 and not any(m.end <= o.start < m.end + colon for o in persons[1:])) \
                    or (nxt and nxt[0] in w["address_verb"]):
                return [(m.start, text[m.start:m.end])]  # not 'Biden meets Zelensky: ...', which names two people
        last = persons[-1] if persons else None
        if last is not None and text[last.end:end].strip(" .") == "" and any(
                sep in low[max(0, last.start - start - 60):last.start - start] for sep in (" - ", " – ", " — ", " by ")):
            return [(last.start, text[last.start:last.end])]  # "... - Volodymyr Zelenskyy", "... by Olena Zelenska"
    return []


def _opens_with(text: str, start: int, at: int) -> bool:
    """Nothing but title words stands between ``start`` and the name at ``at`` ('President Volodymyr
    Zelenskyy ...'; not 'Biden Meets Zelensky: ...', whose headline names the other man first)."""
    w = words()
    return all(t.lower() in w["title_word"] or t.lower() in ("of", "the") for t in text[start:at].split())


def _label_name(label: str) -> str:
    """The person a turn label names: 'Minister of Industry and Trade Denis Manturov' -> 'Denis Manturov',
    'CSTO Secretary General Stanislav Zas' -> 'Stanislav Zas' (names take the last two words)."""
    w = words()
    parts = label.split()
    rep = next((i for i in range(1, len(parts) - 1) if parts[i] == parts[i + 1]), None)
    if rep is not None:
        return f"{parts[rep - 1]} {parts[rep]}"  # Kremlin pages: "President of Iran Ebrahim Raisi Raisi EbrahimPresident of Iran"
    cut = [i for i, p in enumerate(parts) if _role_word(p, w)]
    if not cut or cut[0] >= 2:
        return " ".join(parts[:2]) if len(parts) >= 2 else label  # "Kyriakos Mitsotakis Mitsotakis KyriakosPrime ..."
    tail = parts[cut[-1] + 1:]
    return " ".join(tail[-2:]) if len(tail) >= 2 else clean_name(label)


def _role_word(part: str, w: dict[str, frozenset[str]]) -> bool:
    """Is a word of a turn label part of the role, not of the name ('Minister', 'of', 'Chamber')?"""
    return not is_cap(part) or part.lower() in w["title_word"] or part.lower() in w["org_word"]


def turn_label(text: str, start: int, end: int) -> tuple[int, str, int] | None:
    """The transcript turn label that opens text[start:end] ('Vladimir Putin: ...', '* * *
    President of Russia Vladimir Putin: ...'): its start, its words and where what is said begins."""
    i = start
    while i < end and i - start < 12 and text[i] in _TURN_LEAD:
        i += 1  # "* * * President of Russia Vladimir Putin:", "<…> Vladimir Putin:"
    colon = text.find(":", i, min(end, i + 200))
    if colon < 0:
        return None
    g = _GLUED_TURN.search(text, i, colon + 2) if text.find(".", i, colon) < 0 else None
    if g:
        # "President and Chairman of VTB Bank ... Andrei Kostin Kostin AndreiVTB Bank Chairman:": Andrei Kostin
        return g.start(), f"{g.group(2)} {g.group(1)}", g.end()
    m = _TURN.match(text, i, min(end, i + 120))
    if m and m.group(1).split()[-1].lower() not in words()["not_a_name"]:
        return i, m.group(1), m.end()
    return None


def find_turns(text: str, sentences: list[Span]) -> list[tuple[int, str]]:
    """Transcript turns: a turn label names who says 'I' next. A label opens a sentence, or
    sits inside one where a transcript ran its lines together (see ``_inner_turn``)."""
    turns = [(t[0], t[1]) for s in sentences if (t := turn_label(text, s.start, s.end)) is not None]
    names = {_label_name(label) for _, label in turns}
    starts = {start for start, _ in turns}
    inner = [(start, label) for s in sentences if text.find(": ", s.start, s.end) >= 0
             for m in _INNER_TURN.finditer(text, s.start, s.end)
             for start, label in [_without_heading(m.start(1), m.group(1))]
             if start not in starts and _inner_turn(text, start, label, names)]
    return sorted(turns + inner) if inner else turns


def _without_heading(start: int, label: str) -> tuple[int, str]:
    """A label that a heading ran into starts at its first title word: 'G20 Summit President of
    Russia Vladimir Putin' is 'President of Russia Vladimir Putin' (the page's 'Speech at the first
    session of the G20 Summit' came before it)."""
    w = words()
    first = True
    for m in re.finditer(r"\S+", label):
        if m.group().lower() in w["title_word"]:
            return (start, label) if first else (start + m.start(), label[m.start():])
        first = False
    return start, label


def _inner_turn(text: str, start: int, label: str, names: set[str]) -> bool:
    """A label inside a sentence is a turn after an ellipsis or a bracket ("... we expect…
    Vladimir Putin: Sorry"), when its person also opens a turn elsewhere, or when it is a
    role with a full name after a heading the page ran into it ("Beginning of
    Russian-Serbian talks President of Russia Vladimir Putin: Mr President, ...")."""
    w = words()
    parts = label.split()
    if parts[-1].lower() in w["not_a_name"]:
        return False
    name = _label_name(label)
    if len(name.split()) < 2:
        return False
    before = text[max(0, start - 3):start].rstrip()
    if before.endswith(("…", "...", ")", "*")) or name in names:
        return True
    last_role = max((i for i, p in enumerate(parts) if _role_word(p, w)), default=-1)
    tail = [p.lower() for p in parts[last_role + 1:]]
    return parts[0].lower() in w["title_word"] and len(tail) - leading_place(tail) >= 2


@lru_cache(maxsize=2)
def _subject_pronoun(gender: str) -> re.Pattern:
    """'he' (or 'she') where it opens a clause: after a sentence end, a comma, or a word of the grammar's
    clause_subject_opener list ('and he', 'that he', 'said he')."""
    w = words()
    pronouns = "|".join(sorted(w["subject_pronoun"] & w["pronoun_m" if gender == "m" else "pronoun_f"]))
    openers = "|".join(sorted(w["clause_subject_opener"]))
    return re.compile(rf"(?:^|[.!?]\s+|,\s+|\b(?:{openers})\s+)({pronouns})\b", re.IGNORECASE)


def _pronoun_subject_before(text: str, at: int, gender: str) -> int | None:
    """Where 'he' (or 'she') opens the clause that the name at ``at`` belongs to, in the same sentence."""
    lo = max(text.rfind(". ", max(0, at - 300), at), text.rfind("\n", max(0, at - 300), at), at - 300, 0)
    found = None
    for m in _subject_pronoun(gender).finditer(text, lo, at):
        found = m.start(1)
    if found is not None and any(q in text[found:at] for q in '"“”'):
        return None  # '"I'm sure he can," said Volodymyr Zelenskyy': a pronoun inside a quotation is the quote's own
    return found


class Resolver:
    """Resolves speaker phrases in one document, in text order."""

    def __init__(self, cb: Codebook, mentions: list[Mention], persons: list[Person],
                 turns: list[tuple[int, str]] | None = None, holders: Callable[[], list[Holder]] | None = None):
        self.cb = cb
        self.mentions = mentions
        self.persons = persons   # sorted by start
        self.turns = turns or []
        self._find_holders = holders   # persons named with a role, sorted by start: found when first needed
        self._holders: list[Holder] | None = None
        self.speakers: list[tuple[int, Person]] = []
        self._turn_names: dict[int, tuple[str, str | None, str | None]] = {}   # by turn index
        self._by_start = SortedSpans(mentions)
        self._turn_starts = [t[0] for t in self.turns]
        self._turn_words: dict[int, int] = {}
        self._surnames: dict[str, tuple[list[int], list[Person]]] | None = None

    def mention_in(self, start: int, end: int) -> Mention | None:
        best = None
        for m in self._by_start.overlapping(start, end):
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
        return best

    def _last_person(self, before: int, gender: str | None, text: str | None = None) -> Person | None:
        # a speaker counts where it spoke: one resolved from a name later in the text is not the last
        cands = [(p.start, p) for p in self.persons if p.start < before] + [(s, p) for s, p in self.speakers if s < before]
        cands.sort(key=lambda x: x[0])
        for at, p in reversed(cands):
            if gender is None or p.gender in (None, gender):
                if text is not None and gender is not None and (subject := _pronoun_subject_before(text, at, gender)) is not None:
                    # "he spoke about this with US President Joseph Biden ... '...,' he said": the name sits in a
                    # clause whose subject is 'he', who goes on speaking
                    return self._last_person(subject, gender) or p
                return p
        return None

    def _sender(self, text: str, start: int) -> Person | None:
        """Who sent the message that 'The message' names: the person just before the last send
        verb in the paragraph or the one before it ('Vladimir Putin sent greetings to ...')."""
        lo = max(text.rfind("\n\n", 0, max(0, text.rfind("\n\n", 0, start))), start - SENDER_WINDOW)
        send, verb = words()["send_verb"], None
        for m in _WORD.finditer(text, max(0, lo), start):
            if m.group().lower() in send:
                verb = m.start()
        if verb is None:
            return None
        before = [p for p in self.persons if p.start < verb] + [p for s, p in self.speakers if s < verb]
        p = max(before, key=lambda p: p.start, default=None)
        if p is None or p.start < verb - len(p.name) - 12 or re.search(r"[.!?;]", text[p.start:verb]):
            return None  # the subject stands right before the verb ('Vladimir Putin has sent')
        return p

    def _role_holder(self, phrase: str, start: int) -> Holder | None:
        """'the President': the one person named earlier in the role, or of several the last of
        them to speak; None when none of several has spoken. When nobody was named in the role
        before, the one person the text names in it later."""
        role = speaker_role(phrase)
        if role is None:
            return None
        if self._holders is None:
            self._holders = first_holders(self._find_holders()) if self._find_holders else []
        cands = [h for h in self._holders if h.start < start and fits(h.role, role)]
        if not cands:  # a headline 'President: ...' before the text names him: the one holder there is
            later = [h for h in self._holders if fits(h.role, role)]
            return later[0] if len({h.actor or h.name for h in later}) == 1 else None
        ids = {h.actor or h.name for h in cands}
        if len(ids) == 1:
            return cands[-1]
        last = max(((s, p) for s, p in self.speakers if s < start and (p.actor or p.name) in ids), key=lambda x: x[0], default=None)
        if last is not None:
            return next(h for h in cands if (h.actor or h.name) == (last[1].actor or last[1].name))
        return None

    def _name_words(self, m: Mention) -> set[str]:
        return {t.lower() for t in self.cb.actors[m.actor].name.split()}

    def _role_alias(self, text: str, m: Mention) -> bool:
        """Does the mention name a person by an office ('defense secretary'), not by name?"""
        return self.cb.actors[m.actor].type == "person" and not self._name_words(m) & set(text[m.start:m.end].lower().split())

    def _other_name_after(self, text: str, m: Mention, end: int) -> bool:
        """Is the mention a person's role alias ('defense secretary') followed by another person's
        name ('Ash Carter', 'Mark Esper'), not the actor's own ('Lloyd Austin')?"""
        if not self._role_alias(text, m):
            return False
        own = self._name_words(m)
        rest = text[m.end:end].split()
        return bool(rest) and all(is_cap(t) for t in rest[:2]) and rest[0].lower() not in words()["title_word"] \
            and not own & {t.lower().strip(",.") for t in rest}

    def _named_in_full(self, surname: str, start: int) -> Person | None:
        """The last person named in full before ``start`` whose name ends in ``surname``."""
        if self._surnames is None:
            self._surnames = {}
            for p in self.persons:
                if " " in p.name:
                    starts, persons = self._surnames.setdefault(p.name.split()[-1], ([], []))
                    starts.append(p.start)
                    persons.append(p)
        starts, persons = self._surnames.get(surname, ((), ()))
        k = bisect.bisect_left(starts, start)
        return persons[k - 1] if k else None

    def _turn_index(self, start: int) -> int | None:
        """The transcript turn that ``start`` falls in."""
        k = bisect.bisect_right(self._turn_starts, start) - 1
        return k if k >= 0 else None

    def _turn_speaker(self, k: int) -> tuple[str, str | None, str | None]:
        """Name, actor and side of whoever speaks turn ``k``: the person its label names."""
        if k not in self._turn_names:
            self._turn_names[k] = self._label_speaker(self.turns[k])
        return self._turn_names[k]

    def _label_speaker(self, turn: tuple[int, str]) -> tuple[str, str | None, str | None]:
        from .actors import lookup
        label_end = turn[0] + len(turn[1])
        person = next((m for m in reversed(self._by_start.overlapping(turn[0], label_end)) if turn[0] <= m.start
                       and self.cb.actors[m.actor].type == "person"), None)  # "President of Russia Vladimir Putin"
        actor = person.actor if person is not None else lookup(self.cb, turn[1])
        a = self.cb.actors.get(actor) if actor else None
        name = a.name if a and a.type == "person" else _label_name(turn[1])
        return name, actor, a.side if a else None

    def _addressee(self, text: str, start: int) -> tuple[str, str | None, str | None] | None:
        """Whom 'you' addresses in a transcript: the person who spoke the last turn before this
        one that is no hand-over ('Dmitry Peskov: Sky News, please.' gives the floor to a
        journalist who asks the President), when its label names a person (not 'Question')."""
        k = self._turn_index(start)
        if k is None:
            return None
        here = self._turn_speaker(k)
        for j in range(k - 1, max(-1, k - 1 - ADDRESSEE_TURNS), -1):
            other = self._turn_speaker(j)
            if j not in self._turn_words:  # counted once: a long turn is passed by every 'you' after it
                self._turn_words[j] = len(text[self.turns[j][0]:self.turns[j + 1][0]].split())
            if other[0] == here[0] or self._turn_words[j] < HANDOVER_WORDS:
                continue
            return other if other[1] is not None or len(other[0].split()) >= 2 and is_cap(other[0]) else None
        return None

    def resolve(self, text: str, start: int, end: int) -> Speaker:
        off, core = name_part(text[start:end])
        sp = self._resolve(text, start + off, start + off + len(core))
        return Speaker(start, end, text[start:end], sp.name, sp.actor, sp.side)

    def _resolve(self, text: str, start: int, end: int) -> Speaker:
        phrase = text[start:end]
        low = phrase.lower()
        w = words()
        m = self.mention_in(start, end)
        before = text[start:m.start].lower().split() if m is not None else []
        if before and before[-1] in w["place_preposition"] and before[0] not in w["pronoun_group"]:
            m = None  # "journalists in Moscow" do not speak for Moscow ("we in Ukraine" do)
        elif _role_complement(before) and self.cb.actors[m.actor].type == "person":
            m = None  # "the adviser to the President of Ukraine" is not the President
        elif m is not None and self._other_name_after(text, m, end):
            # "Defense Secretary Ash Carter", "Deputy Head of the Office of the President Rostyslav Shurma":
            # the role alias names an office, the name after it the person who speaks
            rest = m.end + len(text[m.end:end]) - len(text[m.end:end].lstrip())
            sp = self._resolve(text, rest, end)
            return Speaker(start, end, phrase, sp.name, sp.actor, sp.side)
        elif before and before[-1] in w["role_rank"] and self._role_alias(text, m):
            m = None  # "the Deputy Head of the Office of the President" is not its head
        if m is not None and text[m.end:m.end + 2] in ("'s", "’s") and text[m.end + 2:end].strip():
            # "Putin's aides", "Russia's opponents": the possessor does not speak; its side is theirs,
            # unless they stand against it
            head = text[m.end + 2:end].split()[-1].lower()
            return Speaker(start, end, phrase, phrase, None, None if head in w["opponent_noun"] else m.side)
        if m is not None:
            actor = self.cb.actors[m.actor]
            name = actor.name if actor.type == "person" else phrase
            sp = Speaker(start, end, phrase, name, m.actor, m.side)
            if actor.type == "person":
                self.speakers.append((start, Person(start, actor.name, m.actor, actor.gender)))
            return sp
        if (low in w["first_person"] or low in w["first_person_plural"]) and self.turns:
            k = self._turn_index(start)
            if k is not None:
                name, actor, side = self._turn_speaker(k)
                return Speaker(start, end, phrase, name, actor, side)
        if low in w["second_person"] and self.turns:
            addressee = self._addressee(text, start)
            if addressee is not None:
                name, actor, side = addressee
                return Speaker(start, end, phrase, name, actor, side)
        parts = low.split()
        if len(parts) == 2 and parts[0] in w["message_determiner"] and parts[1] in w["message_noun"]:
            sender = self._sender(text, start)
            if sender is not None:
                return Speaker(start, end, phrase, sender.name, sender.actor, self.cb.side_of(sender.actor))
        if low in w["pronoun_m"] or low in w["pronoun_f"]:
            gender = "m" if low in w["pronoun_m"] else "f"
            p = self._last_person(start, gender, text)
            if p is not None:
                return Speaker(start, end, phrase, p.name, p.actor, self.cb.side_of(p.actor))
            return Speaker(start, end, phrase, phrase, None, None)
        holder = self._role_holder(phrase, start)
        if holder is not None:
            gender = self.cb.actors[holder.actor].gender if holder.actor else None
            self.speakers.append((start, Person(start, holder.name, holder.actor, gender)))
            return Speaker(start, end, phrase, holder.name, holder.actor, self.cb.side_of(holder.actor))
        name = clean_name(phrase)
        if " " not in name and is_cap(name):
            full = self._named_in_full(name, start)
            if full is not None:
                self.speakers.append((start, full))
                return Speaker(start, end, phrase, full.name, full.actor, self.cb.side_of(full.actor))
        if (is_cap(name) and name != phrase or (is_cap(phrase) and len(name.split()) >= 2)) \
                and phrase.split()[0].lower() not in w["determiner"] and leading_place(name.lower().split()) < len(name.split()):
            # "The Anti-Defamation League" and "New York" are no person
            self.speakers.append((start, Person(start, name, None, None)))
        return Speaker(start, end, phrase, name, None, None)


def _role_complement(before: list[str]) -> bool:
    """The words before a mention end in 'ROLE to/of (the)': the mention is the role's complement."""
    w = words()
    b = [x for x in before if x not in w["article"]]
    return len(b) >= 2 and b[-1] in w["role_link"] and b[-2] in w["role_head"]


def _after_role_of(before: tuple[str, ...]) -> bool:
    """The words before a run of names end in 'ROLE of (the)': the run opens with the role's place."""
    return before[-1:] != ("to",) and _role_complement(list(before))


def _person_like(names: list[Span], before: tuple[str, ...]) -> bool:
    """Can a run of capitalised words name a person? Not an organisation, event or thing ('Project
    Syndicate', 'World War II', 'Sputnik V'), nor a place after 'in' ('in South Carolina')."""
    w = words()
    low = [t.text.lower() for t in names]
    if any(x in w["org_word"] or x in w["not_person_word"] for x in low) or len(low[-1]) == 1:
        return False
    possessive = names[-1].text.endswith(("'s", "’s"))
    return possessive or not (before[-1:] and before[-1] in w["place_preposition"])


def _name_in_run(names: list[Span], taken: SpanSet) -> list[Span]:
    """The person's name in a run of capitalised words, without a codebook mention or a place before it
    ('Ukraine Olha Petrenko', 'Indonesian Joko Widodo') or a transcript's label after it ('Alexander
    Lukashenko Lukashenko'); [] when the run is a place ('South Korea', 'New Hampshire')."""
    while len(names) > 2 and taken.contains(names[0].start):
        names = names[1:]
    seen: set[str] = set()
    for n, t in enumerate(names):
        if t.text in seen:
            if n >= 2:
                names = names[:n]
            break
        seen.add(t.text)
    lead = leading_place([t.text.lower() for t in names])
    if lead == len(names):
        return []
    return names[lead:] if len(names) - lead >= 2 else names


def find_persons(text: str, tokens: list[Span], cb: Codebook, mentions: list[Mention], skip: list[tuple[int, int]]) -> list[Person]:
    """Persons named in the text: codebook person mentions and runs of capitalised words."""
    w = words()
    quoted = SpanSet(skip)
    # a person named inside quoted speech ('"I am thankful to you, Charles Michel," he said') is
    # addressed or talked about, not the 'he' of the narration around it
    out = [Person(m.start, cb.actors[m.actor].name, m.actor, cb.actors[m.actor].gender)
           for m in mentions if cb.actors[m.actor].type == "person" and not quoted.contains(m.start)]
    taken = SpanSet([(m.start, m.end) for m in mentions] + list(skip))   # names already found, and quotes
    run: list[Span] = []
    before: tuple[str, ...] = ()   # the tokens before the run: "the Anti-Defamation League" names no person

    def flush():
        names = [t for t in run if t.text.lower() not in w["title_word"]]
        if names and names[0].text.endswith("ing") and (names[0].start == 0 or text[names[0].start - 2:names[0].start].strip() in ("", ".")):
            names = names[1:]  # "Greeting Zuzana Čaputová in Kyiv, he ...": the participle opens the sentence
        if len(names) < 2:
            return
        after_org = _after_org(names)
        if after_org:
            names = after_org  # "Office Mykhailo Podoliak" -> "Mykhailo Podoliak"
        elif not _person_like(names, before):
            return
        elif _after_role_of(before):
            if len(names) < 3:
                return  # "Minister of Internal Affairs": the role's domain, not a person
            names = names[-2:]  # "Prime Minister of Bulgaria Kiril Petkov" -> "Kiril Petkov"
        elif before[-1:] and before[-1] in w["article"] and not (run[0].text.lower() in w["role_head"] and run[1:] == names):
            return  # "the Anti-Defamation League"; but "the President Mykhailo Podolyak" is the role and a name
        names = _name_in_run(names, taken)
        if names and not taken.contains(names[0].start):
            out.append(Person(names[0].start, " ".join(t.text for t in names), None, None))

    not_a_name = w["not_a_name"]
    last = -2
    caps = [i for i, t in enumerate(tokens) if t.text[:1].isupper()]
    # a capitalised token with no capitalised neighbour makes a run of one, which names no one
    paired = [i for k, i in enumerate(caps)
              if (k and caps[k - 1] == i - 1) or (k + 1 < len(caps) and caps[k + 1] == i + 1)]
    for i in paired:
        t = tokens[i]
        if not (t.text.replace("'", "").replace("’", "").replace("-", "").isalpha()
                and t.text.lower() not in not_a_name and "." not in t.text[:-1]) or _GLUED_WORD.search(t.text):
            continue
        # a run is adjacent name-like tokens; any other token between two ends it
        if run and (i != last + 1 or t.start - run[-1].end > 1 or text[run[-1].end:t.start] == "\n"):
            flush()
            run = []
        if not run:
            before = tuple(x.text.lower() for x in tokens[max(0, i - 3):i])
        run.append(t)
        last = i
    if run:
        flush()
    out.sort(key=lambda p: p.start)
    return out
