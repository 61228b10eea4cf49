"""Charts for the notebooks and for ``python -m analysis figures``: one style, one colour per side.

Every function takes tables (DataFrames read from a results folder) and returns a
matplotlib Figure; nothing here runs extraction. Shares carry bootstrap
intervals (articles resampled), and every chart says how many items it counts.
``save`` writes PNG and SVG with the corpus and codebook hashes in the file
metadata and fixed salts, so a second run writes the same bytes.
"""
from __future__ import annotations

import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .tables import read_table

SIDE_COLORS = {
    "russia": "#c0392b",
    "ukraine": "#2e86c1",
    "west": "#7d3c98",
    "china": "#d4ac0d",
    "international": "#16a085",
    "narrator": "#34495e",
    "unknown": "#aab7b8",
}
SIDES = ["russia", "ukraine", "west", "china", "international"]
BOOTSTRAP = 1000            # resamples for the intervals
BOOTSTRAP_SEED = 20240517
INVASION = pd.Timestamp("2022-02-24", tz="UTC")
RC = {
    "figure.dpi": 100, "savefig.dpi": 120, "font.size": 10, "axes.titlesize": 11, "axes.titleweight": "bold",
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "grid.alpha": 0.3,
    "svg.hashsalt": "framing-analysis", "figure.autolayout": False,
}


def side_color(side) -> str:
    return SIDE_COLORS.get(side if isinstance(side, str) and side else "unknown", SIDE_COLORS["unknown"])


def _fig(width=8.0, height=4.5):
    with plt.rc_context(RC):
        fig, ax = plt.subplots(figsize=(width, height))
    return fig, ax


def _legend(ax, **kw) -> None:
    if ax.get_legend_handles_labels()[0]:
        ax.legend(**kw)


def _note(fig, text: str) -> None:
    fig.text(0.01, 0.01, text, fontsize=7.5, color="#555555", ha="left", va="bottom")


def bootstrap_share(groups: pd.DataFrame, by: str, value: str, key: str, seed: int = BOOTSTRAP_SEED) -> pd.DataFrame:
    """Share of rows with ``value == key`` per ``by`` group, with a 95% interval from
    resampling articles (doc_id) within each group."""
    rng = np.random.default_rng(seed)
    out = []
    for g, df in groups.groupby(by, sort=True):
        per_doc = df.assign(hit=(df[value] == key)).groupby("doc_id")["hit"].agg(["sum", "count"])
        hits, counts = per_doc["sum"].to_numpy(float), per_doc["count"].to_numpy(float)
        share = hits.sum() / counts.sum() if counts.sum() else np.nan
        if len(per_doc) > 1:
            idx = rng.integers(0, len(per_doc), size=(BOOTSTRAP, len(per_doc)))
            boots = hits[idx].sum(1) / np.maximum(counts[idx].sum(1), 1)
            lo, hi = np.percentile(boots, [2.5, 97.5])
        else:
            lo = hi = share
        out.append({by: g, "share": share, "lo": lo, "hi": hi, "n": int(counts.sum()), "articles": len(per_doc)})
    return pd.DataFrame(out, columns=[by, "share", "lo", "hi", "n", "articles"])


def _bars_with_n(ax, res: pd.DataFrame) -> None:
    """Bars of shares by side with 95% intervals; n under each side's name."""
    x = np.arange(len(res))
    ax.bar(x, res["share"], color=[side_color(s) for s in res["side"]])
    ax.errorbar(x, res["share"], yerr=[res["share"] - res["lo"], res["hi"] - res["share"]], fmt="none",
                ecolor="#333333", capsize=3)
    ax.set_xticks(x, [f"{side}\nn={n:,}" for side, n in zip(res["side"], res["n"])])


