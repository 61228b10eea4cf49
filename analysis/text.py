"""Segmentation with character offsets: paragraphs, sentences, tokens.

Sentences follow the decisions of nltk's Punkt algorithm with the abbreviation
list in ``resources/abbreviations.txt`` as its only parameters (no ``punkt``
download), computed in one pass over the candidate marks: nltk itself spends
more time importing and splitting than the rest of an article's analysis.
tests/test_text.py checks the two agree. Paragraphs are split first, so a
headline without a final period never runs into the next line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from .records import Span

ABBREVIATIONS = Path(__file__).parent / "resources" / "abbreviations.txt"
SENTENCE_STARTERS = Path(__file__).parent / "resources" / "sentence_starters.txt"
# A blank line (possibly with spaces) separates paragraphs; without blank lines, each line does.
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")
# Words with inner hyphens, apostrophes or periods (U.S., Kharkiv's, cross-border), else one symbol.
# Each repetition must start with a separator that \w cannot match, so matching is linear.
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")
_SPACES = re.compile(r"[ \t]*")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")   # J.J., F.B.I. (one letter each: no backtracking to speak of)
# A possible sentence end: a mark followed by punctuation or by white space and more text.
_END_MARK = re.compile(r"[.?!](?:(?=[)\";}\]*:@'({\[‘’“”«»?!])|\s+(?=\S))")
# Closing quotes and brackets after a sentence end belong to that sentence.
_CLOSERS = re.compile(r"[\"')\]}‘’“”«»]+?(?:\s+|(?=--)|$)")
_OPENERS = "(\"`{[:;&#*@)}]-,'‘“«"
_NEXT_WORD = re.compile(r"\w*")
_NUMBER = re.compile(r"-?[.,]?\d[\d,.-]*")
_INITIAL = re.compile(r"(?:[^\W\d]\.)*[^\W\d]")   # W (George W. Bush), F.B.I, J.J (J.J. MacNab)
# Span(...) without the namedtuple's Python-level __new__, and match fields without a Python loop
_new, _start, _end, _group = tuple.__new__, re.Match.start, re.Match.end, re.Match.group


@dataclass(frozen=True)
class Segmented:
    paragraphs: list[Span]
    sentences: list[Span]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence holding ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.sentences) and self.sentences[lo].start <= offset:
            return self.sentences[lo]
        return None


def _word_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations (without their final period) that do not end a sentence."""
    return frozenset(w.split()[0] for w in _word_list(ABBREVIATIONS))


@lru_cache(maxsize=1)
def number_abbreviations() -> frozenset[str]:
    """Abbreviations only before a number ('No. 1', 'vol. 3'); elsewhere the word ends ('he said no.')."""
    return frozenset(w.split()[0] for w in _word_list(ABBREVIATIONS) if w.split()[1:] == ["before_number"])


def _next_is_digit(text: str, e: int) -> bool:
    """Is the first character after the spaces at ``e`` a digit?"""
    m = _SPACES.match(text, e)
    return m.end() < len(text) and text[m.end()].isdigit()


@lru_cache(maxsize=1)
def sentence_starters() -> frozenset[str]:
    """Capitalised words that open a sentence after an abbreviation or initials ('the U.S. The ...')."""
    return _word_list(SENTENCE_STARTERS)


def _ends_sentence(text: str, i: int, lo: int, j: int) -> bool:
    """Does the mark at ``i`` end a sentence, given that the next sentence would start at ``j``?
    (Punkt's rules for known abbreviations, ellipses, initials and numbers.)"""
    nxt = text[j]
    if text[i] != ".":
        return True
    if text[i - 1:i] == ".":
        return False   # an ellipsis
    k = i
    while k > lo and not text[k - 1].isspace():
        k -= 1
    word = text[k:i].lstrip(_OPENERS)
    low = word.lower()
    abbrev = abbreviations()
    known = (low in abbrev or low.rsplit("-", 1)[-1] in abbrev) and not (low in number_abbreviations() and not nxt.isdigit())
    if known or _INITIAL.fullmatch(word):
        # "Gen. Smith", "George W. Bush", "the F.B.I. said": no break, except before a word that opens
        # sentences ("in the U.S. The F.B.I. said"), and after initials before a digit or mark
        if nxt.isupper() and _NEXT_WORD.match(text, j).group().lower() in sentence_starters():
            return True
        return not known and not (nxt in ";:,.!?" or nxt.islower() or nxt.isupper())
    if _NUMBER.fullmatch(word):        # "in 2024. The" is a break, "item 5. and" is not
        return not (nxt in ";:,.!?" or nxt.islower())
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, closing quotes and brackets included."""
    out = []
    start, n = 0, len(text)
    marks = list(_END_MARK.finditer(text))
    for c, m in enumerate(marks):
        i, j = m.start(), m.end()
        if c + 1 < len(marks) and j == i + 1:
            # several marks in one word ('it.(Laughter.)', '"Stop!".'): the last one decides
            k = marks[c + 1].start()
            if not any(ch.isspace() for ch in text[j:k]):
                continue
        if j >= n or not _ends_sentence(text, i, start, j):
            continue
        end, nstart = i + 1, j
        r = _CLOSERS.match(text, nstart)
        if r:
            end, nstart = nstart + len(r.group().rstrip()), r.end()
        out.append((start, end))
        start = nstart
    tail = len(text.rstrip())
    if start < tail:
        out.append((start, tail))
    return out


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans, stripped of surrounding white space."""
    if _BLANK_LINE.search(text):
        bounds, pos = [], 0
        for m in _BLANK_LINE.finditer(text):
            bounds.append((pos, m.start()))
            pos = m.end()
        bounds.append((pos, len(text)))
    else:
        bounds = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    out = []
    for s, e in bounds:
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            s2 = s + (len(chunk) - len(chunk.lstrip()))
            out.append(Span(s2, s2 + len(stripped), stripped))
    return out


def sentences(text: str, paras: list[Span] | None = None) -> list[Span]:
    """Sentence spans within paragraphs."""
    out = []
    for p in paras if paras is not None else paragraphs(text):
        for s, e in split_sentences(p.text):
            out.append(Span(p.start + s, p.start + e, p.text[s:e]))
    return out


def segment(text: str) -> Segmented:
    paras = paragraphs(text)
    return Segmented(paras, sentences(text, paras))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word and punctuation tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    ms = list(_TOKEN.finditer(text, start, end))
    out = list(map(_new, repeat(Span), zip(map(_start, ms), map(_end, ms), map(_group, ms))))
    abbrev, numbered = abbreviations(), number_abbreviations()
    # A trailing period belongs to abbreviations (U.S., Gen.) and initials (Roger C. Altman, J.J. MacNab);
    # else split it off.
    for k in reversed([k for k, t in enumerate(out) if t[2][-1] == "." and len(t[2]) > 1]):
        s, e, tok = out[k]
        low = tok[:-1].lower()
        if not (len(tok) == 2 and tok[0].isupper()) and (low not in abbrev or (low in numbered and not _next_is_digit(text, e))) \
                and not _INITIALS.fullmatch(tok):
            out[k:k + 1] = [_new(Span, (s, e - 1, tok[:-1])), _new(Span, (e - 1, e, "."))]
    return out
