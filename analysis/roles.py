"""Role phrases: 'the President said' names the person the text has named in that role.

A role holder is a person named with a role: before the name ('President of Ukraine
Volodymyr Zelenskyy', 'Kremlin spokesman Dmitry Peskov'), in an appositive after it
('Andriy Yermak, the Head of the Office of the President,') or in a codebook alias of
the person ('president of russia' for Putin). A speaker phrase 'the ROLE' resolves to the
holder named earlier whose role has the same head noun and every word of the phrase
('the Deputy Prime Minister' is not the Prime Minister). When several people hold the
role, the one who spoke last is meant; when none of them has spoken, the phrase stays
unresolved: unknown is never a guess.
"""
from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .codebook import Codebook
from .records import Mention, Span

ROLES = Path(__file__).parent / "resources" / "roles.csv"
MAX_ROLE_TOKENS = 12


@dataclass(frozen=True)
class Role:
    head: str                 # 'minister' in 'Deputy Prime Minister of Ukraine'
    words: frozenset[str]     # its content words, lower case, possessives dropped


@dataclass(frozen=True)
class Holder:
    """A person named with a role at ``start``."""

    start: int
    name: str
    actor: str | None
    role: Role


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    from .speakers import words  # speakers imports this module

    return words()


@lru_cache(maxsize=1)
def synonyms() -> tuple[tuple[tuple[str, ...], str], ...]:
    """resources/roles.csv: phrases that name a role by another name ('head of state')."""
    with open(ROLES, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(ln for ln in fh if not ln.startswith("#"))
        return tuple((tuple(p.split()), r["role"]) for r in rows for p in r["phrases"].split("|") if p.strip())


@lru_cache(maxsize=1)
def _synonym_phrases() -> frozenset[tuple[str, ...]]:
    return frozenset(p for p, _ in synonyms())


def _norm(word: str) -> str:
    low = word.lower()
    for s in ("'s", "’s"):
        if low.endswith(s):
            return low[: -len(s)]
    return low


def parse_role(tokens: list[str]) -> Role | None:
    """The role a phrase names, or None: its head is the role noun right before the first
    'of'/'to' ('Adviser to the Head of ...') or the last word ('Kremlin spokesman')."""
    w = _words()
    low = [_norm(t) for t in tokens if t not in ("'s", "’s", "'", "’")]
    while low and low[0] in w["article"]:
        low.pop(0)
    for phrase, role in synonyms():
        n = len(phrase)
        for i in range(len(low) - n + 1):
            if tuple(low[i:i + n]) == phrase:
                low[i:i + n] = [role]
                break
    cut = next((i for i, t in enumerate(low) if t in w["role_link"]), len(low))
    if cut == 0 or low[cut - 1] not in w["role_head"]:
        return None
    glue = w["role_link"] | w["article"]
    return Role(low[cut - 1], frozenset(t for t in low if t not in glue))


def fits(holder: Role, phrase: Role) -> bool:
    """A holder's role fits a speaker's role phrase: same head, every word of the phrase,
    and no rank the phrase leaves out ('Deputy', 'Former')."""
    return holder.head == phrase.head and phrase.words <= holder.words and not ((holder.words & _words()["role_rank"]) - phrase.words)


@lru_cache(maxsize=8)
def _alias_roles(cb_hash: str, persons: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[Role, ...]]:
    out: dict[str, tuple[Role, ...]] = {}
    for aid, aliases in persons:
        roles = {parse_role(a.split()) for a in aliases if a == a.lower()}
        roles.discard(None)
        if roles:
            out[aid] = tuple(sorted(roles, key=lambda r: (r.head, sorted(r.words))))
    return out


def alias_roles(cb: Codebook) -> dict[str, tuple[Role, ...]]:
    """Roles in each person's lower-case codebook aliases ('president of russia'), by actor id."""
    return _alias_roles(cb.hash, tuple((a.id, a.aliases) for a in cb.actors.values() if a.type == "person"))


def _prefix_role(toks: list[Span], i: int) -> Role | None:
    """The role named right before token ``i``: 'President of Ukraine [Volodymyr ...]'."""
    w = _words()
    j = i
    while j > 0 and i - j < MAX_ROLE_TOKENS:
        t = toks[j - 1]
        low = _norm(t.text)
        if toks[j].start - t.end > 1 or not (t.text[:1].isupper() or low in w["role_link"] or low in w["article"]
                                              or low in w["title_word"] or low in w["role_head"] or t.text in ("'s", "’s")):
            break
        j -= 1
    # the role starts at the first title word after which everything up to the name belongs to it
    for k in range(j, i):
        if _norm(toks[k].text) in w["title_word"] or _norm(toks[k].text) in w["role_head"]:
            role = parse_role([t.text for t in toks[k:i]])
            if role is not None:
                return role
    return None


def _appositive_role(toks: list[Span], i: int) -> Role | None:
    """The role in an appositive that starts at token ``i`` (a comma): ', the Head of ...,'."""
    if i >= len(toks) or toks[i].text != ",":
        return None
    k = i + 1
    while k < len(toks) and k - i <= MAX_ROLE_TOKENS and toks[k].text[:1].isalnum():
        k += 1
    if k == i + 1 or k >= len(toks) or toks[k].text not in (",", ".", ";", ")"):
        return None
    return parse_role([t.text for t in toks[i + 1:k]])


def find_holders(toks: list[Span], cb: Codebook, persons: list, mentions: list[Mention]) -> list[Holder]:
    """Every person the text names with a role, in text order."""
    starts = [t.start for t in toks]
    aliases = alias_roles(cb)
    by_role = {m.start for m in mentions if m.actor in aliases and parse_role(m.text.split()) is not None}
    out: list[Holder] = []
    for p in persons:
        roles: list[Role] = list(aliases.get(p.actor, ())) if p.actor else []
        i = bisect.bisect_left(starts, p.start)
        # a role prefix or appositive belongs to a name, not to a role alias ('Adviser to the Head of ...')
        if i < len(toks) and toks[i].start == p.start and p.start not in by_role:
            r = _prefix_role(toks, i)
            if r is not None:
                roles.append(r)
            end = i
            while end < len(toks) and toks[end].text[:1].isupper() and end - i < 5:
                end += 1
            r = _appositive_role(toks, end)
            if r is not None:
                roles.append(r)
        out.extend(Holder(p.start, p.name, p.actor, r) for r in roles)
    return out


def first_holders(holders: list[Holder]) -> list[Holder]:
    """Each person's first naming in each role, in text order: all a role phrase needs to
    know (who held the role before it), however often the text repeats them."""
    first: dict[tuple, Holder] = {}
    for h in holders:
        first.setdefault((h.actor or h.name, h.role), h)
    return sorted(first.values(), key=lambda h: h.start)


def speaker_role(phrase: str) -> Role | None:
    """The role a speaker phrase names, when it is 'the ROLE' ('the Adviser to the President'),
    or a capitalised role alone, as a headline credits it ('President: ...', 'Head of State: ...')."""
    parts = phrase.split()
    if parts and parts[0].lower() != "the" and parts[0][:1].isupper() and (
            tuple(p.lower() for p in parts) in _synonym_phrases() or (len(parts) == 1 and parts[0].lower() in _words()["role_head"])):
        parts = ["the"] + parts
    if len(parts) < 2 or parts[0].lower() != "the" or any(not p[:1].isalpha() for p in parts):
        return None
    return parse_role(parts)
