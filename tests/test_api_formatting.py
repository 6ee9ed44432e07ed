"""What API clients get: residents never see the sentences the support check removed."""

from __future__ import annotations

from ics_assistant.api.formatting import answer_json
from ics_assistant.types import Answer, Dropped

DROPPED = (Dropped("ICSs are not partnerships [1].", "negation", "the claim is negated"),)


def test_public_answers_carry_no_dropped_sentences_and_staff_answers_do() -> None:
    public = Answer(text="ok", dropped_sentences=("ICSs are not partnerships [1].",), dropped=DROPPED)
    assert answer_json(public)["dropped_sentences"] == [] and answer_json(public)["dropped"] == []
    staff = Answer(text="ok", dropped_sentences=("x",), dropped=DROPPED, audience="staff")
    d = answer_json(staff)
    assert d["dropped"] == [
        {"sentence": "ICSs are not partnerships [1].", "reason": "negation", "detail": "the claim is negated"}
    ]
    assert Answer.from_dict(d).dropped == DROPPED
