"""The swappable parts, each a small Protocol with one required method.

Adapters for real libraries live in ``ics_assistant/backends/`` (the only modules that import
chromadb, sentence_transformers, llama_cpp or langchain_openai). Tests use fakes from
``tests/fakes.py`` that satisfy the same protocols.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, TypedDict, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from ics_assistant.types import Chunk

__all__ = [
    "ChatMessage",
    "ChatModel",
    "Embedder",
    "SearchIndex",
    "SpanEmbedder",
    "TokenCounter",
    "Vectors",
]

Vectors = NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors, shape ``(len(texts), dim)``."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> Vectors: ...


@runtime_checkable
class SpanEmbedder(Protocol):
    """Optional capability: one forward pass gives each text's vector *and* a vector per span.

    ``spans[i]`` are ``[start, end)`` character spans of ``texts[i]`` (its sentences). Returns the
    text vectors ``(n, dim)`` and, per text, an array ``(len(spans[i]), dim)``; all normalised.
    Used at ingest so the extractive answerer can score sentences without embedding at query time.
    """

    def embed_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[Vectors, list[Vectors]]: ...


@runtime_checkable
class TokenCounter(Protocol):
    """Counts tokens the way the embedding model's tokenizer does (special tokens included)."""

    def count_tokens(self, text: str) -> int: ...


class ChatMessage(TypedDict):
    role: str  # "system" | "user" | "assistant"
    content: str


@runtime_checkable
class ChatModel(Protocol):
    """A language model: streams the reply to a chat as text deltas."""

    name: str

    def stream_chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 400) -> Iterator[str]: ...


class SearchIndex(Protocol):
    """The read side of the built index, as the retrievers and answerers see it.

    Implemented by ``ics_assistant.index.Index`` (Chroma + bm25s + the local chunk store); tests
    may use an in-memory fake. Scores: higher is better. ``audience`` selects the collection
    (public sees public chunks only; staff sees all), so no metadata filter is paid per query.
    """

    def dense_search(self, audience: str, vector: Vectors, k: int) -> list[tuple[str, float]]: ...

    def lexical_search(self, audience: str, query: str, k: int) -> list[tuple[str, float]]: ...

    def chunks(self, chunk_ids: Sequence[str]) -> list[Chunk]: ...

    def sentence_vectors(self, chunk_ids: Sequence[str]) -> dict[str, Vectors]: ...

    def document_text(self, doc_id: str) -> str: ...

    def document_chunks(self, audience: str, doc_id: str) -> list[Chunk]: ...
