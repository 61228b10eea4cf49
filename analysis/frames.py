"""Generic news frames (Semetko and Valkenburg 2000): responsibility, human interest,
conflict, morality, economic consequences.

Two scores per article and frame:
- ``frame_<f>_dict``: a transparent dictionary score, hits of the codebook's frames
  lexicon per 100 words;
- ``frame_<f>``: a probability from a calibrated binary classifier per frame
  (TF-IDF words and bigrams -> logistic regression, Platt-scaled on out-of-fold
  scores), trained with ``python -m analysis frames train`` and stored as plain JSON
  (vocabulary, idf, weights, calibration): no pickle.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .codebook import Codebook
from .errors import UserError
from .lexicon import find, words_of

FRAMES = ("responsibility", "human_interest", "conflict", "morality", "economic")
LABEL_ALIASES = {"RE": "responsibility", "HI": "human_interest", "CO": "conflict", "MO": "morality", "EC": "economic"}
MODEL_PATH = Path(__file__).parent / "models" / "frames.json"
MAX_FEATURES = 5000
MIN_DF = 3
C = 1.0
SEED = 20240517
_TOKEN = re.compile(r"(?u)\b\w\w+\b")   # scikit-learn's default token pattern, used in training


def dictionary_scores(text: str, cb: Codebook) -> dict[str, float]:
    """Frames-lexicon hits per 100 words, per frame."""
    n = max(len(words_of(text).starts), 1)
    counts = dict.fromkeys(FRAMES, 0)
    for h in find(cb, "frames", text):
        for e in h.entries[:1]:
            if e["frame"] in counts:
                counts[e["frame"]] += 1
    return {f: round(100 * counts[f] / n, 4) for f in FRAMES}


def _vectorizer(vocabulary=None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(lowercase=True, ngram_range=(1, 2), min_df=MIN_DF if vocabulary is None else 1,
                           max_features=MAX_FEATURES if vocabulary is None else None, sublinear_tf=True,
                           vocabulary=vocabulary, dtype=np.float64)


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def fit(texts: list[str], labels: dict[str, np.ndarray]) -> dict:
    """Train one calibrated model per frame; returns the model as plain data."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    vec = _vectorizer()
    X = vec.fit_transform(texts)
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
    model = {"kind": "tfidf-logistic-platt", "vocabulary": vocab, "idf": [round(float(v), 8) for v in vec.idf_],
             "frames": {}, "n_train": len(texts)}
    for f, y in labels.items():
        y = np.asarray(y, dtype=int)
        if y.min() == y.max():
            raise UserError(f"frame {f}: every training article has the same label; a classifier needs both")
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=2000)
        folds = StratifiedKFold(n_splits=min(5, int(min(y.sum(), len(y) - y.sum()))), shuffle=True, random_state=SEED)
        oof = cross_val_predict(lr, X, y, cv=folds, method="decision_function")
        platt = LogisticRegression(C=1e6, max_iter=1000).fit(oof.reshape(-1, 1), y)
        lr.fit(X, y)
        p_oof = _sigmoid(platt.coef_[0, 0] * oof + platt.intercept_[0])
        model["frames"][f] = {"coef": [round(float(v), 8) for v in lr.coef_[0]], "intercept": float(lr.intercept_[0]),
                              "a": float(platt.coef_[0, 0]), "b": float(platt.intercept_[0]), "positives": int(y.sum()),
                              "threshold": round(best_threshold(p_oof, y), 4)}
    return model


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The score threshold that maximises F1 on (out-of-fold) training scores."""
    from sklearn.metrics import f1_score

    cands = np.unique(scores)
    return float(max(cands, key=lambda th: (f1_score(y, (scores >= th).astype(int), zero_division=0), -th)))


def save_model(model: dict, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")


@lru_cache(maxsize=4)
def load_model(path: str | Path = MODEL_PATH):
    """The stored model and its vectorizer, or None when there is no model file."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        return _from_data(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError) as err:
        raise UserError(f"{path}: not a frames model ({err}); train one with `python -m analysis frames train`") from None


