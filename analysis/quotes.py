"""Voices: every attributed statement (direct, indirect, mixed) with its speaker.

Rules over tokens, in named passes (after the Gender Gap Tracker's design):

1. direct quotes with their attribution after ("...," he said / "...," said X /
   "..." -- X) or right before (X said: "..." / X told reporters, "...");
   a quote interrupted by its attribution ("A," he said, "B.") is one quote;
2. indirect speech: X said (that) ..., X told reporters ..., "according to X";
   content after its attribution (..., he said.); an indirect statement that
   contains a quoted fragment is *mixed* (Putin said Moscow "has no plans");
3. floating quotes: a quote paragraph with no attribution continues the
   previous speaker, and so does a quote that opens the sentence right after
   an attributed statement; other long unattributed quotes keep an empty
   speaker; short ones are scare quotes, left to markers.py;
4. speakers resolved in text order (speakers.py).

Cues come from the codebook's speech_cues lexicon, whose ``kind`` column says
what a cue needs around it (verb_clause cues need a clause after them); every
row names its rule.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from .codebook import Codebook, Entry
from .document import Doc
from .lexicon import excluded as lexicon_excluded
from .quotemarks import QuoteSpan
from .records import Quote, Span
from .roles import find_holders
from .spans import SortedSpans, SpanSet
from .speakers import Resolver, Speaker, contracted_pronoun, find_persons, find_turns, headline_turn, is_cap, is_word, turn_label, is_negation, looks_like_speaker, trim_np, words
from .text import tokens as tokenize
from .zones import title_case

AFTER_WINDOW = 14        # tokens after a closing mark searched for "he said"
BEFORE_WINDOW = 16       # tokens before an opening mark searched for "X said:"
FILLER_MAX = 7           # "told reporters in a statement on Friday" between cue and content
MIN_QUOTE_WORDS = 5      # shorter unattributed quotes are scare quotes or titles
MIN_CONTENT_TOKENS = 3   # an indirect statement needs at least this many tokens
MIN_CLAUSE_TOKENS = 4    # a statement is cut at a dash or semicolon only after this many tokens
CLAUSE_SCAN_MAX = 400    # tokens searched for where a reported statement's clause ends (a longer one runs to its sentence's end)
NEGATIVE_SUBJECT_WINDOW = 30  # tokens before a cue searched for 'Neither X nor Y proposed'
NP_MAX_AFTER = 12        # tokens searched for a cue after a speaker phrase
SOURCE_MAX_BEFORE = 25   # tokens of the source in 'According to ..., CONTENT'
CONTINUE_GAP = 160       # characters of attribution between two parts of one quote
FLOAT_PARAGRAPHS = 2     # a floating quote continues a speaker at most this many paragraphs back
NP_MAX_TOKENS = 12       # a longer run of name-like tokens is not one phrase
DATELINE_TOKENS = 4      # words of a dateline in capitals ('SAN JUAN, Puerto Rico' has its own comma)
OPENER_MAX = 12          # tokens of 'In a speech in ... on Tuesday night,' before a sentence's subject
SHORT_OPENER = 6         # ... a longer one that holds a verb opens with a preposition or subordinator ('Although X was ...,')
MODIFIERS_MAX = 2        # lower-case words between a determiner and a speaker's head ('the budget office')
RELATIVE_MAX = 14        # tokens of "who ..." between a speaker and the cue
LOOSE_NP_TOKENS = 8      # the fallback speaker phrase is at most this long ...
LOOSE_NP_MAX = 12        # ... unless a longer one opens its sentence or clause ('The deputy head of China's delegation to the forum')
PLACE_TOKENS = 3         # ... a place after 'of' in a speaker's phrase ('of Columbia, South Carolina')
BARE_PLURAL_MAX = 3      # ... a bare plural subject ('hacking specialists')
PLAIN_SUBJECT_MAX = 6    # ... and a plain noun phrase before a speech verb ('the 57-year-old scientist')
APPOSITIVE_MAX = 30      # tokens of "X, the president of ..." kept in a speaker span
APPOSITIVE_SEGMENTS = 3  # comma-separated parts an appositive may have
ASIDE_AFTER_CUE = 12     # tokens of '— on Twitter, as it happens —' between a cue and its 'that'
ASIDE_OPENERS = (",", "—", "–", "(")
ADDRESSEE_MAX = 8        # tokens of 'a Senate panel on Wednesday' closing a sentence after its cue
RESEARCH_HEAD_MAX = 5    # tokens of 'A New York Times/CBS News poll' searched for the research noun
LONG_SUBJECT_MAX = 25    # tokens of a subject with its relative clause ('The judges who ruled that ... said')
POLL_HEAD_MAX = 9        # tokens of 'an NBC News/Wall Street Journal poll' searched for the poll noun
CUE_MAX_TOKENS = 3       # tokens of the longest cue ('according to', 'point out')
QUOTED_NAME_WORDS = 3    # a quotation this short with no comma before its closing mark may be a name ('the call sign "Bankir"')
ASIDE_MAX = 14           # tokens of ", after the scandal broke in March," between a speaker and the cue
VERB_KINDS = ("verb", "verb_to", "verb_wish", "verb_address", "verb_clause")  # cue kinds that make a statement of their own (not verb_direct, source_prep)
TO_KINDS = ("verb_to", "verb_wish")  # cue kinds that take an infinitive ("vowed to ...", "we want to ...")
PUNCT_BREAK = {",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "‘", "’", "«", "»", "?", "!"}


@lru_cache(maxsize=8)
def _cue_table(cb_hash: str, entries: tuple[Entry, ...]) -> dict[str, list[tuple[tuple[str, ...], Entry]]]:
    table: dict[str, list] = {}
    for e in entries:
        for form in e.forms:
            ws = tuple(form.lower().split())
            table.setdefault(ws[0], []).append((ws, e))
    for v in table.values():
        v.sort(key=lambda x: -len(x[0]))
    return table


@dataclass
class _Raw:
    start: int
    end: int
    kind: str
    rule: str
    speaker: tuple[int, int] | None
    cue: tuple[int, int, Entry] | None
    floating: bool = False


class _Ctx:
    """Tokens and lookups of one document."""

    def __init__(self, doc: Doc, cb: Codebook):
        self.doc, self.cb, self.text = doc, cb, doc.text
        art = doc.article
        self.paras = doc.paragraphs
        self.sents = [s for s in doc.seg.sentences if not art.in_boilerplate(s.start, s.end)]
        self.toks: list[Span] = []
        for p in self.paras:
            self.toks.extend(tokenize(self.text, p.start, p.end))
        self.starts = list(map(itemgetter(0), self.toks))
        self.low = list(map(str.lower, map(itemgetter(2), self.toks)))
        table = _cue_table(cb.hash, tuple(cb.lexicon("speech_cues")))
        self.cues: dict[int, tuple[int, Entry]] = {}
        self.para_starts = [p.start for p in self.paras]
        self.headlines = [(z.start, z.end) for z in art.zones if z.kind == "headline"]
        heads = SpanSet(self.headlines
                       # live blogs put more headlines in the body: "Clinton Says Russians Hacked DNC"
                       + [(p.start, p.end) for p in self.paras if len(p.text) < 200 and title_case(p.text.split())])
        sent_starts = {s.start for s in self.sents}
        # "the call sign": phrases in which the codebook's exclusions say a speech cue does not count
        hits = lexicon_excluded(cb, "speech_cues", self.text)
        excluded = SpanSet([(h.start, h.end) for h in hits]) if hits else None
        article = words()["article"]
        for i in [i for i, w in enumerate(self.low) if w in table]:
            tok, cands = self.toks[i], table[self.low[i]]
            # a capitalised cue is a name ("United States") except in a headline or at a sentence start
            if tok.text[:1].isupper() and tok.start not in sent_starts and not heads.contains(tok.start):
                continue
            if excluded is not None and excluded.contains(tok.start):
                continue
            if i > 0 and self.low[i - 1] in article:
                continue  # "I'm sure the answer is no", "a call for peace": a noun, not a verb of saying
            for ws, e in cands:
                if tuple(self.low[i:i + len(ws)]) == ws and (e["kind"] != "poll_prep" or self._poll_after(i + len(ws))):
                    self.cues[i] = (i + len(ws), e)
                    break
        self.surnames: dict[str, bool] = {}
        self.mentions = SortedSpans(doc.mentions)
        self.quotes = doc.quote_spans
        # where quotation marks stand: an apostrophe token anywhere else is one ('Sanders’ campaign')
        self.quote_starts = {q.start for q in self.quotes}
        self.quote_order = sorted(range(len(self.quotes)), key=lambda n: self.quotes[n].start)
        self.quote_start_list = [self.quotes[n].start for n in self.quote_order]
        self.quote_marks = self.quote_starts | {q.end - 1 for q in self.quotes if q.closed}

    def _poll_after(self, k: int) -> bool:
        """A poll or survey is named within the phrase that starts at token ``k`` ('a CNN national poll')."""
        w = words()
        for x in range(k, min(len(self.low), k + POLL_HEAD_MAX)):
            if self.low[x] in w["poll_noun"]:
                return True
            tok = self.toks[x].text
            if not (self.low[x] in w["determiner"] or self.low[x] in w["poll_word"] or self.low[x] in ("/", "-", "'s", "’s")
                    or tok[:1].isupper() or tok[:1].isdigit()):
                return False  # 'in the District of Columbia head to the polls': not a poll's name
        return False

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def sent_bounds(self, offset: int) -> tuple[int, int]:
        s = self.doc.seg.sentence_at(offset)
        return (s.start, s.end) if s else (offset, offset)

    def para_index(self, offset: int) -> int:
        return bisect.bisect_right(self.para_starts, offset) - 1

    def para_end(self, offset: int) -> int:
        i = self.para_index(offset)
        return self.paras[i].end if i >= 0 else len(self.text)

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.toks[i].start, self.toks[j - 1].end


def _np_word(ctx: _Ctx, i: int) -> bool:
    """Can token ``i`` sit inside a speaker phrase? (names, titles, role nouns, determiners)"""
    w = words()
    t, low = ctx.toks[i].text, ctx.low[i]
    if is_cap(t) or low.isdigit():
        return True
    if 0 < i < len(ctx.toks) - 1 and _apostrophe(ctx, i) and is_cap(ctx.toks[i - 1].text) and ctx.low[i - 1].endswith("s"):
        nxt = ctx.toks[i + 1].text  # a plural or -s possessive before its noun: "Sanders’ aides", "Reuters’ Luciana Lopez"
        return is_cap(nxt) or any(nxt.lower().rstrip("s") in w[k] or nxt.lower() in w[k] for k in ("group_noun", "title_word", "role_head"))
    return (low in w["determiner"] or low in w["title_word"] or low in w["group_noun"] or low.rstrip("s") in w["group_noun"]
            or low in w["pronoun_m"] or low in w["pronoun_f"] or low in w["pronoun_group"] or low in w["np_inner"]
            or (low in w["role_link"] and i > 0 and ctx.low[i - 1] in w["role_head"]))  # "the Adviser to the Head of ..."


def _line_start(ctx: _Ctx, i: int) -> bool:
    """Token ``i`` opens a line: a speaker phrase never reaches back over a line break ('3\nZoe Saldana')."""
    return i > 0 and ctx.text.find("\n", ctx.toks[i - 1].end, ctx.toks[i].start) >= 0


def _party_after(ctx: _Ctx, j: int, hi: int) -> int | None:
    """The token after a party in brackets that opens at token ``j`` ('(D-Conn.)', '(D)'; not '(I think)')."""
    w = words()
    if not (j + 2 < hi and ctx.low[j] == "(" and ctx.low[j + 1][:1] in w["party_letter"]
            and (ctx.low[j + 1][1:2] == "-" or (len(ctx.low[j + 1]) == 1 and ctx.low[j + 2] == ")"))):
        return None
    close = _close_bracket(ctx, j, hi, 6)
    return None if close is None else close + 1


def _close_bracket(ctx: _Ctx, open_: int, hi: int, window: int) -> int | None:
    """The ')' that closes the '(' at token ``open_``, fewer than ``window`` tokens on and before ``hi``."""
    c = next((x for x in range(open_ + 1, min(hi, open_ + window)) if ctx.low[x] in ("(", ")")), None)
    return c if c is not None and ctx.low[c] == ")" else None


def _open_bracket(ctx: _Ctx, close: int, lo: int, window: int) -> int | None:
    """The '(' that the ')' at token ``close`` closes, at most ``window`` tokens back and not before ``lo``."""
    o = next((x for x in range(close - 1, max(lo, close - window) - 1, -1) if ctx.low[x] in ("(", ")")), None)
    return o if o is not None and ctx.low[o] == "(" else None


def _walk_back(ctx: _Ctx, k: int, lo: int, modifiers: bool = True) -> int:
    i = k
    while i > lo and k - i < NP_MAX_TOKENS and _np_word(ctx, i - 1) and not _line_start(ctx, i):
        i -= 1
    head = trim_np(ctx.toks[i:k]) if modifiers and i < k else []
    if head and ctx.low[i] not in words()["np_inner"] and not any(_pronoun(ctx.low[x]) for x in range(i, k)) \
            and _takes_modifiers(head[0].text):
        # lower-case modifiers inside the phrase: "the budget office", "Democratic presidential candidate X",
        # and at the start of a clause: "..., and immigration officials said"
        m = i
        while m > lo and i - m < MODIFIERS_MAX and _modifier(ctx, m - 1):
            m -= 1
        if m < i and m > lo and (ctx.low[m - 1] in words()["determiner"] or ctx.low[m - 1] in (",", ":") or ctx.low[m - 1] in words()["coordinator"]
                                 or (is_cap(ctx.toks[m - 1].text) and not _pronoun(ctx.low[m - 1]))):
            j = _walk_back(ctx, m, lo, modifiers=False)
            return j if k - j <= NP_MAX_TOKENS else i
    elif head and is_cap(head[0].text) and ctx.low[i] not in words()["np_inner"] and ctx.low[i] not in words()["determiner"] \
            and not any(_pronoun(t.text.lower()) for t in head):
        # a name after its role in lower case, when they open the clause: "Retired neurosurgeon Ben Carson",
        # "GOP frontrunner Donald Trump", "..., and campaign chair Paul Manafort" (not "at a rally Trump")
        m = i
        while m > lo and i - m < MODIFIERS_MAX and _modifier(ctx, m - 1) and ctx.low[m - 1] not in words()["time_noun"] \
                and ctx.low[m - 1] not in words()["not_a_name"]:
            m -= 1
        j = m
        if m < i and j > lo and ctx.low[j - 1] in words()["determiner"]:
            j -= 1  # "His chief aide X"
        while m < i and j > lo and k - j < NP_MAX_TOKENS and is_cap(ctx.toks[j - 1].text) and ctx.toks[j - 1].text.replace("-", "").isalpha() \
                and ctx.low[j - 1] not in words()["not_a_name"] and not _pronoun(ctx.low[j - 1]):
            j -= 1  # "GOP frontrunner X", "Retired neurosurgeon X"
        if m < i and (j == lo or ctx.low[j - 1] in PUNCT_BREAK or ctx.low[j - 1] in words()["coordinator"]) \
                and looks_like_speaker(trim_np(ctx.toks[j:k]), True):
            return j
    return i


def _surname(ctx: _Ctx, tok: str) -> bool:
    """'Giles' is a person's name when the text also calls them 'Ben Giles'."""
    if not (is_cap(tok) and tok.isalpha() and len(tok) > 2 and not _pronoun(tok.lower())):
        return False
    if tok not in ctx.surnames:  # one search per word and document: a long text repeats its subjects
        ctx.surnames[tok] = re.search(r"\b[A-Z][a-z]+ " + re.escape(tok) + r"\b", ctx.text) is not None
    return ctx.surnames[tok]


def _takes_modifiers(first: str) -> bool:
    """A phrase that starts with a common noun or a title ('office', 'candidate Hillary Clinton',
    'President') can have modifiers before it; one with its own determiner or a name cannot."""
    low = first.lower()
    return low not in words()["determiner"] and (first.islower() or low in words()["title_word"])


