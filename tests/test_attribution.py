"""Who said or did it (``answering/attribution.py``, via ``entails``)."""

from __future__ import annotations

import pytest

from ics_assistant.answering.attribution import attribution_problem
from ics_assistant.answering.claims import Clause, clauses, parse_sentence
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


def _clause(sentence: str, head: str) -> Clause:
    return next(c for c in clauses(parse_sentence(sentence)) if c.head.lower == head)


def test_an_actor_is_compared_with_the_actors_of_the_same_event() -> None:
    """ "Sessions can take place" is another event than "take time off": nothing to compare."""
    claim = _clause("People with day jobs need not take time off work.", "take")
    other_event = clauses(parse_sentence("Sessions can take place in person."))
    same_event = clauses(parse_sentence("Sessions can take time off work."))
    assert attribution_problem(claim, other_event) is None
    assert attribution_problem(claim, same_event) is not None


def test_a_reporting_verb_compares_every_actor_of_that_verb() -> None:
    claim = _clause("The mayor said that the service would expand.", "said")
    passage = clauses(parse_sentence("The chief nurse said that the clinic would close."))
    assert attribution_problem(claim, passage) is not None


def test_who_the_passage_does_it_with_may_be_the_claims_subject() -> None:
    """ "a password agreed with the patient": the patient agreed it; someone else did not."""
    passage = clauses(parse_sentence("Nurses may ask for a password agreed with the patient."))
    partner = _clause("Nurses may ask for a password that the patient has agreed.", "agreed")
    stranger = _clause("Nurses may ask for a password that the doctor has agreed.", "agreed")
    assert attribution_problem(partner, passage) is None
    assert attribution_problem(stranger, passage) is not None
