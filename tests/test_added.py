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


LIST_PASSAGE = "GPs, school nurses and hospital staff can refer to the team."


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("Referrals to the team can come from GPs, school nurses and hospital staff.", None),
        # one more member than the passage lists: an added claim, however well the rest aligns
        (
            "Referrals to the team can come from GPs, school nurses, pharmacists and hospital staff.",
            "unsupported_claim",
        ),
        ("GPs, school nurses, hospital staff and paramedics can refer to the team.", "unsupported_claim"),
        # a member reworded around a word the passage has is still the passage's member
        ("GPs, nurses in schools and hospital staff can refer to the team.", None),
    ],
)
def test_a_list_with_a_member_the_passage_does_not_name(claim: str, reason: str | None) -> None:
    result = entails(claim, LIST_PASSAGE)
    assert result.reason == reason, result.detail
    if reason:
        assert "list item" in result.detail
