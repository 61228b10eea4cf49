"""Score extracted quotes against human coding (brat standoff or a CSV gold file).

Spans are compared as sets of character offsets (discontinuous gold spans are
unions). Two spans match at threshold t when |A & B| / |A | B| >= t (Jaccard);
``exact`` means the same characters once surrounding white space is ignored.
Matching is one-to-one, greedy by overlap. This module only loads gold and
scores; running the extractor is the caller's job.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .codebook import Codebook
from .errors import UserError

THRESHOLDS = (0.3, 0.8)
SPEAKER_SPAN_THRESHOLD = 0.5   # a speaker span matches a gold source at this Jaccard overlap
TOP_UNLISTED = 10              # coded cues not in the codebook listed in the report


@dataclass
class GoldAttribution:
    content: frozenset[int]
    source: frozenset[int]
    cue: frozenset[int]
    content_text: str
    source_text: str
    kind: str        # direct, indirect or mixed (from the quote marks in the content)


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def chars(spans: list[tuple[int, int]], text: str | None = None) -> frozenset[int]:
    """Character offsets of spans, without surrounding white space."""
    out: set[int] = set()
    for s, e in spans:
        if text is not None:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
        out.update(range(s, e))
    return frozenset(out)


def kind_of(content: str) -> str:
    """direct (wholly between double marks), mixed (contains some) or indirect."""
    c = content.strip().rstrip(".,;").replace("''", '"').replace("``", '"')
    if not any(ch in c for ch in "\"“”«»"):
        return "indirect"
    if c[:1] in "\"“«" and c[-1:] in "\"”»":
        return "direct"
    return "mixed"


def load_brat(folder: str | Path) -> list[GoldDoc]:
    """A brat standoff folder with ``text/NAME.txt`` and ``attributions/NAME_CODER.ann``.

    Where an article was coded by several coders, the first coder's file (sorted
    by name) is used.
    """
    folder = Path(folder)
    tdir, adir = folder / "text", folder / "attributions"
    if not tdir.is_dir() or not adir.is_dir():
        raise UserError(f"{folder}: expected brat gold with text/ and attributions/ folders")
    chosen: dict[str, Path] = {}
    for ann in sorted(adir.glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(stem, ann)
    docs = []
    for stem, ann in sorted(chosen.items()):
        tpath = tdir / f"{stem}.txt"
        if not tpath.is_file():
            continue
        text = tpath.read_text(encoding="utf-8")
        docs.append(GoldDoc(stem, text, _parse_ann(ann.read_text(encoding="utf-8"), text)))
    if not docs:
        raise UserError(f"{folder}: no .ann file has a matching text/*.txt")
    return docs


def _parse_ann(ann: str, text: str) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    links = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            try:
                ranges = [tuple(int(x) for x in r.split()) for r in offs.split(";")]
            except ValueError:
                continue
            spans[parts[0]] = (label, [r for r in ranges if len(r) == 2])
        elif line.startswith("E") and len(parts) >= 2:
            links.append(dict(a.split(":", 1) for a in parts[1].split() if ":" in a))
    out = []
    for link in links:
        def get(role):
            tid = link.get(role)
            return spans[tid][1] if tid in spans else []
        content = get("Content")
        if not content:
            continue
        ctext = " ".join(text[s:e] for s, e in sorted(content))
        out.append(GoldAttribution(chars(content, text), chars(get("Source"), text), chars(get("Cue"), text), ctext,
                                   " ".join(text[s:e] for s, e in get("Source")), kind_of(ctext)))
    return out


def load_csv_gold(path: str | Path, texts: dict[str, str]) -> list[GoldDoc]:
    """CSV gold: one row per statement with doc_id, start, end and optionally
    speaker_start, speaker_end, cue_start, cue_end (offsets into the article text
    as in results/texts.csv). ``texts`` maps doc_id to that text.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(f"gold file not found: {path}")
    docs: dict[str, GoldDoc] = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        need = {"doc_id", "start", "end"}
        if not need <= set(reader.fieldnames or []):
            raise UserError(f"{path}: expected columns doc_id, start, end (and optionally speaker_start, speaker_end, "
                            f"cue_start, cue_end); got {', '.join(reader.fieldnames or [])}")
        for n, row in enumerate(reader, 2):
            did = row["doc_id"]
            if did not in texts:
                raise UserError(f"{path}, line {n}: doc_id {did!r} is not in the corpus")
            text = texts[did]

            def rng(a, b):
                return [(int(row[a]), int(row[b]))] if row.get(a) not in (None, "") and row.get(b) not in (None, "") else []
            try:
                content = rng("start", "end")
                source, cue = rng("speaker_start", "speaker_end"), rng("cue_start", "cue_end")
            except ValueError as err:
                raise UserError(f"{path}, line {n}: offsets must be whole numbers ({err})") from None
            ctext = text[content[0][0]:content[0][1]] if content else ""
            doc = docs.setdefault(did, GoldDoc(did, text))
            doc.attributions.append(GoldAttribution(chars(content, text), chars(source, text), chars(cue, text), ctext,
                                                    " ".join(text[s:e] for s, e in source), kind_of(ctext)))
    return list(docs.values())


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if inter else 0.0


