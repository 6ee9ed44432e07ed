"""Opportunistic micro-batching of question embeddings for the server.

The real embedder runs one forward pass at a time (torch already spreads a pass over all
cores). Under concurrent load, requests would queue for that pass one by one. ``BatchingEmbedder``
lets them share it instead: a caller that finds the model idle runs at once (no added latency
when the server is quiet); callers that arrive while a pass is running wait, and the first of
them then embeds all waiting texts in one batch. Results are identical to calling the inner
embedder per request up to float rounding (attention masks make padding irrelevant).
When a shared pass fails, each request in it is embedded alone, so a bad input fails only
its own request.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ics_assistant.protocols import Embedder, Vectors

__all__ = ["BatchingEmbedder"]


@dataclass
class _Job:
    texts: list[str]
    result: Vectors | None = None
    error: BaseException | None = None
    done: bool = False


class BatchingEmbedder:
    """An ``Embedder`` that merges concurrent ``embed`` calls into shared forward passes."""

    def __init__(self, inner: Embedder, max_batch_texts: int = 64) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.max_batch_texts = max_batch_texts
        # texts per forward pass, for tests and diagnostics (the latest ones: the server runs for days)
        self.batch_sizes: deque[int] = deque(maxlen=1000)
        self._cond = threading.Condition()
        self._queue: list[_Job] = []
        self._busy = False

    def __getattr__(self, name: str) -> Any:  # count_tokens, embed_with_spans, ...: the inner model's
        return getattr(self.inner, name)

    def embed(self, texts: Sequence[str]) -> Vectors:
        job = _Job(list(texts))
        if not job.texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._cond:
            self._queue.append(job)
        while True:
            with self._cond:
                while not job.done and self._busy:
                    self._cond.wait()
                if job.done:
                    break
                self._busy = True  # this caller leads the next pass, for everyone waiting
                batch = self._take_batch()
            self._run(batch)
        if job.error is not None:
            raise job.error
        assert job.result is not None
        return job.result

    def _take_batch(self) -> list[_Job]:
        batch: list[_Job] = []
        size = 0
        while self._queue and (not batch or size + len(self._queue[0].texts) <= self.max_batch_texts):
            job = self._queue.pop(0)
            batch.append(job)
            size += len(job.texts)
        return batch

    def _run_alone(self, job: _Job) -> None:
        try:
            job.result = self.inner.embed(job.texts)
        except Exception as exc:
            job.error = exc

    def _run(self, batch: list[_Job]) -> None:
        texts = [t for job in batch for t in job.texts]
        try:
            vectors = self.inner.embed(texts)
            offset = 0
            for job in batch:
                job.result = vectors[offset : offset + len(job.texts)]
                offset += len(job.texts)
        except Exception as exc:
            if len(batch) == 1:
                batch[0].error = exc
            else:  # one bad input must fail only its own request: each job alone
                for job in batch:
                    self._run_alone(job)
        except BaseException as exc:  # KeyboardInterrupt and the like: every caller re-raises it
            for job in batch:
                job.error = exc
        finally:
            with self._cond:
                self.batch_sizes.append(len(texts))
                for job in batch:
                    job.done = True
                self._busy = False
                self._cond.notify_all()
