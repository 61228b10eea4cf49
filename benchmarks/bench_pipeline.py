"""Speed and memory of the whole pipeline, per engine and worker count (run by hand).

    FRAMING_SHARED=../shared python benchmarks/bench_pipeline.py [--replicate 20000 (0: case study only)] [--repeat 2] [--repeat-case 5] [--out benchmarks/RESULTS.md]

Runs `python -m analysis run` as a subprocess for each configuration on the
case-study corpus (1,796 items) and on it replicated to --replicate articles,
samples the resident memory of the whole process tree (workers included) every
0.1 s, and reports articles/s, words/s per core, peak memory, and the speed-up
against the serial engine measured in the same run. With --repeat N each
configuration runs N times, the configurations taking turns, and the fastest run
counts (timings on a shared machine vary by 10-20% from minute to minute; the
minimum is the least disturbed, and taking turns spreads a slow spell over all
configurations instead of one). A last run
repeats the case-study run with nothing changed, to time a cached re-run.

To see where the time goes: python -m pyinstrument -m analysis run CORPUS --no-cache
"""
from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
csv.field_size_limit(2**31 - 1)
CONFIGS = [("serial", 1), ("processes", 1), ("processes", 2), ("dask", 1), ("dask", 2)]


def replicate(src: Path, dst: Path, n: int) -> int:
    """Write n articles cycling through the case-study rows, each with its own id."""
    rows = []
    for f in sorted(src.glob("*.csv")):
        with open(f, encoding="utf-8", newline="") as fh:
            rows += [(f.stem, r) for r in csv.DictReader(fh)]
    dst.mkdir(parents=True, exist_ok=True)
    with open(dst / "replicated.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "outlet", "headline", "date", "body"])
        for i in range(n):
            outlet, r = rows[i % len(rows)]
            w.writerow([f"r{i:07d}", outlet, r["headline"], r["date"], r["body"]])
    return n


def measure(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the process tree."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    peak = 0
    while True:
        try:
            procs = [ps] + ps.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        try:  # wakes the moment the run ends: a plain sleep added up to 0.1 s to every run
            proc.wait(timeout=0.1)
            break
        except subprocess.TimeoutExpired:
            pass
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    return secs, peak / 1e6


def words_in(corpus: Path) -> int:
    n = 0
    for f in corpus.glob("*.csv"):
        with open(f, encoding="utf-8", newline="") as fh:
            n += sum(len((r.get("body") or "").split()) + len((r.get("headline") or "").split()) for r in csv.DictReader(fh))
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--replicate", type=int, default=20_000, help="articles in the replicated corpus (0: case study only)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per configuration; the fastest counts")
    ap.add_argument("--repeat-case", type=int, default=None,
                    help="runs per configuration on the case study (short runs: more of them cost little; default --repeat)")
    ap.add_argument("--out", default=None, help="also write the Markdown table to this file")
    args = ap.parse_args()
    shared = os.environ.get("FRAMING_SHARED")
    if not shared:
        raise SystemExit("set FRAMING_SHARED to the shared data folder (it holds corpora/kremlin-zelensky)")
    case = Path(shared) / "corpora" / "kremlin-zelensky"
    tmp = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    corpora = [("case study", case, 1796, args.repeat_case or args.repeat)]
    if args.replicate > 0:
        big = tmp / "replicated"
        replicate(case, big, args.replicate)
        corpora.append((f"replicated x{args.replicate:,}", big, args.replicate, args.repeat))
    lines = ["| corpus | engine | workers | seconds | articles/s | articles/s per core | words/s per core | peak MB | speed-up vs serial | all runs (s) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for label, corpus, n, repeat in corpora:
        words = words_in(corpus)
        runs: dict[tuple[str, int], list[tuple[float, float]]] = {c: [] for c in CONFIGS}
        # configurations take turns, so that a slow spell of the shared machine falls on all of them
        repeat = max(1, repeat)
        for r in range(repeat):
            for engine, workers in CONFIGS:
                out = tmp / f"out-{engine}-{workers}"
                secs, peak = measure([sys.executable, "-m", "analysis", "run", str(corpus), "--out", str(out),
                                      "--engine", engine, "--workers", str(workers), "--no-cache", "--quiet"])
                runs[engine, workers].append((secs, peak))
                print(f"{label}, {engine} x{workers}, run {r + 1} of {repeat}: {secs:.1f} s", file=sys.stderr, flush=True)
        base = None
        for engine, workers in CONFIGS:
            done = runs[engine, workers]
            secs, peak = min(r[0] for r in done), max(r[1] for r in done)
            base = base or secs
            rate = n / secs
            line = (f"| {label} | {engine} | {workers} | {secs:.1f} | {rate:.0f} | {rate / workers:.0f} | "
                    f"{words / secs / workers:,.0f} | {peak:.0f} | {base / secs:.2f}x | "
                    f"{', '.join(f'{r[0]:.1f}' for r in done)} |")
            print(line, flush=True)
            lines.append(line)
    out = tmp / "cached"
    measure([sys.executable, "-m", "analysis", "run", str(case), "--out", str(out), "--quiet"])
    secs, peak = measure([sys.executable, "-m", "analysis", "run", str(case), "--out", str(out), "--quiet"])
    line = f"| case study, nothing changed (cache) | serial | 1 | {secs:.1f} | {1796 / secs:.0f} | | | {peak:.0f} | | |"
    print(line)
    lines.append(line)
    info = (f"\nMachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d')}; "
            f"fastest of {args.repeat_case or args.repeat} (case study)"
            + (f" and {args.repeat} ({args.replicate:,} articles)" if args.replicate > 0 else "")
            + " runs per configuration, taken in turns; peak memory the highest.\n")
    if args.out:
        Path(args.out).write_text("\n".join(lines) + "\n" + info, encoding="utf-8")


if __name__ == "__main__":
    main()
