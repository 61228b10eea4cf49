"""Find mentions of codebook actors (alias -> actor -> side) in an article.

Aliases with capitals match as written ("US" is not "us"); all-lower-case
aliases (role nouns such as "the russian leader") match in any case. The
longest alias wins where several overlap. Boilerplate is skipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .codebook import Codebook
from .lexicon import PhraseMatcher
from .records import Article, Mention


@dataclass(frozen=True)
class ActorMatcher:
    phrases: PhraseMatcher
    alias_to_actor: dict[str, str]  # alias (lower-cased when matched in any case) -> actor id


@lru_cache(maxsize=8)
def _matcher_for(cb_hash: str, items: tuple[tuple[str, tuple[str, ...]], ...]) -> ActorMatcher:
    phrases, table = [], {}
    for actor_id, aliases in items:
        for alias in aliases:
            sensitive = alias != alias.lower()
            phrases.append((alias, actor_id, sensitive))
            table.setdefault(alias if sensitive else alias.lower(), actor_id)
    return ActorMatcher(PhraseMatcher(phrases), table)


def matcher(cb: Codebook) -> ActorMatcher:
    """The compiled alias matcher of a codebook (cached by its hash)."""
    return _matcher_for(cb.hash, tuple((a.id, a.aliases) for a in cb.actors.values()))


def lookup(cb: Codebook, phrase: str) -> str | None:
    """The actor id a phrase names exactly (an alias, ignoring a leading 'the'), else None."""
    m = matcher(cb)
    p = " ".join(phrase.split())
    for cand in (p, p.lower()):
        if cand in m.alias_to_actor:
            return m.alias_to_actor[cand]
    if p.lower().startswith("the "):
        return lookup(cb, p[4:])
    return None


def find_mentions(text: str, cb: Codebook, start: int = 0, end: int | None = None, doc_id: str = "") -> list[Mention]:
    """Actor mentions in ``text[start:end]``, longest match first, not overlapping."""
    out = []
    for h in matcher(cb).phrases.find(text, start, end):
        actor = h.entries[0]
        out.append(Mention(doc_id, h.start, h.end, h.text, actor, cb.side_of(actor), f"alias:{actor}"))
    return out


def article_mentions(article: Article, cb: Codebook) -> list[Mention]:
    """Mentions outside boilerplate: the mentions table of one article."""
    return [mt for mt in find_mentions(article.text, cb, doc_id=article.doc_id)
            if not article.in_boilerplate(mt.start, mt.end)]
