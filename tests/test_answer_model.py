"""End to end on the real corpus with the real embedding model (ingested once per session)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ics_assistant.assistant import Assistant, build_assistant
from ics_assistant.cli import app
from ics_assistant.config import Settings
from ics_assistant.index import Index
from ics_assistant.types import Answer, Turn

pytestmark = pytest.mark.model

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from ics_assistant.ingest.pipeline import run_ingest

    settings = Settings(
        data_dir=tmp_path_factory.mktemp("answer-model") / "data", corpus_dir=CORPUS, _env_file=None
    )  # type: ignore[call-arg]
    run_ingest(settings, progress=False)
    return settings


@pytest.fixture(scope="session")
def real_index(real_settings: Settings) -> Iterator[Index]:
    index = Index.open(real_settings)
    yield index
    index.close()


@pytest.fixture(scope="session")
def real_assistant(real_settings: Settings, real_index: Index) -> Assistant:
    return build_assistant(real_settings, index=real_index)


def _valid_citations(answer: Answer, index: Index) -> None:
    assert answer.citations
    for c in answer.citations:
        assert index.document_text(c.doc_id)[c.start : c.end] == c.quote
        assert c.chunk_id in {s.chunk_id for s in answer.sources}


def test_statutory_date_with_verbatim_citation(real_assistant: Assistant, real_index: Index) -> None:
    answer = real_assistant.ask("When did ICSs become statutory?")
    assert not answer.refused
    assert "1 July 2022" in answer.text
    _valid_citations(answer, real_index)
    assert any("1 July 2022" in c.quote and c.doc_id == "ics-faq" for c in answer.citations)


def test_capital_of_france_is_refused(real_assistant: Assistant) -> None:
    answer = real_assistant.ask("What is the capital of France?")
    assert answer.refused and "NHS 111" in answer.text


def test_follow_up_resolves(real_assistant: Assistant, real_index: Index) -> None:
    history = [
        Turn("user", "What is an integrated care system?"),
        Turn("assistant", real_assistant.ask("What is an integrated care system?").text),
    ]
    answer = real_assistant.ask("When was it put on a statutory footing?", history)
    assert not answer.refused and "1 July 2022" in answer.text
    _valid_citations(answer, real_index)


def test_who_said_that_names_the_speaker(real_assistant: Assistant) -> None:
    history = [
        Turn("user", "What was said about partnership working during the pandemic?"),
        Turn(
            "assistant",
            "“Partnership working has been at the heart of the NHS’s remarkable response to the coronavirus "
            "pandemic and the NHS vaccination programme.” [1]",
        ),
    ]
    answer = real_assistant.ask("Who said that?", history)
    assert not answer.refused and "Simon Stevens" in answer.text


def test_list_question_reports_the_ten_named_areas(real_assistant: Assistant, real_index: Index) -> None:
    answer = real_assistant.ask("Which are the 13 new ICS areas?")
    items = [line[2:] for line in answer.text.splitlines() if line.startswith("- ")]
    assert len(items) == 10 and "Kent and Medway" in items
    assert "names only" in answer.text
    _valid_citations(answer, real_index)


def test_answers_time_sensitive_questions_with_dated_attribution(real_assistant: Assistant) -> None:
    answer = real_assistant.ask("By when did the White Paper propose putting ICSs on a statutory footing?")
    assert "April 2022" in answer.text
    assert "dated 19 March 2021" in answer.text


def test_cli_ask_end_to_end(real_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ICS_DATA_DIR", str(real_settings.data_dir))
    result = CliRunner().invoke(app, ["ask", "When did ICSs become statutory?", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "1 July 2022" in data["text"] and data["citations"]
    pretty = CliRunner().invoke(app, ["ask", "I have chest pain"])
    assert pretty.output.startswith("If this is an emergency, call 999")
