"""The article view: one article's text with every extracted feature highlighted.

Reads the tables of a results folder (never runs extraction) and renders HTML:
quotes as coloured backgrounds by speaker side, speakers in bold, cues
underlined, justification, blame and harm spans outlined, markers boxed, each
with a tooltip naming the row and its rule, and a legend. ``article_html``
returns the HTML (Jupyter shows it with ``IPython.display.HTML``);
``save_article_html`` writes a standalone file.
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .errors import UserError
from .plots import SIDE_COLORS
from .tables import read_table

CSS = """
body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.6; color: #222; }
h1 { font-size: 1.3em; } .meta { color: #666; font-size: 0.9em; }
.legend { font-family: sans-serif; font-size: 0.8em; border: 1px solid #ddd; padding: 0.5em; margin: 1em 0; }
.legend span { display: inline-block; margin: 0.15em 0.6em 0.15em 0; padding: 0 0.3em; }
.text { white-space: pre-wrap; }
.quote { border-radius: 2px; }
.speaker { font-weight: bold; }
.cue { text-decoration: underline; text-decoration-thickness: 2px; }
.justification { box-shadow: inset 0 -3px 0 #27ae60; }
.blame { box-shadow: inset 0 -3px 0 #e67e22; }
.harm { outline: 1px dashed #8e44ad; }
.marker { outline: 1px solid #555; outline-offset: 1px; }
.boilerplate { color: #aaa; }
"""
LAYERS = ("quotes", "justifications", "blame", "harm", "markers")


def _intervals(doc_id: str, tables: dict[str, pd.DataFrame]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, css class, inline style, tooltip) for every highlighted span of one article."""
    out = []
    for name in LAYERS:
        df = tables[name]
        df = df[df["doc_id"] == doc_id]
        for r in df.itertuples(index=False):
            if name == "quotes":
                color = SIDE_COLORS.get(r.speaker_side if isinstance(r.speaker_side, str) else "unknown")
                tip = f"{r.kind} quote: {r.speaker if isinstance(r.speaker, str) else 'speaker unknown'} ({r.rule})"
                out.append((int(r.start), int(r.end), "quote", f"background:{color}33", tip))
                if not pd.isna(r.speaker_start):
                    out.append((int(r.speaker_start), int(r.speaker_end), "speaker", "", f"speaker: {r.speaker}"))
                if not pd.isna(r.cue_start):
                    out.append((int(r.cue_start), int(r.cue_end), "cue", "", f"cue ({r.cue_category}): {r.cue}"))
            elif name == "justifications":
                out.append((int(r.start), int(r.end), "justification", "",
                            f"justification by {r.justifier}: {r.marker} ({r.rule})"))
            elif name == "blame":
                out.append((int(r.start), int(r.end), "blame", "",
                            f"blame: {r.blamer} blames {r.target} ({r.rule})"))
            elif name == "harm":
                out.append((int(r.start), int(r.end), "harm", "",
                            f"harm ({r.construction}): agent {r.agent}, patient {r.patient} ({r.rule})"))
            else:
                out.append((int(r.start), int(r.end), "marker", "", f"{r.kind}: {r.label} ({r.rule})"))
    return out


def article_html(results: str | Path, doc_id: str | None = None) -> str:
    """HTML of one article (default: the first) with its features highlighted."""
    texts = read_table(results, "texts")
    if not len(texts):
        raise UserError(f"{results} holds no articles")
    if doc_id is None:
        doc_id = texts["doc_id"].iloc[0]
    if doc_id not in set(texts["doc_id"]):
        raise UserError(f"no article {doc_id!r} in {results}; see its texts table for the doc_ids")
    text = texts.loc[texts["doc_id"] == doc_id, "text"].iloc[0]
    arts = read_table(results, "articles").set_index("doc_id")
    tables = {name: read_table(results, name) for name in LAYERS}
    spans = _intervals(doc_id, tables)
    cuts = sorted({0, len(text), *[s for s, *_ in spans], *[e for _, e, *_ in spans]})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        active = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        chunk = html.escape(text[a:b])
        if not active:
            parts.append(chunk)
            continue
        classes = " ".join(sorted({sp[2] for sp in active}))
        style = ";".join(sp[3] for sp in active if sp[3])
        tip = html.escape(" | ".join(sp[4] for sp in active), quote=True)
        parts.append(f'<span class="{classes}" style="{style}" title="{tip}">{chunk}</span>')
    meta = arts.loc[doc_id] if doc_id in arts.index else None
    title = html.escape(str(meta["title"])) if meta is not None and isinstance(meta["title"], str) else html.escape(doc_id)
    info = " · ".join(html.escape(str(meta[k])) for k in ("outlet", "date") if meta is not None and isinstance(meta[k], str))
    counts = {name: int((tables[name]["doc_id"] == doc_id).sum()) for name in LAYERS}
    legend = "".join(f'<span style="background:{c}33">quote: {side}</span>' for side, c in SIDE_COLORS.items())
    legend += ('<span class="speaker">speaker</span><span class="cue">cue</span>'
               '<span class="justification">justification</span><span class="blame">blame</span>'
               '<span class="harm">harm</span><span class="marker">marker</span>')
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><style>{CSS}</style></head>'
            f'<body><article data-doc-id="{html.escape(doc_id, quote=True)}"><h1>{title}</h1><p class="meta">{info}</p>'
            f'<div class="legend">{legend}<br>{html.escape(summary)}. Hover a highlight for its row and rule.</div>'
            f'<div class="text">{"".join(parts)}</div></article></body></html>')


def save_article_html(results: str | Path, path: str | Path, doc_id: str | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article_html(results, doc_id), encoding="utf-8")
    return path
