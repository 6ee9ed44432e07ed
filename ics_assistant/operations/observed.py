"""``ObservedAssistant``: the assistant every interface calls, wrapped once.

It applies the answers kill switch (a fixed signpost instead of an answer), counts answers,
refusals and latency for ``/metrics``, and hands each finished question to the
``QuestionRecorder``, which redacts it and writes it to the question log on a worker thread
(so neither redaction nor the database adds to the answer's latency).
``ObservedFeedback`` does the same for feedback: redacted before it is stored, counted, and
attached to the logged question.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from ics_assistant.feedback import FeedbackStore
from ics_assistant.operations.currency import CurrencyBook
from ics_assistant.operations.killswitch import AnswersSwitch, disabled_answer
from ics_assistant.operations.metrics import Metrics
from ics_assistant.querylog.store import QuestionLog
from ics_assistant.types import Answer, Audience, Turn

__all__ = ["ObservedAssistant", "ObservedFeedback", "QuestionRecorder"]

log = logging.getLogger(__name__)


class _Inner(Protocol):
    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer: ...

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]: ...


class _Redacts(Protocol):
    def redact(self, text: str) -> str: ...


class QuestionRecorder:
    """Redacts and stores questions on one worker thread; ``flush()`` waits for what is queued."""

    PURGE_EVERY_S = 3600.0
    MAX_BACKLOG = 10_000  # redaction takes ~6 ms a question on one worker thread

    def __init__(
        self, store: QuestionLog, redactor: _Redacts, *, purge: Callable[[], object] | None = None
    ) -> None:
        self.store = store
        self.redactor = redactor
        self._purge = purge
        self._last_purge = time.monotonic()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="question-log")
        self._pending: list[Future[None]] = []
        self.dropped = 0

    def _submit(self, job: Callable[[], None]) -> None:
        def run() -> None:
            try:
                job()
            except Exception:  # the log must never break answering
                log.exception("could not write to the question log")

        self._pending = [f for f in self._pending if not f.done()]
        if len(self._pending) >= self.MAX_BACKLOG:  # bounded memory under a burst: drop, say so
            self.dropped += 1
            log.warning("question log backlog full: %d entries dropped so far", self.dropped)
            return
        self._pending.append(self._pool.submit(run))

    def record(self, answer: Answer, latency_ms: float) -> None:
        cited = tuple(dict.fromkeys(c.doc_id for c in answer.citations))

        def job() -> None:
            if self._purge is not None and time.monotonic() - self._last_purge > self.PURGE_EVERY_S:
                self._last_purge = time.monotonic()
                self._purge()  # entries past the retention period go, at most hourly
            self.store.add_question(
                question=self.redactor.redact(answer.question),
                refused=answer.refused,
                reason=answer.refusal_reason,
                cited=cited,
                latency_ms=latency_ms,
                audience=answer.audience or "public",
            )

        self._submit(job)

    def feedback(
        self, redacted_question: str, rating: int, answer: dict[str, Any], comment: str, audience: str
    ) -> None:
        """Into the shared feedback store, and onto the logged question (all already redacted)."""

        def job() -> None:
            self.store.add_feedback(
                question=redacted_question, answer=answer, rating=rating, comment=comment, audience=audience
            )
            self.store.set_feedback(redacted_question, rating)

        self._submit(job)

    def flush(self, timeout: float = 30.0) -> None:
        for f in list(self._pending):
            f.result(timeout=timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


class ObservedAssistant:
    """Satisfies ``AssistantLike`` (and passes ``health()`` through)."""

    def __init__(
        self,
        inner: _Inner,
        switch: AnswersSwitch,
        metrics: Metrics | None = None,
        recorder: QuestionRecorder | None = None,
        currency: CurrencyBook | None = None,
    ) -> None:
        self.inner = inner
        self.switch = switch
        self.metrics = metrics
        self.recorder = recorder
        self.currency = currency

    def _observe(self, answer: Answer, seconds: float) -> None:
        if self.metrics is not None:
            self.metrics.observe_answer(answer, seconds)
        if self.recorder is not None:
            self.recorder.record(answer, round(seconds * 1000.0, 3))

    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer:
        t0 = time.perf_counter()
        answer = disabled_answer(question, audience) if not self.switch.enabled() else None
        if answer is None:
            answer = self._annotate(self.inner.ask(question, history, audience))
        self._observe(answer, time.perf_counter() - t0)
        return answer

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]:
        t0 = time.perf_counter()
        if not self.switch.enabled():
            answer = disabled_answer(question, audience)
            yield answer.text
            self._observe(answer, time.perf_counter() - t0)
            yield answer
            return
        for item in self.inner.stream(question, history, audience):
            if isinstance(item, Answer):
                item = self._annotate(item)
                self._observe(item, time.perf_counter() - t0)
            yield item

    def _annotate(self, answer: Answer) -> Answer:
        return self.currency.annotate(answer) if self.currency is not None else answer

    def health(self) -> dict[str, Any]:
        health = getattr(self.inner, "health", None)
        return dict(health()) if callable(health) else {"index_loaded": False, "documents": 0, "chunks": 0}


class ObservedFeedback(FeedbackStore):
    """The feedback store, with the question (and its history) redacted before it is written."""

    def __init__(
        self,
        path: Path,
        redactor: _Redacts,
        metrics: Metrics | None = None,
        recorder: QuestionRecorder | None = None,
    ) -> None:
        super().__init__(path)
        self.redactor = redactor
        self.metrics = metrics
        self.recorder = recorder

    def add(
        self,
        *,
        question: str,
        answer: Answer | dict[str, Any],
        rating: int,
        history: Sequence[Turn] = (),
        comment: str = "",
        audience: str = "public",
    ) -> int:
        redact = self.redactor.redact
        clean_q = redact(question)
        answer_dict = dict(answer.to_dict() if isinstance(answer, Answer) else answer)
        for key in ("question", "condensed_question"):
            if isinstance(answer_dict.get(key), str):
                answer_dict[key] = redact(answer_dict[key])
        clean_history = [replace(t, content=redact(t.content)) if t.role == "user" else t for t in history]
        clean_comment = redact(comment)
        new_id = super().add(
            question=clean_q,
            answer=answer_dict,
            rating=rating,
            history=clean_history,
            comment=clean_comment,
            audience=audience,
        )
        if self.metrics is not None:
            self.metrics.observe_feedback(rating)
        if self.recorder is not None:
            self.recorder.feedback(clean_q, rating, answer_dict, clean_comment.strip(), audience)
        return new_id
