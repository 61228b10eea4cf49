"""A prepared document: the article with its segmentation and actor mentions.

Built once per article and handed to every extractor, so that each extractor
is a pure function ``(doc, codebook) -> list of records``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .actors import article_mentions
from .codebook import Codebook
from .quotemarks import QuoteSpan, find_quote_spans
from .records import Article, Mention, Span
from .text import Segmented, segment


@dataclass(frozen=True)
class Doc:
    article: Article
    seg: Segmented
    mentions: list[Mention]
    paragraphs: list[Span]         # outside boilerplate
    quote_spans: list[QuoteSpan]   # quotation marks outside boilerplate

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def doc_id(self) -> str:
        return self.article.doc_id


def prepare(article: Article, cb: Codebook) -> Doc:
    seg = segment(article.text)
    paras = [p for p in seg.paragraphs if not article.in_boilerplate(p.start, p.end)]
    return Doc(article, seg, article_mentions(article, cb), paras, find_quote_spans(article.text, paras))


def doc_from_text(text: str, cb: Codebook, doc_id: str = "doc", title: str | None = None) -> Doc:
    """A Doc from a plain string (tests, notebooks): zones detected as for a .txt file."""
    from .zones import detect_zones

    return prepare(Article(doc_id, text, "", {}, detect_zones(text, title)), cb)
