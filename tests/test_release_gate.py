"""The release gate: the golden set through the default (extractive) assistant on the real corpus
and the real embedding model must meet ``evals/thresholds.yaml``.

Also shows the gate has teeth (answers made worse fail it) and that the eval runs a dataset it has
never seen, end to end through the CLI. The corpus is ingested once per session into a temp dir.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ics_assistant.cli import app
from ics_assistant.config import Settings
from ics_assistant.evaluation.dataset import EvalItem, load_dataset
from ics_assistant.evaluation.gate import check_thresholds, load_thresholds
from ics_assistant.evaluation.harness import EvalRun, run_eval, run_items
from ics_assistant.evaluation.metrics import DocText
from ics_assistant.evaluation.support import load_support_check
from ics_assistant.types import Answer, Turn

from .conftest import CORPUS, REPO
from .eval_fixtures import write_jsonl

pytestmark = [pytest.mark.gate, pytest.mark.model]

GOLDEN = REPO / "evals" / "datasets" / "golden.jsonl"


@pytest.fixture(scope="session")
def indexed_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    from ics_assistant.ingest.pipeline import run_ingest

    with pytest.MonkeyPatch.context() as mp:
        for key in [k for k in os.environ if k.startswith("ICS_")]:
            mp.delenv(key)
        data_dir = tmp_path_factory.mktemp("gate-data")
        settings = Settings(data_dir=data_dir, corpus_dir=CORPUS, _env_file=None)  # type: ignore[call-arg]
        report = run_ingest(settings, progress=False)
        assert not report.failed
        yield settings


@pytest.fixture(scope="session")
def golden_run(indexed_settings: Settings) -> EvalRun:
    return run_eval(indexed_settings, GOLDEN, progress=False)


def _explain(run: EvalRun, problems: Sequence[str]) -> str:
    lines = ["release gate failed:", *(f"  - {p}" for p in problems), "failing items:"]
    for r in run.failing():
        lines.append(f"  * {r.item.id}: {r.item.question!r} -> {'; '.join(r.score.failures)}")
        lines.append(f"      answer: {r.answer.text[:300]!r}")
    return "\n".join(lines)


def test_golden_set_meets_the_release_thresholds(golden_run: EvalRun) -> None:
    assert golden_run.summary["generator"] == "extractive"
    assert golden_run.summary["n_items"] == len(load_dataset(GOLDEN))
    problems = check_thresholds(golden_run.summary, load_thresholds())
    assert not problems, _explain(golden_run, problems)


# --- the gate has teeth ------------------------------------------------------------------


def _drop_citations(a: Answer) -> Answer:
    return replace(a, citations=())


def _invent_a_sentence(a: Answer) -> Answer:
    if a.refused:
        return a
    return replace(a, text=a.text.rstrip() + " Each ICS also received 7 billion pounds in 2023 [1].")


def _answer_everything(a: Answer) -> Answer:
    return replace(a, refused=False, refusal_reason=None)


class DegradedAssistant:
    """Wraps an ``ask`` and makes every answer worse in one way."""

    def __init__(
        self, ask: Callable[[str, Sequence[Turn]], Answer], degrade: Callable[[Answer], Answer]
    ) -> None:
        self.inner, self.degrade = ask, degrade

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        return self.degrade(self.inner(question, history))


@pytest.fixture(scope="session")
def doc_text(indexed_settings: Settings) -> DocText:
    from ics_assistant.index import Index

    index = Index.open(indexed_settings)
    known = {m.doc_id for m in index.documents()}
    return lambda d: index.document_text(d) if d in known else None


@pytest.mark.parametrize(
    ("degrade", "metric"),
    [
        (_drop_citations, "citation_validity"),
        (_invent_a_sentence, "faithfulness"),
        (_answer_everything, "refusal_recall"),
    ],
)
def test_the_gate_fails_when_answers_are_made_worse(
    golden_run: EvalRun,
    indexed_settings: Settings,
    doc_text: DocText,
    degrade: Callable[[Answer], Answer],
    metric: str,
) -> None:
    # the real answers of the golden run, replayed through a degrading wrapper (no re-asking)
    recorded = {(r.item.question, r.item.history): r.answer for r in golden_run.items}
    worse = DegradedAssistant(lambda q, h: recorded[(q, tuple(h))], degrade)
    support = load_support_check(indexed_settings) if metric == "faithfulness" else None
    items: list[EvalItem] = [r.item for r in golden_run.items]
    run = run_items(items, worse.ask, doc_text, support=support, progress=False)
    problems = check_thresholds(run.summary, load_thresholds())
    assert any(p.startswith(f"{metric} = ") for p in problems), problems
    assert run.summary[metric] < golden_run.summary[metric]


# --- a dataset the eval has never seen, through the CLI ------------------------------------

UNSEEN = [
    {
        "id": "new-1",
        "question": "On which date did 42 integrated care systems become statutory?",
        "answerable": True,
        "expected_sources": ["ics-faq"],
        "expected_facts": ["1 July 2022"],
    },
    {
        "id": "new-2",
        "question": "Tell me how many residents the final thirteen ICS areas serve",
        "answerable": True,
        "expected_sources": ["final-13-ics-areas-announcement"],
        "expected_facts": ["14.9 million"],
    },
    {
        "id": "new-3",
        "question": "What time does my GP surgery open on Saturdays?",
        "answerable": False,
        "expected_sources": [],
        "expected_facts": [],
    },
    {
        "id": "new-4",
        "question": "Who signed it?",
        "history": [
            {"role": "user", "content": "Tell me about the ICS stakeholder update from March 2021"},
            {
                "role": "assistant",
                "content": "It confirmed the system would become an ICS on 1st April 2021 [1].",
            },
        ],
        "answerable": True,
        "expected_sources": ["ics-stakeholder-update-march-2021"],
        "expected_facts": ["Prem Singh"],
    },
]


def test_the_cli_evaluates_a_dataset_it_has_never_seen(
    indexed_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ICS_DATA_DIR", str(indexed_settings.data_dir))
    dataset = write_jsonl(tmp_path / "unseen.jsonl", UNSEEN)  # no 'category' field at all
    runner = CliRunner()
    first = runner.invoke(app, ["eval", "--dataset", str(dataset), "--out", str(tmp_path / "a"), "--k", "3"])
    assert first.exit_code == 0, first.output
    assert "strict_accuracy" in first.output
    for name in ("report.json", "report.md", "report.html"):
        assert (tmp_path / "a" / name).stat().st_size > 0
    report = json.loads((tmp_path / "a" / "report.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in report["items"]] == ["new-1", "new-2", "new-3", "new-4"]
    assert report["summary"]["k"] == 3
    assert all(len(i["sources"]) <= 3 for i in report["items"])
    assert report["summary"]["faithfulness"] is not None  # the pipeline's support check ran
    assert set(report["summary"]["accuracy_by_category"]) <= {"answerable", "unanswerable"}

    args = ["eval", "--dataset", str(dataset), "--out", str(tmp_path / "b"), "--no-progress"]
    second = runner.invoke(app, [*args, "--baseline", str(tmp_path / "a" / "report.json")])
    assert second.exit_code == 0, second.output
    again = json.loads((tmp_path / "b" / "report.json").read_text(encoding="utf-8"))
    assert set(again["comparison"]["metrics"]) >= {"strict_accuracy", "hit_at_5", "latency_p50_ms"}
    assert "## Against the baseline" in (tmp_path / "b" / "report.md").read_text(encoding="utf-8")

    impossible = tmp_path / "impossible.yaml"
    impossible.write_text("latency_p50_ms: {max: 0.0}\n", encoding="utf-8")
    gated = runner.invoke(app, [*args, "--gate", "--thresholds", str(impossible)])
    assert gated.exit_code == 1
    assert "below the release gate: latency_p50_ms" in gated.output
