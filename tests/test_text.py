"""Segmentation on news text: offsets, abbreviations, quotes, headlines, joined paragraphs."""
import pytest

from analysis.text import abbreviations, paragraphs, segment, sentences, split_sentences, tokens


def texts(spans):
    return [s.text for s in spans]


def test_offsets_index_the_text(seed_text):
    seg = segment(seed_text)
    for span in seg.paragraphs + seg.sentences + tokens(seed_text):
        assert seed_text[span.start:span.end] == span.text


def test_seed_headline_and_caption_are_their_own_sentences(seed_text):
    sents = texts(segment(seed_text).sentences)
    assert "Putin Says 'No Plans' to Take Kharkiv, Blames Ukraine for New Offensive" in sents
    assert sents[sents.index("Vladimir Putin holds a press conference in Harbin.") + 1] == "Mikhail Metzel / AFP"


def test_seed_quote_sentences_end_inside_and_after_quotes(seed_text):
    sents = texts(segment(seed_text).sentences)
    assert '"And I said publicly that, if this continues, we will be forced to create a security zone," he said.' in sents
    assert any(s.startswith("When asked about") and s.endswith('"has no such plans as of today."') for s in sents)


@pytest.mark.parametrize("text, expected", [
    ("Gen. Valery Gerasimov met Lt. Col. Ivanov. They spoke.",
     ["Gen. Valery Gerasimov met Lt. Col. Ivanov.", "They spoke."]),
    ("Mr. Peskov said the U.S. had sent arms. Kyiv denied it.",
     ["Mr. Peskov said the U.S. had sent arms.", "Kyiv denied it."]),
    ("The talks began on Jan. 10 in Geneva. No deal was reached.",
     ["The talks began on Jan. 10 in Geneva.", "No deal was reached."]),
    ('"We will not retreat." Zelensky spoke from Kyiv.',
     ['"We will not retreat."', "Zelensky spoke from Kyiv."]),
    ('"It is over," he said. "Go home."', ['"It is over," he said.', '"Go home."']),
    ("He met George W. Bush in 2001. Later he left.", ["He met George W. Bush in 2001.", "Later he left."]),
    ("Is it over? No. We go on... and on. Done!", ["Is it over?", "No.", "We go on... and on.", "Done!"]),
    ("It was No. 5 on the list.", ["It was No. 5 on the list."]),
    # 'no' is an abbreviation only before a number (PolNeAR train: '... candidate said no. But he said ...')
    ("Asked if he was bullied, he said no. then he left.", ["Asked if he was bullied, he said no.", "then he left."]),
    # initials go on before a name or a lower-case word; an abbreviation or initials end the sentence
    # before a word that opens sentences (case study: 'Sputnik V. So, ...', 'etc. If ...')
    ("He moved to the U.S. The F.B.I. said it would look.", ["He moved to the U.S.", "The F.B.I. said it would look."]),
    ("Rep. G.K. Butterfield said the I.R.S. has questions.", ["Rep. G.K. Butterfield said the I.R.S. has questions."]),
    ("It lives in Selma, Ala. But it left. They met the U.S. Senate.",
     ["It lives in Selma, Ala.", "But it left.", "They met the U.S. Senate."]),
    ("We made Sputnik V. So, in this sense, we are ahead.", ["We made Sputnik V.", "So, in this sense, we are ahead."]),
    ("Thank you.(Applause.) Next question.", ["Thank you.(Applause.)", "Next question."]),
    ('She shouted "Stop!". Then she left.', ['She shouted "Stop!".', "Then she left."]),
    ("It grew by 5. The rest fell.", ["It grew by 5.", "The rest fell."]),
    ("Talks with “Mr. Trump” ended.", ["Talks with “Mr. Trump” ended."]),
    ("Harry Reid (D-Nev.) spoke. Then he left.", ["Harry Reid (D-Nev.) spoke.", "Then he left."]),
])
def test_sentence_splitting(text, expected):
    assert texts(sentences(text)) == expected


def test_paragraphs_joined_by_single_spaces_still_split_into_sentences():
    body = ("Vladimir Putin held a meeting. The situation in Donbass was discussed. "
            "Participants agreed on next steps.")
    assert len(paragraphs(body)) == 1
    assert len(sentences(body)) == 3


def test_single_newlines_separate_paragraphs_when_no_blank_line():
    assert texts(paragraphs("Headline\nFirst para.\nSecond para.")) == ["Headline", "First para.", "Second para."]


def test_tokens_keep_abbreviations_and_split_sentence_periods():
    assert texts(tokens("The U.S. backs Kharkiv's cross-border defence.")) == [
        "The", "U.S.", "backs", "Kharkiv's", "cross-border", "defence", "."]
    assert texts(tokens("said J.J. MacNab of the F.B.I.")) == ["said", "J.J.", "MacNab", "of", "the", "F.B.I."]
    assert texts(tokens("he said no. No. 1 is vol. 3")) == ["he", "said", "no", ".", "No.", "1", "is", "vol.", "3"]


def test_case_study_items_segment_with_offsets(shared):
    import csv
    with open(shared / "corpora" / "kremlin-zelensky" / "president-ua.csv", encoding="utf-8") as fh:
        rows = [r for _, r in zip(range(50), csv.DictReader(fh))]
    for row in rows:
        seg = segment(row["body"])
        assert seg.sentences, row["link"]
        for s in seg.sentences:
            assert row["body"][s.start:s.end] == s.text
        # sentences are sentence-sized even though paragraphs are joined with spaces
        assert max(len(s.text) for s in seg.sentences) < 2000


def _punkt_breaks(texts):
    """Sentence ends by nltk's Punkt with the same abbreviations (the algorithm we follow)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    punkt = PunktSentenceTokenizer(params)
    return [{e for _, e in punkt.span_tokenize(t)} for t in texts]


def test_sentences_match_nltk_punkt_on_the_seed(seed_text):
    paras = [p.text for p in paragraphs(seed_text)]
    assert [{e for _, e in split_sentences(t)} for t in paras] == _punkt_breaks(paras)


def test_sentences_match_nltk_punkt_on_polnear(shared):
    files = sorted((shared / "gold" / "polnear" / "dev" / "text").glob("*"))
    paras = [p.text for f in files for p in paragraphs(f.read_text(encoding="utf-8"))]
    ours = [{e for _, e in split_sentences(t)} for t in paras]
    theirs = _punkt_breaks(paras)
    n = sum(len(b) for b in theirs)
    differ = sum(len(a ^ b) for a, b in zip(ours, theirs))
    # Punkt also splits after a title inside curly quotes ('“Mr.| Trump'), after a title whose next
    # word ends a quoted sentence ('with Mr.| Trump."') and after initials ('the I.R.S.| has questions',
    # 'removed from N.Y.| debate site'); we do not. We split after an abbreviation before a word that
    # opens sentences ('Eau Claire, Wis.| And you', 'the answer is no.| He'); Punkt does not.
    assert n > 3000 and differ / n < 0.008, (differ, n)
