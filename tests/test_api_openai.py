"""/v1/chat/completions with the official ``openai`` client against a running server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import openai
import pytest

from ics_assistant.api.app import create_app
from ics_assistant.api.errors import ApiError
from ics_assistant.api.openai_compat import CompletionMessage, split_messages
from ics_assistant.config import Settings

from .web_fixtures import FakeAssistant, LiveServer

pytestmark = pytest.mark.server
QUESTION = "When were the 42 integrated care systems established on a statutory basis?"


@pytest.fixture
def fake() -> FakeAssistant:
    return FakeAssistant()


@pytest.fixture
def server(settings: Settings, fake: FakeAssistant) -> Iterator[LiveServer]:
    s = settings.model_copy(update={"staff_token": "s3cret", "rate_limit": 5})
    with LiveServer(create_app(s, fake)) as live:
        yield live


def client(server: LiveServer, key: str = "unused") -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{server.url}/v1", api_key=key, max_retries=0, timeout=20)


def test_non_streaming_completion_carries_references_and_citations(
    server: LiveServer, fake: FakeAssistant
) -> None:
    history: list[Any] = [
        {"role": "system", "content": "ignored"},
        {"role": "user", "content": "What is an ICS?"},
        {"role": "assistant", "content": "A partnership of organisations."},
        {"role": "user", "content": QUESTION},
    ]
    reply = client(server).chat.completions.create(model="ics-assistant", messages=history)
    content = reply.choices[0].message.content or ""
    assert reply.model == "ics-assistant" and reply.choices[0].finish_reason == "stop"
    assert "1 July 2022" in content and "[1]" in content
    assert "References:\n[1] Frequently asked questions – ICSs (undated):" in content
    extra = reply.model_extra or {}
    assert extra["refused"] is False
    assert extra["citations"][0]["doc_id"] == "ics-faq" and extra["citations"][0]["quote"] in content
    question, turns, audience = fake.calls[-1]
    assert question == QUESTION and audience == "public"
    assert [t.role for t in turns] == ["user", "assistant"]


def test_streaming_completion(server: LiveServer) -> None:
    stream = client(server).chat.completions.create(
        model="ics-assistant", messages=[{"role": "user", "content": QUESTION}], stream=True
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert len(chunks) > 5
    assert "1 July 2022" in text and "\n\nReferences:\n[1] " in text
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    assert (last.model_extra or {})["citations"][0]["n"] == 1


def test_staff_audience_uses_the_api_key_as_token(server: LiveServer, fake: FakeAssistant) -> None:
    msgs: list[Any] = [{"role": "user", "content": QUESTION}]
    with pytest.raises(openai.PermissionDeniedError):
        client(server, "wrong").chat.completions.create(
            model="ics-assistant", messages=msgs, extra_body={"audience": "staff"}
        )
    client(server, "s3cret").chat.completions.create(
        model="ics-assistant", messages=msgs, extra_body={"audience": "staff"}
    )
    assert fake.calls[-1][2] == "staff"


def test_errors_and_rate_limit_reach_the_client(server: LiveServer) -> None:
    c = client(server)
    with pytest.raises(openai.UnprocessableEntityError, match="empty"):
        c.chat.completions.create(model="ics-assistant", messages=[{"role": "user", "content": "   "}])
    with pytest.raises(openai.APIStatusError) as too_long:
        c.chat.completions.create(model="ics-assistant", messages=[{"role": "user", "content": "x" * 2500}])
    assert too_long.value.status_code == 413
    for _ in range(3):
        c.chat.completions.create(model="ics-assistant", messages=[{"role": "user", "content": QUESTION}])
    with pytest.raises(openai.RateLimitError) as limited:
        c.chat.completions.create(model="ics-assistant", messages=[{"role": "user", "content": QUESTION}])
    assert int(limited.value.response.headers["retry-after"]) >= 1
    assert [m.id for m in c.models.list()] == ["ics-assistant"]


def test_split_messages_needs_a_final_user_message() -> None:
    msgs = [
        CompletionMessage(
            role="user", content=[{"type": "text", "text": "Hello "}, {"type": "text", "text": "there"}]
        ),
    ]
    assert split_messages(msgs) == ("Hello there", [])
    with pytest.raises(ApiError) as err:
        split_messages(
            [CompletionMessage(role="user", content="q"), CompletionMessage(role="assistant", content="a")]
        )
    assert err.value.status == 422
