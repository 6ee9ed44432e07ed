"""The question log: redacted entries with outcomes, feedback attached, purge after retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings
from ics_assistant.operations.wiring import Operations
from ics_assistant.querylog.store import SqlStore

from .web_fixtures import FakeAssistant

QUESTION = "When were the 42 integrated care systems established on a statutory basis?"


def test_store_round_trip_and_purge(settings: Settings) -> None:
    store = SqlStore(settings.console_database_url)
    now = datetime.now(UTC)
    old = store.add_question(
        question="old",
        refused=True,
        reason="not_covered",
        cited=[],
        latency_ms=3.0,
        audience="public",
        at=now - timedelta(days=40),
    )
    new = store.add_question(
        question="new", refused=False, reason=None, cited=["ics-faq"], latency_ms=5.0, audience="staff"
    )
    assert old < new
    assert store.set_feedback("new", 1) and not store.set_feedback("missing", 1)
    [entry] = store.questions(refused=False)
    assert entry.cited == ("ics-faq",) and entry.feedback == 1 and entry.audience == "staff"
    assert store.purge(30) == 1
    assert [q.question for q in store.questions()] == ["new"]


def test_api_questions_are_logged_redacted_with_outcome_and_feedback(settings: Settings) -> None:
    with TestClient(create_app(settings, FakeAssistant())) as client:
        answer = client.post("/api/chat", json={"message": QUESTION}).json()
        personal = "I'm John Smith, NHS number 943 476 5919, xyzzy plugh frobnicate?"
        client.post("/api/chat", json={"message": personal})
        client.post("/api/feedback", json={"question": QUESTION, "answer": answer, "rating": 1})
        ops: Operations = client.app.state.ops  # type: ignore[attr-defined]
        ops.recorder.flush()
        entries = ops.store.questions()
        stored_feedback = ops.feedback.records()
    refused, answered = entries  # newest first
    assert answered.question == QUESTION and not answered.refused and answered.feedback == 1
    assert answered.cited and answered.latency_ms >= 0
    assert refused.refused and refused.reason == "not_in_sources"
    assert "John Smith" not in refused.question and "943 476 5919" not in refused.question
    assert "<PERSON>" in refused.question and "<UK_NHS>" in refused.question
    assert stored_feedback[0].question == QUESTION


def test_feedback_is_redacted_before_it_is_stored(settings: Settings) -> None:
    with TestClient(create_app(settings, FakeAssistant())) as client:
        question = "Can Mary Brown at 07700 900123 get help?"
        answer = client.post("/api/chat", json={"message": question}).json()
        client.post(
            "/api/feedback",
            json={"question": question, "answer": answer, "rating": -1, "comment": "call me on 07700 900123"},
        )
        ops: Operations = client.app.state.ops  # type: ignore[attr-defined]
        [record] = ops.feedback.records()
    assert "07700 900123" not in record.question + record.comment + str(record.answer)
    assert "Mary Brown" not in record.question


def test_an_app_started_twice_keeps_logging(settings: Settings) -> None:
    app = create_app(settings, FakeAssistant())
    for _ in range(2):  # e.g. a session-wide app used by several TestClients
        with TestClient(app) as client:
            assert client.post("/api/chat", json={"message": QUESTION}).status_code == 200
    ops: Operations = app.state.ops
    ops.recorder.flush()
    assert len(ops.store.questions()) == 2
