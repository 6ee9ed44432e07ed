"""Which way a number is bounded, and the support check's reading of a bound turned round."""

from __future__ import annotations

import pytest

from ics_assistant.answering.bounds import bound
from ics_assistant.answering.claims import parse_sentence
from ics_assistant.answering.entailment import entails


def _bound_of(sentence: str, number: str) -> str | None:
    toks = parse_sentence(sentence).toks
    return bound(toks, next(j for j, t in enumerate(toks) if t.text == number))


@pytest.mark.parametrize(
    ("sentence", "number", "side"),
    [
        ("Parents can ask for the records of a child under 13.", "13", "upper"),
        ("A parent can ask for the records of a child older than 13.", "13", "lower"),
        ("You may have to wait up to 90 minutes.", "90", "upper"),
        ("You may have to wait at least 90 minutes.", "90", "lower"),
        ("Please book by the time you are 10 weeks pregnant.", "10", "upper"),
        ("Checks are free for adults aged 40 and over.", "40", "lower"),
        ("A pharmacist can give you no less than 12 months of pills.", "12", "lower"),
        ("A pharmacist can give you no more than 12 months of pills.", "12", "upper"),
        ("You will have therapy for 12 weeks.", "12", None),
        # a bound after the number outranks one before it
        ("18 pharmacies are open until 10pm or beyond.", "10", "lower"),
        ("18 pharmacies are open until 10pm or later.", "10", None),
        ("Visits take 12 minutes up the road.", "12", None),  # "up" bounds only in "up to"
        ("It grew from 160 to 220 beds.", "220", None),  # the end of a range is not a bound
    ],
)
def test_the_bound_of_a_number(sentence: str, number: str, side: str | None) -> None:
    assert _bound_of(sentence, number) == side


HOME = "You may have to wait up to 90 minutes for your journey home."


@pytest.mark.parametrize(
    ("claim", "passage", "reason"),
    [
        ("You may have to wait at least 90 minutes for your journey home.", HOME, "direction"),
        (
            "Aim to book once you are past 10 weeks.",
            "Please book by the time you are 10 weeks pregnant.",
            "direction",
        ),
        (
            "Babies who drink under 500ml a day need no drops.",
            "Babies who have more than 500ml a day need no drops.",
            "direction",
        ),
        # the same bound in other words, and a bound the claim leaves out, pass
        ("You may have to wait as long as 90 minutes for your journey home.", HOME, None),
        (
            "Adults aged 40 or older can have a free check.",
            "Free checks are for adults aged 40 and over.",
            None,
        ),
        (
            "Send it no later than three days before the meeting.",
            "Send it at least three days before the meeting.",
            None,
        ),
        # "one" in "by one team" is not the "1" of a date
        (
            "From 1 March, adults will be supported at home by one team.",
            "From 1 March, a single team will support adults at home.",
            None,
        ),
    ],
)
def test_a_bound_turned_round_reverses_the_claim(claim: str, passage: str, reason: str | None) -> None:
    assert entails(claim, passage).reason == reason


def test_either_side_of_a_change_reverses_the_other() -> None:
    passage = "The number of referrals keeps rising."
    assert entails("The number of referrals continues to go down.", passage).reason == "direction"
    assert entails("The number of referrals is still rising.", passage).reason is None