def match(pred: list[frozenset[int]], gold: list[frozenset[int]], threshold: float) -> list[tuple[int, int]]:
    """One-to-one greedy matching of pred to gold by overlap at or above ``threshold``."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if p & g:
                o = jaccard(p, g)
                if o >= threshold:
                    pairs.append((o, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "pred": n_pred, "gold": n_gold}


def _speaker_ok(q, g: GoldAttribution, text: str) -> bool:
    """The predicted speaker names the gold source: the mention overlaps it, or
    the resolved name shares its last word with the gold source text."""
    if q.speaker_start is not None and g.source and set(range(q.speaker_start, q.speaker_end)) & g.source:
        return True
    if q.speaker and g.source_text:
        last = q.speaker.split()[-1].lower().strip(".,'’")
        return last in g.source_text.lower().replace("’s", "").replace("'s", "").split()
    return False


def cue_finder(cb: Codebook) -> Callable[[str], str | None]:
    """A function from a coded cue's text to the id of the codebook speech cue it holds
    ('has long argued' -> argue), or None when it holds none (lexicon.find: the extractor's forms and exclusions)."""
    from .lexicon import find

    def first(text: str) -> str | None:
        hits = find(cb, "speech_cues", text)
        return hits[0].entry.id if hits else None
    return first


def _span_text(chars_: frozenset[int], text: str) -> str:
    """The characters of a (possibly discontinuous) span, a space at each gap."""
    out, prev = [], None
    for c in sorted(chars_):
        if prev is not None and c != prev + 1:
            out.append(" ")
        out.append(text[c])
        prev = c
    return " ".join("".join(out).split())


def score_quotes(gold: list[GoldDoc], predictions: dict[str, list],
                 cue_id: Callable[[str], str | None] | None = None) -> dict:
    """Content P/R/F1 at each threshold and exact, speaker accuracy on matched
    quotes, speaker and cue span F1, and content recall by gold kind. With ``cue_id``
    (see cue_finder), also content recall by whether the coded cue is in the codebook,
    and the coded cues most often missing from it: what a codebook edit could reach."""
    res: dict = {"documents": len(gold)}
    totals = {t: [0, 0, 0] for t in (*THRESHOLDS, "exact")}
    by_kind: dict[str, list[int]] = {}
    by_cue: dict[str, list[int]] = {}
    unlisted: Counter = Counter()
    spk_ok = spk_n = 0
    sspan = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}
    cue = [0, 0, 0]
    for doc in gold:
        preds = predictions.get(doc.doc_id, [])
        pc = [chars([(q.start, q.end)], doc.text) for q in preds]
        gc = [g.content for g in doc.attributions]
        for t in THRESHOLDS:
            m = match(pc, gc, t)
            totals[t][0] += len(m)
            if t == THRESHOLDS[0]:
                for i, j in m:
                    g = doc.attributions[j]
                    spk_n += 1
                    spk_ok += _speaker_ok(preds[i], g, doc.text)
                matched_g = {j for _, j in m}
                for j, g in enumerate(doc.attributions):
                    k = by_kind.setdefault(g.kind, [0, 0])
                    k[0] += j in matched_g
                    k[1] += 1
                    if cue_id is not None:
                        cue_text = _span_text(g.cue, doc.text).lower()
                        group = "no cue coded" if not cue_text else "punctuation (colon, dash)" if not any(map(str.isalnum, cue_text)) \
                            else "in the codebook" if cue_id(cue_text) else "not in the codebook"
                        k = by_cue.setdefault(group, [0, 0])
                        k[0] += j in matched_g
                        k[1] += 1
                        if group == "not in the codebook":
                            unlisted[cue_text] += 1
        totals["exact"][0] += sum(1 for p in pc for g in gc if p == g)
        for t in totals:
            totals[t][1] += len(pc)
            totals[t][2] += len(gc)
        ps = sorted({(q.speaker_start, q.speaker_end) for q in preds if q.speaker_start is not None})
        psc = [chars([s], doc.text) for s in ps]
        gs = list({g.source for g in doc.attributions if g.source})
        sspan["exact"][0] += len(set(psc) & set(gs))
        sspan["overlap"][0] += len(match(psc, gs, SPEAKER_SPAN_THRESHOLD))
        for v in sspan.values():
            v[1] += len(psc)
            v[2] += len(gs)
        pcue = list({chars([(q.cue_start, q.cue_end)], doc.text) for q in preds if q.cue_start is not None})
        gcue = list({g.cue for g in doc.attributions if g.cue})
        cue[0] += len(match(pcue, gcue, 0.5))
        cue[1] += len(pcue)
        cue[2] += len(gcue)
    res["content"] = {str(t): prf(*v) for t, v in totals.items()}
    res["speaker_accuracy"] = {"accuracy": round(spk_ok / spk_n, 3) if spk_n else 0.0, "matched": spk_n}
    res["speaker_span"] = {k: prf(*v) for k, v in sspan.items()}
    res["cue"] = prf(*cue)
    res["recall_by_kind"] = {k: {"recall": round(v[0] / v[1], 3) if v[1] else 0.0, "gold": v[1]} for k, v in sorted(by_kind.items())}
    if cue_id is not None:
        res["recall_by_cue"] = {k: {"recall": round(v[0] / v[1], 3) if v[1] else 0.0, "gold": v[1]} for k, v in sorted(by_cue.items())}
        res["cues_not_in_codebook"] = dict(unlisted.most_common(TOP_UNLISTED))
    return res


