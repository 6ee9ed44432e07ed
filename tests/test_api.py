"""HTTP API: /api/chat, /api/chat/stream, /api/feedback, /api/health, errors, auth, CORS, limits."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings
from ics_assistant.errors import IndexNotBuiltError
from ics_assistant.feedback import FeedbackStore
from ics_assistant.types import Answer

from .web_fixtures import FakeAssistant

QUESTION = "When were the 42 integrated care systems established on a statutory basis?"


def make_client(settings: Settings, assistant: Any | None = None, **update: Any) -> TestClient:
    s = settings.model_copy(update=update) if update else settings
    return TestClient(create_app(s, assistant or FakeAssistant()))


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with make_client(settings) as c:
        yield c


def parse_sse(text: str) -> list[tuple[str, dict[str, Any]]]:
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = block.split("\n")
        event = next((ln[6:].strip() for ln in lines if ln.startswith("event:")), "message")
        data = "\n".join(ln[5:].removeprefix(" ") for ln in lines if ln.startswith("data:"))
        if data:
            events.append((event, json.loads(data)))
    return events


def test_chat_returns_answer_json_with_citations(client: TestClient) -> None:
    r = client.post("/api/chat", json={"message": QUESTION})
    assert r.status_code == 200
    answer = Answer.from_dict(r.json())
    assert "1 July 2022" in answer.text and "[1]" in answer.text
    assert answer.audience == "public"
    c = answer.citations[0]
    source = answer.sources[0]
    assert source.text[c.start - source.start : c.end - source.start] == c.quote


def test_chat_passes_history_and_strips_question(settings: Settings) -> None:
    fake = FakeAssistant()
    with make_client(settings, fake) as c:
        history = [
            {"role": "user", "content": "What is an ICS?"},
            {"role": "assistant", "content": "A partnership."},
        ]
        r = c.post("/api/chat", json={"message": "  And when did they start?  ", "history": history})
    assert r.status_code == 200
    question, turns, audience = fake.calls[-1]
    assert question == "And when did they start?"
    assert [(t.role, t.content) for t in turns] == [
        ("user", "What is an ICS?"),
        ("assistant", "A partnership."),
    ]
    assert audience == "public"


def test_refusal_is_an_answer_not_an_error(client: TestClient) -> None:
    r = client.post("/api/chat", json={"message": "Will it rain in Leeds tomorrow?"})
    assert r.status_code == 200
    body = r.json()
    assert body["refused"] is True and "111" in body["text"] and body["citations"] == []


def test_stream_sends_deltas_then_one_final_answer(client: TestClient) -> None:
    r = client.post("/api/chat/stream", json={"message": QUESTION})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(r.text)
    kinds = [e for e, _ in events]
    assert kinds.count("answer") == 1 and kinds[-1] == "answer"
    deltas = "".join(d["text"] for e, d in events if e == "delta")
    final = events[-1][1]
    assert len([k for k in kinds if k == "delta"]) > 3
    assert deltas == final["text"] and final["citations"][0]["n"] == 1


class FailingAssistant(FakeAssistant):
    def ask(self, question: str, history: Any = (), audience: Any = "public") -> Answer:
        raise IndexNotBuiltError("No index yet: run `ics-assistant ingest`.")

    def stream(self, question: str, history: Any = (), audience: Any = "public") -> Iterator[str | Answer]:
        yield "partial"
        raise IndexNotBuiltError("No index yet: run `ics-assistant ingest`.")


def test_assistant_errors_become_json_errors(settings: Settings) -> None:
    with make_client(settings, FailingAssistant()) as c:
        r = c.post("/api/chat", json={"message": QUESTION})
        assert r.status_code == 503
        assert r.json()["error"]["code"] == "index_unavailable"
        assert "ingest" in r.json()["error"]["message"]
        events = parse_sse(c.post("/api/chat/stream", json={"message": QUESTION}).text)
    assert events[-1][0] == "error" and events[-1][1]["code"] == "index_unavailable"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"message": ""}, 422, "empty_message"),
        ({"message": " \n\t "}, 422, "empty_message"),
        ({"message": "x" * 2001}, 413, "message_too_long"),
        ({"message": "hi", "audience": "councillors"}, 422, "unknown_audience"),
        ({"message": "hi", "history": [{"role": "user", "content": "q"}] * 21}, 422, "history_too_long"),
        ({"message": "hi", "history": [{"role": "system", "content": "q"}]}, 422, "invalid_request"),
        ({"message": 42}, 422, "invalid_request"),
        ({}, 422, "invalid_request"),
        ({"message": "hi", "surprise": 1}, 422, "invalid_request"),
    ],
)
def test_bad_input_gets_clear_json_error(
    client: TestClient, body: dict[str, Any], status: int, code: str
) -> None:
    for path in ("/api/chat", "/api/chat/stream"):
        r = client.post(path, json=body)
        assert r.status_code == status, r.text
        err = r.json()["error"]
        assert err["code"] == code and err["status"] == status and err["message"]
        assert "Traceback" not in r.text


def test_malformed_json_is_400(client: TestClient) -> None:
    r = client.post("/api/chat", content=b'{"message": "hi"', headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_json"
    r = client.post("/api/chat", content=b"message=hi", headers={"Content-Type": "text/plain"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "malformed_json"


def test_staff_audience_needs_the_token(settings: Settings) -> None:
    fake = FakeAssistant()
    with make_client(settings, fake) as off:
        r = off.post("/api/chat", json={"message": QUESTION, "audience": "staff"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "staff_disabled"
    with make_client(settings, fake, staff_token="s3cret") as c:
        body = {"message": QUESTION, "audience": "staff"}
        assert c.post("/api/chat", json=body).status_code == 403
        assert c.post("/api/chat", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
        assert c.post("/api/chat/stream", json=body, headers={"Authorization": "s3cret"}).status_code == 403
        r = c.post("/api/chat", json=body, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 200 and r.json()["audience"] == "staff"
    assert [a for _, _, a in fake.calls] == ["staff"]  # refused requests never reached the assistant


def test_rate_limit_answers_429_with_retry_after(settings: Settings) -> None:
    with make_client(settings, rate_limit=3) as c:
        codes = [c.post("/api/chat", json={"message": QUESTION}).status_code for _ in range(3)]
        r = c.post("/api/chat/stream", json={"message": QUESTION})
    assert codes == [200, 200, 200]
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(r.headers["Retry-After"]) <= 60


def test_rate_limit_zero_is_off(settings: Settings) -> None:
    with make_client(settings, rate_limit=0) as c:
        assert all(c.post("/api/chat", json={"message": QUESTION}).status_code == 200 for _ in range(40))


def test_cors_only_for_configured_origins(settings: Settings) -> None:
    with make_client(settings, widget_origins="https://council.example, https://nhs.example/") as c:
        ok = c.options(
            "/api/chat/stream",
            headers={
                "Origin": "https://nhs.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        bad = c.options(
            "/api/chat/stream",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
        )
        simple = c.post(
            "/api/chat", json={"message": QUESTION}, headers={"Origin": "https://council.example"}
        )
        other = c.post("/api/chat", json={"message": QUESTION}, headers={"Origin": "https://evil.example"})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "https://nhs.example"
    assert bad.status_code == 400 and "access-control-allow-origin" not in bad.headers
    assert simple.headers["access-control-allow-origin"] == "https://council.example"
    assert "access-control-allow-origin" not in other.headers


def test_feedback_is_stored(client: TestClient, settings: Settings) -> None:
    answer = client.post("/api/chat", json={"message": QUESTION}).json()
    body = {
        "question": QUESTION,
        "answer": answer,
        "rating": -1,
        "comment": "Too short",
        "history": [{"role": "user", "content": "hello"}],
    }
    r = client.post("/api/feedback", json=body)
    assert r.status_code == 201
    (record,) = FeedbackStore(settings.feedback_db).records()
    assert record.id == r.json()["id"] and record.rating == -1 and record.comment == "Too short"
    assert record.answer["text"] == answer["text"] and record.question == QUESTION
    assert record.history[0].content == "hello" and record.audience == "public"
    bad = client.post("/api/feedback", json={**body, "rating": 5})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"
    bad_answer = client.post("/api/feedback", json={**body, "answer": {"no": "text"}})
    assert bad_answer.status_code == 422


def test_feedback_rejects_odd_audience_and_oversized_answer(client: TestClient, settings: Settings) -> None:
    body = {"question": QUESTION, "answer": {"text": "t", "audience": 5}, "rating": 1}
    r = client.post("/api/feedback", json=body)
    assert r.status_code == 422 and r.json()["error"]["code"] == "unknown_audience"
    huge = {"text": "t", "padding": "x" * 300_000}
    r = client.post("/api/feedback", json={**body, "answer": huge})
    assert r.status_code == 413 and r.json()["error"]["code"] == "answer_too_long"
    assert FeedbackStore(settings.feedback_db).records() == []


def test_oversized_bodies_are_refused_before_parsing(client: TestClient, settings: Settings) -> None:
    from ics_assistant.api.bodylimit import MAX_BODY_BYTES

    big = json.dumps({"message": "hi", "history": [{"role": "user", "content": "x" * 1000}] * 5000})
    assert len(big) > MAX_BODY_BYTES
    for path in ("/api/chat", "/v1/chat/completions", "/api/feedback"):
        r = client.post(path, content=big, headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large", path

    def chunked() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield big.encode()

    r = client.post("/api/chat", content=chunked(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large"
    ok = client.post(
        "/api/chat", json={"message": QUESTION, "history": [{"role": "user", "content": "x"}] * 20}
    )
    assert ok.status_code == 200
    assert FeedbackStore(settings.feedback_db).records() == []


def test_openai_overlong_history_message_is_a_clear_error(client: TestClient) -> None:
    messages = [{"role": "assistant", "content": "x" * 20_001}, {"role": "user", "content": QUESTION}]
    r = client.post("/v1/chat/completions", json={"messages": messages})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    assert "20000" in r.json()["error"]["message"]


def test_health_and_openapi(client: TestClient) -> None:
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["index_loaded"] is True
    assert health["documents"] == 5 and health["chunks"] > 0 and health["generator"] == "extractive"
    spec = client.get("/openapi.json").json()
    assert {"/api/chat", "/api/chat/stream", "/api/feedback", "/api/health", "/v1/chat/completions"} <= set(
        spec["paths"]
    )
    assert client.get("/docs").status_code == 200


def test_staff_chat_widget_and_demo_are_served(client: TestClient) -> None:
    assert "gradio" in client.get("/").text.lower()
    js = client.get("/widget.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("application/javascript")
    assert "attachShadow" in js.text
    assert "innerHTML" not in js.text and "insertAdjacentHTML" not in js.text  # text only
    demo = client.get("/widget-demo").text
    assert 'src="http://testserver/widget.js" data-api="http://testserver"' in demo


class SlowAssistant(FakeAssistant):
    """Records how many calls run at once."""

    def __init__(self) -> None:
        super().__init__(delay_s=0.3)
        self.active = 0
        self.peak = 0
        self.guard = threading.Lock()

    def ask(self, question: str, history: Any = (), audience: Any = "public") -> Answer:
        with self.guard:
            self.active += 1
            self.peak = max(self.peak, self.active)
        try:
            return super().ask(question, history, audience)
        finally:
            with self.guard:
                self.active -= 1


def test_requests_run_in_parallel_threads(settings: Settings) -> None:
    slow = SlowAssistant()
    with make_client(settings, slow, rate_limit=0) as c:
        threads = [
            threading.Thread(target=lambda: c.post("/api/chat", json={"message": QUESTION})) for _ in range(6)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    # no global lock: the calls overlap in the threadpool (how many ran at once, not a wall-clock
    # bound, which a loaded machine breaks: the benchmarks measure time, tests measure behaviour)
    assert slow.peak >= 4


def test_unknown_endpoints_and_wrong_methods_get_json_errors(client: TestClient) -> None:
    for method, path, status in [
        ("get", "/api/nope", 404),
        ("post", "/v1/nope", 404),
        ("get", "/api/chat", 405),
        ("get", "/v1/chat/completions", 405),
    ]:
        r = getattr(client, method)(path)
        assert r.status_code == status and r.json()["error"]["status"] == status


class CorrectingAssistant(FakeAssistant):
    """Streams a sentence that verification then drops from the final answer."""

    def stream(self, question: str, history: Any = (), audience: Any = "public") -> Iterator[str | Answer]:
        final = self._answer(question, history, audience)
        yield "An unsupported claim. "
        yield final


def test_openai_stream_gives_the_verified_text_when_verification_changed_it(settings: Settings) -> None:
    with make_client(settings, CorrectingAssistant()) as c:
        body = {"model": "ics-assistant", "stream": True, "messages": [{"role": "user", "content": QUESTION}]}
        r = c.post("/v1/chat/completions", json=body)
    data = [ln[5:].strip() for ln in r.text.replace("\r\n", "\n").split("\n") if ln.startswith("data:")]
    assert data[-1] == "[DONE]"
    chunks = [json.loads(d) for d in data[:-1]]
    content = "".join(ch["choices"][0]["delta"].get("content", "") for ch in chunks)
    assert content.startswith("An unsupported claim. \n\nVerified answer: Following several years")
    assert "References:\n[1]" in content and chunks[-1]["choices"][0]["finish_reason"] == "stop"
