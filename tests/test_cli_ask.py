"""``ics-assistant ask``: pretty and JSON output, history files, audiences, clear errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import ics_assistant.assistant as assistant_module
from ics_assistant.assistant import Assistant
from ics_assistant.cli import app
from ics_assistant.config import Settings
from ics_assistant.protocols import ChatModel, Embedder, SearchIndex
from ics_assistant.types import Answer

from .answer_fixtures import STAFF_DOC_ID, MemoryIndex, memory_index
from .fakes import FakeEmbedder

runner = CliRunner()


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    return memory_index(FakeEmbedder())


@pytest.fixture
def fake_wiring(monkeypatch: pytest.MonkeyPatch, index: MemoryIndex) -> list[Settings]:
    """Replace only the wiring that would load the real model and index; record the settings used."""
    seen: list[Settings] = []

    def build(
        settings: Settings,
        *,
        embedder: Embedder | None = None,
        index_: SearchIndex | None = None,
        chat_model: ChatModel | None = None,
    ) -> Assistant:
        seen.append(settings)
        return Assistant(settings, FakeEmbedder(), index)

    monkeypatch.setattr(assistant_module, "build_assistant", build)
    return seen


def test_ask_prints_answer_and_references(fake_wiring: list[Settings]) -> None:
    result = runner.invoke(app, ["ask", "When did ICSs become statutory?"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert re.search(r"1 July 2022 \[\d\]", text)
    assert "References" in text and "] Frequently asked questions – ICSs" in text


def test_ask_json_is_the_answer_json_form(fake_wiring: list[Settings]) -> None:
    result = runner.invoke(app, ["ask", "When did ICSs become statutory?", "--json"])
    assert result.exit_code == 0, result.output
    answer = Answer.from_dict(json.loads(result.output))
    assert not answer.refused and "1 July 2022" in answer.text
    assert answer.citations and answer.citations[0].quote in answer.sources[0].text + "".join(
        s.text for s in answer.sources
    )


def test_ask_refuses_out_of_scope(fake_wiring: list[Settings]) -> None:
    result = runner.invoke(app, ["ask", "What is the capital of France?", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["refused"] is True


def test_ask_chest_pain_leads_with_999(fake_wiring: list[Settings]) -> None:
    result = runner.invoke(app, ["ask", "I have chest pain"])
    assert result.exit_code == 0
    assert result.output.startswith("If this is an emergency, call 999")


def test_ask_with_history_file_resolves_the_follow_up(fake_wiring: list[Settings], tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    history.write_text(
        json.dumps(
            [
                {"role": "user", "content": "What is an integrated care system?"},
                {"role": "assistant", "content": "Integrated Care Systems (ICSs) are partnerships [1]."},
            ]
        ),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["ask", "When was it put on a statutory footing?", "--history", str(history), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "1 July 2022" in data["text"] and "integrated care system" in data["condensed_question"]


def test_ask_audience_and_generator_options(fake_wiring: list[Settings]) -> None:
    question = "When was the zephyr rota for ICS board papers agreed?"
    staff = json.loads(runner.invoke(app, ["ask", question, "--audience", "staff", "--json"]).output)
    public = json.loads(runner.invoke(app, ["ask", question, "--json"]).output)
    assert any(c["doc_id"] == STAFF_DOC_ID for c in staff["citations"])
    assert all(c["doc_id"] != STAFF_DOC_ID for c in public["citations"])
    runner.invoke(app, ["ask", "What is an ICS?", "--generator", "extractive"])
    assert fake_wiring[-1].generator == "extractive"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"role": "user"}', "JSON list"),
        ('[{"role": "robot", "content": "hi"}]', "role 'user' or 'assistant'"),
        ('[{"role": "user", "content": 3}]', "string 'content'"),
    ],
)
def test_bad_history_file_is_a_clear_error(
    fake_wiring: list[Settings], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "h.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["ask", "What is an ICS?", "--history", str(path)])
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_missing_history_file_and_bad_options(fake_wiring: list[Settings], tmp_path: Path) -> None:
    missing = runner.invoke(app, ["ask", "x", "--history", str(tmp_path / "nope.json")])
    assert missing.exit_code == 1 and "cannot read history file" in missing.output
    bad_audience = runner.invoke(app, ["ask", "x", "--audience", "everyone"])
    assert bad_audience.exit_code == 1 and "--audience must be one of" in bad_audience.output
    bad_generator = runner.invoke(app, ["ask", "x", "--generator", "gpt9"])
    assert bad_generator.exit_code == 1 and "--generator must be one of" in bad_generator.output


def test_no_index_is_a_clear_error_not_a_traceback() -> None:
    # the real wiring, with ICS_DATA_DIR pointing at an empty temp dir (conftest): nothing ingested
    result = runner.invoke(app, ["ask", "When did ICSs become statutory?"])
    assert result.exit_code == 1
    assert "ics-assistant ingest" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
