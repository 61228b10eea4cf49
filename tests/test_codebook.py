"""The codebook: default contents, validation errors that name file and line, rendering."""
import shutil

import pytest

from analysis.actors import article_mentions, find_mentions, lookup
from analysis.codebook import DEFAULT_PATH, load_codebook, render
from analysis.corpus import iter_corpus
from analysis.errors import CodebookError
from conftest import ROOT


def test_default_codebook_sides_and_actors(cb):
    assert set(cb.sides) == {"russia", "ukraine", "west", "china", "international"}
    assert cb.actors["putin"].side == "russia"
    assert "the russian leader" in cb.actors["putin"].aliases
    assert lookup(cb, "The Russian leader") == "putin"
    assert lookup(cb, "Moscow") == "russian_state"
    assert lookup(cb, "the Kremlin") == "russian_state"
    assert lookup(cb, "Kyiv") == "ukrainian_state"
    assert lookup(cb, "us") is None  # 'US' matches only as written


def test_every_actor_side_is_a_codebook_side(cb):
    assert all(a.side is None or a.side in cb.sides for a in cb.actors.values())


def copy_codebook(tmp_path):
    dst = tmp_path / "cb"
    shutil.copytree(DEFAULT_PATH, dst)
    return dst


@pytest.mark.parametrize("file, line, replacement, message", [
    ("actors.csv", "putin,Vladimir Putin,russia,", "putin,Vladimir Putin,ruSSia,", r"actors.csv, line \d+: unknown side 'ruSSia'"),
    ("actors.csv", "peskov,Dmitry Peskov,russia,person", "putin,Dmitry Peskov,russia,person", r"actors.csv, line \d+: duplicate id 'putin' \(first on line \d+\)"),
    ("actors.csv", "lavrov,Sergei Lavrov,russia,person", "lavrov,Sergei Lavrov,russia,diplomat", r"unknown type 'diplomat'"),
    ("speech_cues.csv", "claim,claim|claims|claimed|claiming,loaded,verb", "claim,claim|claims,biased,verb", r"speech_cues.csv, line \d+: category 'biased' must be neutral or loaded"),
    ("speech_cues.csv", "id,forms,category,kind", "id,forms,kind", r"missing column\(s\) category"),
    ("speech_cues.csv", "tell,tell|tells|told|telling,neutral,verb", "Tell Verb,tell,neutral,verb", r"id 'Tell Verb' must be lower case"),
    ("speech_cues.csv", "tell,tell|tells|told|telling,neutral,verb", "tell,tell,neutral,verb,extra", r"expected 4 fields"),
])
def test_malformed_codebook_errors_name_file_line_and_problem(tmp_path, file, line, replacement, message):
    folder = copy_codebook(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert line in text
    path.write_text(text.replace(line, replacement, 1), encoding="utf-8")
    with pytest.raises(CodebookError, match=message):
        load_codebook(folder)


def test_missing_codebook_folder(tmp_path):
    with pytest.raises(CodebookError, match="no such folder"):
        load_codebook(tmp_path / "none")


def test_hash_changes_with_content(tmp_path, cb):
    folder = copy_codebook(tmp_path)
    assert load_codebook(folder).hash == cb.hash
    with open(folder / "speech_cues.csv", "a", encoding="utf-8") as fh:
        fh.write("opine,opined,loaded,verb\n")
    assert load_codebook(folder).hash != cb.hash


def test_render_lists_every_actor_and_lexicon(cb):
    doc = render(cb)
    assert "| putin | Vladimir Putin | russia | person |" in doc
    assert "## Lexicon: speech_cues" in doc


def test_mentions_longest_alias_and_case(cb):
    text = "The Russian leader met Russian troops. US officials and us. Belgorod region was hit."
    got = [(m.text, m.actor) for m in find_mentions(text, cb)]
    assert got == [("The Russian leader", "putin"), ("Russian troops", "russian_forces"),
                   ("US", "united_states"), ("Belgorod region", "belgorod")]


def test_seed_mentions_skip_boilerplate(cb):
    [seed] = list(iter_corpus(ROOT / "corpus"))
    mentions = article_mentions(seed, cb)
    assert all(not seed.in_boilerplate(m.start, m.end) for m in mentions)
    assert all(seed.text[m.start:m.end] == m.text for m in mentions)
    # "Russia's Prosecutor General's Office" is in the donation appeal: not a mention
    appeal = seed.text.index("Russia's Prosecutor General")
    assert all(m.start != appeal for m in mentions)
    sides = {m.side for m in mentions}
    assert {"russia", "ukraine", "china"} <= sides