def _pronoun(low: str) -> bool:
    w = words()
    return any(low in w[k] for k in ("pronoun_m", "pronoun_f", "pronoun_group", "pronoun_other", "first_person",
                                      "object_pronoun", "relative_object"))


def _modifier(ctx: _Ctx, i: int) -> bool:
    """A lower-case content word that can modify a noun: not a function word, verb or adverb."""
    t, low = ctx.toks[i].text, ctx.low[i]
    w = words()
    if _compound(t):
        return True  # "the self-described democratic socialist", "the 70-year-old senator"
    if not t.isalpha() or not t.islower() or low.endswith(("ing", "ly")):
        return False
    if low.endswith("ed") and not (i > 0 and ctx.low[i - 1] in w["determiner"]):
        return False  # 'some undecided conservatives', 'a retired general'; but 'Trump surprised voters'
    return not _pronoun(low) and not any(low in w[k] for k in ("verb_like", "clause_break", "topic_preposition", "filler_start",
                                                                "skip_between", "be_form", "negation", "determiner"))


def _np_before(ctx: _Ctx, cue_i: int, lo: int) -> tuple[int, int] | None:
    """Token range of the speaker phrase that ends right before token ``cue_i``.

    Appositives stay in the span ("Hugh Hill, a doctor," / "Mr. Reid, who represents
    Nevada,"); the resolver takes the name from it.
    """
    sp = _phrase_for_cue(ctx, cue_i, lo)
    if sp is not None and sp[1] - sp[0] == 1 and ctx.low[sp[0]] in words()["quantifier_subject"] \
            and not _lone_quantifier(ctx, sp[0], lo):
        return None  # "not discussed at all, said", "a man you all know"
    return sp


def _phrase_for_cue(ctx: _Ctx, cue_i: int, lo: int) -> tuple[int, int] | None:
    w = words()
    j = cue_i
    paren = None   # "Harry M. Reid (D-Nev.) told": the affiliation belongs to the speaker phrase
    while j > lo:
        if ctx.low[j - 1] == ")" and paren is None:
            o = _open_bracket(ctx, j - 1, lo, 9)
            if o is None or o == lo:
                break
            paren, j = (o, j), o
        elif (chain := _verb_chain(ctx, j, lo)[0]) < j:
            j = chain  # "I would like to stress", "Republicans continue to warn", "D'Souza went on to explain"
        elif ctx.low[j - 1] in w["skip_between"]:
            j -= 1
        elif j - 2 >= lo and ctx.low[j - 2] in w["filler_start"] and ctx.low[j - 1] in w["time_or_place"]:
            j -= 2  # "Paul Ryan on Thursday declared"
        else:
            break
    if j - 2 >= lo and ctx.low[j - 1] == "who" and ctx.cues[cue_i][1]["kind"] not in TO_KINDS \
            and (ctx.low[j - 2] == "," or ctx.low[cue_i] in w["say_verb"]):
        return j - 1, j  # "Podesta, who said ...", "voters who say ...": coders mark 'who'; the resolver names it
    if j > lo and ctx.low[j - 1] in w["coordinator"]:
        # "The President thanked the EU and stressed": the cue shares the clause's subject (any subject
        # before 'and said': "they reversed themselves ... and said")
        sp = _clause_subject(ctx, lo, j - 1, named=ctx.low[cue_i] not in w["no_addressee"])
        return None if sp and sp[1] - sp[0] == 1 and ctx.low[sp[0]] in w["pronoun_other"] - w["first_person"] else sp  # not "You ... and say"
    a = j
    while a > lo and ctx.low[a - 1].endswith("ly") and ctx.toks[a - 1].text.islower():
        a -= 1  # "..., eventually saying he would be a disaster"
    if j == cue_i and a > lo and ctx.low[cue_i].endswith("ing") and (ctx.low[a - 1] == "," or (
            ctx.low[a - 1] in ("—", "–") and not any(t in ("—", "–") for t in ctx.low[lo:a - 1]))):
        # "Putin met the governor of Kursk, saying that ...", "X dismissed the accusations — saying ...":
        # the subject speaks, not the object
        return _clause_subject(ctx, lo, a - 1, named=False)
    if j == cue_i and j - 1 > lo and ctx.low[j - 1] in w["participle_preposition"] and ctx.low[cue_i].endswith("ing"):
        return _participle_subject(ctx, cue_i, lo, j - 1)
    if j - 1 > lo and ctx.low[j - 1] in ("—", "–"):
        o = next((x for x in range(j - 2, max(lo, j - APPOSITIVE_MAX) - 1, -1) if ctx.low[x] in ("—", "–")), None)
        if o is not None and o > lo and (ctx.low[o + 1] in w["determiner"] or ctx.low[o + 1] in w["title_word"]):
            i = _walk_back(ctx, o, lo)
            toks = trim_np(ctx.toks[i:o])
            if toks and any(is_cap(t.text) for t in toks) and looks_like_speaker(toks, _has_mention(ctx, i, o)):
                return ctx.tok_at(toks[0].start), j  # the dashes enclose an appositive, as coders mark it
        if o is not None and o > lo and j - 1 - o <= ASIDE_MAX \
                and (ctx.low[cue_i] in w["say_verb"] or ctx.cues[cue_i][1]["kind"] == "verb_address") \
                and (np_ := _phrase_before(ctx, o, lo) or _loose_np(ctx, o, lo)) is not None and np_[1] == o \
                and (np_[0] == lo or ctx.low[np_[0] - 1] in PUNCT_BREAK or ctx.low[np_[0] - 1] in w["coordinator"]):
            return np_  # "Murphy — after a knock-on-wood gesture — told me", "Democrats — and some Republicans — say"
    comma = j > lo and ctx.low[j - 1] == ","
    k = j - 1 if comma else j
    if comma:
        aside = None if ctx.low[cue_i].endswith("ing") else _aside_before(ctx, k, lo)
        if aside is not None:
            return aside
        app = _appositive_before(ctx, k, lo)
        if app is not None:
            return app[0], app[1] + 1   # the appositive's closing comma belongs to it, as coders mark it
    np_ = _phrase_before(ctx, k, lo)
    if np_ is not None and (rel := _relative_subject(ctx, np_[0], k, lo, named=True)) is not None:
        return rel  # "Residents who spoke with Reuters said": the name is inside the relative clause
    if np_ is not None and (whole := _with_place_before(ctx, np_, lo)) is not None:
        np_ = whole
    if np_ is not None and np_[0] > lo and ctx.low[np_[0] - 1] in w["phrase_preposition"]:
        # "Some delegates at the convention in Philadelphia said": the name ends a longer phrase
        loose = _loose_np(ctx, k, lo)
        np_ = loose if loose is not None and loose[0] < np_[0] else np_
    if np_ is not None:
        return (np_[0], paren[1]) if paren and np_[1] == paren[0] else np_
    rel = _relative_subject(ctx, k, k, lo)
    if rel is not None:
        return rel
    loose = _loose_np(ctx, k, lo)
    if loose is None and not comma and ctx.low[cue_i] in w["plain_subject_cue"]:
        loose = _plain_subject(ctx, cue_i, k, lo)
    if loose is None and not comma:
        loose = _long_subject(ctx, cue_i, k, lo) or _research_subject(ctx, cue_i, k, lo)
    return loose


