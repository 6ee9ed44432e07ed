"""LangChain adapters at the edge: the hybrid retriever and the assistant for LangChain/LangGraph apps.

- ``IcsRetriever`` is a ``BaseRetriever``: ``invoke(question)`` returns ``Document``s (the chunk
  text; metadata ``doc_id``, ``chunk_id``, ``title``, ``date``, ``score``, ``rank``, ``section``,
  ``start``, ``end``).
- ``IcsAssistantRunnable`` is a ``Runnable``: input is the question (``str``) or
  ``{"question", "history", "audience"}``; ``invoke`` returns the ``Answer`` JSON form (a dict),
  ``stream`` yields text deltas (``str``) and then that dict; ``batch`` and the async variants work.

Only these adapters go through LangChain's run/callback machinery; the CLI, HTTP API, UI and evals
call ``Assistant`` directly.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeAlias

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableConfig, RunnableSerializable
from pydantic import ConfigDict

from ics_assistant.errors import InputError
from ics_assistant.types import AUDIENCES, Answer, Audience, Hit, Turn

__all__ = [
    "AssistantInput",
    "AssistantLike",
    "AssistantOutput",
    "HitRetriever",
    "IcsAssistantRunnable",
    "IcsRetriever",
    "hit_to_document",
    "parse_input",
]

AssistantInput: TypeAlias = str | Mapping[str, Any]
AssistantOutput: TypeAlias = str | dict[str, Any]


class _HasHits(Protocol):
    @property
    def hits(self) -> Sequence[Hit]: ...


class HitRetriever(Protocol):
    """``HybridRetriever`` or anything with ``retrieve(question, audience)`` returning hits."""

    def retrieve(self, query: str, audience: Audience) -> _HasHits | Sequence[Hit]: ...


class AssistantLike(Protocol):
    """``Assistant`` (``ics_assistant.assistant``) as this adapter uses it."""

    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer: ...

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]: ...


def hit_to_document(hit: Hit) -> Document:
    chunk = hit.chunk
    return Document(
        page_content=chunk.text,
        id=chunk.chunk_id,
        metadata={
            "doc_id": chunk.doc_id,
            "chunk_id": chunk.chunk_id,
            "title": chunk.title,
            "date": chunk.date,
            "score": hit.score,
            "rank": hit.rank,
            "section": chunk.section,
            "start": chunk.start,
            "end": chunk.end,
        },
    )


class IcsRetriever(BaseRetriever):
    """The hybrid (dense + BM25, fused) retriever as a LangChain ``BaseRetriever``."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: Any  # a HitRetriever; Any so pydantic does not try to validate it
    audience: Audience = "public"

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        result = self.retriever.retrieve(query, self.audience)
        hits: Sequence[Hit] = result.hits if hasattr(result, "hits") else result
        return [hit_to_document(h) for h in hits]

    @classmethod
    def from_settings(cls, settings: Any, audience: Audience = "public") -> IcsRetriever:
        """The retriever over the built index (``ics-assistant ingest`` first)."""
        from ics_assistant.backends.embedders import get_embedder
        from ics_assistant.index import Index
        from ics_assistant.retrieval.hybrid import HybridRetriever

        hybrid = HybridRetriever(Index.open(settings), get_embedder(settings), settings)
        return cls(retriever=hybrid, audience=audience)


def _turn(item: Any) -> Turn:
    if isinstance(item, Turn):
        return item
    if isinstance(item, HumanMessage):
        return Turn("user", str(item.text))
    if isinstance(item, AIMessage):
        return Turn("assistant", str(item.text))
    if isinstance(item, BaseMessage):
        raise InputError(f"history messages must be human or AI messages, not {item.type!r}")
    if isinstance(item, Mapping):
        role, content = item.get("role"), item.get("content")
    elif isinstance(item, tuple | list) and len(item) == 2:
        role, content = item
    else:
        raise InputError(f"cannot read a history turn from {type(item).__name__}")
    role = {"human": "user", "ai": "assistant"}.get(str(role), role)
    if role not in ("user", "assistant") or not isinstance(content, str):
        raise InputError('a history turn needs role "user" or "assistant" and text content')
    return Turn("user" if role == "user" else "assistant", content)


