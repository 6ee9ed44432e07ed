"""Added phrases: an invented phrase on a faithful clause is an unsupported claim (``answering/added.py``)."""

from __future__ import annotations

import pytest

from ics_assistant.answering.entailment import entails

PASSAGE = (
    "The partnerships will play an increasingly important role in the recovery of services for the "
    "benefit of patients. Local organisations will work with councils and other bodies."
)


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("Local organisations will work with councils and other bodies.", None),
        (
            "Local organisations will work with councils and other bodies, under a single contract "
            "held by the regulator.",
            "unsupported_claim",
        ),
        (
            "The partnerships will play an increasingly important role in the recovery of services, "
            "with each partnership taking direct control of its ambulance fleet.",
            "unsupported_claim",
        ),
    ],
)
def test_added_phrases(claim: str, reason: str | None) -> None:
    assert entails(claim, PASSAGE).reason == reason
