"""The main command: run writes every table of the contract; user mistakes exit 2 with one line."""
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from analysis.tables import TABLES, table_columns
from conftest import ROOT


def cli(*args, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_run_on_default_corpus_writes_every_table(tmp_path):
    out = tmp_path / "results"
    res = cli("run", "corpus", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("1 articles,")
    for name in TABLES:
        csv_df = pd.read_csv(out / f"{name}.csv")
        pq_df = pd.read_parquet(out / f"{name}.parquet")
        assert list(csv_df.columns)[:len(table_columns(name))] == table_columns(name)
        assert len(csv_df) == len(pq_df)
    info = json.loads((out / "run.json").read_text())
    assert info["counts"]["articles"] == 1 and info["errors"] == 0
    assert {"version", "codebook_hash", "corpus_hash", "seconds"} <= set(info)
    texts = pd.read_parquet(out / "texts.parquet")
    mentions = pd.read_parquet(out / "mentions.parquet")
    text = texts.text[0]
    assert all(text[r.start:r.end] == r.text for r in mentions.itertuples())


def test_run_is_deterministic(tmp_path):
    for d in ("a", "b"):
        assert cli("run", "corpus", "--out", str(tmp_path / d), "--quiet").returncode == 0
    for name in TABLES:
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (tmp_path / "b" / f"{name}.csv").read_bytes()


def test_broken_documents_go_to_errors_table(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Kyiv said Russian troops shelled Kharkiv.", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\x00\x01")
    res = cli("run", str(corpus), "--out", str(tmp_path / "r"))
    assert res.returncode == 0, res.stderr
    errors = pd.read_csv(tmp_path / "r" / "errors.csv")
    assert list(errors.doc_id) == ["bad"] and "binary" in errors.reason[0]
    assert list(pd.read_csv(tmp_path / "r" / "articles.csv").doc_id) == ["ok"]


@pytest.mark.parametrize("args, message", [
    (("run", "no/such/folder"), "error: corpus not found: no/such/folder"),
    (("run", "corpus", "--codebook", "no/such/codebook"), "error: codebook error in no/such/codebook: no such folder"),
])
def test_user_mistakes_give_one_line_and_exit_2(tmp_path, args, message):
    res = cli(*args, "--out", str(tmp_path / "r")) if args[0] == "run" else cli(*args)
    assert res.returncode == 2
    assert res.stderr.strip().splitlines() == [res.stderr.strip()]
    assert res.stderr.startswith(message)
    assert "Traceback" not in res.stderr


def test_codebook_command_prints_document():
    res = cli("codebook")
    assert res.returncode == 0
    assert "# Codebook" in res.stdout and "| putin | Vladimir Putin | russia |" in res.stdout


def test_case_study_runs_without_errors(shared, tmp_path):
    res = cli("run", str(shared / "corpora" / "kremlin-zelensky"), "--out", str(tmp_path / "kz"), "--quiet")
    assert res.returncode == 0, res.stderr
    info = json.loads((tmp_path / "kz" / "run.json").read_text())
    assert info["counts"]["articles"] == 1796
    assert info["errors"] == 0, pd.read_csv(tmp_path / "kz" / "errors.csv").head().to_string()
