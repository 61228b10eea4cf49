"""Stance and naming markers: distancing, scare quotes, hedges and naming choices.

- distancing and hedges come from the codebook's stance_markers lexicon and count
  in the narrator's voice only (inside a quote they are the speaker's words);
  the side whose claim is distanced is the actor the clause attributes it to
  ("Russian authorities ... what they call"), or the side of a naming term after
  "so-called"; else empty;
- scare quotes: a quoted word or short phrase that no quote attributes to anyone;
- naming: terms from the naming lexicon (invasion / special military operation,
  occupied / liberated, regime / government), with the side whose framing each
  term expresses, in any voice (quote_id tells whose).
"""
from __future__ import annotations

from .codebook import Codebook
from .context import clause_start, negated, quote_at, sentence_bounds, voice_at
from .document import Doc
from .lexicon import find
from .records import Marker, Quote
from .speakers import words
from .targets import subject_before

CLAIMANT_CHARS = 40   # how far before "claimed" the claimant may stand
SCARE_MAX_WORDS = 4   # a longer unattributed quote is a quote without attribution, not a scare quote


def extract_markers(doc: Doc, cb: Codebook, quotes: list[Quote]) -> list[Marker]:
    text, art = doc.text, doc.article
    out: list[Marker] = []
    naming = [h for h in find(cb, "naming", text) if not art.in_boilerplate(h.start, h.end)]
    marked = doc.quote_spans
    for h in find(cb, "stance_markers", text):
        if art.in_boilerplate(h.start, h.end):
            continue
        if any(m.start <= h.start < m.end for m in marked):
            continue  # within quotation marks it is the speaker's word
        reporting = next((q for q in quotes if q.cue_start == h.start), None)
        e = h.entry
        side = None
        if e["kind"] == "distancing":
            nxt = next((n for n in naming if 0 <= n.start - h.end <= 3), None)
            reported = quote_at(quotes, h.start, h.end)
            if reporting is not None:
                side = reporting.speaker_side  # "Moscow claimed that ...": the narrator distances the speaker's claim
            elif nxt is not None and nxt.entry["side"]:
                side = nxt.entry["side"]  # "so-called special military operation": Russia's term
            elif e.id == "what_they_call" and reported is not None:
                side = reported.speaker_side  # 'Russian authorities slammed Kyiv for what they call ...'
            elif e.id in ("what_they_call", "claimed"):
                # the claimant is the subject right before: "Moscow claimed", "what Kyiv calls"
                m = subject_before(doc, cb, max(clause_start(text, sentence_bounds(doc, h.start)[0], h.start), h.start - CLAIMANT_CHARS), h.start)
                side = m.side if m else None
            # "alleged", "supposedly": the claimant is not named, so the side stays empty
        out.append(Marker(doc.doc_id, h.start, h.end, h.text, e["kind"], e.id, side, None, f"{e['kind']}:{e.id}"))
    for q in marked:
        inner = text[q.start:q.end].strip("\"“”'‘’«» ,.")
        if not inner or len(inner.split()) > SCARE_MAX_WORDS or not q.closed:
            continue
        if all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in words()["title_small"] for w in inner.split()) \
                and inner[:1].isupper():
            continue  # a name or title in quotes ("Diia", "Neighbor in Need"), not a scare quote
        if any(r.start <= q.start < r.end and r.speaker for r in quotes):
            continue
        label = inner.lower()
        term = next((n for n in naming if q.start <= n.start and n.end <= q.end), None)
        out.append(Marker(doc.doc_id, q.start, q.end, text[q.start:q.end], "scare_quote", label,
                          term.entry["side"] or None if term else None, None, "scare_quote"))
    for h in naming:
        s0, _ = sentence_bounds(doc, h.start)
        if negated(text, s0, h.start):
            continue  # "we did not invade"
        e = h.entry
        if e["concept"] == "government" and "Government" in h.text:
            continue  # "the Russian Government" is the cabinet's name, not a naming choice
        v = voice_at(quotes, h.start, h.end)
        out.append(Marker(doc.doc_id, h.start, h.end, h.text, "naming", e["label"], e["side"] or None, v.quote_id,
                          f"naming:{e['concept']}:{e.id}"))
    out.sort(key=lambda m: (m.start, m.end, m.kind))
    return out
