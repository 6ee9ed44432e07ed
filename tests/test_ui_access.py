"""Who gets staff documents from the staff chat (``ics_assistant/ui/access.py``), over HTTP.

The staff chat is tested through Gradio's own API (``/gradio_api/call/<api_name>``), which is what
anyone who can reach the server can call, not only through the page. A fake assistant with one
staff-only document shows whether an answer could have come from staff documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ics_assistant.api.app import create_app
from ics_assistant.api.ratelimit import SIGN_IN_ATTEMPTS_PER_MINUTE
from ics_assistant.cli import app as cli_app
from ics_assistant.config import Settings
from ics_assistant.types import Answer, Audience, Turn
from ics_assistant.ui.access import PUBLIC_ONLY_NOTICE, is_loopback, make_auth, staff_access

from .web_fixtures import FakeAssistant, LiveServer, _Para

TOKEN = "correct-horse-battery-staple"
STAFF_DOC = "winter-escalation-playbook"
STAFF_QUESTION = "What is the winter escalation code word for the hospital discharge hub?"
STAFF_TEXT = (
    "Staff only. During winter escalation the hospital discharge hub uses the code word "
    "BLUEBELL when discharge delays pass four hours, and the on-call director is paged."
)


@dataclass
class TwoAudienceAssistant:
    """Answers from the public corpus, plus one staff-only document for ``audience="staff"``."""

    calls: list[Audience] = field(default_factory=list)
    public: FakeAssistant = field(default_factory=FakeAssistant)
    staff: FakeAssistant = field(default_factory=FakeAssistant)

    def __post_init__(self) -> None:
        self.staff.paragraphs.append(
            _Para(STAFF_DOC, "Winter escalation (staff)", "2025-11-01", STAFF_TEXT, 0)
        )

    def _pick(self, audience: Audience) -> FakeAssistant:
        self.calls.append(audience)
        return self.staff if audience == "staff" else self.public

    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer:
        return self._pick(audience).ask(question, history, audience)

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]:
        return self._pick(audience).stream(question, history, audience)


def _settings(settings: Settings, **update: Any) -> Settings:
    return settings.model_copy(update=update)


def gradio_call(
    client: httpx.Client | TestClient, question: str, headers: dict[str, str] | None = None
) -> tuple[int, list[Any]]:
    """Ask through Gradio's API as any HTTP client can: (status code, outputs when it answered)."""
    r = client.post("/gradio_api/call/respond", json={"data": [question, []]}, headers=headers or {})
    if r.status_code != 200:
        return r.status_code, []
    events = client.get(f"/gradio_api/call/respond/{r.json()['event_id']}", headers=headers or {})
    data = [line[len("data: ") :] for line in events.text.splitlines() if line.startswith("data: ")]
    assert "event: complete" in events.text, events.text
    outputs = json.loads(data[-1])
    assert isinstance(outputs, list)
    return events.status_code, outputs


def test_is_loopback() -> None:
    for host in ("127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]", "::ffff:127.0.0.1"):
        assert is_loopback(host), host
    for other in (
        "0.0.0.0",
        "::",
        "192.168.1.10",
        "::ffff:10.0.0.1",
        "example.org",
        "",
        None,
        "127.0.0.1.example.org",
    ):
        assert not is_loopback(other), other


def test_auth_checks_user_and_token() -> None:
    check = make_auth(TOKEN)
    assert check("staff", TOKEN)
    assert not check("staff", TOKEN + "x") and not check("staff", "") and not check("admin", TOKEN)
    assert not check("", "") and not check("staff", "corrèct")  # non-ASCII input is no crash


def test_access_modes_follow_token_and_host(settings: Settings) -> None:
    with_token = staff_access(_settings(settings, staff_token=TOKEN, host="0.0.0.0"))
    assert with_token.mode == "token" and with_token.auth is not None and with_token.notice is None
    assert staff_access(_settings(settings, host="127.0.0.1")).mode == "public"  # loopback alone: no
    local = staff_access(_settings(settings, host="127.0.0.1", loopback_is_staff=True))
    assert local.mode == "local" and local.auth is None
    assert local.audience_for("127.0.0.1", {}) == "staff"
    assert local.audience_for("10.0.0.7", {}) == "public"
    for header in (
        "x-forwarded-for",
        "X-Forwarded-Host",
        "CF-Connecting-IP",
        "True-Client-IP",
        "X-Client-IP",
        "X-Original-Forwarded-For",
        "Forwarded",
        "X-Real-IP",
        "Via",
    ):
        assert local.audience_for("127.0.0.1", {header: "203.0.113.9"}) == "public", header
    exposed = staff_access(_settings(settings, host="0.0.0.0"))
    assert exposed.mode == "public" and exposed.notice == PUBLIC_ONLY_NOTICE
    assert exposed.audience_for("127.0.0.1", {}) == "public"


