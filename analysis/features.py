"""Per-article framing features built from one article's rows (the articles table).

Column names are stable for a codebook: one per side and per naming label, so
tables from different corpora line up. ``unknown`` counts rows whose side is empty.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .codebook import Codebook
from .records import Blame, Harm, Justification, Marker, Quote

AGENTLESS = {"passive_agentless"}


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def feature_columns(cb: Codebook) -> list[str]:
    return [c for c, _ in _features(cb)]


def feature_dtypes(cb: Codebook) -> dict[str, str]:
    """Each feature column's dtype: shares are floats, counts integers."""
    return dict(_features(cb))


def _features(cb: Codebook) -> tuple[tuple[str, str], ...]:
    return _feature_columns(cb.hash, tuple(cb.sides), tuple(e["label"] for e in cb.lexicon("naming")))


@lru_cache(maxsize=8)
def _feature_columns(cb_hash: str, sides: tuple[str, ...], labels: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    cb_sides = list(sides)
    sides = [*cb_sides, "unknown"]
    cols = ["quotes_direct", "quotes_indirect", "quotes_mixed", "quotes_loaded_cue"]
    cols += [f"quotes_{s}" for s in sides] + [f"quote_share_{s}" for s in cb_sides]
    cols += [f"justifications_{s}" for s in sides] + ["justifications_narrator"]
    cols += [f"blame_by_{s}" for s in sides] + [f"blame_of_{s}" for s in sides]
    cols += [f"harm_patient_{s}" for s in sides] + [f"harm_agentless_{s}" for s in sides]
    cols += [f"agentless_share_{s}" for s in cb_sides]
    cols += [f"distancing_{s}" for s in sides] + ["scare_quotes", "hedges"]
    cols += [f"naming_{lab}" for lab in sorted({_slug(label) for label in labels})]
    shares = {f"{kind}_share_{s}" for kind in ("quote", "agentless") for s in cb_sides}
    return tuple((c, "Float64" if c in shares else "Int64") for c in cols)


def _side(s: str | None) -> str:
    return s if s else "unknown"


def article_features(rows: dict[str, list], cb: Codebook) -> dict:
    """Counts and shares for one article from its quotes, justifications, blame, harm and markers."""
    f = dict.fromkeys(feature_columns(cb), 0)
    quotes: list[Quote] = rows.get("quotes", [])
    for q in quotes:
        f[f"quotes_{q.kind}"] += 1
        f[f"quotes_{_side(q.speaker_side)}"] += 1
        f["quotes_loaded_cue"] += q.cue_category == "loaded"
    for s in cb.sides:
        f[f"quote_share_{s}"] = round(f[f"quotes_{s}"] / len(quotes), 4) if quotes else None
    j: Justification
    for j in rows.get("justifications", []):
        if j.quote_id is None:
            f["justifications_narrator"] += 1
        else:
            f[f"justifications_{_side(j.justifier_side)}"] += 1
    b: Blame
    for b in rows.get("blame", []):
        f[f"blame_by_{_side(b.blamer_side)}"] += 1
        f[f"blame_of_{_side(b.target_side)}"] += 1
    h: Harm
    for h in rows.get("harm", []):
        side = _side(h.patient_side)
        f[f"harm_patient_{side}"] += 1
        if h.construction in AGENTLESS or (h.construction == "nominal" and not h.agent):
            f[f"harm_agentless_{side}"] += 1
    for s in cb.sides:
        n = f[f"harm_patient_{s}"]
        f[f"agentless_share_{s}"] = round(f[f"harm_agentless_{s}"] / n, 4) if n else None
    m: Marker
    for m in rows.get("markers", []):
        if m.kind == "distancing":
            f[f"distancing_{_side(m.side)}"] += 1
        elif m.kind == "scare_quote":
            f["scare_quotes"] += 1
        elif m.kind == "hedge":
            f["hedges"] += 1
        elif m.kind == "naming":
            key = f"naming_{_slug(m.label)}"
            if key in f:
                f[key] += 1
    return f
