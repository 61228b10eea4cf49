"""Corpus loading: every input format, the seed's zones, and bad inputs."""
import json
from pathlib import Path

import pytest

from analysis.corpus import LoadOptions, iter_corpus
from analysis.errors import UserError
from analysis.records import Article, ErrorRecord
from conftest import ROOT, SEED_ID

ARTICLE = ("Kyiv says Russian troops shelled Kharkiv overnight.\n\n"
           "\"We will respond,\" the Ukrainian president said on Monday.\n")


def load(path, **kw):
    items = list(iter_corpus(path, LoadOptions(**kw)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ErrorRecord)]


def test_seed_in_corpus_with_metadata_and_unchanged_text():
    arts, errs = load(ROOT / "corpus")
    assert not errs
    [seed] = arts
    assert seed.doc_id == SEED_ID
    assert seed.text == (ROOT / "corpus" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    assert seed.meta["outlet"] == "The Moscow Times"
    assert seed.meta["date"] == "2024-05-17"
    assert seed.meta["title"].startswith("Putin Says 'No Plans' to Take Kharkiv")


def test_seed_zones():
    [seed], _ = load(ROOT / "corpus")
    text = seed.text
    by_kind = {}
    for z in seed.zones:
        by_kind.setdefault(z.kind, []).append(text[z.start:z.end])
    assert by_kind["headline"] == ["Putin Says 'No Plans' to Take Kharkiv, Blames Ukraine for New Offensive"]
    assert by_kind["caption"] == ["Vladimir Putin holds a press conference in Harbin. Mikhail Metzel / AFP"]
    boiler = " ".join(by_kind["boilerplate"])
    assert "Support The Moscow Times!" in boiler
    assert "Sign up for our free weekly newsletter" in boiler
    # the donation appeal, with its quotation marks, is boilerplate
    appeal = text.index('"undesirable" organization')
    assert seed.in_boilerplate(appeal, appeal + 10)
    # the news itself is not
    body = text.index("President Vladimir Putin said Friday")
    assert seed.zone_at(body) == "body"
    assert seed.zone_at(text.index('"We have repeatedly said')) == "body"


def test_txt_crlf_is_read_with_universal_newlines(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    [a], errs = load(tmp_path)
    assert a.text == ARTICLE and not errs


def test_txt_headline_is_first_short_line_without_period(tmp_path):
    (tmp_path / "h.txt").write_text("Kyiv Blames Moscow for Strike\n\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "n.txt").write_text(ARTICLE, encoding="utf-8")
    h, n = load(tmp_path)[0]
    assert h.meta["title"] == "Kyiv Blames Moscow for Strike"
    assert [z.kind for z in h.zones] == ["headline"]
    assert "title" not in n.meta and n.zones == []  # a first sentence is not a headline


def test_nested_txt_doc_id_and_outlet(tmp_path):
    (tmp_path / "kyiv_post").mkdir()
    (tmp_path / "kyiv_post" / "story1.txt").write_text(ARTICLE, encoding="utf-8")
    [a], _ = load(tmp_path)
    assert a.doc_id == "kyiv_post/story1"
    assert a.meta["outlet"] == "kyiv_post"


def test_csv_common_columns_title_first(tmp_path):
    (tmp_path / "wire.csv").write_text(
        "link,headline,date,body\nhttp://x/1,Putin Blames Kyiv,2022-03-01,\"Putin said, \"\"No.\"\"\"\n"
        "http://x/2,Second,2022-03-02,Another story about Kyiv.\n", encoding="utf-8")
    arts, errs = load(tmp_path)
    assert not errs
    assert [a.doc_id for a in arts] == ["http://x/1", "http://x/2"]
    a = arts[0]
    assert a.text == 'Putin Blames Kyiv\n\nPutin said, "No."'
    assert a.meta == {"title": "Putin Blames Kyiv", "date": "2022-03-01", "url": "http://x/1", "outlet": "wire"}
    [head] = [z for z in a.zones if z.kind == "headline"]
    assert a.text[head.start:head.end] == "Putin Blames Kyiv"


def test_csv_summary_is_read_as_the_lede_between_headline_and_body(tmp_path):
    # the Kremlin's pages name the sender only in the summary: 'Vladimir Putin sent greetings ...'
    (tmp_path / "k.csv").write_text(
        "link,headline,summary,body\n"
        "http://x/1,Greetings to the forum,Vladimir Putin sent greetings to the forum.,\"The message reads: \"\"Welcome.\"\"\"\n"
        "http://x/2,Talks,Putin met Erdogan.,Putin met Erdogan. They spoke of grain.\n"
        "http://x/3,Talks,,They spoke of grain.\n", encoding="utf-8")
    arts, errs = load(tmp_path)
    assert not errs
    assert arts[0].text == 'Greetings to the forum\n\nVladimir Putin sent greetings to the forum.\n\nThe message reads: "Welcome."'
    assert [a.text for a in arts[1:]] == ["Talks\n\nPutin met Erdogan. They spoke of grain.", "Talks\n\nThey spoke of grain."]
    a = arts[0]
    assert [z.kind for z in a.zones if z.start < a.text.index("Vladimir")] == ["headline"]
    (tmp_path / "k.csv").write_text("text,teaser\nThey spoke of grain.,Putin met Erdogan.\n", encoding="utf-8")
    assert [a.text for a in load(tmp_path)[0]] == ["They spoke of grain."]
    assert [a.text for a in load(tmp_path, columns={"lede": "teaser"})[0]] == ["Putin met Erdogan.\n\nThey spoke of grain."]


def test_csv_id_fallback_to_stem_and_row(tmp_path):
    (tmp_path / "export.csv").write_text("content\nfirst text\nsecond text\n", encoding="utf-8")
    arts, _ = load(tmp_path)
    assert [a.doc_id for a in arts] == ["export/2", "export/3"]


def test_csv_column_mapping_option(tmp_path):
    (tmp_path / "f.csv").write_text("story_text,ttl\nSome text here.,A title\n", encoding="utf-8")
    [a], _ = load(tmp_path, columns={"text": "story_text", "title": "ttl"})
    assert a.meta["title"] == "A title"
    with pytest.raises(UserError, match="no column 'nope' for text"):
        load(tmp_path, columns={"text": "nope"})


def test_csv_without_text_column_is_an_error_row(tmp_path):
    (tmp_path / "meta_only.csv").write_text("title,date\nA,2022\n", encoding="utf-8")
    arts, [err] = load(tmp_path)
    assert "no text column" in err.reason and not arts


def test_jsonl_rows_and_malformed_line(tmp_path):
    lines = [json.dumps({"id": "a1", "title": "T", "text": "Body one."}), "{not json", json.dumps([1, 2]),
             json.dumps({"id": "a2", "text": "Body two.", "media_name": "Kyiv Independent"})]
    (tmp_path / "mc.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, errs = load(tmp_path)
    assert [a.doc_id for a in arts] == ["a1", "a2"]
    assert arts[1].meta["outlet"] == "Kyiv Independent"
    assert len(errs) == 2 and all("malformed JSON line" in e.reason for e in errs)
    assert errs[0].source == "mc.jsonl:2"


def test_html_goes_through_trafilatura(tmp_path):
    para = ("Russian forces shelled the city of Kharkiv on Tuesday, regional officials said, "
            "in the heaviest bombardment in weeks. Residents sheltered in metro stations. ")
    html = f"""<html><head><title>Shelling hits Kharkiv</title>
    <meta name="author" content="Jane Reporter"><meta property="article:published_time" content="2022-03-01">
    </head><body><nav>Home | World | Subscribe</nav><article><h1>Shelling hits Kharkiv</h1>
    <p>{para}</p><p>{para}</p><p>"We will rebuild," the mayor said.</p></article>
    <footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    [a], errs = load(tmp_path)
    assert not errs
    assert "Russian forces shelled the city of Kharkiv" in a.text
    assert "Subscribe" not in a.text and "All rights reserved" not in a.text
    assert a.meta["title"] == "Shelling hits Kharkiv"
    assert a.meta["author"] == "Jane Reporter"
    assert a.meta["date"].startswith("2022-03-01")


def test_bad_inputs_are_recorded_and_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait in Kyiv".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "rows.csv").write_text('id,text\n1,fine\n2,"also, fine",extra\n1,dup id\n', encoding="utf-8")
    (tmp_path / "huge.txt").write_bytes(b"word " * 10_000_000)  # 50 MB
    arts, errs = load(tmp_path)
    assert sorted(a.doc_id for a in arts) == ["1", "good"]
    reasons = {e.doc_id: e.reason for e in errs}
    assert "not UTF-8: undecodable byte 0xe9 at byte 3" in reasons["latin1"]
    assert reasons["empty"] == "empty file"
    assert reasons["blank"] == "empty file"
    assert "binary file" in reasons["binary"]
    assert "50.0 MB, above the 5.0 MB limit" in reasons["huge"]
    assert any("expected 2 fields (id, text), got 3" in r for r in reasons.values())
    assert any(r.startswith("duplicate doc_id '1'") for r in reasons.values())


def test_missing_corpus_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="corpus not found"):
        load(tmp_path / "nope")


def test_case_study_loads_without_errors(shared):
    arts, errs = load(shared / "corpora" / "kremlin-zelensky")
    assert not errs
    assert len(arts) == 1796
    outlets = {a.meta["outlet"] for a in arts}
    assert outlets == {"kremlin", "president-ua"}
    assert all(a.text.startswith(a.meta["title"]) for a in arts if a.meta.get("title"))


def test_an_oversized_lede_is_an_error_row_and_the_rest_is_read(tmp_path):
    (tmp_path / "k.csv").write_text("headline,summary,body\nA,%s,Short body.\nB,Short lede.,Another body.\n" % ("x" * 3000),
                                    encoding="utf-8")
    arts, errs = load(tmp_path, max_bytes=2000)
    assert [a.text for a in arts] == ["B\n\nShort lede.\n\nAnother body."]
    assert len(errs) == 1 and "lede" in errs[0].reason
