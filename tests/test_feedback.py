"""FeedbackStore: the SQLite table the evals read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ics_assistant.errors import InputError
from ics_assistant.feedback import FeedbackStore
from ics_assistant.types import Answer, Citation, Turn

ANSWER = Answer(
    text="ICSs are partnerships [1].",
    citations=(Citation(1, "ics-faq", "FAQ", None, "ics-faq:0", "partnerships", 10, 22),),
    question="What is an ICS?",
)


def test_add_and_read_back(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "nested" / "feedback.db")
    first = store.add(question="What is an ICS?", answer=ANSWER, rating=1)
    second = store.add(
        question="And when?",
        answer=ANSWER.to_dict(),
        rating=-1,
        history=(Turn("user", "What is an ICS?"), Turn("assistant", ANSWER.text)),
        comment="  missing the date  ",
        audience="staff",
    )
    assert second == first + 1 and store.count() == 2
    a, b = store.records()
    assert a.rating == 1 and a.comment == "" and a.history == () and a.audience == "public"
    assert Answer.from_dict(a.answer) == ANSWER
    assert b.rating == -1 and b.comment == "missing the date" and b.audience == "staff"
    assert b.history[1] == Turn("assistant", ANSWER.text)
    assert b.created_at.endswith("+00:00")


def test_schema_matches_the_contract(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.db")
    store.add(question="q", answer=ANSWER, rating=1)
    with sqlite3.connect(store.path) as conn:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(feedback)")]
        row = conn.execute("SELECT rating, answer_json FROM feedback").fetchone()
    assert cols == [
        "id",
        "created_at",
        "question",
        "history_json",
        "answer_json",
        "rating",
        "comment",
        "audience",
    ]
    assert row[0] == 1 and '"ics-faq"' in row[1]


@pytest.mark.parametrize("rating", [0, 2, -5])
def test_bad_rating_is_refused_and_nothing_stored(tmp_path: Path, rating: int) -> None:
    store = FeedbackStore(tmp_path / "f.db")
    with pytest.raises(InputError, match="rating"):
        store.add(question="q", answer=ANSWER, rating=rating)
    with pytest.raises(InputError, match="comment"):
        store.add(question="q", answer=ANSWER, rating=1, comment="x" * 2001)
    assert store.count() == 0