@dataclass(frozen=True)
class FrameModel:
    """A stored model ready to score: term index, idf, and per frame the weights,
    intercept and Platt calibration."""
    index: dict[str, int]
    pairs: dict[tuple[str, str], int]   # the bigram terms by their two words
    idf: np.ndarray
    frames: tuple[str, ...]
    coef: np.ndarray        # terms x frames
    intercept: np.ndarray
    a: np.ndarray
    b: np.ndarray


def _from_data(model: dict) -> FrameModel:
    frames = tuple(model["frames"])
    m = [model["frames"][f] for f in frames]
    vocab = model["vocabulary"]
    return FrameModel({t: i for i, t in enumerate(vocab)},
                      {tuple(t.split(" ")): i for i, t in enumerate(vocab) if " " in t},
                      np.asarray(model["idf"], dtype=np.float64),
                      frames, np.asarray([x["coef"] for x in m], dtype=np.float64).T,
                      *(np.asarray([x[k] for x in m], dtype=np.float64) for k in ("intercept", "a", "b")))


def tfidf_terms(text: str, model: FrameModel) -> tuple[list[int], np.ndarray]:
    """The text's vocabulary terms and their l2-normalised sublinear TF-IDF weights, as
    scikit-learn's TfidfVectorizer computes them in training (words and bigrams), without
    importing scikit-learn on every run."""
    toks = _TOKEN.findall(text.lower())
    ids, tf = [], []
    for counts, index in ((Counter(toks), model.index), (Counter(zip(toks, toks[1:])), model.pairs)):
        for term, c in counts.items():
            j = index.get(term)
            if j is not None:
                ids.append(j)
                tf.append(c)
    if not ids:
        return [], np.zeros(0)
    w = (1.0 + np.log(np.asarray(tf, dtype=np.float64))) * model.idf[ids]
    return ids, w / np.sqrt(w @ w)


def predict(texts: list[str], model: FrameModel | None = None) -> dict[str, np.ndarray]:
    """Calibrated probability per frame for each text."""
    model = model if model is not None else load_model()
    scores = np.zeros((len(texts), len(model.frames)))
    for k, text in enumerate(texts):
        ids, w = tfidf_terms(text, model)
        if ids:
            scores[k] = w @ model.coef[ids]
    probs = _sigmoid(model.a * (scores + model.intercept) + model.b)
    return {f: probs[:, j] for j, f in enumerate(model.frames)}


def frame_columns() -> list[str]:
    return [c for f in FRAMES for c in (f"frame_{f}", f"frame_{f}_dict")]


def read_labels(path: str | Path, text_column: str | None = None) -> tuple[list[str], dict[str, np.ndarray], list[str]]:
    """Coded articles: a CSV/TSV with a text column and one 0/1 column per frame
    (frame names, frame_<name>, or the narrative-framing codes RE HI CO MO EC)."""
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise UserError(f"labels file not found: {path}")
    df = pd.read_csv(path, sep="\t" if path.suffix.lower() in (".tsv", ".tab") else ",", dtype=str, keep_default_na=False)
    tcol = text_column or next((c for c in ("text", "body", "content") if c in df.columns), None)
    if tcol is None or tcol not in df.columns:
        raise UserError(f"{path}: no text column among {', '.join(df.columns)}; name it with --text-column")
    cols = {}
    for col in df.columns:
        name = LABEL_ALIASES.get(col) or (col[6:] if col.startswith("frame_") else col)
        if name in FRAMES:
            vals = df[col].str.strip(" ()[]\"'").str.lower().map({"1": 1, "true": 1, "yes": 1, "y": 1, "0": 0, "false": 0, "no": 0,
                                                         "n": 0, "": -1})
            if vals.isna().any():
                bad = df[col][vals.isna()].iloc[0]
                raise UserError(f"{path}: column {col} holds {bad!r}; frame labels are 0/1, true/false or yes/no")
            cols[name] = vals
    if not cols:
        raise UserError(f"{path}: no frame columns; expected some of {', '.join(FRAMES)} (or RE, HI, CO, MO, EC)")
    coded = np.logical_and.reduce([v.to_numpy() >= 0 for v in cols.values()])  # articles left uncoded are left out
    labels = {name: v.to_numpy()[coded].astype(int) for name, v in cols.items()}
    ids = (df["ID"] if "ID" in df.columns else df.index.astype(str)).to_numpy()[coded].tolist()
    return df[tcol].to_numpy()[coded].tolist(), labels, ids


