"""Command line: ``python -m analysis run|codebook|...`` (also the ``framing`` script)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import UserError

DEFAULT_CORPUS = "corpus"
DEFAULT_OUT = "results"


def _run(args: argparse.Namespace) -> int:
    from .corpus import LoadOptions
    from .pipeline import run

    columns = {k: v for k, v in (("text", args.text_column), ("title", args.title_column), ("lede", args.lede_column),
                                  ("date", args.date_column), ("url", args.url_column), ("id", args.id_column),
                                  ("outlet", args.outlet_column)) if v}
    options = LoadOptions(columns=columns)
    if args.max_bytes is not None:
        options.max_bytes = args.max_bytes
    s = run(args.corpus, args.out, args.codebook, options, progress=None if not args.quiet else False,
            engine=args.engine, workers=args.workers, scheduler=args.scheduler, cache=not args.no_cache,
            batch_size=args.batch_size)
    c = s.counts
    rate = c["articles"] / s.seconds if s.seconds else 0
    print(f"{c['articles']} articles, {c['quotes']} quotes, {c['mentions']} mentions, {s.errors} errors "
          f"in {s.seconds:.1f} s ({rate:.0f} articles/s, {s.cached} from cache, engine {s.engine}) -> {args.out}/")
    return 0


def _codebook(args: argparse.Namespace) -> int:
    from .codebook import load_codebook, render

    sys.stdout.write(render(load_codebook(args.codebook)))
    return 0


def _first_line_end(text: str) -> int | None:
    """End of the text's first line, when there is one and more follows."""
    end = text.find("\n")
    return end if end > 0 and text[end:].strip() else None


def _evaluate(args: argparse.Namespace) -> int:
    import json

    if args.what == "sheet":
        if not args.file:
            raise UserError("evaluate sheet needs the filled coding sheet: python -m analysis evaluate sheet FILE")
        return _sheet(args)
    if not args.gold:
        raise UserError("evaluate quotes needs --gold: a brat folder or a CSV gold file")

    from .codebook import load_codebook
    from .corpus import iter_corpus
    from .document import prepare
    from .evaluate import cue_finder, format_report, load_brat, load_csv_gold, score_quotes
    from .quotes import extract_quotes
    from .records import Article
    from .zones import detect_zones

    cb = load_codebook(args.codebook)
    gold_path = Path(args.gold)
    if gold_path.is_dir():
        gold = load_brat(gold_path)
        articles = [Article(g.doc_id, g.text, g.doc_id, {}, detect_zones(g.text, headline_end=_first_line_end(g.text)
                                                                         if args.first_line_headline else None))
                    for g in gold]
    else:
        if not args.corpus:
            raise UserError("a CSV gold file needs --corpus: the corpus its doc_ids and offsets refer to")
        articles = [a for a in iter_corpus(args.corpus) if isinstance(a, Article)]
        gold = load_csv_gold(gold_path, {a.doc_id: a.text for a in articles})
        wanted = {g.doc_id for g in gold}
        articles = [a for a in articles if a.doc_id in wanted]
    if args.limit:
        gold, articles = gold[:args.limit], articles[:args.limit]
    preds = {a.doc_id: extract_quotes(prepare(a, cb), cb) for a in articles}
    res = score_quotes(gold, preds, cue_finder(cb))
    sys.stdout.write(format_report(res, f"Quotes against {gold_path}"))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def _sample(args: argparse.Namespace) -> int:
    from .sampling import coding_sheet, write_sheets

    out = Path(args.out or f"coding/{args.table.replace(',', '_')}_sample.csv")
    df = coding_sheet(args.results, args.table, args.n, args.seed, [c for c in (args.stratify or "").split(",") if c])
    paths = write_sheets(df, out, args.coders)
    what = "the frame_* columns" if args.table == "articles" else "the 'correct' column"
    print(f"{len(df)} items -> {', '.join(map(str, paths))} (fill {what} with y or n)")
    return 0