def format_report(res: dict, title: str) -> str:
    lines = [f"# {title}", f"documents: {res['documents']}", "",
             "| measure | precision | recall | F1 | matched | predicted | gold |", "|---|---|---|---|---|---|---|"]
    for t, v in res["content"].items():
        name = "content exact" if t == "exact" else f"content overlap {t}"
        lines.append(f"| {name} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['tp']} | {v['pred']} | {v['gold']} |")
    for k, v in res["speaker_span"].items():
        lines.append(f"| speaker span {k} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['tp']} | {v['pred']} | {v['gold']} |")
    v = res["cue"]
    lines.append(f"| cue span | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['tp']} | {v['pred']} | {v['gold']} |")
    sa = res["speaker_accuracy"]
    lines += ["", f"speaker accuracy on matched quotes (overlap 0.3): {sa['accuracy']:.3f} of {sa['matched']}", "",
              "recall by kind (overlap 0.3): " + ", ".join(f"{k} {v['recall']:.3f} (n={v['gold']})" for k, v in res["recall_by_kind"].items())]
    if "recall_by_cue" in res:
        lines += ["recall by coded cue (overlap 0.3): "
                  + ", ".join(f"{k} {v['recall']:.3f} (n={v['gold']})" for k, v in res["recall_by_cue"].items()),
                  "coded cues most often not in the codebook: "
                  + (", ".join(f"'{k}' {n}" for k, n in res["cues_not_in_codebook"].items()) or "none")]
    return "\n".join(lines) + "\n"
