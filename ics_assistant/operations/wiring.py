"""Builds the operations layer for one server: database, redactor, metrics, switch, wrappers.

``create_app`` calls ``build_operations`` once and serves ``ops.assistant`` and ``ops.feedback``
to every interface (API, stream, ``/v1``, widget, staff chat), and ``ops.metrics`` at ``/metrics``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ics_assistant.config import Settings
from ics_assistant.operations.currency import CurrencyBook
from ics_assistant.operations.killswitch import AnswersSwitch
from ics_assistant.operations.metrics import CONTENT_TYPE_LATEST, Metrics, RequestMetrics
from ics_assistant.operations.observed import ObservedAssistant, ObservedFeedback, QuestionRecorder
from ics_assistant.querylog.redact import Redactor
from ics_assistant.querylog.store import SqlStore

__all__ = ["Operations", "build_operations", "install_operations", "shared_redactor"]


@lru_cache(maxsize=1)
def shared_redactor() -> Redactor:
    """One Presidio analyser per process (it loads spaCy; servers and tests share it)."""
    return Redactor()


@dataclass(frozen=True)
class Operations:
    settings: Settings
    store: SqlStore
    metrics: Metrics
    switch: AnswersSwitch
    recorder: QuestionRecorder
    currency: CurrencyBook
    assistant: ObservedAssistant
    feedback: ObservedFeedback


def build_operations(settings: Settings, assistant: Any, status: Any) -> Operations:
    store = SqlStore(settings.console_database_url)
    store.purge(settings.log_retention_days)
    redactor = shared_redactor()
    metrics = Metrics(status)
    switch = AnswersSwitch(settings.answers_enabled, store)
    recorder = QuestionRecorder(store, redactor, purge=lambda: store.purge(settings.log_retention_days))
    currency = CurrencyBook(settings.corpus_dir, settings.stale_after_days)
    observed = ObservedAssistant(assistant, switch, metrics, recorder, currency)
    feedback = ObservedFeedback(settings.feedback_db, redactor, metrics, recorder)
    return Operations(settings, store, metrics, switch, recorder, currency, observed, feedback)


router = APIRouter(tags=["operations"])


@router.get("/metrics", include_in_schema=False)
async def metrics_endpoint(request: Request) -> Response:
    """Prometheus text format."""
    ops: Operations = request.app.state.ops
    body = await run_in_threadpool(ops.metrics.render)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def install_operations(app: FastAPI, ops: Operations) -> None:
    """``/metrics``, the request counter, and flushing the question log at shutdown."""
    app.state.ops = ops
    app.include_router(router)
    app.add_middleware(RequestMetrics, metrics=ops.metrics)
    app.router.on_shutdown.append(_closer(ops))


def _closer(ops: Operations) -> Any:
    async def close() -> None:  # the app may be started again (tests reuse one): flush, keep the pool
        await run_in_threadpool(ops.recorder.flush)

    return close
