"""``GET /metrics``: Prometheus text that parses, and counters that move with traffic."""

from __future__ import annotations

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings

from .web_fixtures import FakeAssistant

QUESTION = "When were the 42 integrated care systems established on a statutory basis?"


def scrape(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    r = client.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    values = {}
    for family in text_string_to_metric_families(r.text):
        for s in family.samples:
            values[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return values


def total(values: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    want = set(labels.items())
    return sum(v for (n, lab), v in values.items() if n == name and want <= set(lab))


def test_metrics_parse_and_move_with_traffic(settings: Settings) -> None:
    with TestClient(create_app(settings, FakeAssistant())) as client:
        before = scrape(client)
        assert total(before, "ics_index_chunks") > 0 and total(before, "ics_index_documents") > 0
        answer = client.post("/api/chat", json={"message": QUESTION}).json()
        client.post("/api/chat", json={"message": "xyzzy plugh frobnicate quux"})
        client.post("/api/chat", json={"message": ""})  # 422
        client.post("/api/feedback", json={"question": QUESTION, "answer": answer, "rating": -1})
        after = scrape(client)
    route = {"route": "/api/chat", "method": "POST"}
    assert (
        total(after, "ics_http_requests_total", status="200", **route)
        - total(before, "ics_http_requests_total", status="200", **route)
        == 2
    )
    assert total(after, "ics_http_requests_total", status="422", **route) == 1
    assert total(after, "ics_answers_total", outcome="answered") == 1
    assert total(after, "ics_refusals_total", reason="not_in_sources") == 1
    assert total(after, "ics_answer_latency_seconds_count") == 2
    assert total(after, "ics_feedback_total", rating="down") == 1
    assert total(after, "ics_http_requests_total", route="/metrics") >= 1


def test_two_apps_keep_separate_registries(settings: Settings) -> None:
    with (
        TestClient(create_app(settings, FakeAssistant())) as a,
        TestClient(create_app(settings, FakeAssistant())) as b,
    ):
        a.post("/api/chat", json={"message": QUESTION})
        assert total(scrape(a), "ics_answers_total") == 1
        assert total(scrape(b), "ics_answers_total") == 0
