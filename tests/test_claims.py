"""Claims: tokens, their alignment keys and the clauses of a parsed sentence (``answering/claims.py``)."""

from __future__ import annotations

import pytest

from ics_assistant.answering.claims import parse_sentence
from ics_assistant.answering.entailment import entails


def _keys(sentence: str, word: str) -> frozenset[str]:
    return next(t.keys for t in parse_sentence(sentence).toks if t.lower == word)


@pytest.mark.parametrize(
    ("a", "b"),
    [("importance", "important"), ("increasingly", "increase"), ("providers", "provide")],
)
def test_derived_words_share_a_key(a: str, b: str) -> None:
    """Derivational endings ("-ance", "-ly", "-er") do not stop two forms of a word aligning."""
    assert _keys(f"The {a} was noted.", a) & _keys(f"The {b} was noted.", b)


def test_short_words_and_numbers_keep_their_own_keys() -> None:
    assert "dat" not in _keys("The data was noted.", "data")
    assert _keys("It costs 2023 pounds.", "2023") >= {"2023"}


def test_a_derived_word_aligns_in_a_claim() -> None:
    passage = "The partnerships will play an increasingly important role in recovery."
    assert entails(
        "The role of the partnerships in recovery will keep growing in importance.", passage
    ).supported


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("We aim to raise the share of 5-year-olds with a good level of development.", None),
        ("We aim to raise the share of children aged 5 with a good level of development.", None),
        ("We aim to raise the share of 6-year-olds with a good level of development.", "number_mismatch"),
    ],
)
def test_an_age_compound_says_an_age(claim: str, reason: str | None) -> None:
    passage = "We aim to raise the proportion of children with a good level of development at age 5."
    assert entails(claim, passage).reason == reason


@pytest.mark.parametrize(("a", "b"), [("considerable", "consider"), ("relative", "relate")])
def test_an_ending_that_changes_the_meaning_keeps_words_apart(a: str, b: str) -> None:
    assert not _keys(f"The {a} was noted.", a) & _keys(f"The {b} was noted.", b)


@pytest.mark.parametrize(
    ("passage", "claim", "reason"),
    [
        # "or none", "from none": one of the alternatives, no negated clause to excuse a "not"
        (
            "The team is made up of 6 chaplains and 28 volunteers from different faiths and from none.",
            "The team is not made up of 6 chaplains and 28 volunteers from different faiths and from none.",
            "negation",
        ),
        (
            "We welcome volunteers of any faith or none who can give 3 hours a week.",
            "We do not welcome volunteers of any faith or none who can give 3 hours a week.",
            "negation",
        ),
        (
            "We welcome volunteers of any faith or none who can give 3 hours a week.",
            "Volunteers of any faith or of no faith who can give 3 hours a week are welcome.",
            None,
        ),
        # a real negative quantity still negates
        ("No hospital could meet the target.", "The hospitals could not meet the target.", None),
    ],
)
def test_a_negative_word_among_alternatives_negates_nothing(
    passage: str, claim: str, reason: str | None
) -> None:
    assert entails(claim, passage).reason == reason


def test_due_to_before_a_verb_is_a_time_not_a_cause() -> None:
    passage = "A new centre called the Linden Room will open at the hospital on Monday 7 June 2027."
    assert entails("The Linden Room is due to open at the hospital on Monday 7 June 2027.", passage).supported
    closed = "The Linden Room closed on Monday 7 June 2027."
    assert entails("The Linden Room closed on Monday 7 June 2027 due to a flood.", closed).reason == "cause"


def test_a_sentence_opening_should_asks_if_and_obliges_nothing() -> None:
    passage = "If you do not want photos taken, you can still ask to be seen at the hospital."
    claim = "Should you not want any photos taken, you can still ask to be seen at the hospital."
    assert entails(claim, passage).supported
