"""Short clauses that do not align (``answering/carried.py``): carried by the rest of the claim,
or claims of their own; and negated clauses that say what a passage word means."""

from __future__ import annotations

import pytest

from ics_assistant.answering.entailment import entails


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        # a purpose the passage gives, in its words: a short clause carried by the claim
        ("A link worker will contact you within 10 working days to arrange your first session.", None),
        # a purpose it does not give, inside a short "to check that ..." clause: a claim of its own
        (
            "A link worker will contact you within 10 working days to check that you are eligible.",
            "unsupported_claim",
        ),
        # a short clause that is no reason still rides on the rest ("as you find out")
        ("You can refer yourself to a midwife as you find out you are pregnant.", None),
    ],
)
def test_a_reason_the_passage_does_not_give_is_a_claim(claim: str, reason: str | None) -> None:
    passage = (
        "A link worker will contact you within 10 working days to arrange your first session. "
        "As soon as you know you are pregnant, you can refer yourself to a midwife."
    )
    assert entails(claim, passage).reason == reason


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        # a short sentence of its own is a claim: nothing else in it carries it
        ("It often runs in families.", "unsupported_claim"),
        # joined on by "and" with nothing of it in the passage: a claim of its own
        (
            "You may wait in the lounge while your medicines are finished, and you can watch television.",
            "unsupported_claim",
        ),
        ("You may wait in the lounge while your medicines are finished.", None),
    ],
)
def test_a_short_clause_is_carried_only_by_what_it_hangs_on(claim: str, reason: str | None) -> None:
    passage = (
        "Tongue-tie affects about 1 in 10 babies. This sheet is for families of babies. "
        "You may be asked to wait in the lounge while your medicines are finished."
    )
    assert entails(claim, passage).reason == reason


def test_a_word_of_the_passage_may_mean_the_claims_negation_by_its_definition() -> None:
    passage = "Sing to Breathe is a free singing group. It is free, and pass holders get 20% off."
    # "free" is "costing nothing": the negated claim says what the passage says
    assert entails("Sing to Breathe is a singing group that costs nothing to attend.", passage).supported
    assert entails("The pass costs nothing.", passage).supported
    # and its reverse does not
    assert entails("Sing to Breathe is a singing group that is not free.", passage).reason == "negation"
    assert not entails("The pass costs something.", passage).supported
