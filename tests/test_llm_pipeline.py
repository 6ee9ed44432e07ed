"""End to end with an LLM generator: the assistant's support check drops an invented sentence.

The generator is scripted (in process, and over HTTP through the OpenAI-compatible stub); the
retrieval, prompt, verification and ``Answer`` are the real ones, over the in-memory index.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ics_assistant.assistant import Assistant, build_assistant
from ics_assistant.config import Settings
from ics_assistant.types import Answer

from .answer_fixtures import memory_index
from .fakes import FakeEmbedder, ScriptedChatModel
from .openai_stub import OpenAIStub

QUESTION = "When did ICSs become statutory?"
FACT = "42 ICSs were established across England on a statutory basis on 1 July 2022"
INVENTED = "The statutory bodies were founded by Sir Bob Smith in 1999"


def _fact_number(assistant: Assistant) -> int:
    """The [n] of the retrieved passage that states the fact (retrieval order is the prompt order)."""
    hits = assistant.retriever.retrieve(QUESTION, "public").hits
    return next(i for i, h in enumerate(hits, start=1) if FACT in h.chunk.text)


def _reply(n: int) -> str:
    return f"{FACT} [{n}]. {INVENTED} [{n}]."


def _check(answer: Answer) -> None:
    assert not answer.refused
    assert FACT in answer.text
    assert "Bob Smith" not in answer.text
    assert any("Bob Smith" in s for s in answer.dropped_sentences)
    assert answer.citations and all(FACT in c.quote for c in answer.citations)


def test_scripted_llm_invented_sentence_is_dropped(
    settings: Settings, fake_embedder: FakeEmbedder, scripted_model: ScriptedChatModel
) -> None:
    llm_settings = settings.model_copy(update={"generator": "llamacpp"})
    assistant = build_assistant(
        llm_settings, embedder=fake_embedder, index=memory_index(fake_embedder), chat_model=scripted_model
    )
    scripted_model.enqueue(_reply(_fact_number(assistant)))

    items = list(assistant.stream(QUESTION))

    deltas, final = items[:-1], items[-1]
    assert isinstance(final, Answer) and all(isinstance(d, str) for d in deltas)
    streamed = "".join(str(d) for d in deltas)
    assert INVENTED not in streamed  # only verified sentences are streamed
    assert streamed == final.text
    _check(final)
    [messages] = scripted_model.history
    assert FACT in messages[1]["content"]  # the passage reached the prompt


@pytest.fixture
def stub() -> Iterator[OpenAIStub]:
    with OpenAIStub(models=("stub-model",)) as server:
        yield server


def test_openai_generator_over_http_invented_sentence_is_dropped(
    settings: Settings, fake_embedder: FakeEmbedder, stub: OpenAIStub
) -> None:
    http_settings = settings.model_copy(
        update={
            "generator": "openai",
            "openai_base_url": stub.base_url,
            "openai_model": "stub-model",
            "openai_max_retries": 0,
        }
    )
    assistant = build_assistant(http_settings, embedder=fake_embedder, index=memory_index(fake_embedder))
    stub.enqueue(_reply(_fact_number(assistant)))

    answer = assistant.ask(QUESTION)

    _check(answer)
    assert answer.generator == "openai"
    [request] = stub.chat_requests()
    system, user = request.body["messages"]
    assert "Answer only from the sources" in system["content"]
    assert FACT in user["content"] and f"Question: {QUESTION}" in user["content"]