def load(results: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of a results folder, with a parsed ``when`` date on articles."""
    tables = {t: read_table(results, t) for t in ("articles", "quotes", "justifications", "blame", "harm", "markers")}
    arts = tables["articles"]
    arts["when"] = pd.to_datetime(arts["date"], errors="coerce", utc=True, format="mixed")
    return tables


def _with_outlet(df: pd.DataFrame, arts: pd.DataFrame) -> pd.DataFrame:
    cols = arts.set_index("doc_id")
    return df.assign(outlet=df["doc_id"].map(cols["outlet"]).fillna(""), when=df["doc_id"].map(cols["when"]))


def articles_by_month(arts: pd.DataFrame):
    """Articles per month and outlet."""
    fig, ax = _fig()
    a = arts.dropna(subset=["when"])
    if len(a):
        month = a["when"].dt.tz_convert(None).dt.to_period("M").dt.to_timestamp()
        counts = a.assign(month=month).groupby(["month", "outlet"]).size().unstack(fill_value=0).sort_index()
        for i, outlet in enumerate(counts.columns):
            ax.plot(counts.index, counts[outlet], marker="o", label=f"{outlet} (n={counts[outlet].sum():,})",
                    color=plt.cm.tab10(i))
        ax.axvline(INVASION.tz_convert(None), color="#333333", linestyle="--", linewidth=1)
        _legend(ax, frameon=False)
    ax.set(title="Articles per month", xlabel="month", ylabel="articles")
    _note(fig, f"n = {len(arts):,} articles; dashed line: 24 February 2022")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def quotes_by_side(quotes: pd.DataFrame, arts: pd.DataFrame):
    """Share of attributed statements by speaker side, per outlet, with 95% intervals."""
    fig, ax = _fig()
    q = _with_outlet(quotes, arts).assign(side=quotes["speaker_side"].fillna("unknown"))
    outlets = sorted(q["outlet"].unique())
    width = 0.8 / max(len(outlets), 1)
    for j, outlet in enumerate(outlets):
        sub = q[q["outlet"] == outlet]
        empty = pd.Series({"share": np.nan, "lo": np.nan, "hi": np.nan})
        shares = [bootstrap_share(sub.assign(all=1), "all", "side", s).iloc[0] if len(sub) else empty
                  for s in SIDES + ["unknown"]]
        x = np.arange(len(shares)) + j * width
        ax.bar(x, [s["share"] for s in shares], width, color=[side_color(s) for s in SIDES + ["unknown"]],
               alpha=1.0 - 0.45 * j, label=f"{outlet} (n={len(sub):,})", edgecolor="white")
        ax.errorbar(x, [s["share"] for s in shares], yerr=[[s["share"] - s["lo"] for s in shares],
                    [s["hi"] - s["share"] for s in shares]], fmt="none", ecolor="#333333", capsize=2, linewidth=0.8)
    ax.set_xticks(np.arange(len(SIDES) + 1) + width * (len(outlets) - 1) / 2, SIDES + ["unknown"])
    ax.set(title="Who gets to speak: statements by speaker side", xlabel="speaker side", ylabel="share of statements")
    _legend(ax, frameon=False)
    _note(fig, "Bars: share of quotes (direct, indirect, mixed) per outlet; lines: 95% bootstrap intervals over articles. "
               "'unknown': speaker not in the codebook.")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def loaded_cues_by_side(quotes: pd.DataFrame):
    """Share of statements reported with a loaded verb (claimed, insisted ...) by speaker side."""
    fig, ax = _fig(7, 4)
    q = quotes.dropna(subset=["cue_category"]).assign(side=quotes["speaker_side"].fillna("unknown"))
    res = bootstrap_share(q, "side", "cue_category", "loaded")
    res = res.set_index("side").reindex([s for s in SIDES + ["unknown"] if s in set(res["side"])]).reset_index()
    _bars_with_n(ax, res)
    ax.set(title="Loaded reporting verbs by speaker side", xlabel="speaker side", ylabel="share with a loaded cue")
    _note(fig, "Loaded cues are codebook speech_cues with category 'loaded'; 95% bootstrap intervals over articles.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def blame_matrix(blame: pd.DataFrame):
    """Counts of blame by blamer side (rows) and target side (columns)."""
    fig, ax = _fig(6.5, 5)
    b = blame.assign(blamer=blame["blamer_side"].fillna("unknown"), target=blame["target_side"].fillna("unknown"))
    b.loc[blame["blamer"] == "narrator", "blamer"] = "narrator"
    rows = [s for s in SIDES + ["narrator", "unknown"] if s in set(b["blamer"])] or ["unknown"]
    cols = [s for s in SIDES + ["unknown"] if s in set(b["target"])] or ["unknown"]
    m = pd.crosstab(b["blamer"], b["target"]).reindex(index=rows, columns=cols, fill_value=0)
    im = ax.imshow(m.to_numpy(), cmap="Reds")
    for (i, j), v in np.ndenumerate(m.to_numpy()):
        ax.text(j, i, str(v), ha="center", va="center", color="black" if v < m.to_numpy().max() / 2 else "white")
    ax.set_xticks(range(len(cols)), cols, rotation=30, ha="right")
    ax.set_yticks(range(len(rows)), rows)
    ax.grid(False)
    ax.set(title="Who blames whom", xlabel="target side", ylabel="blamer side")
    fig.colorbar(im, ax=ax, shrink=0.7, label="rows of the blame table")
    _note(fig, f"n = {len(blame):,} blame attributions; 'narrator': the article's own voice.")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def justifications_by_period(just: pd.DataFrame, arts: pd.DataFrame):
    """Justifications per 100 articles by the justifier's side, before and after 24 February 2022."""
    fig, ax = _fig(7.5, 4)
    j = _with_outlet(just, arts)
    j = j.assign(side=np.where(j["quote_id"].isna(), "narrator", j["justifier_side"].fillna("unknown")),
                 period=np.where(j["when"] < INVASION, "before", "after"))
    a = arts.assign(period=np.where(arts["when"] < INVASION, "before", "after"))
    n_art = a.groupby("period").size()
    sides = [s for s in SIDES + ["narrator", "unknown"] if s in set(j["side"])]
    width = 0.38
    for k, period in enumerate(["before", "after"]):
        sub = j[j["period"] == period]
        rate = [100 * (sub["side"] == s).sum() / max(n_art.get(period, 0), 1) for s in sides]
        ax.bar(np.arange(len(sides)) + k * width, rate, width, color=[side_color(s) for s in sides],
               alpha=0.55 if period == "before" else 1.0, edgecolor="white",
               label=f"{period} 24 Feb 2022 ({n_art.get(period, 0):,} articles, {len(sub):,} justifications)")
    ax.set_xticks(np.arange(len(sides)) + width / 2, sides)
    ax.set(title="Whose justifications are voiced", xlabel="justifier", ylabel="per 100 articles")
    _legend(ax, frameon=False, fontsize=8)
    _note(fig, "Lighter bars: before the invasion; 'narrator': the article's own voice.")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def agentless_by_patient(harm: pd.DataFrame):
    """Share of harm left agentless (no agent named), by the side of the patient, with 95% intervals."""
    fig, ax = _fig(7, 4)
    h = harm.assign(side=harm["patient_side"].fillna("unknown"),
                    agentless=np.where(harm["agent"].isna(), "yes", "no"))
    res = bootstrap_share(h, "side", "agentless", "yes")
    res = res.set_index("side").reindex([s for s in SIDES + ["unknown"] if s in set(res["side"])]).reset_index()
    _bars_with_n(ax, res)
    ax.set(title="Harm without a named agent, by whom it falls on", xlabel="patient side", ylabel="share agentless",
           ylim=(0, 1.05))
    _note(fig, "Agentless: passives without an agent and nominal events with none named; 95% bootstrap intervals over articles.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def naming_by_outlet(markers: pd.DataFrame, arts: pd.DataFrame, concept: str = "war"):
    """How each outlet names the war (naming markers of one concept), as shares."""
    fig, ax = _fig(7.5, 4)
    m = _with_outlet(markers[markers["kind"] == "naming"], arts)
    m = m[m["rule"].str.startswith(f"naming:{concept}:")]
    tab = pd.crosstab(m["outlet"], m["label"])
    shares = tab.div(tab.sum(axis=1), axis=0) if len(tab) else tab
    left = np.zeros(len(shares))
    for i, label in enumerate(shares.columns):
        ax.barh(shares.index, shares[label], left=left, color=plt.cm.tab20(i), label=label)
        left += shares[label].to_numpy()
    ax.set_yticks(range(len(shares)), [f"{o} (n={tab.loc[o].sum():,})" for o in shares.index])
    ax.set(title=f"Naming: {concept}", xlabel="share of naming terms", xlim=(0, 1))
    _legend(ax, frameon=False, fontsize=8, bbox_to_anchor=(1.0, 1.0), loc="upper left")
    _note(fig, "Terms from the codebook's naming lexicon, in any voice (quotes included).")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def distancing_by_side(markers: pd.DataFrame):
    """Distancing markers by the side whose claim is distanced."""
    fig, ax = _fig(6.5, 3.8)
    d = markers[markers["kind"] == "distancing"].assign(side=lambda x: x["side"].fillna("unknown"))
    counts = d.groupby(["side", "label"]).size().unstack(fill_value=0)
    counts = counts.reindex([s for s in SIDES + ["unknown"] if s in counts.index])
    bottom = np.zeros(len(counts))
    for i, label in enumerate(counts.columns):
        ax.bar(counts.index, counts[label], bottom=bottom, label=label, color=plt.cm.Set2(i))
        bottom += counts[label].to_numpy()
    ax.set(title="Distancing, by whose claim is held at a distance", xlabel="side", ylabel="markers")
    _legend(ax, frameon=False, fontsize=8)
    _note(fig, f"n = {len(d):,} distancing markers in the narrator's voice; 'unknown': claimant not named.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def frames_validation(cv: dict):
    """F1 per frame under cross-validation: dictionary, classifier and the always-present floor,
    with the human coders' own alpha for reference."""
    fig, ax = _fig(8, 4.2)
    frames = [f for f in cv["classifier"] if f != "macro"]
    x = np.arange(len(frames))
    for k, (kind, colour) in enumerate((("always_present", "#cccccc"), ("dictionary", "#7fb3d5"), ("classifier", "#1f618d"))):
        ax.bar(x + (k - 1) * 0.27, [cv[kind][f] for f in frames], 0.27, color=colour,
               label=f"{kind.replace('_', ' ')} (macro {cv[kind]['macro']:.2f})")
    alphas = cv.get("coders_alpha", {}).get("per_frame", {})
    if alphas:
        ax.scatter(x, [alphas.get(f, np.nan) for f in frames], marker="D", color="black", zorder=3,
                   label="coders' alpha (mean over questions)")
    ax.set_xticks(x, [f.replace("_", " ") for f in frames])
    ax.set(title=f"Generic frames: {cv['n']} coded articles, cross-validated",
           ylabel="F1 (alpha for the diamonds)", ylim=(0, 1))
    _legend(ax, frameon=False, fontsize=8)
    _note(fig, "Positives per frame: " + ", ".join(f"{f} {n}" for f, n in cv["positives"].items()))
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def frame_confusions(cv: dict, kind: str = "classifier"):
    """Confusion matrix per frame (rows: coders, columns: machine)."""
    frames = list(cv["confusion"])
    with plt.rc_context(RC):
        fig, axes = plt.subplots(1, len(frames), figsize=(2.2 * len(frames), 2.8))
    for ax, f in zip(np.atleast_1d(axes), frames):
        m = np.array(cv["confusion"][f][kind])
        ax.imshow(m, cmap="Blues")
        for (i, j), v in np.ndenumerate(m):
            ax.text(j, i, str(v), ha="center", va="center", color="white" if v > m.max() / 2 else "black")
        ax.set_xticks([0, 1], ["no", "yes"])
        ax.set_yticks([0, 1], ["no", "yes"])
        ax.grid(False)
        ax.set_title(f.replace("_", " "), fontsize=9)
        ax.set_xlabel("machine")
    np.atleast_1d(axes)[0].set_ylabel("coders")
    fig.suptitle(f"Frames: {kind} against the coders (cross-validated)", fontsize=10, fontweight="bold")
    fig.tight_layout()
    return fig


def alpha_by_variable(rep: pd.DataFrame):
    """Krippendorff's alpha per variable between coders (with 95% interval) and with the machine."""
    fig, ax = _fig(7, 3.8)
    y = np.arange(len(rep))
    if "alpha_coders" in rep:
        ax.errorbar(rep["alpha_coders"], y, xerr=[rep["alpha_coders"] - rep["alpha_lo"], rep["alpha_hi"] - rep["alpha_coders"]],
                    fmt="o", color="#1f618d", label="between coders (95% interval)")
    if "alpha_with_machine" in rep:
        ax.scatter(rep["alpha_with_machine"], y, marker="x", color="#c0392b", label="coders and machine", zorder=3)
    ax.axvline(0.667, color="#777777", linestyle=":", linewidth=1)
    ax.axvline(0.8, color="#777777", linestyle="--", linewidth=1)
    ax.set_yticks(y, rep["variable"])
    ax.set(title="Agreement by variable", xlabel="Krippendorff's alpha (nominal)", xlim=(-0.2, 1.0))
    _legend(ax, frameon=False, fontsize=8)
    _note(fig, "Dotted 0.667 and dashed 0.8: Krippendorff's thresholds for tentative and firm conclusions.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


FIGURES = {
    "01_articles_by_month": lambda t: articles_by_month(t["articles"]),
    "02_quotes_by_side": lambda t: quotes_by_side(t["quotes"], t["articles"]),
    "02_loaded_cues_by_side": lambda t: loaded_cues_by_side(t["quotes"]),
    "03_blame_matrix": lambda t: blame_matrix(t["blame"]),
    "03_justifications_by_period": lambda t: justifications_by_period(t["justifications"], t["articles"]),
    "04_agentless_by_patient": lambda t: agentless_by_patient(t["harm"]),
    "04_naming_by_outlet": lambda t: naming_by_outlet(t["markers"], t["articles"]),
    "04_distancing_by_side": lambda t: distancing_by_side(t["markers"]),
}


def save(fig, folder: str | Path, name: str, run_info: dict, credit: str = "") -> list[Path]:
    """Write NAME.png and NAME.svg with the run's hashes in their metadata; same input, same bytes."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    desc = json.dumps({k: run_info.get(k) for k in ("corpus_hash", "codebook_hash", "version")}, sort_keys=True)
    if credit:
        fig.text(0.99, 0.995, credit, fontsize=6.5, color="#555555", ha="right", va="top")
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    with plt.rc_context(RC):
        fig.savefig(paths[0], metadata={"Description": desc, "Software": None})
        fig.savefig(paths[1], metadata={"Description": desc, "Date": None, "Creator": None})
    plt.close(fig)
    return paths


def export_all(results: str | Path, out: str | Path, credit: str = "") -> list[Path]:
    """Every figure of FIGURES from a results folder into ``out``."""
    tables = load(results)
    info = json.loads((Path(results) / "run.json").read_text(encoding="utf-8")) if (Path(results) / "run.json").is_file() else {}
    paths = []
    for name, make in FIGURES.items():
        paths += save(make(tables), out, name, info, credit)
    return paths
