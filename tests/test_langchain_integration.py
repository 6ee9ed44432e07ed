"""The LangChain adapters: retriever (BaseRetriever) and assistant (Runnable: invoke/stream/batch)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.documents import Document
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda

from ics_assistant.assistant import build_assistant
from ics_assistant.config import Settings
from ics_assistant.errors import InputError
from ics_assistant.integrations.langchain import IcsAssistantRunnable, IcsRetriever, parse_input
from ics_assistant.retrieval.hybrid import HybridRetriever
from ics_assistant.types import Answer, Audience, Chunk, Hit, Turn

from .answer_fixtures import STAFF_DOC_ID, memory_index
from .fakes import FakeEmbedder


class FakeAssistant:
    """Answers every question with its own text, streamed in two pieces. Records calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[Turn], Audience]] = []

    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer:
        final: Any = None
        for item in self.stream(question, history, audience):
            final = item
        assert isinstance(final, Answer)
        return final

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]:
        self.calls.append((question, list(history), audience))
        yield "About "
        yield f"{question} [1]."
        yield Answer(text=f"About {question} [1].", question=question, audience=audience, generator="fake")


@pytest.fixture
def retriever(settings: Settings, fake_embedder: FakeEmbedder) -> HybridRetriever:
    return HybridRetriever(memory_index(fake_embedder), fake_embedder, settings)


def test_retriever_returns_documents_with_metadata(retriever: HybridRetriever) -> None:
    lc = IcsRetriever(retriever=retriever)
    assert isinstance(lc, BaseRetriever)

    docs = lc.invoke("When did ICSs become statutory?")

    hits = retriever.retrieve("When did ICSs become statutory?", "public").hits
    assert [d.page_content for d in docs] == [h.chunk.text for h in hits]
    assert [d.metadata["rank"] for d in docs] == list(range(1, len(hits) + 1))
    first = docs[0].metadata
    assert set(first) >= {"doc_id", "chunk_id", "title", "date", "score"}
    assert first["chunk_id"] == hits[0].chunk.chunk_id and first["score"] == hits[0].score
    assert docs[0].id == hits[0].chunk.chunk_id


def test_retriever_keeps_the_audience_filter(retriever: HybridRetriever) -> None:
    query = "Who keeps the zephyr rota for board papers?"
    public = IcsRetriever(retriever=retriever).invoke(query)
    staff = IcsRetriever(retriever=retriever, audience="staff").invoke(query)
    assert STAFF_DOC_ID not in {d.metadata["doc_id"] for d in public}
    assert staff[0].metadata["doc_id"] == STAFF_DOC_ID


def test_retriever_accepts_anything_returning_hits() -> None:
    chunk = Chunk("c1", "doc", "Some text.", 0, 10, title="T", date="2022-07-01")

    class ListRetriever:
        def retrieve(self, query: str, audience: Audience) -> list[Hit]:
            return [Hit(chunk, 0.5, 1)]

    docs = IcsRetriever(retriever=ListRetriever()).invoke("q")
    assert docs == [
        Document(
            page_content="Some text.",
            id="c1",
            metadata={
                "doc_id": "doc",
                "chunk_id": "c1",
                "title": "T",
                "date": "2022-07-01",
                "score": 0.5,
                "rank": 1,
                "section": "",
                "start": 0,
                "end": 10,
            },
        )
    ]


def test_runnable_invoke_returns_the_answer_dict() -> None:
    fake = FakeAssistant()
    runnable = IcsAssistantRunnable(assistant=fake)
    assert isinstance(runnable, Runnable)

    out = runnable.invoke("What is an ICS?")

    assert (
        out
        == Answer(text="About What is an ICS? [1].", question="What is an ICS?", generator="fake").to_dict()
    )
    assert fake.calls == [("What is an ICS?", [], "public")]


