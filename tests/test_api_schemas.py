"""Text is checked once at the edge: surrogates are a clear 422 everywhere, controls are removed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings
from ics_assistant.feedback import FeedbackStore
from ics_assistant.types import Answer

from .web_fixtures import FakeAssistant

QUESTION = "When were the 42 integrated care systems established on a statutory basis?"
BAD = "\ud800"


def raw_json(body: dict[str, Any]) -> bytes:
    """JSON with the lone surrogate written as the escape ``\\ud800`` (as an attacker sends it)."""
    return json.dumps(body, ensure_ascii=True).encode("ascii")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, FakeAssistant())) as c:
        yield c


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/chat", {"message": BAD}),
        ("/api/chat/stream", {"message": "hi " + BAD}),
        ("/api/chat", {"message": "hi", "history": [{"role": "user", "content": BAD}]}),
        ("/v1/chat/completions", {"messages": [{"role": "user", "content": BAD}]}),
        (
            "/v1/chat/completions",
            {"messages": [{"role": "user", "content": [{"type": "text", "text": BAD}]}]},
        ),
        ("/v1/chat/completions", {"stream": True, "messages": [{"role": "user", "content": BAD}]}),
        ("/api/feedback", {"question": "q", "answer": {"text": BAD}, "rating": 1}),
        ("/api/feedback", {"question": BAD, "answer": {"text": "a"}, "rating": 1}),
        ("/api/feedback", {"question": "q", "answer": {"text": "a"}, "rating": 1, "comment": BAD}),
    ],
)
def test_lone_surrogates_are_a_clear_422(client: TestClient, path: str, body: dict[str, Any]) -> None:
    r = client.post(path, content=raw_json(body), headers={"Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "invalid_request"
    assert "surrogate" in err["message"] or "unicode" in err["message"]


def test_control_characters_never_reach_the_core(settings: Settings) -> None:
    fake = FakeAssistant()
    with TestClient(create_app(settings, fake)) as c:
        r = c.post("/api/chat", json={"message": "When were\x00 the 42\x1b ICSs established?\u202e"})
        assert r.status_code == 200
        r = c.post(
            "/v1/chat/completions", json={"messages": [{"role": "user", "content": "ICS\x07 boards?"}]}
        )
        assert r.status_code == 200
    assert [q for q, _, _ in fake.calls] == ["When were the 42 ICSs established?", "ICS boards?"]


@pytest.mark.parametrize("rating", [True, False, 1.0, "1", 2, 0])
def test_feedback_rating_is_strict(client: TestClient, rating: Any) -> None:
    r = client.post("/api/feedback", json={"question": "q", "answer": {"text": "a"}, "rating": rating})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_feedback_answer_is_stored_clean(client: TestClient, settings: Settings) -> None:
    answer = client.post("/api/chat", json={"message": QUESTION}).json()
    answer["text"] = answer["text"] + "\x00"
    r = client.post("/api/feedback", json={"question": QUESTION, "answer": answer, "rating": 1})
    assert r.status_code == 201
    (row,) = FeedbackStore(settings.feedback_db).records()
    assert "\x00" not in row.answer["text"]


class CrashingAssistant(FakeAssistant):
    """Fails half-way through a streamed answer with an unexpected (non-Assistant) error."""

    def stream(self, question: str, history: Any = (), audience: Any = "public") -> Iterator[str | Answer]:
        yield "partial "
        raise TypeError("tokenizer blew up")


def test_streams_end_with_an_error_event_not_a_cut(settings: Settings) -> None:
    with TestClient(create_app(settings, CrashingAssistant())) as c:
        text = c.post("/api/chat/stream", json={"message": QUESTION}).text
        v1 = c.post(
            "/v1/chat/completions", json={"stream": True, "messages": [{"role": "user", "content": QUESTION}]}
        ).text
    assert "event: error" in text and "internal_error" in text and "Traceback" not in text
    assert "tokenizer" not in text
    assert "internal_error" in v1 and v1.rstrip().endswith("data: [DONE]")
