"""``ics-assistant feedback export`` and the error paths of ``ics-assistant eval``.

The full ``eval`` run on the real index is exercised in ``test_release_gate.py`` (real model)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ics_assistant.cli import app
from ics_assistant.config import Settings
from ics_assistant.evaluation.dataset import DatasetError, load_dataset, parse_dataset
from ics_assistant.evaluation.feedback_export import FeedbackExportError, export_feedback
from ics_assistant.feedback import FeedbackStore
from ics_assistant.types import Answer, Citation, Turn

from .eval_fixtures import SMALL_DATASET, write_jsonl

runner = CliRunner()


def _answer(text: str, doc_id: str | None = None, refused: bool = False) -> Answer:
    cites = (Citation(1, doc_id, "T", None, f"{doc_id}#0", "q", 0, 1),) if doc_id else ()
    return Answer(
        text=text, refused=refused, refusal_reason="not_covered" if refused else None, citations=cites
    )


@pytest.fixture
def feedback_db(settings: Settings) -> Path:
    store = FeedbackStore(settings.feedback_db)
    store.add(question="How many ICSs?", answer=_answer("42 [1].", "ics-faq"), rating=1)
    store.add(
        question="Who chairs it?",
        history=[
            Turn("user", "Tell me about the update"),
            Turn("assistant", "It is from 19 March 2021 [1]."),
        ],
        answer=_answer("I couldn't find that.", refused=True),
        rating=-1,
        comment="It's Prem Singh, the letter says so",
    )
    store.add(
        question="how many icss?", answer=_answer("There are 18 [1].", "blog"), rating=-1, comment="wrong"
    )
    return settings.feedback_db


def test_feedback_export_writes_loadable_draft_items(feedback_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "drafts" / "feedback.jsonl"
    result = runner.invoke(app, ["feedback", "export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 2 draft item(s)" in result.output  # the repeated question keeps its latest rating
    drafts = load_dataset(out, allow_drafts=True)
    assert [d.id for d in drafts] == ["feedback-2", "feedback-3"]
    chair, repeat = drafts
    assert chair.needs_label and chair.category == "feedback"
    assert chair.history == (
        Turn("user", "Tell me about the update"),
        Turn("assistant", "It is from 19 March 2021 [1]."),
    )
    assert chair.answerable is False  # a guess from the refused answer, for the maintainer to fix
    assert "It's Prem Singh" in (chair.notes or "") and "not helpful" in (chair.notes or "")
    assert repeat.expected_sources == ("blog",) and "There are 18" in (repeat.notes or "")
    with pytest.raises(DatasetError, match="still needs a label"):
        load_dataset(out)  # drafts are never scored by accident

    # labelling: fix the fields, drop the marker -> a valid dataset line
    row = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    row.pop("needs_label")
    row.update(
        answerable=True, expected_sources=["ics-stakeholder-update-march-2021"], expected_facts=["Prem Singh"]
    )
    (labelled,) = parse_dataset([json.dumps(row)])
    assert labelled.expected_facts == ("Prem Singh",)


def test_feedback_export_negative_only(feedback_db: Path) -> None:
    result = export_feedback(feedback_db, negative_only=True)
    assert [i.id for i in result.items] == ["feedback-2", "feedback-3"]
    assert all("not helpful" in (i.notes or "") for i in result.items)
    everything = export_feedback(feedback_db)
    assert {i.id for i in everything.items} == {"feedback-2", "feedback-3"}  # 1 and 3 are the same question


def test_feedback_export_reports_unusable_rows(settings: Settings) -> None:
    FeedbackStore(settings.feedback_db).add(question="ok?", answer=_answer("fine"), rating=-1)
    with sqlite3.connect(settings.feedback_db) as conn:
        conn.execute(
            "INSERT INTO feedback (created_at, question, history_json, answer_json, rating, comment,"
            " audience) VALUES ('t', 'q', 'not json', '{}', -1, '', 'public')"
        )
    result = export_feedback(settings.feedback_db)
    assert [i.id for i in result.items] == ["feedback-1"]
    assert len(result.skipped) == 1 and result.skipped[0].startswith("feedback 2:")


def test_feedback_export_survives_odd_answer_json_posted_to_the_api(settings: Settings) -> None:
    store = FeedbackStore(settings.feedback_db)
    store.add(question="q1", answer={"text": "t", "citations": 5}, rating=-1)
    store.add(question="q2", answer={"text": "t", "citations": [{"doc_id": "ics-faq"}, "x"]}, rating=-1)
    result = export_feedback(settings.feedback_db)
    assert [i.expected_sources for i in result.items] == [(), ("ics-faq",)]


def test_feedback_export_without_a_database_is_a_clear_error(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(FeedbackExportError, match="no feedback database"):
        export_feedback(settings.feedback_db)
    result = runner.invoke(app, ["feedback", "export", "--negative", "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 1 and "no feedback database" in result.output
    assert not (tmp_path / "x.jsonl").exists()


def test_eval_reports_a_bad_dataset_line(tmp_path: Path) -> None:
    rows = [*SMALL_DATASET[:2], {**SMALL_DATASET[2], "answerable": "maybe"}]
    dataset = write_jsonl(tmp_path / "bad.jsonl", rows)
    result = runner.invoke(
        app, ["eval", "--dataset", str(dataset), "--out", str(tmp_path / "r"), "--no-progress"]
    )
    assert result.exit_code == 1
    assert f"{dataset}:3: item 'followup': 'answerable' must be true or false" in result.output
    assert not (tmp_path / "r").exists()


def test_eval_without_an_index_says_to_ingest(tmp_path: Path) -> None:
    dataset = write_jsonl(tmp_path / "d.jsonl", SMALL_DATASET)
    result = runner.invoke(
        app, ["eval", "--dataset", str(dataset), "--out", str(tmp_path / "r"), "--no-progress"]
    )
    assert result.exit_code == 1
    assert "ingest" in result.output.lower()


def test_eval_rejects_an_unknown_generator(tmp_path: Path) -> None:
    dataset = write_jsonl(tmp_path / "d.jsonl", SMALL_DATASET)
    args = ["eval", "--dataset", str(dataset), "--out", str(tmp_path / "r"), "--generator", "gpt9"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "unknown generator 'gpt9'" in result.output


def test_eval_only_filter_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    dataset = write_jsonl(tmp_path / "d.jsonl", SMALL_DATASET)
    args = ["eval", "--dataset", str(dataset), "--out", str(tmp_path / "r"), "--only", "nope"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "no item has an id or category in ['nope']" in result.output
