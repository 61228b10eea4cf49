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

    columns = {k: v for k, v in (("text", args.text_column), ("title", args.title_column), ("date", args.date_column),
                                  ("url", args.url_column), ("id", args.id_column), ("outlet", args.outlet_column)) if v}
    options = LoadOptions(columns=columns)
    if args.max_bytes is not None:
        options.max_bytes = args.max_bytes
    s = run(args.corpus, args.out, args.codebook, options, progress=None if not args.quiet else False)
    c = s.counts
    print(f"{c['articles']} articles, {c['quotes']} quotes, {c['mentions']} mentions, {s.errors} errors "
          f"in {s.seconds:.1f} s -> {args.out}/")
    return 0


def _codebook(args: argparse.Namespace) -> int:
    from .codebook import load_codebook, render

    sys.stdout.write(render(load_codebook(args.codebook)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description="Framing analysis of a news corpus.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="annotate a corpus and write every table to results/")
    r.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS, help="corpus folder or file (default: corpus/)")
    r.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: results/)")
    r.add_argument("--codebook", default=None, help="codebook folder (default: the packaged one)")
    for fld in ("text", "title", "date", "url", "id", "outlet"):
        r.add_argument(f"--{fld}-column", default=None, help=f"CSV/JSONL column that holds the {fld}")
    r.add_argument("--max-bytes", type=int, default=None, help="largest article accepted, in bytes (default 5,000,000)")
    r.add_argument("--quiet", action="store_true", help="no progress output")
    r.set_defaults(func=_run)
    c = sub.add_parser("codebook", help="print the codebook as a readable document")
    c.add_argument("--codebook", default=None, help="codebook folder (default: the packaged one)")
    c.set_defaults(func=_codebook)
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
