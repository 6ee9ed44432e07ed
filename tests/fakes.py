"""Fakes at the boundaries: deterministic embedder, scripted chat model.

They satisfy the protocols in ``ics_assistant.protocols`` and are used like the real backends.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence

import numpy as np

from ics_assistant.protocols import ChatMessage, Vectors
from ics_assistant.textnorm import tokenize_words

_STOP_WORDS = (
    "a an the of to and or in on for is are was were be been by with that this it as at from what when"
)
_STOP = frozenset([*_STOP_WORDS.split(" "), "who", "which", "how", "why", "do", "does", "did"])


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class FakeEmbedder:
    """Hashed bag of stemmed words: texts sharing words get similar vectors. Deterministic."""

    name = "fake-bow"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.calls: list[int] = []  # batch sizes, so tests can assert what was (re-)embedded

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for w in tokenize_words(text):
            if w in _STOP:
                continue
            h = int.from_bytes(hashlib.blake2b(_stem(w).encode(), digest_size=8).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 63) == 0 else -1.0
        n = float(np.linalg.norm(v))
        if n == 0.0:
            v[0] = 1.0
            n = 1.0
        return v / n

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(len(texts))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts]).astype(np.float32)

    def embed_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[Vectors, list[Vectors]]:
        vecs = self.embed(texts)
        per = [
            np.stack([self._vector(t[s:e]) for s, e in sp]).astype(np.float32)
            if sp
            else np.zeros((0, self.dim), dtype=np.float32)
            for t, sp in zip(texts, spans, strict=True)
        ]
        return vecs, per

    def count_tokens(self, text: str) -> int:
        # a word-piece-like estimate: words plus punctuation, plus [CLS]/[SEP]
        return len(tokenize_words(text)) + sum(not c.isalnum() and not c.isspace() for c in text) + 2


class ScriptedChatModel:
    """A chat model that replies with queued texts, streamed word by word. Records every call."""

    name = "scripted"

    def __init__(self, replies: Sequence[str] = ()) -> None:
        self.replies: list[str] = list(replies)
        self.history: list[list[ChatMessage]] = []

    def enqueue(self, reply: str) -> None:
        self.replies.append(reply)

    def stream_chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 400) -> Iterator[str]:
        self.history.append(list(messages))
        reply = self.replies.pop(0) if self.replies else ""
        words = reply.split(" ")
        for i, w in enumerate(words):
            yield w if i == 0 else " " + w
