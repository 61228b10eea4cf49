"""Every pattern that runs on untrusted text stays linear on long and adversarial input.

pytest-timeout guards each case: a pattern with catastrophic backtracking would
take minutes to hours on these inputs, not seconds.
"""
import pytest

from analysis.actors import find_mentions
from analysis.document import doc_from_text
from analysis.pipeline import annotate
from analysis.records import Article
from analysis.text import segment, tokens
from analysis.zones import detect_zones

ADVERSARIAL = {
    "quotes": '"' * 20000,
    "mixed_quotes": ('“a ‘b " c’ ' * 3000),
    "spaces": "said " + " " * 50000 + "x",
    "hyphens": "a" + "-a" * 20000 + "!",
    "apostrophes": "Kyiv" + "'s" * 20000,
    "dots": "U.S." * 10000 + " said",
    "initials": "J." * 50000 + " The F.B.I. said" + " A." * 20000,
    "long_word": "x" * 200000,
    "newlines": "\n \n" * 20000,
    "slashes": "Photo " + "/ " * 20000 + "AFP?",
    "according": "according to " * 5000,
    "names": "Vladimir Putin " * 10000 + "said",
    "commas": "he said, " * 10000,
    "end_marks": '!".' * 20000 + " x",
    "titles": "Mr. " * 20000,
    "one_word_marks": "a" * 100000 + ".(" + "b." * 20000 + " c",
    # thousands of statements in one document (each rule of session 3 at least once)
    "and_said": "Giles left and said so that it was fine. " * 5000,
    "who_said": "Podesta, who said the plan was fine, left. " * 5000,
    "title_lines": "Clinton Says Russians Hacked DNC\n\n" * 5000,
    "dashes": "Jason Sims — a teacher — says he made it. " * 5000,
    "parentheticals": "We will be happy, as I told our guest today, to see them, I believe, soon. " * 3000,
    # session 5: turn labels with 'of' and '(retranslated)'; role phrases resolved against holders
    "turn_labels": "President of Russia Vladimir Putin(retranslated): I think that it works. " * 3000,
    "of_chain": "President" + " of The" * 20000 + ": x",
    # session 10: Kremlin turn labels with a reversed name glued to the role
    "glued_labels": "Kostin AndreiVTB Bank Chairman: I think that it works. " * 3000,
    "glued_no_colon": "Kostin AndreiVTB" + " Bank Chairman" * 20000,
    "roles": "Adviser to the Head of the Office of the President Mykhailo Podolyak spoke. The President said it works. " * 2000,
    # session 14: polls after 'in', 'the' phrases after a comma, contracted pronouns
    "polls": "In a CNN poll released Monday, 50 percent chose Clinton, up 3 points in the latest poll. " * 3000,
    "in_chain": "in the" * 20000 + " poll",
    "the_phrases": "It works, the board said, the admiral noted. " * 5000,
    "contractions": "He’s said it. They've said it. I'd note it. " * 5000,
    # session 15: glued words and repeated names in runs, places, datelines, bare plurals
    "glued_words": "A" + "a" * 100000 + "B" + " Alexander Lukashenko" * 5000,
    "place_runs": "Prime Minister of Estonia Alar Karis of Columbia, South Carolina says it. He said it. " * 2000,
    "datelines": "WASHINGTON " * 20000 + "— Sanders spoke, saying it works.",
    "bare_plurals": "but hacking specialists say it works. " * 5000,
    "distinct_caps": " ".join("X" + a + b + c + d for a in "abcdefghijklmnopqrstuvwxyz" for b in "aeiou" for c in "bcdfghklmnprstvz"
                              for d in "aeiou")
    + " said it works. He said so.",
    # session 16: turn labels inside a sentence
    "inner_turns": "but still… Vladimir Putin: Yes, and talks President of Russia Vladimir Putin: Mr Lavrov, I think so, " * 3000,
    "cap_colons": ("Aa " * 11 + "Bb: Cc ") * 5000 + "I said it.",
    "messages": 'Vladimir Putin sent greetings. The message reads: "Welcome." ' * 5000,
    # session 17: a name inside a 'who' clause before the cue
    "who_with": "Residents who spoke with Reuters said the town was calm. " * 5000,
    # session 21: 'he said' looks back for a subject 'he' in the clause that named the last person
    "pronoun_chain": "Putin said that he met Joe Biden, and he,  and he " * 3000 + '"It works," he said.',
    "asked": "When asked by a reporter whether it works, " * 5000 + "he was asked about" + " it," * 5000,
    "who_chain": "Officials" + " who spoke with Reuters" * 3000 + " said the town was calm.",
    "quoted_names": '"We hold," a commander with the call sign "Bankir" told Reuters. ' * 3000,
    "name_run": '"We hold," the' + ' "A"' * 10000 + " brigade said.",
    # session 18: 'you' in a transcript looks back for the person addressed, past hand-overs
    "you_turns": ("Dmitry Peskov: Next, please.\nVladimir Putin: You said that it was so, and you told me that it works. " * 3000),
    "you_after_long_turns": "Anna Petrova: " + "word " * 50000 + "\nVladimir Putin: " + "You said that the talks had failed. " * 5000,
    "you_same_speaker": "Vladimir Putin: You said that it was so. Please tell us what you need. Yesterday I said it.\n" * 3000,
    # session 19: one sentence of thousands of statements, each ending where the next speaker's begins
    # (each statement searched to the sentence's end for its clause's end: 2,000 of them took 4.3 s, 4,000 16 s)
    "said_chain": " ".join(["Putin said the talks had failed and Zelensky said the war would go on,"] * 10000) + " and 40 percent say so.",
    "negative_subject_far": "Nobody " + "and the officer " * 20000 + "said that it was so.",
    # ... and where the second subject is neither named nor counted, so nothing is cut and every
    # candidate cue was checked for a verb from the statement's start (4,000 of them: 0.9 s)
    "unnamed_second_speakers": "Officials said the strike hit a school"
    + " and the teachers said nobody was hurt" * 90000 + ".",
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_pipeline_is_linear_on_adversarial_text(name, cb):
    text = ADVERSARIAL[name]
    segment(text)
    tokens(text)
    detect_zones(text)
    find_mentions(text, cb)
    annotate(Article("x", text, "", {}, detect_zones(text)), cb)


@pytest.mark.timeout(60)
def test_a_long_headline_full_of_names_is_read_in_linear_time(cb):
    # session 21: a headline that credits the page is searched once per person named in it
    head = "Zelenskyy's speech and Putin's remarks - " * 20000 + "Zelenskyy"
    text = head + "\n\nI said it works. We know it."
    rows = annotate(Article("x", text, "", {}, detect_zones(text, headline_end=len(head))), cb)
    assert rows["quotes"][0].speaker == "Volodymyr Zelensky"


@pytest.mark.timeout(120)
def test_long_realistic_article(cb, seed_text):
    body = seed_text.split("Sign up for our")[0]
    text = body * 200  # about 370 KB of news prose
    rows = annotate(Article("x", text, "", {}, detect_zones(text)), cb)
    assert len(rows["mentions"]) > 1000
    assert doc_from_text(text[:5000], cb).seg.sentences
