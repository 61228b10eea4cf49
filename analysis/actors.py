"""Find mentions of codebook actors (alias -> actor -> side) in an article.

Aliases with capitals match as written ("US" is not "us"); all-lower-case
aliases (role nouns such as "the russian leader") match in any case. The
longest alias wins where several overlap. Boilerplate is skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .codebook import Codebook, forms_pattern
from .records import Article, Mention


@dataclass(frozen=True)
class ActorMatcher:
    sensitive: re.Pattern | None
    insensitive: re.Pattern | None
    alias_to_actor: dict[str, str]  # alias (lower-cased when matched in any case) -> actor id


def _compile(forms: list[str], flags: int) -> re.Pattern | None:
    return re.compile(forms_pattern(forms), flags) if forms else None


@lru_cache(maxsize=8)
def _matcher_for(cb_hash: str, items: tuple[tuple[str, tuple[str, ...]], ...]) -> ActorMatcher:
    exact, lower, table = [], [], {}
    for actor_id, aliases in items:
        for alias in aliases:
            if alias == alias.lower():
                lower.append(alias)
                table.setdefault(alias.lower(), actor_id)
            else:
                exact.append(alias)
                table.setdefault(alias, actor_id)
    return ActorMatcher(_compile(exact, 0), _compile(lower, re.I), table)


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
    m = matcher(cb)
    end = len(text) if end is None else end
    hits = []
    for rx, fold in ((m.sensitive, False), (m.insensitive, True)):
        if rx is None:
            continue
        for hit in rx.finditer(text, start, end):
            key = " ".join(hit.group().split())
            actor = m.alias_to_actor.get(key.lower() if fold else key)
            if actor is not None:
                hits.append((hit.start(), -(hit.end() - hit.start()), hit.end(), actor))
    hits.sort()
    out, last_end = [], -1
    for s, _, e, actor in hits:
        if s >= last_end:
            out.append(Mention(doc_id, s, e, text[s:e], actor, cb.side_of(actor), f"alias:{actor}"))
            last_end = e
    return out


def article_mentions(article: Article, cb: Codebook) -> list[Mention]:
    """Mentions outside boilerplate: the mentions table of one article."""
    return [mt for mt in find_mentions(article.text, cb, doc_id=article.doc_id)
            if not article.in_boilerplate(mt.start, mt.end)]
