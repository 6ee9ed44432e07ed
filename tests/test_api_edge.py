"""The front door (``api/edge.py``) over HTTP: Host check, no uploads, one rate limiter everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings

from .web_fixtures import FakeAssistant

QUESTION = "When were the 42 integrated care systems established on a statutory basis?"


def make(settings: Settings, **update: Any) -> TestClient:
    return TestClient(create_app(settings.model_copy(update=update), FakeAssistant()))


def test_a_foreign_host_is_refused_everywhere(settings: Settings) -> None:
    with make(settings, allowed_hosts="", host="127.0.0.1") as client:
        for path in ("/api/health", "/", "/config"):
            r = client.get(
                path, headers={"Host": "rebind.evil.example", "Origin": "http://rebind.evil.example"}
            )
            assert r.status_code == 421 and r.json()["error"]["code"] == "misdirected_request", path
        assert client.get("/api/health", headers={"Host": "127.0.0.1:7860"}).status_code == 200


def test_uploads_are_off(settings: Settings, tmp_path: Path) -> None:
    with make(settings) as client:
        for path in ("/gradio_api/upload", "/gradio_api/upload/", "/upload"):
            r = client.post(path, files={"files": ("x.txt", b"A" * 10_000, "text/plain")})
            assert r.status_code == 404 and r.json()["error"]["code"] == "not_found", path


def test_forwarded_headers_do_not_buy_more_requests(settings: Settings) -> None:
    with make(settings, rate_limit=3) as client:
        codes = [
            client.post(
                "/api/chat", json={"message": QUESTION}, headers={"X-Forwarded-For": f"198.51.100.{i}"}
            ).status_code
            for i in range(5)
        ]
    assert codes == [200, 200, 200, 429, 429]


def test_the_staff_chat_is_rate_limited_too(settings: Settings) -> None:
    with make(settings, rate_limit=2) as client:
        body = {"data": [QUESTION, []]}
        codes = [client.post("/gradio_api/call/respond", json=body).status_code for _ in range(3)]
        assert codes[:2] == [200, 200] and codes[2] == 429
        r = client.post("/gradio_api/queue/join", json={"data": [QUESTION, []], "fn_index": 0})
        assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
        assert client.get("/api/health").status_code == 200  # reads are not limited