def test_runnable_reads_history_in_every_form_and_the_audience() -> None:
    fake = FakeAssistant()
    history: list[Any] = [
        {"role": "user", "content": "What is an ICS?"},
        AIMessage(content="A partnership [1]."),
        ("user", "Since when?"),
        HumanMessage(content="And who leads it?"),
        Turn("assistant", "An ICB [2]."),
    ]
    IcsAssistantRunnable(assistant=fake).invoke(
        {"question": "Who said that?", "history": history, "audience": "staff"}
    )
    question, turns, audience = fake.calls[0]
    assert (question, audience) == ("Who said that?", "staff")
    assert turns == [
        Turn("user", "What is an ICS?"),
        Turn("assistant", "A partnership [1]."),
        Turn("user", "Since when?"),
        Turn("user", "And who leads it?"),
        Turn("assistant", "An ICB [2]."),
    ]


@pytest.mark.parametrize(
    "bad",
    [
        {"history": []},
        {"question": 3},
        {"question": "q", "audience": "everyone"},
        {"question": "q", "history": "not a list"},
        {"question": "q", "history": [{"role": "system", "content": "x"}]},
        {"question": "q", "extra": 1},
        ["q"],
    ],
)
def test_bad_input_is_an_input_error(bad: Any) -> None:
    with pytest.raises(InputError):
        parse_input(bad)


def test_runnable_stream_yields_deltas_then_the_dict() -> None:
    items = list(IcsAssistantRunnable(assistant=FakeAssistant()).stream("Q"))
    assert items[:-1] == ["About ", "Q [1]."]
    assert isinstance(items[-1], dict) and items[-1]["text"] == "About Q [1]."


def test_runnable_batch_and_async() -> None:
    fake = FakeAssistant()
    runnable = IcsAssistantRunnable(assistant=fake)
    outs = runnable.batch(["A", {"question": "B"}, "C"])
    assert [o["question"] for o in outs if isinstance(o, dict)] == ["A", "B", "C"]

    async def run() -> tuple[Any, list[Any]]:
        single = await runnable.ainvoke("D")
        streamed = [item async for item in runnable.astream("E")]
        return single, streamed

    single, streamed = asyncio.run(run())
    assert single["question"] == "D"
    assert streamed[:-1] == ["About ", "E [1]."] and streamed[-1]["question"] == "E"


def test_runnable_composes_and_reports_to_langchain_callbacks() -> None:
    class Recorder(BaseCallbackHandler):
        def __init__(self) -> None:
            self.ends: list[Any] = []

        def on_chain_end(self, outputs: Any, **kwargs: Any) -> None:
            self.ends.append(outputs)

    recorder = Recorder()
    chain = IcsAssistantRunnable(assistant=FakeAssistant()) | RunnableLambda(
        lambda answer: answer["text"] if isinstance(answer, dict) else answer
    )
    assert chain.invoke("Q", config={"callbacks": [recorder]}) == "About Q [1]."
    assert any(isinstance(o, dict) and o.get("text") == "About Q [1]." for o in recorder.ends)

    recorder.ends.clear()
    list(IcsAssistantRunnable(assistant=FakeAssistant()).stream("Q", config={"callbacks": [recorder]}))
    assert recorder.ends[-1]["text"] == "About Q [1]."  # the final output of a stream is the dict


def test_runnable_over_the_real_assistant(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    assistant = build_assistant(settings, embedder=fake_embedder, index=memory_index(fake_embedder))
    runnable = IcsAssistantRunnable(assistant=assistant)

    answer = runnable.invoke({"question": "When did ICSs become statutory?"})
    streamed = list(runnable.stream("When did ICSs become statutory?"))

    assert isinstance(answer, dict) and not answer["refused"] and "1 July 2022" in answer["text"]
    assert answer["citations"]
    final = streamed[-1]
    assert isinstance(final, dict) and final["text"] == answer["text"]
    assert all(isinstance(s, str) for s in streamed[:-1]) and streamed[:-1]