def _with_place_before(ctx: _Ctx, np_: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """'Stacy Baker of Columbia, South Carolina says': the phrase before the cue is the end of a place
    ('Columbia, South Carolina') that a person's phrase takes; that whole phrase is the speaker."""
    w = words()
    a, b = np_
    if b - a > PLACE_TOKENS or a - 2 <= lo or ctx.low[a - 1] != "," or not all(is_cap(t.text) for t in ctx.toks[a:b]):
        return None
    p = a - 1
    while p > lo and a - 1 - p < PLACE_TOKENS and is_cap(ctx.toks[p - 1].text) and not _pronoun(ctx.low[p - 1]):
        p -= 1
    if p == a - 1 or p - 1 <= lo or ctx.low[p - 1] not in ("of", "from"):
        return None
    head = _phrase_before(ctx, p - 1, lo)
    if head is None or head[1] != p - 1 or not (head[0] == lo or ctx.low[head[0] - 1] in PUNCT_BREAK
                                               or ctx.low[head[0] - 1] in w["clause_break"]):
        return None
    return head[0], b


def _research(ctx: _Ctx, cue_i: int, a: int, b: int) -> bool:
    """Is tokens a..b a research source ('A CNN/ORC poll', 'Polling of union voters') before a cue that
    reports findings ('showed', 'found')?"""
    w = words()
    return cue_i in ctx.cues and ctx.cues[cue_i][1].id in w["research_cue"] \
        and any(ctx.low[x] in w["research_noun"] for x in range(a, min(b, a + RESEARCH_HEAD_MAX)))


def _clause_start(ctx: _Ctx, k: int, lo: int) -> int:
    """The first token of the stretch before token ``k`` that no punctuation mark breaks."""
    return next((x + 1 for x in range(k - 1, lo - 1, -1) if ctx.low[x] in PUNCT_BREAK), lo)


def _research_source(ctx: _Ctx, cue_i: int, sp: tuple[int, int]) -> bool:
    """The speaker phrase ``sp`` is a research source ending in its noun or a name ('The April survey found ...',
    not 'research helps find ...'), so 'found' needs no clause after it."""
    w = words()
    return _research(ctx, cue_i, *sp) and (ctx.low[sp[1] - 1] in w["research_noun"] or is_cap(ctx.toks[sp[1] - 1].text))


def _research_subject(ctx: _Ctx, cue_i: int, k: int, lo: int) -> tuple[int, int] | None:
    """'A CNN/ORC poll of South Carolina released on Tuesday showed', 'Surveys of caucus-goers taken as
    they entered caucus sites showed': a research source opens its clause and runs up to the cue."""
    start = _clause_start(ctx, k, lo)
    if k - start < 1 or k - start > LONG_SUBJECT_MAX or (start > lo and ctx.low[start - 1] != ","):
        return None
    first = ctx.toks[start].text
    if not (first.lower() in words()["determiner"] or is_cap(first)) or not _research(ctx, cue_i, start, k):
        return None
    return start, k


def _relative_subject(ctx: _Ctx, before: int, k: int, lo: int, named: bool = False) -> tuple[int, int] | None:
    """'Democrats in Iowa who watched the debate said', 'Officials who spoke with The Huffington Post
    said': the phrase before a 'who' clause that ends at token ``k``, with the clause, as coders mark it.
    The 'who' comes before token ``before``; with ``named`` (a name after a preposition ends the clause), a verb
    must follow 'who' ('the man who Putin said ...' is Putin's statement)."""
    w = words()
    r = before - 1
    while r > lo and k - r <= RELATIVE_MAX and ctx.low[r] not in PUNCT_BREAK and ctx.low[r] != ".":
        if ctx.low[r] == "who":
            if named:
                p = before - 2 if ctx.low[before - 1] in w["determiner"] else before - 1  # the word before the name
                if r + 1 >= before or is_cap(ctx.toks[r + 1].text) or ctx.low[r + 1] in w["determiner"] \
                        or _pronoun(ctx.low[r + 1]) or p <= r or ctx.low[p] not in w["topic_preposition"]:
                    return None  # 'who has heard politicians say': the name is the subject of the cue
            i = r
            while i > lo and r - i < LOOSE_NP_TOKENS and ctx.low[i - 1] not in PUNCT_BREAK and ctx.low[i - 1] not in ("'", "`", ".") \
                    and ctx.low[i - 1] not in w["clause_break"]:
                i -= 1
            head = trim_np(ctx.toks[i:r])
            if head and not any(_verb_like(t.text) for t in head) and looks_like_speaker(head, _has_mention(ctx, i, r)):
                return ctx.tok_at(head[0].start), k
            return None
        r -= 1
    return None


def _long_subject(ctx: _Ctx, cue_i: int, k: int, lo: int) -> tuple[int, int] | None:
    """'The judges who ruled that ... said', 'Several people I've spoken with ... said', 'Another Muslim
    who worshiped at the Islamic Center here and who didn't want to be named said': a subject that
    opens the sentence with a speaker phrase and runs with its relative clause or phrase up to a say verb."""
    w = words()
    if cue_i not in ctx.cues:
        return None
    after = ctx.cues[cue_i][0]
    if ctx.low[cue_i] not in w["say_verb"] or k - lo > LONG_SUBJECT_MAX or after >= len(ctx.low) \
            or ctx.low[after] in PUNCT_BREAK or ctx.low[after] == ".":
        return None
    n = lo
    while n < k and n - lo < NP_MAX_TOKENS and (_np_word(ctx, n) or _modifier(ctx, n)):
        n += 1
    head = trim_np(ctx.toks[lo:n])
    if not head or n >= k - 1 or head[0].start != ctx.toks[lo].start:
        return None
    if ctx.low[n] in w["phrase_preposition"] or ctx.toks[n].text.endswith("ing"):
        if any(_verb_like(t.text) or t.text.lower() in w["be_form"] for t in ctx.toks[n + 1:k]):
            return None  # "some politicians in Europe are beginning to say": the phrase ended before the verb
    elif not (ctx.low[n] in w["relative_word"] or _pronoun(ctx.low[n])):
        return None
    if any(ctx.low[x] in PUNCT_BREAK for x in range(n, k)) or not looks_like_speaker(head, _has_mention(ctx, lo, n)):
        return None
    return lo, k


def _participle_subject(ctx: _Ctx, cue_i: int, lo: int, prep: int) -> tuple[int, int] | None:
    """'Trump landed himself in hot water by saying that ...': the subject of the clause speaks,
    when the participle reports speech (a say verb, or a clause or quotation after it: not 'by
    describing the situation') and no other clause comes between ('they are preparing ... by saying' is theirs)."""
    w = words()
    ce = ctx.cues[cue_i][0]
    if ctx.low[cue_i] not in w["say_verb"] \
            and not (ce < len(ctx.low) and (ctx.low[ce] in w["clause_opener"] or _quote_follows(ctx, ce))):
        return None
    sp = _clause_subject(ctx, lo, prep, named=False)
    if sp is None or any(t in w["clause_break"] for t in ctx.low[sp[1]:prep]) \
            or (sp[1] - sp[0] == 1 and ctx.low[sp[0]] in w["sentence_adverb"]):
        return None
    return sp


def _plain_subject(ctx: _Ctx, cue_i: int, k: int, lo: int) -> tuple[int, int] | None:
    """'The 57-year-old scientist says ...', 'The budget office said ...': before a verb that only
    reports speech, a determiner-led noun phrase that opens its clause is the source, whatever its noun.
    Only when the statement follows the cue ('..., all our citizens would like to say.' is not one)."""
    w = words()
    after = ctx.cues[cue_i][0]
    quoted = False
    if after >= len(ctx.low) or ctx.low[after] in PUNCT_BREAK or ctx.low[after] == ".":
        if after >= len(ctx.low) or not _quote_follows(ctx, after) or ctx.low[cue_i - 1] in w["be_form"]:
            return None  # not 'his salespersons were told, "..."'
        quoted = True  # 'The email said, "...'
    i = k
    while i > lo and k - i < PLAIN_SUBJECT_MAX and ctx.low[i - 1] not in PUNCT_BREAK and ctx.low[i - 1] not in ("'", "`", ".") \
            and ctx.low[i - 1] not in w["clause_break"]:
        i -= 1
    if i > lo and not (ctx.low[i - 1] in PUNCT_BREAK or ctx.low[i - 1] in w["clause_break"]):
        return None  # the phrase does not open a clause
    if quoted and i > lo and ctx.low[i - 1] == ",":
        return None  # 'That, the commission said, "would ...': the parenthetical rule takes it
    if i > lo + 1 and ctx.low[i - 1] == "and" and (first := _phrase_before(ctx, i - 1, lo)) is not None \
            and (first[0] == lo or ctx.low[first[0] - 1] in PUNCT_BREAK):
        return first[0], k  # "Trump and his attorneys have said"
    toks = trim_np(ctx.toks[i:k])
    if toks and toks[0].start == ctx.toks[i].start and _bare_plural(ctx, toks, cue_i):
        return ctx.tok_at(toks[0].start), ctx.tok_at(toks[-1].start) + 1
    if not toks or toks[0].start != ctx.toks[i].start or toks[0].text.lower() not in w["determiner"] or len(toks) < 2:
        return None  # "on our people, on our children adds": the phrase must open the clause itself
    if any(not is_word(t.text) and t.text not in ("-", "'s", "’s") or _verb_like(t.text) or _pronoun(t.text.lower())
           or t.text.lower() in w["be_form"] or t.text.lower() in w["topic_preposition"] for t in toks[1:]):
        return None  # "The move made clear", "Each of them said": not a plain noun phrase
    return ctx.tok_at(toks[0].start), ctx.tok_at(toks[-1].start) + 1


def _quote_follows(ctx: _Ctx, i: int) -> bool:
    """Does a quotation open at token ``i``, after at most a comma or a colon ('The email said, "...')?"""
    if ctx.low[i] in (",", ":") and i + 1 < len(ctx.low):
        i += 1
    return ctx.toks[i].start in ctx.quote_starts


def _bare_plural(ctx: _Ctx, toks: list[Span], cue_i: int) -> bool:
    """'..., but hacking specialists say ...', 'forecasters say': a plural noun with only lower-case
    modifiers before it, right before a say verb in its plural form ('say', 'said', not 'says';
    not 'heroes have constantly declared themselves')."""
    w = words()
    last = toks[-1].text
    if ctx.low[cue_i].endswith("s") or ctx.low[cue_i] not in w["say_verb"] or ctx.tok_at(toks[-1].start) != cue_i - 1 \
            or len(toks) > BARE_PLURAL_MAX or not last.islower() \
            or not last.endswith("s") or last.endswith(("ss", "us", "ics")):
        return False
    return all(t.text.isalpha() and t.text.islower() and not _verb_like(t.text) and not _pronoun(t.text.lower())
               and not t.text.endswith("ly") and not any(t.text in w[k] for k in ("be_form", "topic_preposition", "determiner",
                                                                                   "clause_break", "negation", "skip_between"))
               for t in toks)


def _verb_chain(ctx: _Ctx, c: int, lo: int) -> tuple[int, bool]:
    """Where a verb chain ending in 'to' right before token ``c`` starts ('would like to', 'continue
    to', 'went on to'), and whether it makes the cue need a clause after it ('continue to insist
    that', not 'continue to oppose any attempt'). ``(c, False)`` when there is none."""
    w = words()
    if c - 2 < lo or ctx.low[c - 1] != "to":
        return c, False
    if ctx.low[c - 2] in w["to_chain"]:
        return c - 2, False
    if ctx.low[c - 2] in w["to_chain_clause"]:
        return c - 2, True
    if c - 3 >= lo and ctx.low[c - 2] == "on" and ctx.low[c - 3] in w["go_on"]:
        return c - 3, False
    return c, False


def _loose_np(ctx: _Ctx, k: int, lo: int) -> tuple[int, int] | None:
    """The fallback speaker phrase ending before token ``k``: the clause start, for phrases with
    ordinary words ("people briefed on the situation")."""
    w = words()
    i = k
    while i > lo and k - i < LOOSE_NP_MAX and ctx.low[i - 1] not in PUNCT_BREAK and ctx.low[i - 1] not in ("'", "`", ".") \
            and ctx.low[i - 1] not in w["clause_break"] and not _line_start(ctx, i):
        i -= 1
    if k - i > LOOSE_NP_TOKENS:
        whole = _loose_tokens(ctx, i, k, w)
        if whole is not None and (i == lo or ctx.low[i - 1] in PUNCT_BREAK or ctx.low[i - 1] == "." or _line_start(ctx, i)):
            return whole
        i = k - LOOSE_NP_TOKENS
    return _loose_tokens(ctx, i, k, w)


def _loose_tokens(ctx: _Ctx, i: int, k: int, w: dict) -> tuple[int, int] | None:
    """Tokens i..k as the fallback speaker phrase, if they hold no verb and look like a speaker."""
    toks = trim_np(ctx.toks[i:k])
    # "those surveyed said", "people briefed on the talks say": a participle right after a determiner
    # or group noun is part of the phrase ("The President started the meeting by saying" is a clause)
    def participle(n: int) -> bool:
        prev = toks[n - 1].text.lower() if n else ""
        return n > 0 and toks[n].text.lower() in w["survey_participle"] and (prev in w["determiner"] or prev in w["group_noun"])
    if not toks or any(_verb_like(t.text) and not participle(n) for n, t in enumerate(toks)):
        return None
    a, b = ctx.tok_at(toks[0].start), ctx.tok_at(toks[-1].start) + 1
    return (a, b) if looks_like_speaker(ctx.toks[a:b], _has_mention(ctx, a, b)) else None


def _aside_before(ctx: _Ctx, k: int, lo: int) -> tuple[int, int] | None:
    """'Forbes, however, says' / 'Clinton, after the scandal broke in March, said': the phrase
    before an aside that ends at the comma at token ``k`` (coders leave the aside out)."""
    o = k
    for _ in range(APPOSITIVE_SEGMENTS):  # ", during a town hall meeting in Columbus, Ohio,"
        o = next((x for x in range(o - 1, max(lo, k - ASIDE_MAX) - 1, -1) if ctx.low[x] in PUNCT_BREAK), None)
        if o is None or o == lo or ctx.low[o] != ",":
            return None
        if ctx.low[o + 1] in words()["aside_opener"]:
            if ctx.low[o + 1] in words()["appositive_adverb"] and o + 2 < k and ctx.low[o + 2] in words()["determiner"]:
                return None  # "Ted Cruz, also a GOP hopeful, said": an appositive, not an aside
            break
    else:
        return None
    return _phrase_before(ctx, o, lo) or _loose_np(ctx, o, lo)


def _phrase_before(ctx: _Ctx, k: int, lo: int) -> tuple[int, int] | None:
    """The name-like speaker phrase that ends right before token ``k``, if it looks like a speaker."""
    i = _walk_back(ctx, k, lo)
    toks = trim_np(ctx.toks[i:k])
    if not toks:
        return None
    a, b = ctx.tok_at(toks[0].start), ctx.tok_at(toks[-1].start) + 1
    if b - a == 1 and ctx.low[a].endswith("ing") and _surname(ctx, ctx.toks[a].text):
        return a, b  # "Ebeling said", when the text also says "Nancy Ebeling" ("Opening remarks" is no name)
    return (a, b) if looks_like_speaker(ctx.toks[a:b], _has_mention(ctx, a, b)) else None


def _clause_subject(ctx: _Ctx, lo: int, hi: int, named: bool = True) -> tuple[int, int] | None:
    """The speaker phrase that opens tokens lo..hi, if one does and a verb follows it;
    with ``named``, only a named actor or a role."""
    lo = _after_dateline(ctx, lo, hi)
    opener = next((x for x in range(lo, min(hi, lo + OPENER_MAX)) if ctx.low[x] == ","), None)
    if opener is not None and opener - lo >= SHORT_OPENER and ctx.low[lo] not in words()["time_phrase_start"] \
            and ctx.low[lo] not in words()["clause_break"] and any(_verb_like(t.text) for t in ctx.toks[lo:opener]):
        # a long opener is a phrase or a subordinate clause ('In a letter released Monday,', 'Although X was ...,'),
        # not the main clause ('The President briefed A, B and C')
        opener = None
    if opener is not None and all(_np_word(ctx, x) for x in range(lo, opener)) and _apposition_end(ctx, opener, hi) is not None:
        opener = None  # "Sen. Mark Kirk, R-Ill., ... rescinded": a name and its appositive, not an opener
    if opener is not None and opener + 1 < hi and (is_cap(ctx.toks[opener + 1].text) or ctx.low[opener + 1] in words()["pronoun_m"]
                                                   | words()["pronoun_f"] | words()["pronoun_group"]):
        lo = opener + 1  # "However, he held his fire ...", "During the debate, Cruz made ..."
    i = lo
    while i < hi and i - lo < NP_MAX_TOKENS and _np_word(ctx, i):
        i += 1
    toks = trim_np(ctx.toks[lo:i])
    if not toks or toks[-1].text.lower() in words()["np_inner"]:
        return None  # "Both the Republic and municipal authorities": the phrase goes on
    a, b = ctx.tok_at(toks[0].start), ctx.tok_at(toks[-1].start) + 1
    end = b
    if b == i and (after := _apposition_end(ctx, i, hi)) is not None:
        end = i = after  # "Sen. Mark Kirk, R-Ill., who faces ..., rescinded ...": coders keep the appositive
    if i >= hi or not ctx.low[i].isalpha():
        return None
    w = words()
    if not named or (b - a == 1 and (ctx.low[a] in w["pronoun_m"] or ctx.low[a] in w["pronoun_f"])):
        return (a, end) if looks_like_speaker(ctx.toks[a:b], _has_mention(ctx, a, b)) else None
    # a named actor or a role, not "We"/"It"/"Evil": those subjects more often act than speak
    named = _has_mention(ctx, a, b) or any(ctx.low[x] in w["title_word"] or ctx.low[x].rstrip("s") in w["title_word"]
                                           or (x > a and is_cap(ctx.toks[x].text)) for x in range(a, b)) \
        or (b - a == 1 and _surname(ctx, ctx.toks[a].text))
    return (a, end) if named and looks_like_speaker(ctx.toks[a:b], True) else None


def _after_dateline(ctx: _Ctx, lo: int, hi: int) -> int:
    """The token after a dateline that opens tokens lo..hi ('WASHINGTON —', 'NEW YORK (AP) —'), else ``lo``."""
    i = lo
    while i < hi and i - lo < DATELINE_TOKENS and ctx.toks[i].text.isupper() and len(ctx.toks[i].text) > 1 \
            and ctx.toks[i].text.strip(".,").isalpha():
        i += 1
    if i > lo and i + 2 < hi and ctx.low[i] == "(" and ctx.toks[i + 1].text.isupper() and ctx.low[i + 2] == ")":
        i += 3  # '(AP)'
    return i + 1 if i > lo and i < hi and ctx.low[i] in ("—", "–", "-", "--") else lo


def _apposition_end(ctx: _Ctx, i: int, hi: int) -> int | None:
    """After a subject ending before token ``i``: the token after its party in brackets and its
    appositives in commas ('(I-Vt.)', ', R-Ill., who faces ...,'), if a verb follows them; else None."""
    w = words()
    j = i
    if j < hi and ctx.low[j] == "(":  # a party or a caption: "Sen. Bernie Sanders (I-Vt.)", "George Zimmerman (left)"
        close = _close_bracket(ctx, j, hi, 6)
        if close is None:
            return None
        j = close + 1
    for _ in range(APPOSITIVE_SEGMENTS):
        if j + 1 >= hi or ctx.low[j] != "," or not (_opens_appositive(ctx, j + 1, hi) or ctx.low[j + 1] in w["subject_list_opener"]):
            break
        nxt = next((x for x in range(j + 1, min(hi, j + APPOSITIVE_MAX)) if ctx.low[x] in PUNCT_BREAK), None)
        if nxt is None or ctx.low[nxt] != ",":
            return None
        j = nxt + 1
        if j < hi and (ctx.low[j] in w["relative_word"] or ctx.low[j] in w["determiner"]):
            j = nxt  # another appositive: ', R-Ill., who faces ...,'
    return j if j > i and j < hi and ctx.toks[j].text.isalpha() and ctx.toks[j].text.islower() else None


def _appositive_before(ctx: _Ctx, k: int, lo: int) -> tuple[int, int] | None:
    """'Hugh Hill, a doctor, said' / 'Mr. Reid, who represents Nevada, said': the name
    before the appositive that ends at the comma at token ``k``."""
    w = words()
    end_seg = k
    inner = fallback = None
    for _ in range(APPOSITIVE_SEGMENTS):  # "Brianne Stone, 29, of Huntsville, Ala., says"
        p = end_seg - 1
        while p > lo and end_seg - p <= APPOSITIVE_MAX and ctx.low[p] not in (",", ";", ":", '"', "“", "”"):
            p -= 1
        if p <= lo or ctx.low[p] != "," or p + 1 >= end_seg:
            return inner or fallback
        if not _opens_appositive(ctx, p + 1, end_seg):
            return inner or fallback
        if ctx.low[p + 1] in w["determiner"] and _finite_before_relative(ctx, p + 2, end_seg):
            return inner or fallback  # "..., the willingness to negotiate will decrease, said X": a clause, not an appositive
        q = p
        if ctx.low[p - 1] == ")":  # "Rep. Elijah Cummings (D-Md.), chair of ..., said"
            q = o if (o := _open_bracket(ctx, p - 1, lo, 5)) is not None else p
        i = _walk_back(ctx, q, lo)
        toks = trim_np(ctx.toks[i:q])
        if fallback is not None and all(t.text.isdigit() or t.text.lower() in w["not_a_name"] or t.text.lower() in w["sentence_adverb"]
                                        for t in toks):
            return inner or fallback  # "On Tuesday, Kevin Brady, chairman of ..., said": a day is no name
        if end_seg == k and all(is_cap(ctx.toks[x].text) for x in range(p + 1, end_seg)) and not any(is_cap(t.text) for t in toks) \
                and (role := _loose_np(ctx, p, lo)) is not None and ctx.low[role[0]] in w["determiner"] \
                and (role[0] == lo or ctx.low[role[0] - 1] in PUNCT_BREAK or ctx.low[role[0] - 1] in w["coordinator"]):
            return role[0], k  # "the campaign chief, Paul Manafort, said": the role before the name, as coders mark it
        if toks and any(is_cap(t.text) for t in toks) and i > lo and ctx.low[i - 1] == "," and fallback is None \
                and not _apposed_to_before(ctx, lo, i - 1):
            # "On Tuesday, Steve Coll, the dean, said that ...", "The economy is strong, Steve Coll, the dean, said.",
            # unless the chain goes on
            fallback = ctx.tok_at(toks[0].start), k
        if toks and any(is_cap(t.text) for t in toks) and (i == lo or ctx.low[i - 1] != ","):
            a = ctx.tok_at(toks[0].start)
            if a > lo and ctx.toks[a - 1].text.isalpha() and ctx.toks[a - 1].text.islower():
                # "a pollster who works with Priorities USA, a super PAC,": the name is inside an
                # outer appositive; take the outer name if there is one
                inner = inner or (a, k)
            else:
                return a, k
        end_seg = p
    return inner or fallback


def _finite_before_relative(ctx: _Ctx, a: int, end: int) -> bool:
    """A verb among tokens a..end before any relative word: 'the willingness ... will decrease' is a
    clause; 'a Republican who has refused to endorse him' is a noun phrase with a relative clause."""
    w = words()
    for x in range(a, end):
        t = ctx.low[x]
        if t in w["relative_word"] or t == "that" or t in PUNCT_BREAK:
            return False
        if t in w["finite_marker"] and ctx.low[x - 1] != "to":
            return True
    return False


def _opens_appositive(ctx: _Ctx, a: int, end: int) -> bool:
    """Token ``a``, after a name and a comma, opens an appositive: 'a doctor', 'who ...', '29', 'R-NY',
    'Trump's campaign manager', 'also a GOP hopeful', 'executive director of ...' (a role within three words)."""
    w = words()
    first = ctx.low[a]
    if first in w["appositive_adverb"] and a + 1 < end:
        first = ctx.low[a + 1]  # "Ted Cruz, also a GOP presidential hopeful, said"
    return (first in w["determiner"] or first in w["title_word"] or first in w["relative_word"] or first == "of" or first.isdigit()
            or first in w["role_head"] or (first[1:2] == "-" and first[:1] in w["party_letter"])
            or _title(ctx.toks[a].text) or (first.endswith("ing") and ctx.toks[a].text.islower())
            or (not first.endswith("ed") and any(t in w["title_word"] for t in ctx.low[a + 1:min(a + 3, end)])))


def _apposed_to_before(ctx: _Ctx, lo: int, comma: int) -> bool:
    """The name after ``comma`` is itself an appositive of what comes before it: a place ('of Raleigh,
    N.C.,') or a short common noun phrase that opens the clause ('Your city, The Hague, ...')."""
    w = words()
    if comma - 2 >= lo and ctx.low[comma - 2] in w["phrase_preposition"] and is_cap(ctx.toks[comma - 1].text):
        return True
    start = _clause_start(ctx, comma, lo)
    return 0 < comma - start <= 3 and ctx.low[start] in w["determiner"] and not any(is_cap(t.text) for t in ctx.toks[start + 1:comma])


def _title(tok: str) -> bool:
    """A title-case word, possessives included ("Trump's campaign manager")."""
    return (tok[:-2] if tok.endswith(("'s", "’s")) else tok).istitle()


def _verb_like(tok: str) -> bool:
    """A lower-case word that is probably a verb, so the phrase is a clause, not a speaker."""
    low = tok.lower()
    return tok.islower() and not _compound(tok) and (
        low in words()["verb_like"] or (len(low) > 4 and low.endswith("ed") and low not in words()["group_noun"]))


def _compound(tok: str) -> bool:
    """A lower-case hyphenated compound ('self-described', 'left-leaning', '70-year-old'): an
    adjective or a noun, never the verb of a clause."""
    parts = tok.split("-")
    return len(parts) > 1 and tok.islower() and all(p.isalpha() or p.isdigit() for p in parts)


def _has_mention(ctx: _Ctx, a: int, b: int) -> bool:
    return bool(ctx.mentions.overlapping(ctx.toks[a].start, ctx.toks[b - 1].end))


def _np_after(ctx: _Ctx, i: int, hi: int) -> tuple[int, int] | None:
    """Speaker phrase that starts at token ``i`` ("said Dmitry Peskov, the Kremlin spokesman")."""
    w = words()
    j = i
    while j < hi and j < i + NP_MAX_TOKENS:
        t = ctx.low[j]
        if t in PUNCT_BREAK or t in ("'", "`", ".") or (t in w["clause_break"] and j > i) or (t in w["np_end_preposition"] and j > i) \
                or (t == "to" and j > i) or (j > i and (t in w["be_form"] or t in w["verb_like"])):
            break  # "ask certain authorities to clarify": an infinitive, not a speaker phrase
        j += 1
    if j == i or not looks_like_speaker(ctx.toks[i:j], _has_mention(ctx, i, j)):
        return None
    j = _party_after(ctx, j, len(ctx.toks)) or j  # "said Sen. Chris Murphy (D-Conn.)": the party belongs to the phrase
    # an appositive after the name belongs to the phrase: "said Rick Tyler, a former aide", "said Jaime Harrison,
    # chair of the South Carolina Democratic Party"; not "said Smith, adding that ..."
    if j + 1 < len(ctx.toks) and ctx.low[j] == "," and not (ctx.low[j + 1].endswith("ing") and ctx.toks[j + 1].text.islower()) \
            and (_opens_appositive(ctx, j + 1, len(ctx.toks)) or any(ctx.low[x] in w["role_link"] for x in range(j + 2, min(j + 5, len(ctx.toks))))):
        # "said Gloria Garcia, 34, a nurse from Brownsville": the appositive runs to the sentence end,
        # past the window that found the name
        s_end = ctx.tok_at(ctx.sent_bounds(ctx.toks[j].start)[1])
        k = j + 1
        while k < s_end and k - j < APPOSITIVE_MAX and ctx.low[k] not in (".", ";", '"', "“", "”", "?", "!") \
                and not (ctx.low[k] in ("'", "`") and ctx.toks[k].start in ctx.quote_marks):
            k += 1  # "which tracks terrorists' communications": an apostrophe, not a quotation mark
        return i, k
    return i, j


@lru_cache(maxsize=None)
def _phrase_lengths(name: str) -> tuple[int, ...]:
    """Word counts of the multi-word entries of grammar list ``name``, longest first."""
    return tuple(sorted({len(p.split()) for p in words()[name] if " " in p}, reverse=True))


def _skip_filler(ctx: _Ctx, j: int, hi: int) -> int:
    """Skip 'reporters', 'on Friday', 'in a statement' after a cue (at most FILLER_MAX tokens)."""
    w = words()
    k = j
    while k < hi and k - j < FILLER_MAX:
        n = next((n for n in _phrase_lengths("speech_object") if k + n <= hi and " ".join(ctx.low[k:k + n]) in w["speech_object"]), 0)
        if n and (k + n == hi or ctx.low[k + n] in ("that", ":", ".", '"', "“")):
            k += n  # "told the Associated Press that", "told the Times." (not "said the country is ...",
            # "urged the world, and in particular ..., not to")
        elif ctx.low[k] in w["speech_object"]:
            nxt = ctx.low[k + 1] if k + 1 < hi else ""
            told_pronoun = ctx.low[j - 1] not in w["no_addressee"] and _subject_pronoun(nxt)
            if (ctx.low[k] in w["object_pronoun"] or ctx.low[k] == "you" or ctx.low[j - 1] in w["no_addressee"]) \
                    and nxt not in ("that", ",", ":") and nxt not in w["filler_start"] and not nxt.endswith("ly") \
                    and not told_pronoun:  # "told me he had ..."
                break  # "says her biggest concern": a possessive; "said supporters of ISIS were": the subject, not the person told
            k += 1
        elif ctx.low[k] in w["filler_start"]:
            m = k + 1
            while m < hi and m - j < FILLER_MAX and (ctx.low[m] in w["time_or_place"] or ctx.low[m].isdigit()):
                m += 1
            if m == k + 1 and ctx.low[k] not in w["time_or_place"]:
                break
            k = m
        elif ctx.toks[k].text.islower() and ctx.low[k].endswith("ly") and len(ctx.low[k]) > 4 and k > j \
                and ctx.low[k - 1] in w["speech_object"]:
            k += 1  # "tell you frankly that"
        else:
            break
    if k < hi and ctx.low[k] != "that" and (ctx.low[j] in ASIDE_OPENERS or ctx.low[j] in w["speech_object"]
                                           or (ctx.low[j] in w["filler_start"] and ctx.low[j] != "to")):
        k = _that_after_aside(ctx, j, hi) or k
    return k if k < hi else j


def _that_after_aside(ctx: _Ctx, k: int, hi: int) -> int | None:
    """'said — on Twitter, as it happens — that ...', 'said, in a statement, that ...', 'told
    reporters in Kyiv that ...': the statement starts at the 'that' after a verbless aside."""
    w = words()
    plain = w["speech_object"] | w["filler_start"] | w["time_or_place"] | {"'s", "’s", '"', "“", "”"}
    loose = False  # a word that may head a relative clause's noun ('show you the map that I brought')
    for m in range(k + 1, min(hi, k + ASIDE_AFTER_CUE)):
        t = ctx.low[m]
        if t == "that":
            nxt = ctx.toks[m + 1].text if m + 1 < hi else ""
            closed = ctx.low[m - 1] in (",", "—", "–", ")")
            if m == k + 1 or not nxt or _verb_like(nxt) or (nxt.islower() and nxt.endswith("ed")) or (loose and not closed):
                return None
            return m
        if m in ctx.cues or t in w["be_form"] or _verb_like(ctx.toks[m].text) or t in (".", "!", "?", ";", ":"):
            return None
        loose = loose or not (t in plain or is_cap(ctx.toks[m].text) or t.isdigit() or t in ASIDE_OPENERS or t == ")")
    return None


def _direct_after(ctx: _Ctx, q: QuoteSpan, used: set[int]) -> _Raw | None:
    i0 = ctx.tok_at(q.end)
    hi = min(len(ctx.toks), ctx.tok_at(ctx.para_end(q.end - 1)), i0 + AFTER_WINDOW)
    names = _quoted_names(ctx, q.end, ctx.toks[hi - 1].end if hi > i0 else q.end)
    first = bisect.bisect_left(ctx.quote_start_list, q.end)
    nxt = next((st for st in ctx.quote_start_list[first:] if ctx.tok_at(st) not in names), None)
    if nxt is not None:
        hi = min(hi, ctx.tok_at(nxt))
    i = i0
    while i < hi and _apostrophe(ctx, i):
        i += 1  # a stray third mark after the quote: it closed a quoted phrase inside the quote (Ms. Compton)
    if i < hi and ctx.low[i] in (",", "—", "–", "-"):
        dash = ctx.low[i] != ","
        i += 1
        if dash:  # dash-credited: "..." — Vladimir Putin
            sp = _np_after(ctx, i, hi)
            if sp:
                return _Raw(q.start, q.end, "direct", "direct_dash", ctx.span(*sp), None)
            return None
    if i >= hi:
        return None
    if i in ctx.cues and i not in used:  # "...," said Putin
        ce, e = ctx.cues[i]
        sp = _np_after(ctx, ce, hi)
        if i == i0 and _quoted_term(ctx, q):
            return None  # 'a commander with the call sign "Bankir" told Reuters', 'self-identified "liberals" said': a name or a term
        if i == i0 and ctx.toks[i].text[:1].isupper() and ctx.text[q.start:q.end].rstrip("\"'”’»").endswith("."):
            return None  # '... "He who has his own home is happy." According to surveys, ...': a new sentence, its own statement
        if sp:
            used.add(i)
            return _Raw(q.start, q.end, "direct", "direct_cue_speaker", ctx.span(*sp), (ctx.toks[i].start, ctx.toks[ce - 1].end, e))
        return None
    for c in range(i + 1, min(hi, i + NP_MAX_AFTER)):
        if c in ctx.cues and c not in used and ctx.cues[c][0] not in ctx.cues:  # "the report stated": 'report' is a noun
            sp = _np_before(ctx, c, i)
            if (sp is None or sp[0] > i) and ctx.low[i] not in words()["skip_between"]:
                # '"...," CrowdStrike co-founder Dmitri Alperovitch told', '"...," the board said': only after a quote that hands over
                sp = _stretch_before(ctx, i, c, names) if _hands_over(ctx, q) else None
            if sp and (sp[0] == i or ctx.low[i] in words()["skip_between"]):
                ce, e = ctx.cues[c]
                if _new_statement_after(ctx, q, ce):
                    return None
                used.add(c)
                return _Raw(q.start, q.end, "direct", "direct_speaker_cue", ctx.span(*sp), (ctx.toks[c].start, ctx.toks[ce - 1].end, e))
            return None
        if (ctx.low[c] in PUNCT_BREAK - {",", "(", ")"} or ctx.low[c] == ".") and not _apostrophe(ctx, c) and c not in names:
            return None
    return None


def _quoted_names(ctx: _Ctx, start: int, end: int) -> set[int]:
    """Tokens of the marks of short quotations between offsets start and end that sit inside a noun
    phrase ('a commander with the call sign "Bankir"', 'the so-called "Azov" brigade'): a name or a
    term, part of the speaker phrase, not a quotation of its own."""
    out: set[int] = set()
    lo, hi = bisect.bisect_left(ctx.quote_start_list, start), bisect.bisect_left(ctx.quote_start_list, end)
    for o in (ctx.quotes[n] for n in ctx.quote_order[lo:hi]):
        a = ctx.tok_at(o.start)
        b = ctx.tok_at(o.end)
        if a == 0 or not ctx.toks[a - 1].text.isalpha() or not _quoted_term(ctx, o):
            continue
        out.update(x for x in range(a, b) if ctx.low[x] in PUNCT_BREAK)
    return out


def _quoted_term(ctx: _Ctx, q: QuoteSpan) -> bool:
    """A quotation short enough to be a name or a term ('"Bankir"', '"liberals"') that hands nothing over."""
    return len(ctx.text[q.start:q.end].split()) <= QUOTED_NAME_WORDS and not _hands_over(ctx, q)


def _hands_over(ctx: _Ctx, q: QuoteSpan) -> bool:
    """The quotation ends with a comma, question or exclamation mark inside its marks ('"...," he said'),
    as a quotation handed over to its attribution does; a quoted name or term does not."""
    return ctx.text[q.start:q.end].rstrip("\"'”’»").endswith((",", "?", "!"))


def _apostrophe(ctx: _Ctx, c: int) -> bool:
    """Token ``c`` is an apostrophe ('Sanders’ campaign manager'), not a quotation mark: quotemarks.py
    did not pair it."""
    return ctx.low[c] in ("'", "’") and ctx.toks[c].start not in ctx.quote_marks


def _stretch_before(ctx: _Ctx, i: int, c: int, names: set[int] = frozenset()) -> tuple[int, int] | None:
    """Tokens i..c between a closing quote and its cue as one speaker phrase, when they can be
    one: no clause or verb in them, and a name, role or determiner ('the conservative-leaning
    newspaper wrote'). The marks of quoted names (``names``) may be in it."""
    w = words()
    j = c
    while j > i and ctx.low[j - 1] in w["skip_between"]:
        j -= 1
    if j == i or any(ctx.low[x] in PUNCT_BREAK - {"(", ")"} and not _apostrophe(ctx, x) and x not in names or ctx.low[x] in w["clause_break"]
                     or _verb_like(ctx.toks[x].text) for x in range(i, j)):
        return None
    n = j
    if ctx.low[j - 1] == ")":  # "state Sen. Jason Holsman (D) said": the affiliation is part of the phrase
        n = o if (o := _open_bracket(ctx, j - 1, i + 1, j)) is not None else j
    toks = [t for x, t in enumerate(ctx.toks[i:n], i) if x not in names]
    if n > i and (looks_like_speaker(toks, _has_mention(ctx, i, n)) or (ctx.low[i] in w["determiner"] and 1 < n - i <= MODIFIERS_MAX + 2)):
        return i, j
    return None


def _the_phrase_after_comma(ctx: _Ctx, c: int, ce: int, lo: int) -> tuple[int, int] | None:
    """'..., the admiral said.', 'In some ways, the brothers said, ...': a phrase that opens with 'the'
    after a comma and runs to a cue that closes the clause is its speaker, whatever its noun
    ('..., the parties discussed the need' is a report of what they did)."""
    w = words()
    if (ce < len(ctx.low) and ctx.low[ce] not in (",", ".", ";")) \
            or not (ctx.low[c] in w["say_verb"] or ctx.low[c] in w["plain_subject_cue"]):
        return None
    floor = max(lo, c - NP_MAX_AFTER)
    i = _clause_start(ctx, c, floor)
    if i == floor or i >= c or ctx.low[i - 1] != "," or ctx.low[i] != "the":
        return None
    return _stretch_before(ctx, i, c)


def _new_statement_after(ctx: _Ctx, q: QuoteSpan, ce: int) -> bool:
    """'"... promotional value." He added that ...': a quote that ends its sentence is not
    the content of a cue that goes on to its own statement."""
    if not ctx.text[q.start:q.end].rstrip("'\"”’ ").endswith("."):
        return False
    k = _skip_filler(ctx, ce, len(ctx.toks))
    if k + 1 < len(ctx.toks) and ctx.low[k] in (",", ":") and ctx.low[k + 1] in ('"', "“"):
        return True  # '"... experience." He adds, "In a campaign ..."'
    return k < len(ctx.toks) and ctx.low[k] not in (".", ",", "?", "!") and ctx.toks[k].start < ctx.sent_bounds(ctx.toks[ce - 1].start)[1]


def _direct_before(ctx: _Ctx, q: QuoteSpan, used: set[int], lo_offset: int) -> _Raw | None:
    """'X said: "..."' / 'X told reporters, "..."' (direct), or 'X said that Y "..."' (mixed)."""
    qi = ctx.tok_at(q.start)
    s_start, _ = ctx.sent_bounds(q.start)
    lo = max(ctx.tok_at(max(s_start, lo_offset)), qi - BEFORE_WINDOW)
    if qi == lo:
        return None
    if ctx.low[qi - 1] == ":" and qi - 1 > lo and not any(x in ctx.cues for x in range(max(lo, qi - 2 - FILLER_MAX), qi - 1)):
        # colon-led without a cue: "Putin: 'We will win'" (headline style)
        sp = _np_before(ctx, qi - 1, lo)
        if sp and _has_mention(ctx, *sp) or (sp and is_cap(ctx.toks[sp[0]].text)):
            return _Raw(q.start, q.end, "direct", "direct_colon", ctx.span(*sp), None)
    for c in range(qi - 1, lo - 1, -1):
        if c in ctx.cues and c not in used:
            ce, e = ctx.cues[c]
            k = _skip_filler(ctx, ce, qi)
            if k < qi and ctx.low[k] == ",":
                k2 = _skip_filler(ctx, k + 1, qi)  # 'The message reads, in part: "..."'
                if k + 1 < k2 < qi and ctx.low[k2] in (",", ":"):
                    k = k2
            between = ctx.low[k:qi]
            if e["kind"] == "verb_direct" and not any(t in (",", ":") for t in between):
                return None  # 'He read "War and Peace"': a title, not what the text says
            shared = c > lo and ctx.low[c - 1] == "," and ctx.low[c].endswith("ing") and all(t in (",", ":") for t in between)
            if shared:
                # '..., Spicer said, adding, "..."': the speaker of the say verb right before; else, as in
                # 'Christie bristled at advising Trump, saying, "..."', the sentence's subject speaks
                sp = _say_speaker_before(ctx, c - 1, lo) \
                    or _clause_subject(ctx, ctx.tok_at(max(s_start, lo_offset)), c - 1, named=False)
            else:
                sp = _np_before(ctx, c, lo)
            if sp is None or _negated(ctx, c, ctx.tok_at(max(s_start, lo_offset))):
                return None  # 'none of them said that "Finlandization" is ...': no statement
            fragment = _continues_after(ctx, q)
            # 'said that "..."': the statement is reported, its words quoted; it starts at 'that'
            that = next((ctx.toks[x].start for x in range(k, qi) if ctx.low[x] == "that"), None)
            if fragment is not None and all(t in (",", ":", "that") for t in between):
                # 'Putin Says 'No Plans' to Take Kharkiv': a quoted fragment inside a statement
                used.add(c)
                return _Raw(that if that is not None else q.start, fragment, "mixed", "mixed_fragment", ctx.span(*sp),
                            (ctx.toks[c].start, ctx.toks[ce - 1].end, e))
            if that is not None and all(t in (",", ":", "that") for t in between):
                kind, start, rule = "mixed", that, "mixed_speaker_cue"
            elif all(t in (",", ":", "that") for t in between):
                kind, start, rule = "direct", q.start, "direct_subject_participle" if shared else "direct_speaker_cue_before"
            else:
                # a clause between cue and quote: an indirect statement with a quoted fragment
                kind, rule = "mixed", "mixed_speaker_cue"
                start = ctx.toks[k + 1].start if ctx.low[k] in (",",) else ctx.toks[k].start
            used.add(c)
            s_end = ctx.sent_bounds(q.start)[1]
            end = q.end
            subordinate = sp[0] > lo and ctx.low[sp[0] - 1] in words()["subordinator"] \
                and ctx.text[q.start:q.end].rstrip("\"”").endswith(",")
            if kind == "mixed" and not subordinate:  # the clause may go on after the quote, to its own end
                whole = _content_end(ctx, s_end)
                cut = _clause_end(ctx, ctx.tok_at(start), ctx.tok_at(s_end), whole)
                end = cut if cut >= q.end else max(q.end, whole)
            raw = _Raw(start, end, kind, rule, ctx.span(*sp), (ctx.toks[c].start, ctx.toks[ce - 1].end, e))
            if kind == "mixed":  # '... a "good, decent man," and said that Trump ...': the second cue's own statement
                _cut_at_coordinated_cue(ctx, raw, ce, ctx.tok_at(s_end))
            return raw
    return None


def _say_speaker_before(ctx: _Ctx, comma: int, lo: int) -> tuple[int, int] | None:
    """The speaker of a say verb that ends right before ``comma`` ('..., Spicer said, adding'), if any;
    not of a noun that is a cue word ("Trump's comments, telling")."""
    first = next((x for x in range(comma - 1, max(lo, comma - CUE_MAX_TOKENS) - 1, -1)
                  if x in ctx.cues and ctx.cues[x][0] == comma and ctx.low[x] in words()["say_verb"]), None)
    sp = _np_before(ctx, first, lo) if first is not None else None
    return sp if sp is not None and not ctx.low[sp[1] - 1].endswith(("'s", "’s")) else None


def _continues_after(ctx: _Ctx, q: QuoteSpan) -> int | None:
    """If the sentence goes on after the quote (a fragment), the end of that clause."""
    i = ctx.tok_at(q.end)
    s_end = ctx.sent_bounds(q.start)[1]
    if i >= len(ctx.toks) or ctx.toks[i].start >= s_end or not ctx.toks[i].text[:1].isalnum():
        return None
    j = i
    while j < len(ctx.toks) and ctx.toks[j].start < s_end and ctx.low[j] not in (",", ";", ":", "—"):
        j += 1
    return min(_content_end(ctx, s_end), ctx.toks[j - 1].end)


def _content_end(ctx: _Ctx, s_end: int) -> int:
    """End of a statement at a sentence end, without the final period."""
    t = ctx.text[:s_end].rstrip()
    return len(t) - 1 if t.endswith(".") else len(t)


def _clause_end(ctx: _Ctx, k: int, hi: int, end: int) -> int:
    """A reported statement ends before a semicolon, a dash or a trailing participle clause
    ('..., noting that', '..., leading police to'), outside quotation marks: what follows is
    the journalist's again."""
    w = words()

    def participle(j: int, ending: str) -> bool:
        return j < hi and ctx.low[j].endswith(ending) and len(ctx.low[j]) > 4 and ctx.toks[j].text.islower() \
            and ctx.low[j] not in w["ing_preposition"]

    depth, aside_end = 0, -1
    verb = ctx.low[k] in w["clause_opener"]   # has the statement a verb of its own yet? ('denied the charges and counter-accused her')
    for j in range(k + 1, min(hi, k + CLAUSE_SCAN_MAX)):
        if ctx.toks[j].start >= end:
            break
        t = ctx.low[j]
        if t in ('"', "“", "”"):
            depth ^= 1
            if not depth and ctx.low[j - 1] == "," and participle(j + 1, "ing") and j - k >= MIN_CLAUSE_TOKENS:
                return ctx.toks[j].end  # 'that he has "expanded the party," claiming that ...'
        if depth:
            continue
        verb = verb or t in w["be_form"] or t in w["verb_like"] or participle(j, "ed") or t in w["clause_opener"]
        if verb and t in w["coordinator"] and ctx.low[j - 1] == "," and participle(j + 1, "ed") and j - k >= MIN_CLAUSE_TOKENS \
                and j + 2 < hi and (ctx.low[j + 2] in w["object_pronoun"] or ctx.low[j + 2] in w["determiner"]
                                    or ctx.low[j + 2] in w["deed_preposition"] or is_cap(ctx.toks[j + 2].text)):
            return ctx.toks[j - 2].end  # '... be left in Iraq, and pushed to funnel arms to ...': the subject's next deed
        if not verb and t == "," and j + 2 < hi and ctx.low[j + 1] in w["coordinator"] and _subject_pronoun(ctx.low[j + 2]) \
                and j - k >= MIN_CONTENT_TOKENS - 1:
            return ctx.toks[j - 1].end  # 'stressed those worries on Sunday in Beijing, and he raised them again': a new clause
        if not verb and t in ("and", ",") and j + 2 < hi and (
                (participle(j + 1, "ed") and (ctx.low[j + 2] in w["object_pronoun"] or ctx.low[j + 2] in w["determiner"]
                                              or is_cap(ctx.toks[j + 2].text)))
                or (t == "and" and ctx.low[j + 1] in w["next_deed_verb"] and ctx.low[k] != "to")):
            # an object, then the subject's next deed: 'the pope as "a political person" and accused him',
            # 'Clinton's ties to super PACs and has called for ...', 'similar liberal themes and took the stage'
            return ctx.toks[j - 2 if ctx.low[j - 1] == "," else j - 1].end
        if j < aside_end:
            continue
        if t in ("—", "–") and (pair := _dash_pair(ctx, j, hi, end)) is not None:
            aside_end = pair  # 'state authorities – and not the federal government – are in charge'
            continue
        if j - k < MIN_CLAUSE_TOKENS:
            continue  # "I know that – " / "emphasise again – ": too short to be the whole statement
        if t in (";", "—", "–") or (t == "," and participle(j + 1, "ing")):
            return ctx.toks[j - 1].end
    return end


def _dash_pair(ctx: _Ctx, j: int, hi: int, end: int) -> int | None:
    """The token after the dash that closes an aside opened by the dash at ``j``, if the
    sentence goes on after it."""
    for m in range(j + 1, min(hi, j + ASIDE_MAX)):
        if ctx.toks[m].start >= end or ctx.low[m] in (";", ".", '"', "“", "”"):
            return None
        if ctx.low[m] == ctx.low[j]:
            return m + 1 if m + 1 < hi and ctx.toks[m + 1].start < end else None
    return None


def _indirect(ctx: _Ctx, used: set[int], covered: list[tuple[int, int]], open_quotes: list[tuple[int, int]],
              earlier: list[_Raw]) -> list[_Raw]:
    """Indirect and mixed statements outside the spans already taken. A statement may take in
    a whole quote that has no attribution yet ('X says A and "B" -- ...' is mixed)."""
    out: list[_Raw] = []
    w = words()
    taken, quoted, direct = SpanSet(covered), SpanSet(open_quotes), SpanSet(covered)

    def inside(offset: int) -> bool:
        return taken.contains(offset) or quoted.contains(offset)

    def clashes(raw: _Raw) -> bool:
        return bool(taken.overlapping(raw.start, raw.end)) or any(
            not raw.start <= a < b <= raw.end for a, b in quoted.overlapping(raw.start, raw.end))

    for s in ctx.sents:
        lo, hi = ctx.tok_at(s.start), ctx.tok_at(s.end)
        taken_until = -1
        # an attribution that closes the sentence ("..., journalist Martha Raddatz said.") is the outer
        # one: it goes first, so a cue inside its content ("voters found it offensive") does not take it
        last = next((c for c in range(hi - 1, max(lo, hi - NP_MAX_AFTER - 3) - 1, -1) if c in ctx.cues and c not in used), None)
        if last is not None and ctx.cues[last][1]["kind"] in VERB_KINDS and not inside(ctx.toks[last].start):
            ce, e = ctx.cues[last]
            raw = _verb_statement(ctx, last, ce, lo, hi, s, (ctx.toks[last].start, ctx.toks[ce - 1].end, e), w)
            if raw is not None and "_content_" in raw.rule and not clashes(raw):
                used.add(last)
                out.append(raw)
                taken.add(raw.start, raw.end)
        for c in range(lo, hi):
            if c not in ctx.cues or c in used or ctx.toks[c].start < taken_until or inside(ctx.toks[c].start):
                continue
            ce, e = ctx.cues[c]
            cue = (ctx.toks[c].start, ctx.toks[ce - 1].end, e)
            if e["kind"] in ("source_prep", "poll_prep"):
                raw = _according_to(ctx, c, ce, lo, hi, s, cue)
            elif e.id == "ask" and (asked := _asked_question(ctx, c, ce, lo, hi, s, cue)) is not None:
                raw = asked
            elif c > lo and (ctx.low[c - 1] == "," or ctx.low[c - 1] in w["coordinator"]) and (prev := _speaker_in_sentence(earlier + out, s, cue[0])):
                raw = _coordinated(ctx, c, ce, hi, s, cue, prev)
            else:
                raw = _verb_statement(ctx, c, ce, lo, hi, s, cue, w)
            if raw is not None and clashes(raw) and (_aside_speaker(ctx, raw) or not raw.rule.startswith("indirect_parenthetical")) \
                    and not _asked_whether(ctx, c):
                # '..., Spicer said, adding, "..."': the clause before the aside; 'said A but added, "B"': A
                _cut_at_coordinated_cue(ctx, raw, ce, hi)
            if raw is not None and clashes(raw):
                raw = _cut_before_taken(ctx, raw, direct)
                if raw is not None and clashes(raw):
                    raw = None
            if raw is None:
                continue
            _cut_at_coordinated_cue(ctx, raw, ce, hi)
            if raw.kind == "indirect" and ctx.tok_at(raw.end) - ctx.tok_at(raw.start) <= 1 \
                    and ctx.low[ctx.tok_at(raw.start)] in w["object_pronoun"]:
                continue  # "calls me and tells me ...": the person addressed is no statement ("endorsed Clinton and said" is coded)
            used.add(c)
            out.append(raw)
            taken.add(raw.start, raw.end)
            taken_until = raw.end
    return out


def _asked_question(ctx: _Ctx, c: int, ce: int, lo: int, hi: int, s: Span, cue: tuple) -> _Raw | None:
    """A question put to someone by a named asker, reported in the passive: 'X was asked by host John
    Dickerson whether ...', 'he said when asked by a reporter if that remains his view'. The question is
    the statement and the asker its speaker."""
    w = words()
    if ctx.low[c] != "asked":
        return None
    j = c
    while j > lo and ctx.low[j - 1].endswith("ly"):
        j -= 1
    opens = j == lo or ctx.low[j - 1] in w["asked_opener"]
    if not opens and not (j > lo and ctx.low[j - 1] in w["be_form"]):
        return None
    # 'When voters were asked who ..., Trump trounced Clinton': a subordinate clause ends at its comma
    opens = opens or any(t in w["asked_opener"] for t in ctx.low[max(lo, j - SHORT_OPENER):j - 1])
    k, asker = ce, None
    while k < hi and (ctx.low[k].endswith("ly") or ctx.low[k] == "again"):
        k += 1
    if k < hi and ctx.low[k] == "by":
        q = next((x for x in range(k + 2, min(hi, k + 1 + NP_MAX_TOKENS)) if ctx.low[x] in w["question_opener"]
                  or ctx.low[x] in PUNCT_BREAK), None)
        if q is None or ctx.low[q] not in w["question_opener"]:
            return None
        a_end = next((x for x in range(k + 2, q) if ctx.low[x] in w["np_end_preposition"]), q)  # 'by Ingraham on Thursday'
        asker, k = (k + 1, a_end), q
    if asker is None or k + 1 >= hi or ctx.low[k] not in w["question_opener"]:
        # 'Asked whether ..., Putin said': nobody is named, and the table holds attributed statements (PolNeAR codes
        # such questions without a source: 77 more matched of 19,832 on train, but the seed would gain the
        # journalist's question as a row with no speaker); 'asked to leave': a request; 'When asked, he said': no question
        return None
    start = k + 1 if ctx.low[k] == "about" else k
    if ctx.low[start] in w["topic_pronoun"]:
        return None  # 'was asked about it after the debate': the question was given before
    end = _content_end(ctx, s.end)
    if opens or ctx.low[k] == "about":
        # 'When asked by a reporter whether ..., he said', 'was asked by X about Y, and she ...': to the comma
        end = _comma_end(ctx, start, start + 1, hi, end, (",", ";", "—", "–"))
    else:
        end = _clause_end(ctx, start, hi, end)
    if ctx.tok_at(end - 1) <= start and ctx.low[k] != "about":
        return None  # 'was asked why, and ...': the question is not given
    kind = "mixed" if any(ctx.toks[start].start <= q.start < end for q in ctx.quotes) else "indirect"
    return _Raw(ctx.toks[start].start, end, kind, f"{kind}_asked", ctx.span(*asker), cue)


def _comma_end(ctx: _Ctx, a: int, first_stop: int, hi: int, end: int, stops: tuple[str, ...] = (",", ";")) -> int:
    """Where a clause that starts at token ``a`` ends: before the first of ``stops`` at or after token
    ``first_stop`` outside quotation marks, or after the mark of a quotation that closes with a comma
    ('he would "protect our LGBTQ citizens," the crowd applauded'); ``end`` if none comes before it."""
    depth = 0
    for j in range(a, hi):
        if ctx.toks[j].start >= end:
            break
        t = ctx.low[j]
        if t in ('"', "“", "”"):
            depth ^= 1
        elif t in stops and j >= first_stop:
            if not depth:
                return ctx.toks[j - 1].end
            if t == "," and j + 1 < hi and ctx.low[j + 1] in ('"', "”"):
                return ctx.toks[j + 1].end
    return end


def _asked_whether(ctx: _Ctx, c: int) -> bool:
    """'asked whether Russia planned to capture ...': the cue reports a question, not a statement; it is not
    cut out of the statement that takes it in (PolNeAR codes such questions, so they are kept otherwise)."""
    return any(t in words()["question_subordinator"] for t in ctx.low[max(0, c - 4):c])


def _cut_before_taken(ctx: _Ctx, raw: _Raw, direct: SpanSet) -> _Raw | None:
    """'X said he has supported legislation that would ..., which he called "a cartel."': a
    statement that runs into a direct quote attributed already ends at the last comma before it."""
    clash = direct.overlapping(raw.start, raw.end)
    if not clash or clash[0][0] <= raw.start or not raw.rule.endswith("_speaker_cue"):
        return None
    i, j = ctx.tok_at(raw.start), ctx.tok_at(clash[0][0])
    comma = next((k for k in range(j - 1, i + MIN_CONTENT_TOKENS - 1, -1) if ctx.low[k] == ","), None)
    if comma is None or not any(k in ctx.cues for k in range(comma + 1, j)):
        return None  # the quote's own attribution lies between: ', which he called', ', Putin said:'
    if _asked_whether(ctx, ctx.tok_at(raw.cue[0]) if raw.cue else i):
        return None
    _end_at(ctx, raw, ctx.toks[comma - 1].end)
    return raw


def _end_at(ctx: _Ctx, raw: _Raw, end: int) -> None:
    """Shorten a statement; a mixed one that no longer holds a quote becomes indirect."""
    raw.end = end
    if raw.kind == "mixed" and not any(raw.start <= q.start < raw.end for q in ctx.quotes):
        raw.kind, raw.rule = "indirect", raw.rule.replace("mixed", "indirect", 1)


def _aside_speaker(ctx: _Ctx, raw: _Raw) -> bool:
    """The statement's speaker and cue are an aside in commas inside it ('A, Spicer said, B'), not 'as X said'."""
    if raw.rule != "indirect_parenthetical" or raw.speaker is None:
        return False
    sp0 = ctx.tok_at(raw.speaker[0])
    return sp0 - 1 > ctx.tok_at(raw.start) and ctx.low[sp0 - 1] == ","


def _cut_at_coordinated_cue(ctx: _Ctx, raw: _Raw, ce: int, hi: int) -> None:
    """'X said A and said B' / 'X said A, adding that B' / 'X said A, but he said B' / 'X said A,
    and other leaders said B': the first statement ends where a second cue (with its own
    subject after ', and' or ', but') begins; that cue then makes its own statement."""
    # read forward once for all candidate cues: the statement's first verb, and the double
    # quotation marks between its start and the candidate (an odd count: a quotation is open)
    scanned, first_verb = ce, None
    marks_to, marks = raw.start, 0
    for c2 in range(max(ce, ctx.tok_at(raw.start)), hi):
        if ctx.toks[c2].start >= raw.end:
            return
        if c2 not in ctx.cues or ctx.cues[c2][1]["kind"] not in VERB_KINDS or _no_clause_after(ctx, c2, hi):
            continue
        if c2 == ce + 1 and raw.rule.startswith("indirect_parenthetical") and not ctx.low[c2].endswith("ing"):
            continue  # "Every job here, I think, supports seven jobs": the clause's own verb ("..., Cruz explained, recalling" cuts)
        coordinator = words()["coordinator"]
        if ctx.low[c2 - 1] == "," or ctx.low[c2 - 1] in coordinator:
            j = c2 - 1
            while j > ce and (ctx.low[j] == "," or ctx.low[j] in coordinator):
                j -= 1
            if j <= ce and _aside_speaker(ctx, raw) and not ctx.low[ctx.tok_at(raw.start)].endswith("ing"):
                # "X will meet next week, Spicer said, adding ...": nothing followed the aside, so the
                # statement is the clause before its speaker ('Weighing in on the discussion' is none)
                raw.rule = "indirect_content_speaker_cue"
                _end_at(ctx, raw, ctx.toks[ctx.tok_at(raw.speaker[0]) - 2].end)
                return
            if ctx.toks[j].end > raw.start:
                _end_at(ctx, raw, ctx.toks[j].end)
            return
        # '..., and other GOP leaders said ...': a second speaker's statement after a comma
        coordinator = coordinator | words()["contrast_conjunction"]
        k = c2 - 1
        while k > ce and c2 - k <= NP_MAX_AFTER and ctx.low[k] not in PUNCT_BREAK and ctx.low[k] not in coordinator:
            k -= 1
        # the comma may sit inside a closing quote mark ('a letter," and he said'): end after the mark
        end_tok = k - 1 if k - 2 > ce and ctx.low[k - 1] in ("”", '"') and ctx.low[k - 2] == "," else k - 2
        if k - 1 > ce and ctx.low[k] in coordinator and "," in ctx.low[k - 2:k] and k + 1 < c2 \
                and ctx.toks[end_tok].end > raw.start and (np_ := _np_before(ctx, c2, k + 1)) and np_[0] == k + 1:
            _end_at(ctx, raw, ctx.toks[end_tok].end)
            return
        # 'Putin said the talks had failed and Zelensky said ...', '79 percent say A while 49 percent say B':
        # without a comma only after a clause with a verb of its own, and before a named or counted subject
        if k - 1 > ce and ctx.low[k] in coordinator and ctx.low[k - 1] not in PUNCT_BREAK and k + 1 < c2 \
                and ctx.low[c2] in words()["say_verb"] and ctx.toks[k - 1].end > raw.start:
            marks += sum(ctx.text.count(m, marks_to, ctx.toks[c2].start) for m in '"“”')
            marks_to = ctx.toks[c2].start
            while first_verb is None and scanned < k:
                first_verb = scanned if _is_verb(ctx, scanned) else None
                scanned += 1
            if marks % 2 == 0 and first_verb is not None and first_verb < k \
                    and (np_ := _np_before(ctx, c2, k + 1)) and np_[1] == c2 and np_[0] - k <= 2 \
                    and (_counted(ctx, *np_) or _has_mention(ctx, *np_)):
                _end_at(ctx, raw, ctx.toks[k - 1].end)
                return
        # '... 140 billion, others say 102 billion', '... a conflict, Russia says it is ...': a second voice
        # after a bare comma (not '..., experts say, ...', an aside; before other verbs a named subject after a
        # comma is the statement's own: 'that during the operation, Russia intends to ...')
        after = ctx.cues[c2][0]
        if k - 1 > ce and ctx.low[k] == "," and k + 1 < c2 and after < hi and ctx.low[after] not in PUNCT_BREAK | {"."} \
                and ctx.toks[k - 1].end > raw.start and ctx.low[c2] in words()["no_addressee"] \
                and (np_ := _np_before(ctx, c2, k + 1)) and np_ == (k + 1, c2) \
                and (_lone_quantifier(ctx, k + 1, k + 1) or _has_mention(ctx, *np_)):
            _end_at(ctx, raw, ctx.toks[k - 1].end)
            return


def _counted(ctx: _Ctx, a: int, b: int) -> bool:
    """Tokens a..b count people ('one in four', '49 percent of Republicans', 'most')."""
    w = words()
    return any(t[:1].isdigit() or t in w["percent"] or t in w["quantifier_subject"] or t in w["fraction"]
               for t in ctx.low[a:b])


def _is_verb(ctx: _Ctx, j: int) -> bool:
    """Token ``j`` is a verb or a verb's helper ('had', 'failed'), so a clause before it has a verb of its own;
    not 'to', which is as often a preposition ('said nothing to his mother')."""
    w = words()
    t = ctx.low[j]
    return t in w["be_form"] or t in w["verb_like"] or (t in w["verb_prev"] and t != "to") \
        or (t.endswith("ed") and len(t) > 4 and ctx.toks[j].text.islower())


def _no_clause_after(ctx: _Ctx, c: int, hi: int) -> bool:
    """A cue that reports a statement only with a clause ('support', 'find') has none after it."""
    if ctx.cues[c][1]["kind"] != "verb_clause":
        return False
    k = _skip_filler(ctx, ctx.cues[c][0], hi)
    return not _clause_follows(ctx, c, k, hi)


def _clause_follows(ctx: _Ctx, c: int, k: int, hi: int) -> bool:
    """A clause starts at token ``k`` after cue ``c``: 'that ...', a quotation, or, right after a past
    form, a subject and its verb ('added he intended to ...', 'added the U.S. must be ...'); not an
    object ('added another job title') or a noun's relative clause ('the support they had hoped for')."""
    w = words()
    if k >= hi:
        return False
    if ctx.low[k] in w["clause_opener"] or ctx.low[k] in ('"', "“", "‘") or (k > 0 and ctx.low[k - 1] == ":") \
            or (ctx.low[k] == "," and k + 1 < hi and ctx.low[k + 1] in ('"', "“", "‘")):
        return True  # "Let me add: the sector faces ...", 'adding, "They need to sit down."'
    if not (ctx.low[c].endswith("ed") and k == ctx.cues[c][0]):
        return False
    if _subject_pronoun(ctx.low[k]):
        return True
    m, n = _name_after(ctx, k, hi)
    return m < n < hi and (ctx.low[n] in w["be_form"] or ctx.low[n] in w["verb_like"])


def _subject_pronoun(low: str) -> bool:
    """'he', 'they', and their contractions ("he's", "they're")."""
    return re.split("['’]", low)[0] in words()["subject_pronoun"]


def _name_after(ctx: _Ctx, k: int, hi: int) -> tuple[int, int]:
    """The run of capitalised words at token ``k``, after an article ('the National Post'): (start, end)."""
    w = words()
    m = k + (k < hi and ctx.low[k] in w["article"])
    n = m
    while n < hi and n - m < NP_MAX_TOKENS and is_cap(ctx.toks[n].text) and ctx.low[n] not in w["not_a_name"]:
        n += 1
    return m, n

def _speaker_in_sentence(raws: list[_Raw], s: Span, before: int) -> tuple[int, int] | None:
    """The speaker of the last statement whose cue is earlier in the same sentence."""
    best = None
    for r in raws:
        if r.cue and r.speaker and s.start <= r.cue[0] < before and (best is None or r.cue[0] > best.cue[0]):
            best = r
    return best.speaker if best else None


def _first_person(phrase: str) -> bool:
    """'I' or 'we' (any case): the only speakers whose 'want' is a statement of their own."""
    low = phrase.lower()
    return low in words()["first_person"] or low in words()["first_person_plural"]


def _coordinated(ctx, c, ce, hi, s, cue, speaker) -> _Raw | None:
    """'Putin Says ..., Blames Ukraine for ...': the second cue shares the first one's speaker."""
    if cue[2]["kind"] == "verb_wish" and not _first_person(ctx.text[speaker[0]:speaker[1]]):
        return None  # "I have said ..., and want to emphasise" is a statement; "Ukraine ... wants to" is a wish ascribed to it
    k = _skip_filler(ctx, ce, hi)
    end = _content_end(ctx, s.end)
    if k >= hi or hi - k < MIN_CONTENT_TOKENS - 1 or end <= ctx.toks[k].start:
        return None
    if _no_clause_after(ctx, c, hi):
        return None  # "words of sympathy and support to the victims", "... and find answers": no clause, no statement
    first = ctx.tok_at(speaker[0])
    if first > 0 and ctx.low[first - 1] in words()["subordinator"] and ctx.toks[first - 1].start >= s.start:
        # "When Ukraine warned the world and stressed the need for sanctions, the world did not hear us"
        end = _comma_end(ctx, k, k + MIN_CONTENT_TOKENS, hi, end)
    start = ctx.toks[k].start
    kind = "mixed" if any(start <= q.start < end for q in ctx.quotes) else "indirect"
    return _Raw(start, end, kind, f"{kind}_coordinated", speaker, cue)


def _not_a_statement(ctx: _Ctx, c: int, lo: int, s: Span) -> bool:
    """Questions, negated or passive cues, and cue words used as nouns report no statement."""
    w = words()
    if s.text.rstrip(" \"'”’").endswith("?"):
        return True  # "Do you think this is acceptable?"
    if c > lo and ctx.low[c].endswith("ing") and ctx.low[c - 1] in w["object_pronoun"]:
        return True  # "He told them commenting on his film": a participle of the telling
    if _negated(ctx, c, lo):
        return True  # "I do not want to", "Russia cannot feel", "Neither the US nor NATO proposed"
    if c - 1 >= lo and ctx.low[c - 1] == "to" and _verb_chain(ctx, c, lo)[0] == c:
        return True  # an infinitive: "agreed to maintain contact" (but "went on to explain" reports)
    end = ctx.cues[c][0]
    if end + 1 < len(ctx.low) and ctx.low[end] == "to" and ((end + 1) in ctx.cues or ctx.low[end + 1] in w["performative"]):
        return True  # "want to emphasise that ...": the inner cue reports it; "want to thank you" reports nothing
    if end < len(ctx.low) and ctx.low[end] in w["after_noun"] and not _relative_gap(ctx, c, lo):
        return True  # "Fundraising reports will be provided": the cue word is a noun
    j = c
    while j > lo and (ctx.low[j - 1] in w["skip_between"] - w["be_form"] or ctx.low[j - 1].endswith("ly")):
        j -= 1
    if j > lo:
        prev = ctx.toks[j - 1].text
        if ctx.low[j - 1] in w["be_form"] and ctx.low[c] not in ("according",):
            return True  # "It was agreed", "was noted": no speaker named
        alone = ctx.low[c] in w["plain_subject_cue"] and _lone_quantifier(ctx, j - 1, lo)  # "Some said", "one in five say"
        verb_form = ctx.low[c] in w["no_addressee"] or ctx.cues[c][1]["kind"] == "verb_address" or ctx.low[c].endswith("ed")
        if (ctx.low[j - 1] in w["determiner"] and not alone) or (prev.endswith(("'s", "’s")) and not _has_said(ctx, c, prev)) \
                or (is_cap(prev) and prev.endswith(("ian", "ese", "ish")) and not verb_form):
            return True  # "the Ukrainian state", "Ukraine's state": the cue word is a noun ("Calabrese told" is a name)
        if ctx.low[j - 1] == "you" and ctx.low[c] in w["discourse_verb"]:
            return True  # "You know, ..." is a discourse marker
    return False


def _negated(ctx: _Ctx, c: int, lo: int) -> bool:
    """The cue at ``c`` is negated, or its subject is 'neither', 'nobody' or 'none': no statement."""
    w = words()
    return any(is_negation(t) for t in ctx.low[max(lo, c - 3):c]) \
        or any(t in w["negative_subject"] for t in ctx.low[max(lo, c - NEGATIVE_SUBJECT_WINDOW):c])


def _has_said(ctx: _Ctx, c: int, prev: str) -> bool:
    """"He’s said": a contracted pronoun before the cue (has), not a possessive before a noun; not
    'it's said' (passive) or 'he's told' (is told, as often as has told)."""
    pron = contracted_pronoun(prev)
    return pron is not None and pron.lower() != "it" and ctx.cues[c][1]["kind"] != "verb_address"


def _relative_gap(ctx: _Ctx, c: int, lo: int) -> bool:
    """'a bill which critics said was discriminatory', 'a letter that he said was drafted', 'what she
    said is growing demand', 'a probe the agency said was ongoing': the relative clause's verb follows
    the cue, and the statement is about the noun before."""
    w = words()
    if ctx.low[c] not in w["no_addressee"] or ctx.low[ctx.cues[c][0]] == "of":
        return False
    i = _walk_back(ctx, c, lo)
    if not lo < i < c:
        return False
    # the relative word may be read as the subject's determiner ('that he', 'that many economists')
    if any(ctx.low[x] in w["relative_word"] or ctx.low[x] in w["gap_opener"] for x in range(i - 1, c - 1)):
        return True
    before = ctx.toks[i - 1].text
    return ctx.low[i] in w["article"] and before.islower() and is_word(before) and not _verb_like(before) \
        and ctx.low[i - 1] not in w["clause_break"] and ctx.low[i - 1] not in w["phrase_preposition"]


def _lone_quantifier(ctx: _Ctx, i: int, lo: int) -> bool:
    """Token ``i`` is a quantifier that is a clause's whole subject: 'Some say ...', '..., others
    believe', 'one in five say' (not 'not discussed at all, said', 'you all know', 'the two said')."""
    w = words()
    return ctx.low[i] in w["quantifier_subject"] and (
        i == lo or ctx.low[i - 1] in PUNCT_BREAK or ctx.low[i - 1] in w["coordinator"] or ctx.low[i - 1] in w["contrast_conjunction"]
        or ctx.low[i - 1] == "in")


def _verb_statement(ctx, c, ce, lo, hi, s, cue, w) -> _Raw | None:
    if cue[2]["kind"] == "verb_direct" or _not_a_statement(ctx, c, lo, s):
        return None
    sp = _np_before(ctx, c, lo) or _the_phrase_after_comma(ctx, c, ce, lo)
    if cue[2]["kind"] == "verb_wish" and (sp is None or not _first_person(" ".join(ctx.low[sp[0]:sp[1]]))):
        return None  # "They want to destroy Donbas": a wish ascribed to others is no statement of theirs ("we want peace" is)
    if (sp is None or sp[1] == c - 1) and ctx.low[c] in w["say_verb"] \
            and (inverted := _content_cue_speaker(ctx, c, ce, lo, hi, cue)) is not None:
        # "..., said Mindy Romero, director of ...": a bare phrase before the comma is the end of the
        # statement, not its speaker (an appositive or an aside keeps its comma: "Hugh Hill, a doctor, said").
        # Only these verbs invert: after other cues the phrase is an object (case study: '..., defend European
        # values', '..., supporting you', 7 of 7 wrong), so '..., confirmed Oleh Synehubov.' is left out.
        return inverted
    if sp is not None and sp[0] > lo and ctx.low[sp[0] - 1] in w["relative_object"] and ce < hi \
            and (ctx.low[ce] in w["topic_preposition"] or ctx.low[ce] in PUNCT_BREAK or ctx.low[ce] == "."):
        return None  # "what we agreed to over the past 30 years": the object came before ('which he said would' is kept)
    if sp is not None and any(ctx.low[max(lo, sp[0] - len(p.split())):sp[0]] == p.split() for p in w["idiom_before_speaker"]):
        return None  # "as far as I know"
    if sp is not None and sp[0] > lo and ctx.low[sp[0] - 1] in w["as_like"]:
        # "We will be happy, as I told our guest today, to see ...": the sentence is the statement
        comma = next((j for j in range(ce, min(hi, ce + FILLER_MAX)) if ctx.low[j] == ","), None)
        generic = sp[1] - sp[0] == 1 and ctx.low[sp[0]] in w["generic_subject"]
        if comma is not None and sp[0] - 1 > lo and generic:
            return None  # "as they say, on the ground", "as we know": an idiom, not a source
        if comma is not None and sp[0] - 1 > lo:
            if hi - lo - (comma - sp[0]) < MIN_CONTENT_TOKENS + 2:
                return None
            return _Raw(ctx.toks[lo].start, _content_end(ctx, s.end), "indirect", "indirect_parenthetical", ctx.span(*sp), cue)
    if sp is not None and lo < sp[0] - 1 and ctx.low[sp[0] - 1] == "," and ce < hi and ctx.low[ce] == "," \
            and hi - ce > MIN_CONTENT_TOKENS:
        # "we started with 260 billion, I believe, then more than 400 billion": the clause is the statement
        start = next((j + 1 for j in range(sp[0] - 2, lo, -1) if ctx.low[j] in (";", ":")), lo)
        return _Raw(ctx.toks[start].start, _content_end(ctx, s.end), "indirect", "indirect_parenthetical", ctx.span(*sp), cue)
    addressed = cue[2]["kind"] == "verb_address"
    rest = _skip_filler(ctx, ce, hi)
    to_end = (addressed and _addressee_to_end(ctx, rest, hi)) \
        or (ctx.low[c] in w["no_addressee"] and _place_phrase_to_end(ctx, ce, hi))  # not "believe in", "agree with"
    before = sp
    if to_end and sp is not None and sp[0] - 1 > lo and ctx.low[sp[0] - 1] == ",":
        sp = None  # "Russia will respond, Peskov told the TASS news agency." / "..., she said in a video message.": the statement came first
    if sp is not None:
        if ce + 1 < hi and ctx.low[ce] == "this" and (ctx.low[ce + 1] in w["topic_preposition"] or ctx.low[ce + 1] in PUNCT_BREAK):
            return None  # "The Head of State said this during a press marathon": the statement came before
        k = ce if cue[2]["kind"] in TO_KINDS and ce < hi and ctx.low[ce] == "to" else rest
        if addressed and k == ce:
            k = _named_addressee(ctx, ce, hi)
        if k < hi and ctx.low[ce] in w["filler_start"] and (
                (k - 1 > ce and (ctx.low[k - 1] in w["article"] or ctx.low[k - 1] in w["demonstrative"]))
                or (k - 1 == ce and ctx.low[ce] == "with" and is_cap(ctx.toks[k].text))):
            # the filler stopped inside its noun phrase: "said during a long GOP debate that ..." goes on
            # to its content; "emphasized during an online briefing at the Media Center.", "agree with this figure" and "agreed
            # with Prime Minister Costa to involve ..." have none
            k = next((x for x in range(k, min(hi, k + FILLER_MAX)) if ctx.low[x] == "that"), hi)
            if k >= hi:
                return None
        if sp[0] - 1 == lo and ctx.low[lo] == "as" and (ctx.low[c] in w["say_verb"] or addressed) and k < hi and ctx.low[k] != ",":
            # "As we said after our trilateral meeting, ...": the time or place before the comma is no statement
            stop = next((x for x in range(k, min(hi, k + FILLER_MAX)) if ctx.low[x] in PUNCT_BREAK), None)
            k = stop if stop is not None and ctx.low[stop] == "," else k
        as_said = sp[0] - 1 == lo and ctx.low[lo] == "as" and k < hi and ctx.low[k] == ","
        told_k = k + 1 if k + 1 < hi and (ctx.low[k] in w["object_pronoun"] or ctx.low[k] == "you") else k
        if any(" ".join(ctx.low[x:x + n]) in w["topic_object"] for x in {k, told_k} for n in _phrase_lengths("topic_object")) \
                or (told_k > k and ctx.low[told_k] == "about"):
            return None  # "I would like to say a few words about ...", "ask you a question", "told you about ...": a topic
        if k < hi and ctx.low[k] in w["indefinite_object"] and not (k + 1 < hi and _is_verb(ctx, k + 1)) \
                and not any(_quote_follows(ctx, x) for x in range(k + 1, min(hi, k + 4))):
            return None  # "said nothing about the talks", "know little about": an object; "said nothing had changed" goes on
        told = k > ce and all(ctx.low[x] in w["speech_object"] or ctx.low[x].endswith("ly") for x in range(ce, k))
        if told and k + 1 < hi and ctx.low[k] == "," and ctx.low[k + 1] not in ('"', "“", "‘", "that") \
                and not ctx.toks[k + 1].text[:1].isupper():
            return None  # "I can tell you, as if it was yesterday": no statement follows the person told
        if k + 1 < hi and ((ctx.low[k] == "so" and ctx.low[k + 1] in (",", ".", ";"))
                           or (ctx.low[k] in w["object_pronoun"] and ctx.low[k + 1].endswith("ing"))):
            return None  # "If they say so, ...", "He told them commenting on his film"
        if k < hi and ctx.low[k] in (",", ":"):
            k += 1
        while k + 1 < hi and ctx.low[k] in w["coordinator"] and (k + 1) in ctx.cues \
                and ctx.cues[k + 1][1]["kind"] in VERB_KINDS:
            k = _skip_filler(ctx, ctx.cues[k + 1][0], hi)  # "we underscored and noted that ...": one statement
            if k < hi and ctx.low[k] in (",", ":"):
                k += 1
        if k < hi and ctx.low[k] in w["coordinator"]:
            return None  # "you always note this and appreciate our efforts": no statement
        needs_clause = (cue[2]["kind"] == "verb_clause" and not _research_source(ctx, c, sp)) or _verb_chain(ctx, c, lo)[1]
        if needs_clause and k < hi and not _clause_follows(ctx, c, k, hi):
            return None  # "explained his approaches", "continue to oppose any attempt": an object, not a statement
        end = _content_end(ctx, s.end)
        takes_to = cue[2]["kind"] in TO_KINDS and k < hi and ctx.low[k] == "to"
        relative = sp[1] - sp[0] == 1 and ctx.low[sp[0]] in w["relative_word"]
        if (sp[0] > lo and ctx.low[sp[0] - 1] in w["subordinator"] and not as_said) or relative:
            # "While Comey said X, he did not ...", "Podesta, who said X, left": the statement ends with its clause
            comma = next((j for j in range(k, hi) if ctx.low[j] == ","), None)
            if comma is not None and comma - k >= MIN_CONTENT_TOKENS:
                end = ctx.toks[comma].start
        if k < hi and (takes_to or ctx.low[k] not in ('"', "“", "‘", ".", "?", "!")
                                         and (ctx.low[k] not in w["topic_preposition"] or _approximately(ctx, k, hi))) \
                and hi - k - takes_to >= MIN_CONTENT_TOKENS and end > ctx.toks[k].start:
            start = ctx.toks[k].start
            end = _clause_end(ctx, k, hi, end)
            kind = "mixed" if any(start <= q.start < end for q in ctx.quotes) else "indirect"
            return _Raw(start, end, kind, f"{kind}_speaker_cue", ctx.span(*sp), cue)
    if before is not None and before[1] == c and ctx.low[c - 1] == "," and before[0] - 1 > lo and ctx.low[before[0] - 1] == "," \
            and (is_cap(ctx.toks[before[0]].text) or ctx.low[before[0]] in w["determiner"]) and not ctx.low[c].endswith("ing") \
            and (rest >= hi - 1 or ctx.low[rest] == "." or to_end):
        # "The economy is strong, Steve Coll, the dean of the school, said.": the statement before the appositive
        comma = before[0] - 1
        first = _after_turn_label(ctx, lo, comma)
        start = ctx.toks[first].start
        if comma - first >= MIN_CONTENT_TOKENS:
            kind = "mixed" if any(start <= q.start < ctx.toks[comma].start for q in ctx.quotes) else "indirect"
            return _Raw(start, ctx.toks[comma].start, kind, f"{kind}_content_speaker_cue", ctx.span(*before), cue)
    # content first: "The economy is strong, he said." / "..., said Smith."
    if c - 1 >= lo and ctx.low[c - 1] != ",":
        i = c - 1
        while i > lo and ctx.low[i - 1] != "," and c - i < NP_MAX_AFTER:
            i -= 1
        comma = i - 1
        if comma > lo and ctx.low[comma] == ",":
            np_ = _np_before(ctx, c, i) or _the_phrase_after_comma(ctx, c, ce, lo)
            a = i + 1 if ctx.low[i] in words()["as_like"] and c > i + 1 else i  # "..., as Moscow claims": the speaker follows 'as'
            if np_ and np_[0] > i:
                # the whole stretch after the comma names the speaker: "..., the regional governor said"
                j = c
                while j > a and ctx.low[j - 1] in words()["skip_between"]:
                    j -= 1
                np_ = (a, j) if j > a and looks_like_speaker(ctx.toks[a:j], _has_mention(ctx, a, j)) \
                    and not any(t in words()["as_like"] for t in ctx.low[a + 1:j]) else None  # "..., and to raise them as they want."
            if np_ and np_[0] == a and (rest >= hi - 1 or ctx.low[rest] in (".", ",") or to_end):
                first = _after_turn_label(ctx, lo, comma)
                start = ctx.toks[first].start
                # a quotation that opens the statement is a direct quote of its own, unless it is a short term or
                # name ("'ISIS Truther' Donald Trump Is Like A Lawyer's Dumbest Client, Trevor Noah Says")
                if comma - first >= MIN_CONTENT_TOKENS and not any(
                        q.start == start and q.end <= ctx.toks[comma].start and len(ctx.text[q.start:q.end].split()) >= MIN_QUOTE_WORDS
                        for q in ctx.quotes):
                    kind = "mixed" if any(start <= q.start < ctx.toks[comma].start for q in ctx.quotes) else "indirect"
                    return _Raw(start, ctx.toks[comma].start, kind, f"{kind}_content_speaker_cue", ctx.span(*np_), cue)
    return None


def _named_addressee(ctx: _Ctx, k: int, hi: int) -> int:
    """'told the National Post he has ...', 'told the Economist that ...': after tell, write or assure, a
    name followed by a subject pronoun or 'that' is the person told; returns where the statement starts
    (``k`` when there is none)."""
    m, n = _name_after(ctx, k, hi)
    if m < n:
        n = next((x for x in range(n, min(hi, n + 3)) if ctx.low[x] not in words()["media_noun"]), n)  # "The Economist magazine"
    return n if m < n and n + MIN_CONTENT_TOKENS <= hi and (_subject_pronoun(ctx.low[n]) or ctx.low[n] == "that") else k


def _addressee_to_end(ctx: _Ctx, k: int, hi: int) -> bool:
    """'..., Peskov told the TASS news agency.' / '..., Carter told a Senate panel Wednesday.': the
    sentence ends in a short verbless phrase after the cue (who was told, or where), not a clause."""
    end = hi - 1 if ctx.low[hi - 1] in (".", "!") else hi
    return (ctx.low[k] in words()["determiner"] or is_cap(ctx.toks[k].text)) and _verbless(ctx, k, end)


def _place_phrase_to_end(ctx: _Ctx, k: int, hi: int) -> bool:
    """'..., she said in a video message to the convention.' / '..., Carter said during a news conference
    at the White House, ...': a verbless prepositional phrase after the cue closes the clause; its noun may
    take a participle ('in a statement released on Friday')."""
    w = words()
    end = next((j for j in range(k, hi) if ctx.low[j] in (",", ".", "!")), hi)
    if k >= hi or ctx.low[k] not in w["after_say_phrase"]:
        return False
    part = next((x for x in range(k + 2, end - 1) if ctx.low[x].endswith("ed") and is_word(ctx.low[x - 1])
                 and (ctx.low[x + 1] in w["filler_start"] or ctx.low[x + 1] in w["time_or_place"])), None)
    return _verbless(ctx, k, end) if part is None else _verbless(ctx, k, part) and _verbless(ctx, part + 1, end)


def _verbless(ctx: _Ctx, k: int, end: int) -> bool:
    """Tokens k..end are a short phrase with no cue, verb or clause opener in it."""
    w = words()
    if not 0 < end - k <= ADDRESSEE_MAX:
        return False
    return not any(x in ctx.cues or ctx.low[x] in w["be_form"] or ctx.low[x] in w["clause_opener"]
                   or _verb_like(ctx.toks[x].text) or not is_word(ctx.toks[x].text) and ctx.low[x] not in ("'s", "’s", "-", ".")
                   for x in range(k, end))


def _content_cue_speaker(ctx, c, ce, lo, hi, cue) -> _Raw | None:
    """'The economy is strong, said Smith.' / '..., said Mindy Romero, director of ...': the cue
    after a comma, the speaker after the cue, the statement before the comma."""
    if not (c - 1 > lo and ctx.low[c - 1] == ",") or ce >= hi or ctx.low[ce] in words()["topic_preposition"]:
        return None  # "..., insist on a complete restriction of ...": an object, not a speaker
    np_ = _np_after(ctx, ce, hi)
    if np_ and (np_[1] >= hi - 1 or ctx.low[np_[1]] in (".", ",") or _place_to_end(ctx, np_[1], hi)) and c - 1 - lo >= MIN_CONTENT_TOKENS:
        start = ctx.toks[lo].start
        kind = "mixed" if any(start <= q.start < ctx.toks[c - 1].start for q in ctx.quotes) else "indirect"
        return _Raw(start, ctx.toks[c - 1].start, kind, f"{kind}_content_cue_speaker", ctx.span(*np_), cue)
    return None


def _place_to_end(ctx: _Ctx, k: int, hi: int) -> bool:
    """'..., says political scientist Dossym Satpayev in Almaty.': a place or time closes the sentence
    after the speaker's name."""
    w = words()
    end = hi - 1 if ctx.low[hi - 1] in (".", "!") else hi
    if not (k < end <= k + ADDRESSEE_MAX and ctx.low[k] in w["filler_start"]):
        return False
    return all(is_cap(ctx.toks[x].text) or ctx.low[x] in w["time_or_place"] or ctx.low[x] in w["determiner"] or ctx.low[x].isdigit()
               or ctx.low[x] == "," for x in range(k + 1, end))


def _approximately(ctx: _Ctx, k: int, hi: int) -> bool:
    """'said about half of ...', 'said around 40 percent ...': a quantity, not a topic ('about two projects' is one)."""
    w = words()
    return ctx.low[k] in w["approximately"] and k + 2 < hi and (
        ctx.low[k + 1] in w["fraction"] or (ctx.low[k + 1][:1].isdigit() and ctx.low[k + 2] in w["percent"]))


def _after_turn_label(ctx: _Ctx, lo: int, hi: int) -> int:
    """The first token after a transcript's turn label ('President of Russia Vladimir Putin:')
    at the start of tokens lo..hi, else ``lo``."""
    label = turn_label(ctx.text, ctx.toks[lo].start, ctx.toks[hi].start)
    return ctx.tok_at(label[2]) if label is not None else lo


def _according_to(ctx, c, ce, lo, hi, s, cue) -> _Raw | None:
    w = words()
    if ce < hi and ctx.low[ce] in w["relative_object"]:
        return None  # "a decision, according to which ...": a rule, not a source
    opens = c == lo or (c - 1 == lo and (ctx.low[lo] in w["sentence_opener"] or ctx.low[lo] == "(")) \
        or (c - 1 > lo and ctx.low[c - 1] == "," and " ".join(ctx.low[lo:c - 1]) in w["discourse_opener"])
    # "At the same time, according to X, CONTENT" (but "At the heart of the trouble, according to X, was ...")
    # a source that opens the sentence runs to its comma ("According to early results of exit polls
    # conducted for The Associated Press and television networks, ...")
    longest = SOURCE_MAX_BEFORE if opens else NP_MAX_AFTER
    np_end = ce
    while np_end < hi and ctx.low[np_end] not in PUNCT_BREAK and ctx.low[np_end] != "." and np_end - ce < longest:
        np_end += 1
    if np_end == ce:
        return None
    sp = (ce, np_end)
    if cue[2]["kind"] == "poll_prep":
        poll = next(x for x in range(ce, np_end) if ctx.low[x] in w["poll_noun"])
        if any(t in w["verb_like"] or t in w["verb_prev"] or (_verb_like(t) and t not in w["poll_participle"])
               for t in ctx.low[poll + 1:np_end]):
            return None  # "15 percent of voters in the poll were undecided", "the polls closed": no poll's phrase
        if any(x in ctx.cues and ctx.cues[x][1]["kind"] in VERB_KINDS for x in range(np_end, hi)):
            return None  # "In a CNN poll, 38 percent of voters said ...": the voters' own statement
        if not opens:
            return _poll_finding(ctx, c, lo, np_end, hi, sp, cue)
    if opens:
        # "According to X, CONTENT."
        if np_end < hi and ctx.low[np_end] == ",":
            start = ctx.toks[np_end + 1].start if np_end + 1 < hi else None
            end = _content_end(ctx, s.end)
            if start is not None and end > start:
                return _Raw(start, end, "indirect", "according_to_before", ctx.span(*sp), cue)
        return None
    if ctx.low[c - 1] == "," and np_end < hi and ctx.low[np_end] == "," and _clause_goes_on(ctx, np_end + 1, hi):
        # "Notably absent, according to members who spoke with reporters, was any mention of ...":
        # the statement is the whole sentence around the source
        end = _content_end(ctx, s.end)
        if end > ctx.toks[np_end].end:
            return _Raw(ctx.toks[lo].start, end, "indirect", "according_to_inside", ctx.span(*sp), cue)
    if ctx.low[c - 1] == "," and c - 1 - lo >= MIN_CONTENT_TOKENS:
        start = ctx.toks[lo].start
        return _Raw(start, ctx.toks[c - 1].start, "indirect", "according_to_after", ctx.span(*sp), cue)
    if ctx.low[c - 1] == "," and np_end + MIN_CONTENT_TOKENS < hi and ctx.low[np_end] == ",":
        # "Fundraising, according to the campaign, has surged": the statement is the sentence
        end = _content_end(ctx, s.end)
        if end > ctx.toks[np_end].end:
            return _Raw(ctx.toks[lo].start, end, "indirect", "according_to_inside", ctx.span(*sp), cue)
    return None


def _poll_finding(ctx: _Ctx, c: int, lo: int, np_end: int, hi: int, sp: tuple[int, int], cue) -> _Raw | None:
    """'Clinton held a 24-point lead among black voters in a CNN national poll.': the clause before
    'in' and a poll that closes it is what the poll found, when it holds a figure ('Russia took part in
    the survey' is no finding)."""
    end = c - 1 if ctx.low[c - 1] == "," else c
    if end - lo < MIN_CONTENT_TOKENS or not (np_end >= hi or ctx.low[np_end] in (".", ",")) \
            or not any(any(ch.isdigit() for ch in t) or t in words()["percent"] for t in ctx.low[lo:end]):
        return None
    return _Raw(ctx.toks[lo].start, ctx.toks[end - 1].end, "indirect", "according_to_after", ctx.span(*sp), cue)


def _headline_colon(ctx: _Ctx, start: int, end: int) -> _Raw | None:
    """'Volodymyr Zelenskyy: Sanctions are the right weapon ...', 'Poll: Trump and Clinton hold
    narrow leads': a headline that opens with a name and a colon credits what follows to it.
    Labels of a section ('News Guide:', 'Update:') credit nothing (grammar list headline_label)."""
    label = turn_label(ctx.text, start, end)
    if label is None:
        return None
    at, name, content = label
    if name.lower() in words()["headline_label"] or name.split()[-1].lower() in words()["headline_label"]:
        return None
    stop = _content_end(ctx, end)
    if len(ctx.text[content:stop].split()) < MIN_CONTENT_TOKENS:
        return None
    # a wholly quoted headline ('Rubio: "..."') is pass 1's direct_colon already
    kind = "mixed" if any(content <= q.start < stop for q in ctx.quotes) else "indirect"
    return _Raw(content, stop, kind, f"{kind}_headline_colon", (at, at + len(name)), None)


def _clause_goes_on(ctx: _Ctx, k: int, hi: int) -> bool:
    """After 'X, according to Y,' at token ``k``: does the sentence's clause go on (a verb follows,
    perhaps after an appositive of Y), rather than a new clause or Y's relative clause?"""
    w = words()
    if k < hi and (ctx.low[k] in w["determiner"] or ctx.low[k] in w["title_word"]):
        comma = next((x for x in range(k, min(hi, k + APPOSITIVE_MAX)) if ctx.low[x] in PUNCT_BREAK), None)
        if comma is None or ctx.low[comma] != ",":
            return False
        k = comma + 1   # "according to Dennis B. Ross, another former American special envoy, was ..."
    return k < hi and (ctx.low[k] in w["be_form"] or ctx.low[k] in w["verb_like"])


def extract_quotes(doc: Doc, cb: Codebook) -> list[Quote]:
    """Every attributed statement in ``doc`` with its resolved speaker."""
    ctx = _Ctx(doc, cb)
    used: set[int] = set()
    raws: list[_Raw] = []
    done: set[int] = set()
    # pass 1: direct quotes with an attribution next to them
    prev_end = 0
    for qi, q in enumerate(ctx.quotes):
        raw = _direct_after(ctx, q, used)
        if raw is not None:
            _clause_before_fragment(ctx, raw, q)
        else:
            raw = _direct_before(ctx, q, used, prev_end)
        if raw is not None:
            raws.append(raw)
            done.add(qi)
        prev_end = q.end
    _merge_interrupted(ctx, raws, done)
    covered = [(r.start, r.end) for r in raws]
    open_quotes = [(q.start, q.end) for i, q in enumerate(ctx.quotes) if i not in done and not q.single and _n_words(ctx, q) >= MIN_QUOTE_WORDS]
    # pass 2: headlines that credit a statement ('Andriy Yermak: Weapons and sanctions will ...'),
    # then indirect and mixed statements
    heads = [r for r in (_headline_colon(ctx, a, b) for a, b in ctx.headlines) if r is not None
             and not any(r.start < e and s < r.end for s, e in covered)]
    raws += heads
    covered += [(r.start, r.end) for r in heads]
    raws += _indirect(ctx, used, covered, open_quotes, list(raws))
    # pass 3: quotes left without an attribution
    spans = [(r.start, r.end) for r in raws]
    for qi, q in enumerate(ctx.quotes):
        if qi in done or q.single or any(s <= q.start < e for s, e in spans):
            continue
        if _n_words(ctx, q) < MIN_QUOTE_WORDS:
            continue  # scare quote or title
        para_first = ctx.text[ctx.paras[ctx.para_index(q.start)].start] in "\"“«"
        prev = None if para_first else _statement_just_before(ctx, raws, q.start)
        if prev is not None:
            raws.append(_Raw(q.start, q.end, "direct", "direct_continues", prev.speaker, None))
            continue
        raws.append(_Raw(q.start, q.end, "direct", "direct_floating" if para_first else "direct_unattributed", None, None,
                         floating=para_first))
    return _resolve(ctx, sorted(raws, key=lambda r: (r.start, r.end)))


def _clause_before_fragment(ctx: _Ctx, raw: _Raw, q: QuoteSpan) -> None:
    """'He would be a better president than Clinton "no matter what," one user commented.': a quotation
    that starts in lower case in the middle of a sentence ends a clause that its attribution also
    credits; the statement is mixed and starts with the sentence (when nothing in it is attributed
    to anyone else)."""
    first = next((ch for ch in ctx.text[q.start:q.end] if ch.isalpha()), "")
    if not first.islower() or raw.cue is None:
        return  # '... the word "freedom" – Volodymyr Zelensky': a dash credits a term, not the clause
    s_start = ctx.sent_bounds(q.start)[0]
    lo, qi = ctx.tok_at(s_start), ctx.tok_at(q.start)
    lo = _after_turn_label(ctx, lo, qi) if qi > lo else lo
    if qi - lo < MIN_CONTENT_TOKENS or ctx.low[qi - 1] in (":", ",", "(") or any(x in ctx.cues for x in range(lo, qi)) \
            or any(lo <= ctx.tok_at(o.start) < qi for o in ctx.quotes):
        return
    raw.start, raw.kind, raw.rule = ctx.toks[lo].start, "mixed", "mixed_fragment_before_attribution"


def _statement_just_before(ctx: _Ctx, raws: list[_Raw], start: int) -> _Raw | None:
    """'Zelenska added that ... on Russia. "The sooner it feels them, ..."': a quote that opens the
    sentence right after an attributed statement, in the same paragraph, continues its speaker."""
    para = ctx.para_index(start)
    best = None
    for r in raws:
        if r.speaker is None or r.end > start or ctx.para_index(r.start) != para:
            continue
        if ctx.text[ctx.sent_bounds(r.end - 1)[1]:start].strip() == "" and (best is None or r.end > best.end):
            best = r
    return best


def _n_words(ctx: _Ctx, q: QuoteSpan) -> int:
    return len(ctx.text[q.start:q.end].split())


def _merge_interrupted(ctx: _Ctx, raws: list[_Raw], done: set[int]) -> None:
    """'"A," he said, "B."' and '"A," said X, a doctor. "B."': the quote that follows
    its attribution in the same paragraph continues it, with the same speaker."""
    for r in sorted(raws, key=lambda r: r.start):
        if r.kind != "direct" or r.cue is None or r.rule not in ("direct_speaker_cue", "direct_cue_speaker"):
            continue
        attrib_end = max(r.cue[1], r.speaker[1] if r.speaker else 0)
        para = ctx.para_index(r.start)
        for qi, q in enumerate(ctx.quotes):
            if q.start < attrib_end:
                continue
            if qi in done or q.single or ctx.para_index(q.start) != para:
                break
            gap = ctx.text[attrib_end:q.start]
            if (len(gap) <= CONTINUE_GAP and _continues(ctx, attrib_end, q.start)
                    and not any(ctx.tok_at(attrib_end) <= c < ctx.tok_at(q.start) for c in ctx.cues)):
                r.end = q.end
                r.rule = "direct_interrupted"
                done.add(qi)
            break


def _continues(ctx: _Ctx, attrib_end: int, start: int) -> bool:
    """Can the quote at ``start`` be the second part of the one attributed before ``attrib_end``?
    Only after a comma, colon, dash or full stop, with no other sentence between: a show's
    title ('said on "Meet the Press."'), a phrase in the speaker's appositive ('who waited in
    an "extraordinarily long line"') and a quote after another sentence ('said X, pointing
    to his ears. Y shook her head. "B"') are not."""
    i, j = ctx.tok_at(attrib_end), ctx.tok_at(start)
    if j == 0 or ctx.toks[j - 1].text[-1] not in ",.:;—–-":
        return False
    return not any(ctx.low[k] in {".", "!", "?"} and ctx.toks[k + 1].text[:1].isupper() for k in range(i, j - 1))


def _resolve_relative(ctx: _Ctx, resolver: Resolver, span: tuple[int, int]) -> Speaker | None:
    """'Podesta, who said ...', 'voters who say ...': the span stays 'who', the name is the phrase before it.
    'Residents who spoke with Reuters': the span keeps its clause, the name is the phrase before 'who'."""
    if ctx.text[span[0]:span[1]].lower() not in words()["relative_word"]:
        if " who" not in ctx.text[span[0]:span[1]]:
            return None
        a, b = ctx.tok_at(span[0]), ctx.tok_at(span[1] - 1)
        r = next((x for x in range(a + 1, b) if ctx.low[x] == "who"), None)
        if r is None or ctx.low[r - 1] == ",":
            return None
        head = resolver.resolve(ctx.text, span[0], ctx.toks[r - 1].end)
        return Speaker(span[0], span[1], ctx.text[span[0]:span[1]], head.name, head.actor, head.side)
    i = ctx.tok_at(span[0])
    end = i - 1 if i > 0 and ctx.low[i - 1] == "," else i
    if end < 1:
        return None
    toks = trim_np(ctx.toks[_walk_back(ctx, end, max(0, end - NP_MAX_TOKENS)):end])
    if not toks:
        return None
    ante = resolver.resolve(ctx.text, toks[0].start, toks[-1].end)
    return Speaker(span[0], span[1], ctx.text[span[0]:span[1]], ante.name, ante.actor, ante.side)


def _resolve(ctx: _Ctx, raws: list[_Raw]) -> list[Quote]:
    art = ctx.doc.article
    skip = [(q.start, q.end) for q in ctx.quotes]
    persons = find_persons(ctx.text, ctx.toks, ctx.cb, ctx.doc.mentions, skip)
    turns = sorted(headline_turn(ctx.text, ctx.headlines, ctx.cb, ctx.doc.mentions) + find_turns(ctx.text, ctx.sents))
    resolver = Resolver(ctx.cb, ctx.doc.mentions, persons, turns,
                        lambda: find_holders(ctx.toks, ctx.cb, persons, ctx.doc.mentions))
    out: list[Quote] = []
    last: tuple[Quote, int] | None = None
    for n, r in enumerate(raws, 1):
        qid = f"{art.doc_id}#q{n}"
        if r.speaker and (pron := contracted_pronoun(ctx.text[r.speaker[0]:r.speaker[1]])):
            r.speaker = (r.speaker[0], r.speaker[0] + len(pron))  # "He’s said", "They've said": the pronoun speaks
        sp = _resolve_relative(ctx, resolver, r.speaker) if r.speaker else None
        sp = sp or (resolver.resolve(ctx.text, *r.speaker) if r.speaker else None)
        if sp is None and r.floating and last is not None and ctx.para_index(r.start) - last[1] <= FLOAT_PARAGRAPHS:
            prev = last[0]
            speaker = (prev.speaker, None, None, prev.speaker_actor, prev.speaker_side)
        elif sp is not None:
            speaker = (sp.name, sp.start, sp.end, sp.actor, sp.side)
        else:
            speaker = (None, None, None, None, None)
        cue = r.cue
        q = Quote(art.doc_id, qid, r.kind, r.start, r.end, ctx.text[r.start:r.end], *speaker,
                  ctx.text[cue[0]:cue[1]] if cue else None, cue[0] if cue else None, cue[1] if cue else None,
                  cue[2]["category"] if cue else None, art.zone_at(r.start),
                  f"{r.rule}:{cue[2].id}" if cue else r.rule)
        out.append(q)
        if q.speaker:
            last = (q, ctx.para_index(r.start))
    return out
