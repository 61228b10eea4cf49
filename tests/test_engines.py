"""Corpus-scale runs: engines write identical tables; cache, resume, faults, progress."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.pipeline import run
from analysis.tables import TABLES
from conftest import ROOT, SEED_PATH

PASSAGES = [
    "Kharkiv was shelled overnight by Russian forces, the regional governor said.",
    '"We will not give up Kharkiv," Zelensky said on Monday, accusing Moscow of war crimes.',
    "Russia blamed Kyiv for the attack on the bridge, and Lavrov said that talks had failed.",
    "The so-called special military operation entered its third month, officials said.",
]


def make_corpus(folder: Path, n: int) -> Path:
    """n real-text articles: the seed's news paragraphs and written passages, varied by index."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = SEED_PATH.read_text(encoding="utf-8").split("Sign up for our")[0]
    for i in range(n):
        body = seed if i % 3 == 0 else "\n\n".join(PASSAGES[(i + k) % len(PASSAGES)] for k in range(3))
        (folder / f"a{i:05d}.txt").write_text(f"Report number {i}\n\n{body}\nIssue {i}.", encoding="utf-8")
    return folder


def table_bytes(out: Path) -> dict[str, bytes]:
    return {f"{t}.{ext}": (out / f"{t}.{ext}").read_bytes() for t in TABLES for ext in ("csv", "parquet")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus"), 120)


@pytest.fixture(scope="module")
def serial_out(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    run(corpus, out, engine="serial", cache=False, progress=False, batch_size=25)
    return out


def test_process_engine_writes_identical_tables(corpus, serial_out, tmp_path):
    s = run(corpus, tmp_path, engine="processes", workers=2, cache=False, progress=False, batch_size=25)
    assert s.counts["articles"] == 120
    assert table_bytes(tmp_path) == table_bytes(serial_out)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("start", ["default (fork on Linux)", "spawn"])
def test_dask_local_cluster_writes_identical_tables(corpus, serial_out, tmp_path, monkeypatch, start):
    pytest.importorskip("dask.distributed")
    if start == "spawn":  # the documented opt-out of forked workers
        monkeypatch.setenv("DASK_DISTRIBUTED__WORKER__MULTIPROCESSING_METHOD", "spawn")
    s = run(corpus, tmp_path, engine="dask", workers=2, cache=False, progress=False, batch_size=25)
    assert s.engine == "dask" and s.counts["articles"] == 120
    assert table_bytes(tmp_path) == table_bytes(serial_out)


def test_rerun_comes_from_cache_and_codebook_change_recomputes(corpus, serial_out, tmp_path):
    import shutil

    from analysis.codebook import DEFAULT_PATH
    first = run(corpus, tmp_path, progress=False, batch_size=25)
    assert first.cached == 0
    again = run(corpus, tmp_path, progress=False, batch_size=25)
    assert again.cached == 120
    assert table_bytes(tmp_path) == table_bytes(serial_out)
    cb = tmp_path / "cb"
    shutil.copytree(DEFAULT_PATH, cb)
    with open(cb / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write("governor,The regional governor,ukraine,person,,the regional governor\n")
    changed = run(corpus, tmp_path, codebook=cb, progress=False, batch_size=25)
    assert changed.cached == 0
    quotes = pd.read_parquet(tmp_path / "quotes.parquet")
    assert "governor" in set(quotes.speaker_actor.dropna())


def test_killed_run_resumes_to_the_same_tables(tmp_path):
    corpus = make_corpus(tmp_path / "c", 400)
    full = tmp_path / "full"
    run(corpus, full, cache=False, progress=False, batch_size=10)
    out = tmp_path / "killed"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "run", str(corpus), "--out", str(out), "--batch-size", "10",
                             "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and len(list((out / ".cache").rglob("*.json"))) < 100:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = len(list((out / ".cache").rglob("*.json")))
    assert 100 <= done < 400, "the run should have been killed halfway"
    resumed = run(corpus, out, progress=False, batch_size=10)
    assert resumed.cached >= 100
    assert table_bytes(out) == table_bytes(full)


def test_a_worker_that_dies_costs_only_its_article(tmp_path, monkeypatch):
    import analysis.pipeline as pipeline
    real = pipeline.process_article

    def poisoned(article, cb):
        if article.doc_id == "a00007":
            os._exit(1)  # the worker process dies
        return real(article, cb)

    corpus = make_corpus(tmp_path / "c", 40)
    monkeypatch.setattr(pipeline, "process_article", poisoned)  # forked workers inherit the patch
    s = run(corpus, tmp_path / "out", engine="processes", workers=2, cache=False, progress=False, batch_size=10)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert list(errors.doc_id) == ["a00007"] and "worker died" in errors.reason[0]
    assert s.counts["articles"] == 39


def test_faulty_corpus_finishes_with_every_failure_recorded(tmp_path):
    corpus = make_corpus(tmp_path / "c", 200)
    (corpus / "bad_bytes.txt").write_bytes(b"\xff\xfe bad \x80 bytes")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (corpus / "huge.txt").write_bytes(b"Kyiv said. " * 5_000_000)  # 55 MB
    s = run(corpus, tmp_path / "out", engine="processes", workers=2, progress=False)
    assert s.counts["articles"] == 200
    assert set(pd.read_csv(tmp_path / "out" / "errors.csv").doc_id) == {"bad_bytes", "binary", "huge"}


def test_file_deleted_mid_run_is_an_error(tmp_path):
    from analysis.corpus import iter_corpus
    from analysis.records import ErrorRecord
    corpus = make_corpus(tmp_path / "c", 5)
    items = iter_corpus(corpus)
    next(items)
    (corpus / "a00003.txt").unlink()
    rest = list(items)
    [err] = [r for r in rest if isinstance(r, ErrorRecord)]
    assert err.doc_id == "a00003" and "cannot read file" in err.reason


@pytest.mark.timeout(600)
def test_ten_thousand_tiny_files(tmp_path):
    corpus = tmp_path / "tiny"
    corpus.mkdir()
    for i in range(10_000):
        (corpus / f"t{i:05d}.txt").write_text(f"Kyiv said Russian troops shelled Kharkiv {i}.", encoding="utf-8")
    s = run(corpus, tmp_path / "out", engine="processes", workers=2, cache=False, progress=False, batch_size=500)
    assert s.counts["articles"] == 10_000 and s.errors == 0
    assert s.counts["harm"] == 10_000


def test_progress_is_quiet_when_not_a_terminal(tmp_path):
    corpus = make_corpus(tmp_path / "c", 30)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-m", "analysis", "run", str(corpus), "--out", str(tmp_path / "o"), "--batch-size", "5"],
                         env=env, capture_output=True, text=True)
    assert res.returncode == 0 and res.stderr == ""
    assert res.stdout.count("\n") == 1 and "articles/s" in res.stdout


def test_unknown_engine_and_bad_workers_are_user_errors(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-m", "analysis", "run", "corpus", "--out", str(tmp_path / "o"), "--engine",
                          "processes", "--workers", "0"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert res.returncode == 2 and res.stderr.startswith("error: --workers must be at least 1")


def test_codebook_edited_during_a_run_is_reported_not_mixed(tmp_path):
    import shutil

    from analysis.codebook import DEFAULT_PATH, load_codebook
    from analysis.engines import process_batch
    from analysis.corpus import iter_corpus
    cb_dir = tmp_path / "cb"
    shutil.copytree(DEFAULT_PATH, cb_dir)
    started_with = load_codebook(cb_dir).hash
    with open(cb_dir / "actors.csv", "a", encoding="utf-8") as fh:  # edited after the run began
        fh.write("editor,An Editor,west,person,,An Editor\n")
    articles = [a for a in iter_corpus(make_corpus(tmp_path / "c", 2))]
    out = process_batch(articles, str(cb_dir), started_with)
    assert [r["error"] for r in out] == ["the codebook files changed during the run; run again to use the new codebook"] * 2


def _poison_plugin(doc_id):
    """A Dask worker plugin that makes the workers' process_article kill its process on one
    article (monkeypatching in the test process does not reach spawned Dask workers)."""
    from distributed import WorkerPlugin

    class PoisonInWorkers(WorkerPlugin):
        def __init__(self, doc_id):
            self.doc_id = doc_id

        def setup(self, worker):
            import analysis.pipeline as pipeline
            real, doc_id = pipeline.process_article, self.doc_id

            def poisoned(article, cb):
                if article.doc_id == doc_id:
                    os._exit(1)
                return real(article, cb)

            pipeline.process_article = poisoned

    return PoisonInWorkers(doc_id)


@pytest.mark.timeout(300)
def test_a_dask_worker_that_dies_costs_only_its_article(tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed")
    from analysis import engines

    real_init = engines.DaskEngine.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self._client.register_plugin(_poison_plugin("a00007"), name="poison")

    monkeypatch.setattr(engines.DaskEngine, "__init__", init)
    corpus = make_corpus(tmp_path / "c", 30)
    s = run(corpus, tmp_path / "out", engine="dask", workers=2, cache=False, progress=False, batch_size=10)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert list(errors.doc_id) == ["a00007"] and "worker died" in errors.reason[0]
    assert s.counts["articles"] == 29


def test_set_up_work_runs_while_the_first_batches_compute(corpus):
    """The main process opens the tables while the workers compute the first window of
    batches, instead of taking a core from them later; results still come back in order."""
    from analysis.codebook import load_codebook
    from analysis.corpus import iter_corpus
    from analysis.engines import make_engine

    articles = list(iter_corpus(corpus))[:40]
    batches = [articles[i:i + 5] for i in range(0, 40, 5)]
    with make_engine("processes", None, load_codebook(None).hash, 2) as eng:
        submitted, opened = [], []
        submit = eng.submit
        eng.submit = lambda batch: (submitted.append(batch), submit(batch))[1]
        results = list(eng.imap(batches, meanwhile=lambda: opened.append(len(submitted))))
    assert opened == [eng.window_per_worker * 2]
    assert [r["doc_id"] for rs in results for r in rs] == [a.doc_id for a in articles]


def test_a_parallel_run_hands_out_the_end_of_the_corpus_in_small_tasks(corpus, tmp_path, monkeypatch):
    """With two workers the last articles go out in tasks of a fifth of the size, so that
    one worker does not sit idle while the other computes a full last task; a serial run
    keeps full tasks. Every article is computed once, in corpus order."""
    from analysis import engines

    sizes, ids = [], []
    submit = engines.ProcessEngine.submit

    def spy(self, batch):
        sizes.append(len(batch))
        ids.extend(a.doc_id for a in batch)
        return submit(self, batch)

    monkeypatch.setattr(engines.ProcessEngine, "submit", spy)
    s = run(corpus, tmp_path, engine="processes", workers=2, cache=False, progress=False, batch_size=25)
    assert s.counts["articles"] == 120
    assert sizes == [25, 25] + [5] * 14   # the last 50 to 74 articles: the end is known 50 ahead
    assert ids == sorted(ids) and len(set(ids)) == 120


def test_a_serial_run_keeps_full_tasks_to_the_end():
    from analysis.pipeline import _batches

    assert [len(b) for b in _batches(iter(range(120)), 25)] == [25, 25, 25, 25, 20]
    assert [x for b in _batches(iter(range(120)), 25, tail=50) for x in b] == list(range(120))
