"""Names and numbers of a claim against the passage (``answering/figures.py``, via ``entails``)."""

from __future__ import annotations

import pytest

from ics_assistant.answering.entailment import entails

PASSAGE = (
    "The clinic takes calls from children under 18 between 8am and 10pm. A nurse will call you "
    "back within ten working days. The service opened 5 new hubs last year under the "
    "parliamentary bill."
)


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("The clinic takes calls from under-18s between 8am and 10pm.", None),
        ("A nurse will phone you back within ten working days.", None),
        # "five" is said in the passage, but of something else: a figure belongs to its sentence
        ("A nurse will call you back within five working days.", "number_mismatch"),
        # a number the claim repeats more often than the passage says it is a changed figure
        ("The clinic takes calls from children under 18 from 8am to 8pm.", "number_mismatch"),
        ("The service opened 5 new hubs last year under the Parliament bill.", None),
    ],
)
def test_names_and_numbers(claim: str, reason: str | None) -> None:
    assert entails(claim, PASSAGE).reason == reason


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        # "one" set against "another", or standing for a noun, counts nothing
        ("What is offered varies from one study to another, as the information sheet says.", None),
        ("A complex request, such as one covering many years of records, can take two more months.", None),
        # a count is still a count
        ("You can bring one escort with you.", "number_mismatch"),
    ],
)
def test_one_that_counts_nothing(claim: str, reason: str | None) -> None:
    passage = (
        "This is different for every study: the information sheet says what is offered. "
        "If your request is complex, for example if it covers many years of records, we can take "
        "up to two further months. You can bring two escorts with you."
    )
    assert entails(claim, passage).reason == reason


UNIT = (
    "The unit cares for children aged 3 months to 16 years. The unit has 12 bays, two operating "
    "theatres and a play area. At the first appointment, which takes about 2 hours, your child may "
    "have skin prick tests, and 6 nurses run the clinic."
)


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("The unit has 12 bays and two operating theatres.", None),
        # "16" is in the aligned sentences, but counting years: the passage counts the bays as 12
        ("The unit has 16 bays, two operating theatres and a play area.", "number_mismatch"),
        ("The first appointment takes about 6 hours.", "number_mismatch"),
        ("The first appointment takes about 2 hours.", None),
        # the same number counting a thing in other words is not a changed figure
        ("Children from 3 months up to 16 years are cared for on the unit.", None),
    ],
)
def test_a_count_of_a_thing_the_passage_counts_with_another_number(claim: str, reason: str | None) -> None:
    assert entails(claim, UNIT).reason == reason


@pytest.mark.parametrize(
    "claim",
    [
        # a range shares its noun: "from 3 to 6 nurses" counts 3 nurses too
        "The team will go up from 3 nurses to 6.",
        # "5pm" is a time, not a count of "pm"
        "The clinic is open until 5pm, with a late clinic on Thursdays until 7pm.",
    ],
)
def test_ranges_and_times_are_not_miscounts(claim: str) -> None:
    passage = (
        "The team will grow from 3 to 6 nurses. "
        "The clinic is open until 5pm, with a late clinic on Thursdays until 7pm."
    )
    assert entails(claim, passage).reason is None