def cross_validate(texts: list[str], labels: dict[str, np.ndarray], cb: Codebook, k: int = 5) -> dict:
    """Per-frame F1 and macro-F1 under k-fold CV for the classifier and the dictionary;
    each one's threshold is chosen on the training folds only (F1-optimal)."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import KFold

    n = len(texts)
    dict_scores = [dictionary_scores(t, cb) for t in texts]
    pred_clf = {f: np.zeros(n, dtype=int) for f in labels}
    pred_dict = {f: np.zeros(n, dtype=int) for f in labels}
    for train, test in KFold(n_splits=k, shuffle=True, random_state=SEED).split(texts):
        model = fit([texts[i] for i in train], {f: y[train] for f, y in labels.items()})
        probs = predict([texts[i] for i in test], _from_data(model))
        for f, y in labels.items():
            pred_clf[f][test] = (probs[f] >= model["frames"][f]["threshold"]).astype(int)
            s_train = np.array([dict_scores[i][f] for i in train])
            best = best_threshold(s_train, y[train])
            pred_dict[f][test] = (np.array([dict_scores[i][f] for i in test]) >= best).astype(int)
    from sklearn.metrics import confusion_matrix

    res = {"classifier": {}, "dictionary": {}, "always_present": {}, "confusion": {}}
    for f, y in labels.items():
        res["confusion"][f] = {kind: confusion_matrix(y, pred[f], labels=[0, 1]).tolist()
                               for kind, pred in (("classifier", pred_clf), ("dictionary", pred_dict))}
        res["classifier"][f] = round(f1_score(y, pred_clf[f], zero_division=0), 3)
        res["dictionary"][f] = round(f1_score(y, pred_dict[f], zero_division=0), 3)
        res["always_present"][f] = round(f1_score(y, np.ones_like(y), zero_division=0), 3)  # the floor to beat
    for kind in ("classifier", "dictionary", "always_present"):
        res[kind]["macro"] = round(float(np.mean([res[kind][f] for f in labels])), 3)
    res["positives"] = {f: int(y.sum()) for f, y in labels.items()}
    res["n"] = n
    return res


def coder_alpha(annotations: str | Path) -> dict[str, dict]:
    """The human coders' own agreement (nominal alpha) on each yes/no question of
    narrative-framing's full_annotations.json, and its mean per frame (re*, hi*, co*,
    mo*, ec* questions): the ceiling a machine can be judged against."""
    from .agreement import alpha_nominal

    data = json.loads(Path(annotations).read_text(encoding="utf-8"))
    prefix = {"re": "responsibility", "hi": "human_interest", "co": "conflict", "mo": "morality", "ec": "economic"}
    questions = sorted({k for art in data.values() for k, v in art.items() if k[:2] in prefix and isinstance(v, list)})
    per_q = {}
    for q in questions:
        rows = [art[q][1] for art in data.values() if isinstance(art.get(q), list)]
        width = max(len(r) for r in rows)
        mat = np.array([[np.nan if a in (-1, None) else float(a == "yes") for a in r] + [np.nan] * (width - len(r))
                        for r in rows]).T
        per_q[q] = round(alpha_nominal(mat), 3)
    per_frame = {frame: round(float(np.nanmean([a for q, a in per_q.items() if q.startswith(p)])), 3)
                 for p, frame in prefix.items()}
    return {"per_frame": per_frame, "per_question": per_q}
