"""Justification, blame, agency in harm, distancing and naming: the seed and written passages."""
import pytest

from analysis.corpus import iter_corpus
from analysis.pipeline import annotate
from analysis.records import Article
from analysis.zones import detect_zones
from conftest import ROOT


def rows(text, cb):
    return annotate(Article("d", text, "", {}, detect_zones(text)), cb)


@pytest.fixture(scope="module")
def seed(cb):
    [art] = list(iter_corpus(ROOT / "corpus"))
    return art, annotate(art, cb)


def test_seed_putin_justifies_the_offensive(seed):
    art, r = seed
    by_marker = {j.marker: j for j in r["justifications"]}
    stop = by_marker["to stop"]
    assert "launched their recent offensive" in stop.action
    assert stop.reason == "cross-border attacks against Russia's border regions"
    assert by_marker["because"].reason.startswith("they have shelled")
    forced = by_marker["will be forced to"]
    assert (forced.action, forced.reason) == ("create a security zone", "if this continues")
    for j in r["justifications"]:
        assert (j.justifier, j.justifier_side) == ("Vladimir Putin", "russia")
        assert j.quote_id is not None
        assert art.text[j.start:j.end] == j.text


def test_seed_blame(seed):
    art, r = seed
    got = {(b.cue, b.blamer, b.blamer_side, b.target, b.target_side) for b in r["blame"]}
    assert ("Blames", "Vladimir Putin", "russia", "Ukraine", "ukraine") in got  # headline
    assert ("their fault", "Vladimir Putin", "russia", "Ukraine", "ukraine") in got  # in his quote
    assert ("slammed", "Russian authorities", "russia", "Kyiv", "ukraine") in got
    slam = next(b for b in r["blame"] if b.cue == "slammed")
    assert slam.reason == "what they call indiscriminate attacks on civilians"
    assert slam.quote_id is not None  # the statement 'slammed' reports
    assert all(b.quote_id is not None for b in r["blame"])
    fault = next(b for b in r["blame"] if b.cue == "their fault")
    assert fault.rule.endswith(":pronoun") and fault.quote_id is not None


def test_seed_agency_in_harm(seed):
    art, r = seed
    harm = r["harm"]
    targeted = next(h for h in harm if h.trigger == "targeted")
    assert targeted.construction == "passive_agentless"  # "by deadly artillery and drone strikes" names no agent
    assert (targeted.patient, targeted.patient_side) == ("Belgorod region", "russia")
    seizing = next(h for h in harm if h.trigger == "seizing")
    assert (seizing.construction, seizing.agent, seizing.agent_side) == ("active", "Russian troops", "russia")
    strikes = next(h for h in harm if h.trigger == "drone strikes")
    assert strikes.construction == "nominal" and strikes.agent is None


def test_seed_markers(seed):
    art, r = seed
    m = {(x.kind, x.label, x.side) for x in r["markers"]}
    assert ("distancing", "what_they_call", "russia") in m
    assert ("naming", "invasion", "ukraine") in m
    naming = next(x for x in r["markers"] if x.label == "invasion")
    assert naming.text == "full-scale invasion" and naming.quote_id is None
    # the donation appeal's "undesirable" and "foreign agent" are boilerplate, not scare quotes
    assert not any(x.kind == "scare_quote" for x in r["markers"])


@pytest.mark.parametrize("text, marker, action, reason, category", [
    ("Russia launched strikes on Kyiv in retaliation for the attack on the bridge.", "in retaliation for",
     "Russia launched strikes on Kyiv", "the attack on the bridge", "response"),
    ("In order to cover their retreat, the troops mined the roads.", "In order to",
     "the troops mined the roads", "cover their retreat", "goal"),
    ("We had no choice but to respond with force.", "had no choice but", "to respond with force", "", "necessity"),
])
def test_justification_rules(cb, text, marker, action, reason, category):
    [j] = rows(text, cb)["justifications"]
    assert (j.marker, j.action, j.reason, j.rule.split(":")[0]) == (marker, action, reason, category)
    assert j.justifier == "narrator" and j.quote_id is None


@pytest.mark.parametrize("text", [
    "Trade went down because of the pandemic.",                 # a cause of an event, not a reason given for an action
    "It is very important to prevent war in this situation.",   # an infinitive after an adjective
    "Thousands of people were forced to leave their homes.",    # coercion, not a justification
    "Did they attack because they were ordered to?",            # a question
    "Our conversation is important to me because you are a strong leader.",  # a judgement, not an action
    "Because without decisive action nothing will stop the aggressor.",       # a fragment with no action
    # case study (seed 8087)
    "Because to be completely frank, in matters of security we will talk about constitutional changes.",  # an aside
    "Our army is ready to defend every town of our country.",  # a complement of 'ready', not a purpose
])
def test_no_justification(cb, text):
    assert rows(text, cb)["justifications"] == []


def test_purpose_marker_inside_a_demand_is_not_a_justification(cb):
    got = rows("Companies show contempt in response to demands to stop financing the war.", cb)["justifications"]
    assert [j.marker for j in got] == ["in response to"]


