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
