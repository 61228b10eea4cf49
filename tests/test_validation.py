"""Validation: coding sheets round trip, Krippendorff's alpha, machine vs coders, generic frames."""
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from analysis.agreement import alpha_interval, alpha_nominal, majority, read_sheets, report
from analysis.pipeline import run
from analysis.sampling import coding_sheet, write_sheets
from conftest import ROOT

NAN = np.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders, 12 units, nominal alpha 0.743
K2011 = np.array([[1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
                  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
                  [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
                  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN]])
# the 3-coder, 15-unit example (Krippendorff's reliability data; nominal alpha 0.691)
K3 = np.array([[NAN, NAN, NAN, NAN, NAN, 3, 4, 1, 2, 1, 1, 3, 3, NAN, 3],
               [1, NAN, 2, 1, 3, 3, 4, 3, NAN, NAN, NAN, NAN, NAN, NAN, NAN],
               [NAN, NAN, 2, 1, 3, 4, 4, NAN, 2, 1, 1, 3, 3, NAN, 4]])


def alpha_by_hand(data):
    """Nominal alpha from the coincidence matrix, written out as in Krippendorff (2011)."""
    values = sorted({v for v in data.ravel() if not np.isnan(v)})
    idx = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for unit in data.T:
        vals = [v for v in unit if not np.isnan(v)]
        m = len(vals)
        if m < 2:
            continue
        for a in range(m):
            for b in range(m):
                if a != b:
                    o[idx[vals[a]], idx[vals[b]]] += 1 / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    d_o = o.sum() - np.trace(o)
    d_e = (n * n - (n_c ** 2).sum()) / (n - 1)
    return 1 - d_o / d_e


@pytest.mark.parametrize("data, expected", [(K2011, 0.743), (K3, 0.691)])
def test_alpha_matches_the_worked_examples(data, expected):
    assert alpha_nominal(data) == pytest.approx(expected, abs=0.0005)
    assert alpha_by_hand(data) == pytest.approx(expected, abs=0.0005)


def test_alpha_interval_brackets_the_estimate():
    est, lo, hi = alpha_interval(K2011, n_boot=300)
    assert lo <= est <= hi and hi - lo > 0.05


def test_majority_and_ties():
    codes = np.array([[1, 1, 0, NAN], [1, 0, 0, 1], [0, 1, NAN, NAN]])
    assert list(np.nan_to_num(majority(codes), nan=-1)) == [1, 1, 0, 1]
    assert np.isnan(majority(np.array([[1.0], [0.0]])))[0]


@pytest.fixture(scope="module")
def seed_results(tmp_path_factory):
    out = tmp_path_factory.mktemp("r")
    run(ROOT / "corpus", out, progress=False)
    return out


def test_coding_sheet_has_context_and_blank_coder_columns(seed_results):
    sheet = coding_sheet(seed_results, "quotes,blame", n=5, stratify=["side"])
    assert set(sheet["table"]) == {"quotes", "blame"}
    assert (sheet["correct"] == "").all()
    row = sheet[sheet["table"] == "quotes"].iloc[0]
    assert row["text"] in row["paragraph"] and row["sentence"]
    assert sheet["item_id"].is_unique


def test_round_trip_two_coders_and_the_machine(seed_results, tmp_path):
    sheet = coding_sheet(seed_results, "articles", n=1)
    assert sheet.filter(like="machine_frame_").notna().all().all()
    paths = write_sheets(sheet, tmp_path / "frames.csv", coders=2)
    assert [p.name for p in paths] == ["frames_coder1.csv", "frames_coder2.csv"]
    # two coders agree on conflict (yes) and disagree on morality
    for p, morality in zip(paths, ["y", "n"]):
        df = pd.read_csv(p, dtype=str, keep_default_na=False)
        df["frame_conflict"], df["frame_morality"] = "y", morality
        df.to_csv(p, index=False)
    sheets = read_sheets(paths)
    assert sheets.coders == ["frames_coder1", "frames_coder2"]
    assert set(sheets.variables) == {"frame_conflict", "frame_morality"} | {f"frame_{f}" for f in
                                      ("responsibility", "human_interest", "economic")}
    rep = report(sheets).set_index("variable")
    assert rep.loc["frame_conflict", "items"] == 1
    machine = sheet["machine_frame_conflict"].iloc[0]
    expected_precision = 1.0 if machine == "y" else float("nan")
    assert rep.loc["frame_conflict", "precision"] == pytest.approx(expected_precision, nan_ok=True)


def test_agreement_command_on_extraction_sheets(seed_results, tmp_path):
    sheet = coding_sheet(seed_results, "quotes", n=9)
    a, b = sheet.copy(), sheet.copy()
    a["correct"] = ["y"] * 8 + ["n"]
    b["correct"] = ["y"] * 7 + ["n", "n"]
    a.to_csv(tmp_path / "a.csv", index=False)
    b.to_csv(tmp_path / "b.csv", index=False)
    res = subprocess.run([sys.executable, "-m", "analysis", "agreement", str(tmp_path / "a.csv"), str(tmp_path / "b.csv")],
                         cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    line = next(ln for ln in res.stdout.splitlines() if ln.strip().startswith("correct"))
    expected = alpha_nominal(np.array([[1] * 8 + [0], [1] * 7 + [0, 0]], dtype=float))
    assert f"{expected:.3f}" in line
    # the machine's precision against the coders' majority: 7 of the 8 items with a majority
    assert "0.875" in line


def test_bad_codes_are_a_user_error(seed_results, tmp_path):
    sheet = coding_sheet(seed_results, "quotes", n=2)
    sheet["correct"] = ["maybe", "y"]
    sheet.to_csv(tmp_path / "x.csv", index=False)
    res = subprocess.run([sys.executable, "-m", "analysis", "agreement", str(tmp_path / "x.csv")], cwd=ROOT,
                         capture_output=True, text=True)
    assert res.returncode == 2 and "cannot read the code 'maybe'" in res.stderr


def test_frames_in_the_articles_table(seed_results):
    arts = pd.read_parquet(seed_results / "articles.parquet")
    probs = arts.filter(regex=r"^frame_[a-z_]+(?<!_dict)$").iloc[0]
    assert len(probs) == 5 and ((probs >= 0) & (probs <= 1)).all()
    assert arts["frame_conflict_dict"].iloc[0] > 0  # "war", "conflict", "attacks" ...


def test_frames_cross_validation_on_narrative_framing(shared, tmp_path):
    res = subprocess.run([sys.executable, "-m", "analysis", "frames", "evaluate", "--labels",
                          str(shared / "gold" / "narrative-framing" / "articles_metadata.tsv"), "--annotations",
                          str(shared / "gold" / "narrative-framing" / "full_annotations.json"), "--json", str(tmp_path / "cv.json")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    import json
    cv = json.loads((tmp_path / "cv.json").read_text())
    assert cv["n"] == 295
    assert cv["classifier"]["macro"] > cv["always_present"]["macro"] + 0.05
    assert cv["dictionary"]["macro"] > cv["always_present"]["macro"]
    assert set(cv["coders_alpha"]["per_frame"]) == {"responsibility", "human_interest", "conflict", "morality", "economic"}


def test_frame_probabilities_equal_scikit_learn_tfidf(seed_text):
    """The run scores frames without scikit-learn; the numbers must be those of the
    TfidfVectorizer the model was trained with."""
    import json

    import numpy as np

    from analysis import frames

    data = json.loads(frames.MODEL_PATH.read_text(encoding="utf-8"))
    vec = frames._vectorizer({t: i for i, t in enumerate(data["vocabulary"])})
    vec.idf_ = np.asarray(data["idf"])
    texts = [seed_text, "Shelling killed civilians in Kharkiv; Kyiv blamed Moscow for the attack.", "", "x y z"]
    X = vec.transform(texts)
    ours = frames.predict(texts)
    for f, m in data["frames"].items():
        expected = 1 / (1 + np.exp(-(m["a"] * (X @ np.asarray(m["coef"]) + m["intercept"]) + m["b"])))
        assert np.allclose(ours[f], expected, rtol=0, atol=1e-12), f
