"""Prometheus metrics for one app (its own registry, so several apps in one process stay apart).

``GET /metrics`` serves them in the text format. Requests are counted by route template (never
the raw path, so the label set stays small) and status; answers by audience and outcome, with a
latency histogram; refusals by reason; feedback by rating; index size at scrape time; ingest
duration and the latest eval figures when the console runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ics_assistant.types import Answer

__all__ = ["CONTENT_TYPE_LATEST", "Metrics", "RequestMetrics"]

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class _IndexCollector(Collector):
    """Index size read from the status provider when scraped."""

    def __init__(self, status: Callable[[], dict[str, Any]]) -> None:
        self._status = status

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            info = self._status()
        except Exception:  # a scrape must not fail because the index is being rebuilt
            info = {}
        yield GaugeMetricFamily(
            "ics_index_documents", "Documents in the index", value=info.get("documents") or 0
        )
        yield GaugeMetricFamily("ics_index_chunks", "Chunks in the index", value=info.get("chunks") or 0)


class Metrics:
    def __init__(self, status: Callable[[], dict[str, Any]] | None = None) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "ics_http_requests",
            "HTTP requests by route and status",
            ["route", "method", "status"],
            registry=r,
        )
        self.answers = Counter(
            "ics_answers", "Answers given, by audience and outcome", ["audience", "outcome"], registry=r
        )
        self.latency = Histogram(
            "ics_answer_latency_seconds",
            "Time to a final answer",
            ["outcome"],
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.refusals = Counter("ics_refusals", "Refused questions by reason", ["reason"], registry=r)
        self.feedback = Counter("ics_feedback", "Feedback received by rating", ["rating"], registry=r)
        self.ingest_seconds = Histogram(
            "ics_ingest_duration_seconds",
            "Duration of ingests run by the console",
            registry=r,
            buckets=(1, 5, 15, 30, 60, 120, 300, 600, 1800),
        )
        self.eval_metric = Gauge(
            "ics_eval_metric", "Latest eval figure by dataset and metric", ["dataset", "metric"], registry=r
        )
        if status is not None:
            r.register(_IndexCollector(status))

    def observe_answer(self, answer: Answer, seconds: float) -> None:
        outcome = "refused" if answer.refused else "answered"
        self.answers.labels(audience=answer.audience or "public", outcome=outcome).inc()
        self.latency.labels(outcome=outcome).observe(seconds)
        if answer.refused:
            self.refusals.labels(reason=answer.refusal_reason or "unknown").inc()

    def observe_feedback(self, rating: int) -> None:
        self.feedback.labels(rating="up" if rating > 0 else "down").inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)


class RequestMetrics:
    """ASGI middleware: counts each HTTP request by its route template and final status."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = {"code": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.requests.labels(
                route=route, method=scope.get("method", ""), status=str(status["code"])
            ).inc()
