"""The server on the real corpus with the real assistant (real embedding model)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import openai
import pytest
from fastapi.testclient import TestClient

from ics_assistant.index import index_exists
from ics_assistant.types import Answer

from .test_api import parse_sse
from .web_fixtures import LiveServer, real_app  # noqa: F401  (pytest fixture)

pytestmark = pytest.mark.model


@pytest.fixture
def client(real_app: Any) -> Iterator[TestClient]:  # noqa: F811
    with TestClient(real_app) as c:
        yield c


def test_starts_by_ingesting_when_there_is_no_index(client: TestClient, real_app: Any) -> None:  # noqa: F811
    assert index_exists(real_app.state.ctx.settings)
    health = client.get("/api/health").json()
    assert health["index_loaded"] is True and health["generator"] == "extractive"
    assert health["documents"] >= 5 and health["chunks"] > 10
    assert "index_location" not in health  # no server paths on a public endpoint


def test_real_answer_cites_the_faq(client: TestClient) -> None:
    r = client.post("/api/chat", json={"message": "When were the 42 ICSs established on a statutory basis?"})
    answer = Answer.from_dict(r.json())
    assert r.status_code == 200 and not answer.refused
    assert "1 July 2022" in answer.text and "[1]" in answer.text
    assert any(c.doc_id == "ics-faq" and "1 July 2022" in c.quote for c in answer.citations)


def test_real_stream_and_refusal(client: TestClient) -> None:
    events = parse_sse(
        client.post("/api/chat/stream", json={"message": "What is an integrated care system?"}).text
    )
    assert [e for e, _ in events][-1] == "answer" and len(events) >= 2
    final = events[-1][1]
    assert "".join(d["text"] for e, d in events if e == "delta").strip() == final["text"].strip()
    assert final["citations"] and not final["refused"]
    off_topic = client.post("/api/chat", json={"message": "What's the best recipe for lasagne?"}).json()
    assert off_topic["refused"] is True and off_topic["citations"] == [] and "111" in off_topic["text"]


def test_openai_client_gets_a_real_answer(real_app: Any) -> None:  # noqa: F811
    with LiveServer(real_app) as live:
        c = openai.OpenAI(base_url=f"{live.url}/v1", api_key="none", max_retries=0, timeout=60)
        reply = c.chat.completions.create(
            model="ics-assistant",
            messages=[{"role": "user", "content": "Which areas were in the final 13 ICS areas announced?"}],
        )
        stream = c.chat.completions.create(
            model="ics-assistant",
            messages=[{"role": "user", "content": "What is an integrated care system?"}],
            stream=True,
        )
        streamed = "".join(ch.choices[0].delta.content or "" for ch in stream if ch.choices)
    content = reply.choices[0].message.content or ""
    citations = (reply.model_extra or {})["citations"]
    assert citations and "References:\n[1] " in content
    assert all(c["doc_id"] in content or c["title"] in content for c in citations)
    assert "partnerships" in streamed and "References:" in streamed


def test_follow_up_resolves_from_the_history_through_v1_streaming(real_app: Any) -> None:  # noqa: F811
    """A "when was that sent?" after a turn about a named letter is answered from that letter,
    streamed through the OpenAI-compatible endpoint (the history is all the client sends)."""
    history = [
        {"role": "user", "content": "What did the March 2021 stakeholder update say?"},
        {"role": "assistant", "content": "It said the system had been confirmed as an ICS."},
        {"role": "user", "content": "when was that sent?"},
    ]
    with LiveServer(real_app) as live:
        c = openai.OpenAI(base_url=f"{live.url}/v1", api_key="none", max_retries=0, timeout=60)
        stream = c.chat.completions.create(model="ics-assistant", messages=history, stream=True)  # type: ignore[arg-type]
        chunks = list(stream)
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    extra = chunks[-1].model_extra or {}
    assert extra.get("refused") is False, text
    assert "19 March 2021" in text
    assert any(c["doc_id"] == "ics-stakeholder-update-march-2021" for c in extra["citations"])