def parse_input(
    value: AssistantInput, default_audience: Audience = "public"
) -> tuple[str, list[Turn], Audience]:
    """``(question, history, audience)`` from a string or a ``{"question", "history", "audience"}`` dict.

    History turns may be ``Turn``s, ``{"role", "content"}`` dicts, ``(role, content)`` pairs or
    LangChain ``HumanMessage``/``AIMessage``s, oldest first.
    """
    if isinstance(value, str):
        return value, [], default_audience
    if not isinstance(value, Mapping):
        raise InputError(
            f"input must be a question string or a dict with 'question', not {type(value).__name__}"
        )
    unknown = set(value) - {"question", "history", "audience"}
    if unknown:
        raise InputError(f"unknown input key(s): {', '.join(sorted(unknown))}")
    question = value.get("question")
    if not isinstance(question, str):
        raise InputError("input needs 'question' as a string")
    audience = value.get("audience") or default_audience
    if audience not in AUDIENCES:
        raise InputError(f"unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}")
    history = value.get("history") or []
    if isinstance(history, str | bytes) or not isinstance(history, Sequence):
        raise InputError("'history' must be a list of turns, oldest first")
    return question, [_turn(t) for t in history], audience


class IcsAssistantRunnable(RunnableSerializable[AssistantInput, AssistantOutput]):
    """The assistant as a LangChain ``Runnable``: invoke -> Answer dict; stream -> deltas, then the dict."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any  # an AssistantLike
    audience: Audience = "public"  # used when the input does not say

    def invoke(
        self, input: AssistantInput, config: RunnableConfig | None = None, **kwargs: Any
    ) -> AssistantOutput:
        return self._call_with_config(self._ask, input, config, run_type="chain")

    def _ask(self, value: AssistantInput) -> dict[str, Any]:
        question, history, audience = parse_input(value, self.audience)
        answer: Answer = self.assistant.ask(question, history, audience)
        return answer.to_dict()

    def _stream_outputs(self, inputs: Iterator[AssistantInput]) -> Iterator[AssistantOutput]:
        for value in inputs:  # one question per input; the usual case is exactly one
            question, history, audience = parse_input(value, self.audience)
            for item in self.assistant.stream(question, history, audience):
                yield item.to_dict() if isinstance(item, Answer) else item

    def stream(
        self, input: AssistantInput, config: RunnableConfig | None = None, **kwargs: Any | None
    ) -> Iterator[AssistantOutput]:
        yield from self._transform_stream_with_config(
            iter([input]), self._stream_outputs, config, run_type="chain"
        )

    def transform(
        self, input: Iterator[AssistantInput], config: RunnableConfig | None = None, **kwargs: Any | None
    ) -> Iterator[AssistantOutput]:
        yield from self._transform_stream_with_config(input, self._stream_outputs, config, run_type="chain")

    async def astream(
        self, input: AssistantInput, config: RunnableConfig | None = None, **kwargs: Any | None
    ) -> AsyncIterator[AssistantOutput]:
        """Streams without blocking the event loop: each step of the sync stream runs in a thread."""
        iterator = self.stream(input, config, **kwargs)
        done = object()
        while True:
            item = await asyncio.to_thread(next, iterator, done)
            if item is done:
                return
            yield item  # type: ignore[misc]

    @classmethod
    def from_settings(cls, settings: Any, audience: Audience = "public") -> IcsAssistantRunnable:
        """The assistant built from settings (index, embedder and generator as configured)."""
        from ics_assistant.assistant import build_assistant

        return cls(assistant=build_assistant(settings), audience=audience)