@pytest.mark.parametrize("text, cue, blamer, target, target_side, reason", [
    ("Zelensky accused Moscow of war crimes in Bucha.", "accused", "Volodymyr Zelensky", "Moscow", "russia", "war crimes in Bucha"),
    ("Russia is accused by Western officials of blocking grain exports.", "accused", "Western officials", "Russia", "russia", "blocking grain exports"),
    ("NATO is to blame for the escalation, Lavrov said.", "is to blame", "Sergei Lavrov", "NATO", "west", "the escalation"),
])
def test_blame_rules(cb, text, cue, blamer, target, target_side, reason):
    b = next(b for b in rows(text, cb)["blame"] if b.cue == cue)
    assert (b.blamer, b.target, b.target_side, b.reason) == (blamer, target, target_side, reason)


@pytest.mark.xfail(strict=True, reason="'held X responsible' with the target inside the cue is not matched yet")
def test_blame_hold_responsible_with_object_inside(cb):
    [b] = rows("The Kremlin held Kyiv responsible for the attack.", cb)["blame"]
    assert (b.target, b.target_side) == ("Kyiv", "ukraine")


@pytest.mark.parametrize("text", [
    "I do not blame NATO.",                                      # negated
    "Who is responsible for this?",                              # a question
    "The officials who are responsible for these matters came.",  # a duty, not blame
])
def test_no_blame(cb, text):
    assert rows(text, cb)["blame"] == []


@pytest.mark.parametrize("text, trigger, construction, agent_side, patient_side", [
    ("Russian troops shelled Kharkiv overnight.", "shelled", "active", "russia", "ukraine"),
    ("Kharkiv was shelled by Russian forces.", "shelled", "passive_agent", "russia", "ukraine"),
    ("Kharkiv was shelled overnight.", "shelled", "passive_agentless", None, "ukraine"),
    ("Belgorod was hit by drones again.", "hit", "passive_agentless", None, "russia"),
    ("The Russian invasion began in February.", "invasion", "nominal", "russia", None),
])
def test_harm_constructions(cb, text, trigger, construction, agent_side, patient_side):
    h = next(h for h in rows(text, cb)["harm"] if h.trigger == trigger)
    assert (h.construction, h.agent_side, h.patient_side) == (construction, agent_side, patient_side)


def test_participles_adjectival_and_after_have(cb):
    got = {h.trigger: h for h in rows("Russian troops hold the occupied parts of Kherson. "
                                      "An invasion that has already killed thousands of Ukrainians.", cb)["harm"]}
    assert (got["occupied"].construction, got["occupied"].patient) == ("passive_agentless", "parts")
    assert got["killed"].construction == "active"  # "has already killed": an active verb, not a passive


@pytest.mark.parametrize("text", [
    "The economy was hit hard by the crisis.",      # no conflict in the sentence
    "Putin said the troops did not attack anyone.",  # negated
    "Staff moved to the bomb shelter.",              # codebook exclusion
])
def test_no_harm(cb, text):
    assert rows(text, cb)["harm"] == []


def test_markers_rules(cb):
    r = rows('The so-called special military operation began. Officials reportedly left. '
             'The "liberation" of the town was announced.', cb)["markers"]
    got = {(m.kind, m.label, m.side) for m in r}
    assert ("distancing", "so_called", "russia") in got   # the distanced term is Russia's
    assert ("naming", "special military operation", "russia") in got
    assert ("hedge", "reportedly", None) in got
    assert ("scare_quote", "liberation", "russia") in got


@pytest.mark.parametrize("text", [
    'Austria runs the initiative "Neighbor in Need" for refugees.',   # a title in quotes
    "A child died of dehydration for the first time since the Nazi invasion.",  # another war's naming
    "The new ships are named after commanders who liberated Europe from Nazism.",
])
def test_no_marker(cb, text):
    assert [m for m in rows(text, cb)["markers"] if m.kind in ("scare_quote", "naming")] == []


def test_claimed_in_the_narrators_voice_distances_the_claimant(cb):
    got = [(m.label, m.side) for m in rows("Moscow claimed that the strike hit a fuel depot. "
                                           "The disease claimed thousands of lives.", cb)["markers"] if m.kind == "distancing"]
    assert got == [("claimed", "russia")]


def test_distancing_inside_a_direct_quote_is_the_speakers(cb):
    r = rows('"This so-called operation must end," Zelensky said.', cb)["markers"]
    assert not any(m.kind == "distancing" for m in r)


def test_article_features(cb, tmp_path):
    import pandas as pd
    from analysis.pipeline import run
    run(ROOT / "corpus", tmp_path, progress=False)
    a = pd.read_parquet(tmp_path / "articles.parquet").iloc[0]
    assert a.quotes_russia >= 7 and a.quotes_ukraine == 0 and a.quote_share_russia == 1.0
    assert a.justifications_russia == 3 and a.justifications_narrator == 0
    assert a.blame_by_russia == 3 and a.blame_of_ukraine == 3
    assert a.harm_agentless_russia >= 1 and a.distancing_russia == 1
    assert a.naming_invasion == 1