def test_with_a_token_the_staff_chat_and_its_api_need_sign_in(settings: Settings) -> None:
    fake = TwoAudienceAssistant()
    app = create_app(_settings(settings, staff_token=TOKEN, host="0.0.0.0"), fake)
    with TestClient(app) as client:
        page = client.get("/")
        assert page.status_code == 200 and '"auth_required":true' in page.text.replace(" ", "")
        assert "ics-question" not in page.text  # no chat components before sign-in
        for path in ("/config", "/gradio_api/info", "/gradio_api/openapi.json"):
            assert client.get(path).status_code == 401, path
        assert gradio_call(client, STAFF_QUESTION) == (401, [])
        join = {"data": [STAFF_QUESTION, []], "fn_index": 0, "session_hash": "attacker"}
        assert client.post("/gradio_api/queue/join", json=join).status_code == 401
        assert client.post("/login", data={"username": "staff", "password": "guess"}).status_code == 400
        assert client.post("/login", data={"username": "admin", "password": TOKEN}).status_code == 400
        assert fake.calls == []  # nothing reached the assistant

        assert client.post("/login", data={"username": "staff", "password": TOKEN}).status_code == 200
        assert client.get("/config").status_code == 200
        code, outputs = gradio_call(client, STAFF_QUESTION)
    assert code == 200 and fake.calls == ["staff"]
    assert "BLUEBELL" in outputs[3] and "Winter escalation (staff)" in outputs[2]  # copy text, sources


def test_without_a_token_on_a_public_host_staff_documents_are_off(settings: Settings) -> None:
    fake = TwoAudienceAssistant()
    app = create_app(_settings(settings, host="0.0.0.0"), fake)
    with TestClient(app) as client:
        config = client.get("/config").json()
        texts = [str(c["props"].get("value")) for c in config["components"]]
        assert any(PUBLIC_ONLY_NOTICE in t for t in texts)
        assert any("public documents only" in t for t in texts)
        _, staff_q = gradio_call(client, STAFF_QUESTION)
        _, public_q = gradio_call(client, "When were the 42 ICSs established on a statutory basis?")
    assert fake.calls == ["public", "public"]
    assert "BLUEBELL" not in json.dumps(staff_q) and STAFF_DOC not in json.dumps(staff_q)
    assert "Not answered from the sources" in json.dumps(staff_q[1])
    assert "1 July 2022" in public_q[3]  # the public documents still answer


def test_loopback_is_staff_only_when_turned_on_and_only_for_direct_requests(settings: Settings) -> None:
    fake = TwoAudienceAssistant()
    app = create_app(_settings(settings, host="127.0.0.1"), fake)
    with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=30) as client:
        _, default = gradio_call(client, STAFF_QUESTION)
    assert fake.calls == ["public"] and "BLUEBELL" not in json.dumps(default)
    fake = TwoAudienceAssistant()
    app = create_app(_settings(settings, host="127.0.0.1", loopback_is_staff=True), fake)
    with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=30) as client:
        _, local = gradio_call(client, STAFF_QUESTION)
        _, relayed = gradio_call(client, STAFF_QUESTION, headers={"X-Forwarded-For": "203.0.113.9"})
    assert fake.calls == ["staff", "public"]
    assert "BLUEBELL" in local[3]
    assert "BLUEBELL" not in json.dumps(relayed)
    assert PUBLIC_ONLY_NOTICE in relayed[5]  # the status line says why staff documents were left out


def test_serve_host_option_reaches_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    import ics_assistant.api.app as api_app

    seen: dict[str, Any] = {}

    def fake_create_app(settings: Settings) -> str:
        seen["settings"] = settings
        return "app"

    monkeypatch.setattr(api_app, "create_app", fake_create_app)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["settings"].host == "0.0.0.0" and seen["settings"].port == 8123
    assert seen["host"] == "0.0.0.0" and seen["port"] == 8123


def test_sign_in_attempts_are_throttled(settings: Settings) -> None:
    app = create_app(_settings(settings, staff_token=TOKEN, rate_limit=0), TwoAudienceAssistant())
    with TestClient(app) as client:
        wrong = {"username": "staff", "password": "guess"}
        codes = [client.post("/login", data=wrong).status_code for _ in range(SIGN_IN_ATTEMPTS_PER_MINUTE)]
        assert codes == [400] * SIGN_IN_ATTEMPTS_PER_MINUTE
        blocked = client.post("/login/", data={"username": "staff", "password": TOKEN})
        assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
        assert blocked.json()["error"]["code"] == "too_many_sign_ins"
        assert client.get("/config").status_code == 401  # the blocked attempt signed nobody in
        assert client.get("/api/health").status_code == 200  # other routes are not throttled
