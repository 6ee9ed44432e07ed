"""Who said or did it (``answering/attribution.py``, via ``entails``)."""

from __future__ import annotations

import pytest

from ics_assistant.answering.entailment import entails

PASSAGE = (
    "If you cannot leave your home, your GP practice or the community nursing team will arrange "
    "for a nurse to visit you. The ICB pays for dental care. This means we cannot order a practice "
    "to take on new patients."
)


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        (
            "If you cannot leave your home, the community nursing team will arrange for a nurse to "
            "visit you.",
            None,
        ),
        # each conjunct of "X or Y" must be an actor of the passage
        (
            "If you cannot leave your home, your local pharmacy or the community nursing team will "
            "arrange for a nurse to visit you.",
            "attribution",
        ),
        # a name must be named: the passage's "we" could be anyone
        ("The ICB cannot order a practice to take on new patients.", "attribution"),
    ],
)
def test_actors(claim: str, reason: str | None) -> None:
    assert entails(claim, PASSAGE).reason == reason