def _sheet(args: argparse.Namespace) -> int:
    from .sampling import read_sheet, sheet_precision

    table = sheet_precision(read_sheet(args.file))
    sys.stdout.write(table.to_markdown(index=False) if _has_tabulate() else table.to_string(index=False))
    print()
    return 0


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True


def _figures(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")  # files only: no display needed
    from .plots import export_all

    if not Path(args.results).is_dir():
        raise UserError(f"no results folder {args.results}; run `python -m analysis run` first or pass --results")
    paths = export_all(args.results, args.out, args.credit)
    print(f"{len(paths)} files -> {args.out}/")
    return 0


def _view(args: argparse.Namespace) -> int:
    from .view import save_article_html

    path = save_article_html(args.results, args.out, args.doc_id)
    print(f"article view -> {path}")
    return 0


def _frames(args: argparse.Namespace) -> int:
    import json

    from .codebook import load_codebook
    from .frames import MODEL_PATH, coder_alpha, cross_validate, fit, read_labels, save_model

    texts, labels, _ = read_labels(args.labels, args.text_column)
    if args.action == "train":
        out = Path(args.out or MODEL_PATH)
        save_model(fit(texts, labels), out)
        print(f"frames model for {', '.join(labels)} trained on {len(texts)} articles -> {out}")
        return 0
    res = cross_validate(texts, labels, load_codebook(args.codebook), k=args.folds)
    if args.annotations:
        res["coders_alpha"] = coder_alpha(args.annotations)
    frames = list(labels)
    print(f"{args.folds}-fold cross-validation on {res['n']} articles (F1 per frame)")
    print("| method | " + " | ".join(frames) + " | macro |")
    print("|---" * (len(frames) + 2) + "|")
    for kind in ("always_present", "dictionary", "classifier"):
        print(f"| {kind} | " + " | ".join(f"{res[kind][f]:.3f}" for f in frames) + f" | {res[kind]['macro']:.3f} |")
    if "coders_alpha" in res:
        alphas = res["coders_alpha"]["per_frame"]
        print("| coders' alpha (mean over the frame's questions) | " + " | ".join(f"{alphas.get(f, float('nan')):.3f}" for f in frames) + " | |")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def _agreement(args: argparse.Namespace) -> int:
    from .agreement import read_sheets, report

    table = report(read_sheets(args.sheets))
    sys.stdout.write(table.round(3).to_string(index=False) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description="Framing analysis of a news corpus.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="annotate a corpus and write every table to results/")
    r.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS, help="corpus folder or file (default: corpus/)")
    r.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: results/)")
    r.add_argument("--codebook", default=None, help="codebook folder (default: the packaged one)")
    for fld in ("text", "title", "lede", "date", "url", "id", "outlet"):
        r.add_argument(f"--{fld}-column", default=None, help=f"CSV/JSONL column that holds the {fld}")
    r.add_argument("--max-bytes", type=int, default=None, help="largest article accepted, in bytes (default 5,000,000)")
    r.add_argument("--quiet", action="store_true", help="no progress output")
    r.add_argument("--engine", default="serial", choices=["serial", "processes", "dask"],
                   help="serial (default), processes (a local pool) or dask (LocalCluster or --scheduler)")
    r.add_argument("--workers", type=int, default=2, help="worker processes for processes/dask (default 2)")
    r.add_argument("--scheduler", default=None, help="dask: address of an existing cluster, e.g. tcp://host:8786")
    r.add_argument("--no-cache", action="store_true", help="recompute every article (the cache is OUT/.cache)")
    from .engines import DaskEngine, Engine

    r.add_argument("--batch-size", type=int, default=None,
                   help=f"articles per task (default: {Engine.task_size}, or {DaskEngine.task_size} with dask, "
                        "whose tasks cost more to schedule; with several workers the last tasks hold a fifth of it)")
    r.set_defaults(func=_run)
    c = sub.add_parser("codebook", help="print the codebook as a readable document")
    c.add_argument("--codebook", default=None, help="codebook folder (default: the packaged one)")
    c.set_defaults(func=_codebook)
    sm = sub.add_parser("sample", help="draw a coding sheet of extracted rows for human coders")
    sm.add_argument("--table", required=True,
                    help="quotes, justifications, blame, harm, markers, mentions or articles (frame questions); several: comma-separated")
    sm.add_argument("--coders", type=int, default=1, help="write one identical sheet per coder (default 1)")
    sm.add_argument("--n", type=int, default=50, help="number of items (default 50)")
    sm.add_argument("--results", default=DEFAULT_OUT, help="results folder written by run (default: results/)")
    sm.add_argument("--seed", type=int, default=20240517, help="random seed (default 20240517)")
    sm.add_argument("--stratify", default="", help="comma-separated columns to spread the sample over: outlet, side, rule ...")
    sm.add_argument("--out", default=None, help="sheet path, .csv or .xlsx (default: coding/TABLE_sample.csv)")
    sm.set_defaults(func=_sample)
    f = sub.add_parser("figures", help="write every chart to figures/ as PNG and SVG")
    f.add_argument("--results", default=DEFAULT_OUT, help="results folder written by run (default: results/)")
    f.add_argument("--out", default="figures", help="output folder (default: figures/)")
    f.add_argument("--credit", default="", help="a source credit printed on every figure")
    f.set_defaults(func=_figures)
    v = sub.add_parser("view", help="write one article as HTML with every feature highlighted")
    v.add_argument("doc_id", nargs="?", default=None, help="the article (default: the first)")
    v.add_argument("--results", default=DEFAULT_OUT, help="results folder written by run (default: results/)")
    v.add_argument("--out", default="figures/article_view.html", help="HTML file (default: figures/article_view.html)")
    v.set_defaults(func=_view)
    fr = sub.add_parser("frames", help="train or cross-validate the generic-frames classifier")
    fr.add_argument("action", choices=["train", "evaluate"])
    fr.add_argument("--labels", required=True, help="CSV/TSV of coded articles: a text column and 0/1 frame columns")
    fr.add_argument("--text-column", default=None, help="the column that holds the text (default: text/body/content)")
    fr.add_argument("--out", default=None, help="train: where to write the model (default: the packaged model)")
    fr.add_argument("--folds", type=int, default=5, help="evaluate: cross-validation folds (default 5)")
    fr.add_argument("--annotations", default=None, help="evaluate: coders' raw answers (narrative-framing full_annotations.json)")
    fr.add_argument("--codebook", default=None, help="codebook folder (default: the packaged one)")
    fr.add_argument("--json", default=None, help="evaluate: also write the scores to this JSON file")
    fr.set_defaults(func=_frames)
    ag = sub.add_parser("agreement", help="Krippendorff's alpha between coders and the machine from filled coding sheets")
    ag.add_argument("sheets", nargs="+", help="filled coding sheets, one per coder (CSV or XLSX)")
    ag.set_defaults(func=_agreement)
    e = sub.add_parser("evaluate", help="score extraction against human coding")
    e.add_argument("what", choices=["quotes", "sheet"], help="quotes: against gold spans; sheet: a filled coding sheet")
    e.add_argument("file", nargs="?", default=None, help="with 'sheet': the filled coding sheet")
    e.add_argument("--gold", default=None, help="brat folder (text/, attributions/) or a CSV gold file")
    e.add_argument("--corpus", default=None, help="with a CSV gold file: the corpus its doc_ids refer to")
    e.add_argument("--codebook", default=None, help="codebook folder (default: the packaged one)")
    e.add_argument("--first-line-headline", action="store_true",
                   help="with a brat folder: the first line of each text is its headline (PolNeAR's texts open with theirs; "
                        "a corpus run learns it from a title column or metadata)")
    e.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    e.add_argument("--json", default=None, help="also write the scores to this JSON file")
    e.set_defaults(func=_evaluate)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
