"""Mark an article's zones: headline, caption, boilerplate; the rest is body.

Zones are marked, never cut: offsets stay those of the input text. The
boilerplate phrases and photo credits are data in ``resources/``.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from .records import Span, Zone
from .text import paragraphs

RESOURCES = Path(__file__).parent / "resources"
HEADLINE_MAX_WORDS = 30      # a longer first paragraph is a lead, not a headline
CAPTION_MAX_CHARS = 300      # a credit line longer than this is body text that cites an agency


def _read(name: str) -> list[dict]:
    with open(RESOURCES / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(ln for ln in fh if not ln.startswith("#")))


@lru_cache(maxsize=1)
def _patterns():
    boiler = [(r["id"], re.compile(re.escape(r["pattern"]), re.I), r["scope"]) for r in _read("boilerplate.csv")]
    agencies, prefixes = [], []
    for r in _read("credits.csv"):
        forms = [f.strip() for f in r["forms"].split("|") if f.strip()]
        (agencies if r["kind"] == "agency" else prefixes).extend(forms)
    agency = re.compile(r"/\s*(?:" + "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True)) + r")\s*\.?$")
    prefix = re.compile(r"(?:" + "|".join(re.escape(p) for p in prefixes) + r")", re.I)
    return boiler, agency, prefix


def detect_zones(text: str, title: str | None = None, headline_end: int | None = None) -> list[Zone]:
    """Zones of ``text``. ``headline_end`` marks a known headline at the start
    (CSV rows put the title first); else ``title`` or the first short line is it.
    """
    boiler, agency, prefix = _patterns()
    zones: list[Zone] = []
    paras = paragraphs(text)
    headline_done = headline_end is not None
    if headline_end:
        zones.append(Zone("headline", 0, headline_end, "title_column"))
    to_end: tuple[int, str] | None = None
    for p in paras:
        if headline_end and p.end <= headline_end:
            continue
        if to_end is not None:
            break
        hit = next(((rid, scope) for rid, rx, scope in boiler if rx.match(p.text)), None)
        if hit is not None:
            rule, scope = hit
            if scope == "to_end":
                to_end = (p.start, rule)
            else:
                zones.append(Zone("boilerplate", p.start, p.end, rule))
            continue
        if len(p.text) <= CAPTION_MAX_CHARS and (agency.search(p.text) or prefix.match(p.text)):
            zones.append(Zone("caption", p.start, p.end, "photo_credit"))
            continue
        if not headline_done:
            headline_done = True
            if _is_headline(p, title):
                zones.append(Zone("headline", p.start, p.end, "title_match" if title else "first_line"))
    if to_end is not None:
        zones.append(Zone("boilerplate", to_end[0], len(text.rstrip()), to_end[1]))
    return sorted(zones, key=lambda z: z.start)


def _is_headline(p: Span, title: str | None) -> bool:
    if title:
        return p.text.strip().lower() == title.strip().lower()
    words = p.text.split()
    if len(words) > HEADLINE_MAX_WORDS:
        return False
    # a sentence ends in a period, unless every word is capitalised: "Glenn Beck Says Trump Poses A Threat."
    return not p.text.rstrip().endswith((".", "\"")) or title_case(words)


def title_case(words: list[str]) -> bool:
    """Every word of four or more letters starts with a capital (short function words may not)."""
    long = [w.strip("\"'“”‘’(),.:;!?") for w in words]
    long = [w for w in long if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= 3 and all(w[:1].isupper() for w in long)
