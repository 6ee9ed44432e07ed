"""The answers kill switch: every interface gives the same fixed signpost (NHS website, 111, 999)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ics_assistant.api.app import create_app
from ics_assistant.cli import app as cli_app
from ics_assistant.config import Settings
from ics_assistant.feedback import FeedbackStore
from ics_assistant.operations.killswitch import AnswersSwitch, disabled_text
from ics_assistant.operations.wiring import Operations
from ics_assistant.querylog.store import SqlStore
from ics_assistant.ui.chat import StaffChat

from .test_api import parse_sse
from .web_fixtures import FakeAssistant

QUESTION = "When were the 42 integrated care systems established on a statutory basis?"


def test_fixed_reply_signposts_nhs_website_111_and_999() -> None:
    text = disabled_text()
    assert "www.nhs.uk" in text and "111" in text and "999" in text


def test_switched_off_in_every_http_interface(settings: Settings) -> None:
    fake = FakeAssistant()
    off = settings.model_copy(update={"answers_enabled": False})
    with TestClient(create_app(off, fake)) as client:
        chat = client.post("/api/chat", json={"message": QUESTION}).json()
        assert chat["text"] == disabled_text() and chat["refusal_reason"] == "answers_disabled"
        events = parse_sse(client.post("/api/chat/stream", json={"message": QUESTION}).text)
        assert events[-1][0] == "answer" and events[-1][1]["text"] == disabled_text()
        v1 = client.post(
            "/v1/chat/completions",
            json={"model": "ics-assistant", "messages": [{"role": "user", "content": QUESTION}]},
        ).json()
        assert v1["choices"][0]["message"]["content"].startswith(disabled_text())
        ops: Operations = client.app.state.ops  # type: ignore[attr-defined]
        # the staff chat (and the widget, which calls /api/chat/stream) are given this same object
        assert client.app.state.ctx.assistant is ops.assistant  # type: ignore[attr-defined]
        staff = StaffChat(ops.assistant, FeedbackStore(settings.data_dir / "f.db"))
        last = list(staff.respond(QUESTION, []))[-1]
        assert last[4][-1]["answer"]["text"] == disabled_text()
    assert fake.calls == []  # the real assistant was never asked


def test_console_override_wins_over_the_environment(settings: Settings) -> None:
    store = SqlStore(settings.console_database_url)
    switch = AnswersSwitch(True, store, ttl_s=0.0)
    assert switch.enabled()
    store.set_setting(AnswersSwitch.KEY, "false")
    assert not switch.enabled()
    store.set_setting(AnswersSwitch.KEY, "true")
    assert AnswersSwitch(False, store).enabled()


def test_cli_ask_gives_the_fixed_reply(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ICS_ANSWERS_ENABLED", "false")  # no index needed: nothing is answered
    result = CliRunner().invoke(cli_app, ["ask", QUESTION, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["text"] == disabled_text()
