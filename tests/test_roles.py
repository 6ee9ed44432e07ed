"""The role a question asks the holder of (``answering/roles.py``), parsed with spaCy."""

from __future__ import annotations

import pytest

from ics_assistant.answering.roles import role_asked


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Who is the chief executive of the ICB?", {"executiv"}),
        ("Who is the independent chair of the board?", {"chair"}),  # the noun, not its adjective
        ("Which consultant is the clinical lead at the centre?", {"lead"}),
        ("What is the name of the manager who runs the centre day to day?", {"manager"}),
        ("What's the name of the operations manager?", {"oper", "manager"}),
        ("Who are the board members?", set()),  # several people: no one role holder
        ("When does the centre open?", set()),
    ],
)
def test_the_role_a_question_asks_the_holder_of(question: str, role: set[str]) -> None:
    assert set(role_asked(question)) == role
