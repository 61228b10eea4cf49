"""Segmentation with character offsets: paragraphs, sentences, tokens.

Sentences come from nltk's Punkt, built in code from the abbreviation list in
``resources/abbreviations.txt`` (no ``punkt`` download). Paragraphs are split
first, so a headline without a final period never runs into the next line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .records import Span

ABBREVIATIONS = Path(__file__).parent / "resources" / "abbreviations.txt"
# A blank line (possibly with spaces) separates paragraphs; without blank lines, each line does.
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")
# Words with inner hyphens, apostrophes or periods (U.S., Kharkiv's, cross-border), else one symbol.
# Each repetition must start with a separator that \w cannot match, so matching is linear.
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]")


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


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """Punkt tokenizer with our abbreviation list as its parameters."""
    params = PunktParameters()
    lines = ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
    params.abbrev_types = {ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#")}
    return PunktSentenceTokenizer(params)


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
    splitter = sentence_splitter()
    out = []
    for p in paras if paras is not None else paragraphs(text):
        for s, e in splitter.span_tokenize(p.text):
            out.append(Span(p.start + s, p.start + e, p.text[s:e]))
    return out


def segment(text: str) -> Segmented:
    paras = paragraphs(text)
    return Segmented(paras, sentences(text, paras))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word and punctuation tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out = []
    abbrev = sentence_splitter()._params.abbrev_types
    for m in _TOKEN.finditer(text, start, end):
        tok = m.group()
        # A trailing period belongs to abbreviations (U.S., Gen.) and initials (Roger C. Altman).
        if tok[-1] == "." and len(tok) > 1 and not (len(tok) == 2 and tok[0].isupper()) and tok[:-1].lower() not in abbrev:
            out.append(Span(m.start(), m.end() - 1, tok[:-1]))
            out.append(Span(m.end() - 1, m.end(), "."))
        else:
            out.append(Span(m.start(), m.end(), tok))
    return out
