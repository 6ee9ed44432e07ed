"""The claim check: clause alignment and the features that flip meaning, on worked examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ics_assistant.answering.claims import clauses, parse_passage, parse_sentence, words
from ics_assistant.answering.entailment import entails
from ics_assistant.backends.embedders import SentenceTransformerEmbedder

from .answer_fixtures import load_corpus_docs
from .ingest_fixtures import real_embedder  # noqa: F401  (pytest fixture)

WORDS_FILE = Path(__file__).resolve().parent.parent / "ics_assistant" / "answering" / "claim_words.yaml"
CLASSES = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["classes"]


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_every_word_class_has_a_why_and_its_example_gives_its_reason(name: str) -> None:
    cls = CLASSES[name]
    assert cls["why"].strip() and "words" in cls
    example = cls["example"]
    result = entails(example["claim"], example["passage"])
    assert result.reason == example["reason"], (name, result)
    assert result.supported is (example["reason"] is None)


PASSAGE = (
    "The board met in March. Following several years of locally led development, 42 partnerships "
    "were established across the region on a statutory basis on 1 July 2022. Chief executive Ada "
    "Lovelace said the partnerships may change their boundaries in 2023. Some practices offer "
    "evening appointments."
)


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("42 partnerships were set up across the region on a statutory basis on 1 July 2022.", None),
        ("Ada Lovelace said the partnerships may change their boundaries in 2023.", None),
        ("42 partnerships were not established across the region on a statutory basis.", "negation"),
        ("Ada Lovelace said the partnerships will change their boundaries in 2023.", "modality"),
        ("Ada Lovelace said the partnerships change their boundaries in 2023.", "modality"),
        ("All practices offer evening appointments.", "quantity"),
        ("Practices offer evening appointments.", "quantity"),
        ("The board said the partnerships may change their boundaries in 2023.", "attribution"),
        (
            "42 partnerships were established across the region on a statutory basis, "
            "and each was given its own hospital budget.",
            "unsupported_claim",
        ),
        ("Evening appointments are offered by some practices because of demand.", "cause"),
    ],
)
def test_claims_against_a_passage(claim: str, reason: str | None) -> None:
    result = entails(claim, PASSAGE)
    assert result.reason == reason, result
    assert result.supported is (reason is None)


def test_a_claim_splits_into_clauses_with_their_own_features() -> None:
    parsed = parse_sentence("The plan was approved, but the trusts will not fund every service.")
    found = clauses(parsed)
    assert len(found) == 2
    approved, fund = found
    assert not approved.negated and fund.negated
    assert "future" in fund.modal and fund.universal == frozenset({"every"})


def test_may_the_month_is_not_a_modal() -> None:
    [clause] = clauses(parse_sentence("The clinic opened in May."))
    assert clause.modal == frozenset()


def test_passage_parses_are_cached_by_text() -> None:
    text = "The clinic opened in May. It serves the town."
    assert parse_passage(text) is parse_passage(text)
    assert len(parse_passage(text)) == 2


def test_word_classes_load_from_the_data_file() -> None:
    wc = words()
    assert "not" in wc.negation and wc.modal["may"] == "possible" and "all" in wc.universal
    assert "no" in wc.negation  # quoted in the file: unquoted, YAML reads it as False


def test_no_before_a_noun_negates_its_clause() -> None:
    passage = "All systems will need support to reach the standard by 2021."
    assert entails("No system will need support to reach the standard by 2021.", passage).reason == "negation"
    assert entails("Every system will need support to reach the standard by 2021.", passage).supported


def test_every_seed_sentence_is_entailed_by_its_own_passage() -> None:
    """Property: a source sentence checked (without the verbatim shortcut) against the paragraph it
    comes from is supported."""
    failures = []
    for meta, text in load_corpus_docs()[:3]:
        for para in [p for p in text.split("\n\n") if len(p) > 80][:6]:
            for sent in parse_passage(para):
                if len(sent.text) > 30 and not entails(sent.text, para).supported:
                    failures.append((meta.doc_id, sent.text))
    assert not failures


@pytest.mark.parametrize(
    ("claim", "passage", "reason"),
    [
        # the same fact in other words: kept
        (
            "The system will become an ICS from 1 April 2021.",
            "Our system will become an ICS on the 1st April 2021.",
            None,
        ),
        (
            "A change of name is not the answer, and it is not the end either.",
            "Changing the name is neither the answer nor the end.",
            None,
        ),
        ("The criteria have not yet been published.", "The criteria (as yet unpublished) are needed.", None),
        (
            "The plan runs from 1 November until 31 March.",
            "The plan covers the period from 1 November to 31 March.",
            None,
        ),
        (
            "Partners shared resources and made decisions quickly so as to give people the care they need.",
            "Partners shared resources and made decisions quickly to give people the care they need.",
            None,
        ),
        (
            "The areas are voluntary because they have no legal basis.",
            "The areas are voluntary as they have no legal basis.",
            None,
        ),
        ("Services get the most out of every pound.", "Services get maximum impact for every pound.", None),
        # the reverse of what the passage says, or more than it says: dropped
        (
            "Integration tends to be less likely across one or more footprints.",
            "Integration tends to be more likely across one or more footprints.",
            "direction",
        ),
        (
            "The clinic did not open in May.",
            "The clinic opened in May. It is not open on Sundays. It has not moved.",
            "negation",
        ),
        (
            "The areas are voluntary because their members chose it.",
            "The areas are voluntary. Their members chose it.",
            "cause",
        ),
    ],
)
def test_paraphrases_keep_their_meaning_and_reversals_do_not(
    claim: str, passage: str, reason: str | None
) -> None:
    result = entails(claim, passage)
    assert result.reason == reason, result


MEANING_PASSAGE = (
    "The case for buying new scanners is clear but delivery has proved difficult in the past. "
    "The clinic opened in May."
)


@pytest.mark.model
def test_a_paraphrased_clause_aligns_by_meaning_and_an_invented_one_does_not(
    real_embedder: SentenceTransformerEmbedder,  # noqa: F811
) -> None:
    """Real MiniLM: "hard" aligns with "difficult" (as it does by WordNet); the invented cause
    ("a shortage of skilled staff") still aligns with nothing."""
    kept = (
        "There is a clear case for buying new scanners, although delivering them has been hard in the past."
    )
    # without the embedder too: in WordNet "hard" shares its first sense with "difficult"
    assert entails(kept, MEANING_PASSAGE).supported
    assert entails(kept, MEANING_PASSAGE, real_embedder).supported
    invented = "Delivering them has been hard in the past because of a shortage of skilled staff."
    result = entails(invented, MEANING_PASSAGE, real_embedder)
    assert not result.supported and result.reason == "unsupported_claim"


@pytest.mark.parametrize(
    ("claim", "passage", "reason"),
    [
        # polarity on the aligned clause, not anywhere in the window
        (
            "Our hospitals have not agreed any limit on how long a patient should wait.",
            "Our hospitals have agreed that no patient should wait more than 45 minutes.",
            "negation",
        ),
        (
            "We did not meet the first standard, but we did meet the second standard.",
            "We met the first standard but did not meet the second standard.",
            "negation",
        ),
        (
            "None of the hospitals could have met the challenge on its own.",
            "No hospital could have met the challenge on its own.",
            None,
        ),
        # a negative pronoun negates its sentence: the passage's "no one" sits in another clause
        (
            "Where nobody can help, the volunteers can collect the medicines from your home.",
            "If there is no one who can help, the volunteers can collect the medicines from your home.",
            None,
        ),
        (
            "Nobody can collect the medicines from your home.",
            "The volunteers can collect the medicines from your home.",
            "negation",
        ),
        # where something goes from and to: swapped, it is the reverse; an idiom is no journey
        (
            "The volunteers take the medicines from the pharmacy to your home.",
            "The volunteers take the medicines from your home to the pharmacy.",
            "direction",
        ),
        (
            "The team can see how the child copes from day to day.",
            "The team can see how the child copes day to day.",
            None,
        ),
        # who did it: a common-noun agent is compared with the passage's actor of the same verb
        (
            "Fluoride varnish will be applied in schools by dental therapists.",
            "Dental nurses will apply fluoride varnish in schools.",
            "attribution",
        ),
        (
            "Fluoride varnish will be applied in schools by dental nurses.",
            "Dental nurses will apply fluoride varnish in schools.",
            None,
        ),
    ],
)
def test_polarity_and_actors_are_compared_on_the_aligned_clause(
    claim: str, passage: str, reason: str | None
) -> None:
    assert entails(claim, passage).reason == reason


def test_no_before_a_comparative_is_a_bound_not_a_negation() -> None:
    parsed = parse_sentence("Send it no later than three working days before the meeting.")
    assert not any(c.negated for c in clauses(parsed))


@pytest.mark.parametrize(
    ("claim", "passage", "reason"),
    [
        # an inverted condition asks "if", it does not oblige
        (
            "Should your reading be high, the pharmacist may offer you a monitor.",
            "If your reading is high, the pharmacist may offer you a monitor.",
            None,
        ),
        # "needs to" obliges as "must" does
        (
            "Every scan must be reviewed by a specialist first.",
            "A specialist needs to review every scan first.",
            None,
        ),
        # "unable to" keeps the passage's "cannot"
        (
            "People who are unable to leave home get a visit.",
            "People who cannot leave home get a visit.",
            None,
        ),
        # "as many as" is a bound ("up to"), not the quantity "many"
        ("The centre will do as many as 900 tests.", "The centre will do up to 900 tests.", None),
        # "lead to" gives a cause in the passage
        (
            "Staying in hospital too long may cause loss of strength.",
            "Staying in hospital too long can lead to loss of strength.",
            None,
        ),
        # a mark of another sentence of the window is not the clause's to drop
        (
            "Evening appointments are offered on Tuesdays so that people need not take time off.",
            "Sessions can take place by phone. Evening appointments are available on Tuesdays, "
            "so that people do not have to take time off.",
            None,
        ),
    ],
)
def test_paraphrases_that_keep_the_meaning(claim: str, passage: str, reason: str | None) -> None:
    assert entails(claim, passage).reason == reason


@pytest.mark.parametrize(
    ("claim", "passage", "reason"),
    [
        # a "will" on what the passage states as a plain present fact says the same
        ("The first session will last about an hour.", "The first session lasts about an hour.", None),
        # ... but not on an aim, an expectation, an obligation or a thing done
        ("We will see 9,000 patients in 2026/27.", "We aim to see 9,000 patients in 2026/27.", "modality"),
        (
            "The centre will open in spring 2027.",
            "The centre is expected to open in spring 2027.",
            "modality",
        ),
        (
            "These criteria will be agreed with local leaders.",
            "These criteria should be agreed with local leaders.",
            "modality",
        ),
        ("The board will publish the plan.", "The board published the plan.", "modality"),
        # an expectation the claim keeps in other words is no firmer
        (
            "The ICB anticipates that pharmacies will do 9,500 checks.",
            "The ICB expects pharmacies to carry out 9,500 checks.",
            None,
        ),
        # a possibility is a weakening only of the passage's "will" on the same verb
        (
            "The pilot may be reviewed after six months.",
            "The pilot will be reviewed after six months.",
            "modality",
        ),
        (
            "You can have your sessions by phone.",
            "Sessions can be by phone. They will start in May.",
            None,
        ),
    ],
)
def test_a_will_is_firmer_only_than_a_hedge(claim: str, passage: str, reason: str | None) -> None:
    result = entails(claim, passage)
    assert result.reason == reason, result.detail


@pytest.mark.parametrize(
    ("claim", "passage", "reason"),
    [
        # "the one place" picks a place, it counts nothing; "one of two places" is a count
        (
            "Glucose tests can be booked only by phone, and Fellmarsh Hospital is the one place where "
            "they are done.",
            "Glucose tests are only done at Fellmarsh Hospital and can only be booked by phone, not online.",
            None,
        ),
        (
            "Glucose tests can be booked only by phone, and Fellmarsh Hospital is one of two places where "
            "they are done.",
            "Glucose tests are only done at Fellmarsh Hospital and can only be booked by phone, not online.",
            "number_mismatch",
        ),
        # "is eligible to", "the option of" keep a passage's "can"; "will" does not
        (
            "Anyone with a score of 2 is also eligible to join the course.",
            "People with a score of 2 can also join the course.",
            None,
        ),
        ("You have the option of joining the weekly class.", "You can join the weekly class.", None),
        (
            "People with a score of 2 will join the course.",
            "People with a score of 2 can also join the course.",
            "modality",
        ),
        # "we need a referral" says "has to be referred"; a welcome referral does not
        (
            "Anyone with another lung condition has to be referred by a health professional.",
            "For other lung conditions we need a referral from a health professional.",
            None,
        ),
        (
            "Anyone with another lung condition has to be referred by a health professional.",
            "For other lung conditions a referral from a health professional is welcome.",
            "modality",
        ),
        # who is what ("X is the clinical lead" / "the clinical lead is X") is no attribution
        (
            "Dr Tomasz Rudnicki, a consultant therapist, is the clinical lead.",
            "The clinical lead is Dr Tomasz Rudnicki, consultant therapist.",
            None,
        ),
        (
            "Dr Anna Bell, a consultant therapist, is the clinical lead.",
            "The clinical lead is Dr Tomasz Rudnicki, consultant therapist.",
            "name_mismatch",
        ),
        ("The chief nurse announced the new team.", "The mayor announced the new team.", "attribution"),
    ],
)
def test_what_rewording_keeps_and_what_it_changes(claim: str, passage: str, reason: str | None) -> None:
    result = entails(claim, passage)
    assert result.reason == reason, result.detail


def test_every_of_what_the_passage_counts_is_a_quantity_error() -> None:
    passage = "Mental Health Support Teams now work in 42 schools and colleges across the area."
    claim = "Across the area, every school and college now has a Mental Health Support Team working in it."
    assert entails(claim, passage).reason == "quantity"
    # without "every" the claim says no more than the passage
    assert entails(
        "Mental Health Support Teams now work in schools and colleges across the area.", passage
    ).supported
