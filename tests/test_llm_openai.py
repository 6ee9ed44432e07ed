"""OpenAIChatModel over a real HTTP round trip to a scripted OpenAI-compatible server on loopback."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import openai
import pytest

from ics_assistant.answering.llm_answer import stream_llm_answer
from ics_assistant.backends.chat_models import load_chat_model
from ics_assistant.backends.openai_chat import OpenAIChatModel
from ics_assistant.config import Settings
from ics_assistant.errors import ConfigError, GeneratorError
from ics_assistant.protocols import ChatMessage, ChatModel
from ics_assistant.types import Chunk, Hit

from .openai_stub import OpenAIStub

MESSAGES = [
    ChatMessage(role="system", content="Answer from the sources."),
    ChatMessage(role="user", content="When did ICSs become statutory?"),
]


@pytest.fixture
def stub() -> Iterator[OpenAIStub]:
    with OpenAIStub(models=("stub-model",)) as server:
        yield server


def _settings(settings: Settings, **update: object) -> Settings:
    base: dict[str, object] = {
        "generator": "openai",
        "openai_model": "stub-model",
        "openai_max_retries": 0,
        "openai_timeout_s": 10.0,
    }
    base.update(update)
    return settings.model_copy(update=base)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_streams_the_reply_and_sends_a_chat_completions_request(stub: OpenAIStub, settings: Settings) -> None:
    reply = "ICSs became statutory bodies on 1 July 2022 [1]."
    stub.enqueue(reply)
    model = OpenAIChatModel(_settings(settings, openai_base_url=stub.base_url, openai_api_key="sk-test"))

    deltas = list(model.stream_chat(MESSAGES, max_tokens=50))

    assert "".join(deltas) == reply
    assert len(deltas) == len(reply.split(" "))  # streamed word by word, not one blob
    assert isinstance(model, ChatModel) and model.name == "openai:stub-model"
    [request] = stub.chat_requests()
    assert request.method == "POST"
    assert request.headers["authorization"] == "Bearer sk-test"
    assert request.body["model"] == "stub-model"
    assert request.body["stream"] is True
    assert request.body["temperature"] == 0.0
    # both spellings of the limit: max_completion_tokens (OpenAI) and max_tokens (Ollama, llama.cpp)
    assert request.body["max_completion_tokens"] == 50
    assert request.body["max_tokens"] == 50
    assert request.body["messages"] == [dict(m) for m in MESSAGES]


def test_local_server_needs_no_api_key(stub: OpenAIStub, settings: Settings) -> None:
    stub.enqueue("ok")
    model = OpenAIChatModel(_settings(settings, openai_base_url=stub.base_url))
    assert "".join(model.stream_chat(MESSAGES)) == "ok"
    assert stub.chat_requests()[0].headers["authorization"] == "Bearer not-needed"


def test_assistant_history_messages_keep_their_roles(stub: OpenAIStub, settings: Settings) -> None:
    stub.enqueue("fine")
    model = OpenAIChatModel(_settings(settings, openai_base_url=stub.base_url))
    messages = [*MESSAGES, ChatMessage(role="assistant", content="On 1 July 2022."), MESSAGES[1]]
    list(model.stream_chat(messages))
    assert [m["role"] for m in stub.chat_requests()[0].body["messages"]] == [
        "system",
        "user",
        "assistant",
        "user",
    ]


def test_grounded_prompt_reaches_the_server(stub: OpenAIStub, settings: Settings) -> None:
    stub.enqueue("ICSs became statutory on 1 July 2022 [1].")
    chunk = Chunk(
        chunk_id="c1",
        doc_id="ics-faq",
        text="Integrated care systems became statutory on 1 July 2022.",
        start=0,
        end=57,
        title="ICS FAQ",
        date="2022-07-01",
    )
    model = OpenAIChatModel(_settings(settings, openai_base_url=stub.base_url))

    text = "".join(stream_llm_answer(model, "When did ICSs become statutory?", [Hit(chunk, 0.9, 1)], ()))

    assert text == "ICSs became statutory on 1 July 2022 [1]."
    system, user = stub.chat_requests()[0].body["messages"]
    assert system["role"] == "system" and "Answer only from the sources" in system["content"]
    assert (
        "[1] ICS FAQ (2022-07-01): Integrated care systems became statutory on 1 July 2022."
        in user["content"]
    )
    assert "Question: When did ICSs become statutory?" in user["content"]


def test_unknown_model_names_the_setting(stub: OpenAIStub, settings: Settings) -> None:
    model = OpenAIChatModel(_settings(settings, openai_base_url=stub.base_url, openai_model="no-such-model"))
    with pytest.raises(GeneratorError, match="ICS_OPENAI_MODEL") as err:
        list(model.stream_chat(MESSAGES))
    assert "no-such-model" in str(err.value)
    assert isinstance(err.value.__cause__, openai.NotFoundError)


def test_server_down_is_a_generator_error(settings: Settings) -> None:
    url = f"http://127.0.0.1:{_free_port()}/v1"  # nothing listens there
    model = OpenAIChatModel(_settings(settings, openai_base_url=url))
    with pytest.raises(GeneratorError, match="cannot reach") as err:
        list(model.stream_chat(MESSAGES))
    assert url in str(err.value) and "ICS_OPENAI_BASE_URL" in str(err.value)


def test_server_error_and_bad_key(stub: OpenAIStub, settings: Settings) -> None:
    model = OpenAIChatModel(_settings(settings, openai_base_url=stub.base_url))
    stub.enqueue_error(500, "CUDA out of memory")
    with pytest.raises(GeneratorError, match=r"HTTP 500.*CUDA out of memory"):
        list(model.stream_chat(MESSAGES))
    stub.enqueue_error(401, "invalid api key")
    with pytest.raises(GeneratorError, match="ICS_OPENAI_API_KEY"):
        list(model.stream_chat(MESSAGES))


def test_slow_server_times_out_with_a_clear_error(settings: Settings) -> None:
    with OpenAIStub(models=("stub-model",), delay_s=1.5) as slow:
        model = OpenAIChatModel(_settings(settings, openai_base_url=slow.base_url, openai_timeout_s=0.3))
        with pytest.raises(GeneratorError, match="ICS_OPENAI_TIMEOUT_S"):
            list(model.stream_chat(MESSAGES))


def test_stub_also_answers_without_streaming(stub: OpenAIStub) -> None:
    """The stub's non-streaming path, through the official client (other areas' tests use it too)."""
    stub.enqueue("one reply")
    client = openai.OpenAI(base_url=stub.base_url, api_key="k", max_retries=0)
    reply = client.chat.completions.create(model="stub-model", messages=[{"role": "user", "content": "hi"}])
    assert reply.choices[0].message.content == "one reply"
    assert [m.id for m in client.models.list()] == ["stub-model"]
    assert stub.chat_requests()[0].body.get("stream") in (None, False)


def test_load_chat_model_picks_the_backend(stub: OpenAIStub, settings: Settings) -> None:
    assert load_chat_model(settings) is None  # extractive: no language model
    chosen = load_chat_model(_settings(settings, openai_base_url=stub.base_url))
    assert isinstance(chosen, OpenAIChatModel)
    with pytest.raises(ConfigError, match="ICS_OPENAI_BASE_URL"):
        load_chat_model(_settings(settings))  # neither a server URL nor a key for api.openai.com


def test_settings_come_from_the_environment(stub: OpenAIStub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ICS_GENERATOR", "openai")
    monkeypatch.setenv("ICS_OPENAI_BASE_URL", stub.base_url)
    monkeypatch.setenv("ICS_OPENAI_MODEL", "stub-model")
    monkeypatch.setenv("ICS_OPENAI_API_KEY", "sk-env")
    stub.enqueue("from env")
    model = load_chat_model(Settings(_env_file=None))  # type: ignore[call-arg]
    assert model is not None
    assert "".join(model.stream_chat(MESSAGES)) == "from env"
    assert stub.chat_requests()[0].headers["authorization"] == "Bearer sk-env"
