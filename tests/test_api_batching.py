"""BatchingEmbedder: concurrent calls share forward passes and get exactly their own vectors."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import numpy as np
import pytest

from ics_assistant.api.batching import BatchingEmbedder
from ics_assistant.protocols import Vectors

from .fakes import FakeEmbedder


class SlowEmbedder(FakeEmbedder):
    """A forward pass takes 50 ms whatever the batch size, and never overlaps another."""

    def __init__(self, fail_on: str | None = None) -> None:
        super().__init__()
        self.fail_on = fail_on
        self.running = 0
        self.overlapped = False

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.running += 1
        self.overlapped |= self.running > 1
        try:
            time.sleep(0.05)
            if self.fail_on is not None and self.fail_on in texts:
                raise RuntimeError("model failed")
            return super().embed(texts)
        finally:
            self.running -= 1


def run_concurrently(embedder: BatchingEmbedder, texts: list[list[str]]) -> list[Vectors | BaseException]:
    results: list[Vectors | BaseException] = [np.zeros(0, dtype=np.float32)] * len(texts)

    def call(i: int) -> None:
        try:
            results[i] = embedder.embed(texts[i])
        except RuntimeError as exc:
            results[i] = exc

    threads = [threading.Thread(target=call, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_concurrent_calls_share_passes_and_get_their_own_vectors() -> None:
    inner = SlowEmbedder()
    batching = BatchingEmbedder(inner, max_batch_texts=8)
    texts = [[f"question about topic {i}"] if i % 3 else [f"first {i}", f"second {i}"] for i in range(24)]
    started = time.monotonic()
    results = run_concurrently(batching, texts)
    elapsed = time.monotonic() - started
    reference = FakeEmbedder()
    for got, asked in zip(results, texts, strict=True):
        assert isinstance(got, np.ndarray)
        np.testing.assert_allclose(got, reference.embed(asked))
    assert not inner.overlapped  # still one forward pass at a time
    assert sum(batching.batch_sizes) == sum(len(t) for t in texts)
    assert max(batching.batch_sizes) <= 8 and len(batching.batch_sizes) < len(texts)
    assert elapsed < len(texts) * 0.05 / 2


def test_quiet_server_runs_at_once_and_errors_reach_every_caller_in_the_batch() -> None:
    inner = SlowEmbedder(fail_on="bad")
    batching = BatchingEmbedder(inner)
    assert batching.embed([]).shape == (0, inner.dim)
    np.testing.assert_allclose(batching.embed(["alone"]), FakeEmbedder().embed(["alone"]))
    assert list(batching.batch_sizes) == [1]
    with pytest.raises(RuntimeError, match="model failed"):
        batching.embed(["bad"])
    assert batching.count_tokens("two words") == FakeEmbedder().count_tokens("two words")  # delegated
    results = run_concurrently(batching, [["ok"], ["bad"], ["fine"], ["also fine"]])
    assert any(isinstance(r, RuntimeError) for r in results)
    np.testing.assert_allclose(batching.embed(["after"]), FakeEmbedder().embed(["after"]))  # not stuck


class PoisonEmbedder(FakeEmbedder):
    """Raises (as the real tokenizer does on a lone surrogate) when any text in a pass is bad."""

    def embed(self, texts: Sequence[str]) -> Vectors:
        time.sleep(0.03)
        if any("\ud800" in t for t in texts):
            raise TypeError("TextEncodeInput must be Union[TextInputSequence, ...]")
        return super().embed(texts)


def test_a_poisoned_request_in_a_batch_fails_alone() -> None:
    inner = PoisonEmbedder()
    batching = BatchingEmbedder(inner, max_batch_texts=64)
    texts = [[f"good question {i}"] for i in range(15)]
    texts.insert(7, ["bad \ud800"])
    results: list[Vectors | BaseException] = [np.zeros(0, dtype=np.float32)] * len(texts)

    def call(i: int) -> None:
        try:
            results[i] = batching.embed(texts[i])
        except TypeError as exc:
            results[i] = exc

    threads = [threading.Thread(target=call, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max(batching.batch_sizes) > 1  # they did share passes
    reference = FakeEmbedder()
    for i, got in enumerate(results):
        if i == 7:
            assert isinstance(got, TypeError)
        else:
            assert isinstance(got, np.ndarray), got
            np.testing.assert_allclose(got, reference.embed(texts[i]))
