"""The harness and the reports, driven by a fake assistant over a tiny document set."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from ics_assistant.config import Settings
from ics_assistant.evaluation.charts import histogram_bins
from ics_assistant.evaluation.dataset import load_dataset
from ics_assistant.evaluation.gate import parse_thresholds
from ics_assistant.evaluation.harness import run_items
from ics_assistant.evaluation.metrics import JudgeVerdict
from ics_assistant.evaluation.report import (
    ReportError,
    build_report,
    compare_reports,
    load_report,
    write_reports,
)
from ics_assistant.evaluation.support import answering_support_check
from ics_assistant.types import Answer, Source, Turn

from .eval_fixtures import SMALL_DATASET, FakeAssistant, doc_text, write_jsonl

THRESHOLDS = parse_thresholds({"strict_accuracy": {"min": 0.9}, "false_refusal_rate": {"max": 0.05}})


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "small.jsonl", SMALL_DATASET)


def test_run_items_asks_each_question_with_its_history_and_scores_it(dataset: Path) -> None:
    fake = FakeAssistant()
    run = run_items(load_dataset(dataset), fake.ask, doc_text, progress=False, meta={"generator": "fake"})
    assert [q for q, _ in fake.calls] == [row["question"] for row in SMALL_DATASET]
    assert fake.calls[2][1] == (
        Turn("user", "How many areas are covered by an ICS?"),
        Turn("assistant", "18 areas [1]."),
    )
    correct = {r.item.id: r.score.correct for r in run.items}
    assert correct == {
        "statutory": True,
        "population": True,
        "followup": True,
        "capital": True,
        "emergency": True,
    }
    s = run.summary
    assert s["generator"] == "fake" and s["n_items"] == 5
    assert s["strict_accuracy"] == 1.0 and s["citation_validity"] == 1.0 and s["hit_at_5"] == 1.0
    assert s["faithfulness"] is None  # no support check given
    assert s["emergency_999_first"] == 1.0
    assert all(r.score.latency_ms >= 0 for r in run.items)


def test_pipeline_support_check_catches_an_invented_sentence(dataset: Path) -> None:
    fake = FakeAssistant()

    def inventing(question: str, history: tuple[Turn, ...] | list[Turn]) -> Answer:
        a = fake.ask(question, history)
        return a if a.refused else replace(a, text=a.text + " Each ICS has a budget of 9 billion pounds [1].")

    support = answering_support_check(embedder=None, threshold=0.55)
    honest = run_items(load_dataset(dataset), fake.ask, doc_text, support=support, progress=False)
    worse = run_items(load_dataset(dataset), inventing, doc_text, support=support, progress=False)
    assert honest.summary["faithfulness"] == 1.0
    assert worse.summary["faithfulness"] == 0.5  # 3 answered items, 1 of 2 sentences supported each
    unsupported = worse.items[0].score.to_dict()["unsupported_sentences"]
    assert unsupported and "9 billion" in unsupported[0]


def test_reports_are_written_with_the_documented_shape(dataset: Path, tmp_path: Path) -> None:
    fake = FakeAssistant()

    def forgetful(question: str, history: tuple[Turn, ...] | list[Turn]) -> Answer:
        return fake.ask(question, ())  # ignores history: the follow-up loses its context

    run = run_items(load_dataset(dataset), forgetful, doc_text, progress=False)
    paths = write_reports(run, tmp_path / "out", thresholds=THRESHOLDS)
    report = json.loads(paths.json.read_text(encoding="utf-8"))
    assert set(report) == {"summary", "items"}
    item = report["items"][0]
    assert {"id", "question", "answer", "refused", "citations", "sources", "metrics"} <= set(item)
    rebuilt = Answer.from_dict(
        {"text": item["answer"], "citations": item["citations"], "sources": item["sources"]}
    )
    assert rebuilt.citations == run.items[0].answer.citations  # the Answer JSON form
    failing = [i["id"] for i in report["items"] if not i["metrics"]["correct"]]
    assert failing == [r.item.id for r in run.failing()]

    md = paths.markdown.read_text(encoding="utf-8")
    assert md.index("## Summary") < md.index("## Failing items")
    assert "| strict_accuracy |" in md and ">= 0.9" in md
    for fid in failing:
        assert f"`{fid}`" in md

    html = paths.html.read_text(encoding="utf-8")
    assert html.count("<svg") == 2 and "Strict accuracy by category" in html and "Latency" in html
    assert "<script" not in html and "<link" not in html
    assert not re.search(r"(?:src|href)=\"https?:", html)  # self-contained: nothing fetched
    assert "out_of_scope" in html


def test_failing_items_show_question_answer_and_expectation(dataset: Path, tmp_path: Path) -> None:
    def refuse_all(question: str, history: tuple[Turn, ...] | list[Turn]) -> Answer:
        seen = (Source("blog", "blog#0", "text", 0.1, 1),)
        return Answer(text="Sorry, I <cannot> say.", refused=True, refusal_reason="not_covered", sources=seen)

    run = run_items(load_dataset(dataset), refuse_all, doc_text, progress=False)
    paths = write_reports(run, tmp_path / "out")
    md = paths.markdown.read_text(encoding="utf-8")
    assert "When were ICSs established on a statutory basis?" in md
    assert "> Sorry, I <cannot> say." in md
    assert "`1 July 2022`" in md and "refused an answerable question (not_covered)" in md
    assert "missing signposting: 999" in md
    assert "**Sources retrieved:** 1. blog" in md
    html = paths.html.read_text(encoding="utf-8")
    assert "Sorry, I &lt;cannot&gt; say." in html  # escaped
    assert run.summary["false_refusal_rate"] == 1.0 and run.summary["emergency_999_first"] == 0.0


def test_baseline_comparison_lists_improved_and_regressed_items(dataset: Path, tmp_path: Path) -> None:
    fake = FakeAssistant()
    items = load_dataset(dataset)
    old = run_items(items, lambda q, h: fake.ask(q, ()), doc_text, progress=False)  # follow-up fails
    write_reports(old, tmp_path / "old")

    def new_ask(question: str, history: tuple[Turn, ...] | list[Turn]) -> Answer:
        if question.startswith("How many people"):
            return Answer(text="No idea.", refused=True)  # regression
        return fake.ask(question, history)

    new = run_items(items, new_ask, doc_text, progress=False)
    paths = write_reports(new, tmp_path / "new", baseline=tmp_path / "old" / "report.json")
    report = json.loads(paths.json.read_text(encoding="utf-8"))
    comparison = report["comparison"]
    assert comparison["improved"] == ["followup"]
    assert comparison["regressed"] == ["population"]
    assert comparison["metrics"]["false_refusal_rate"]["verdict"] == "worse"
    assert comparison["metrics"]["false_refusal_rate"]["delta"] == pytest.approx(1 / 3)
    md = paths.markdown.read_text(encoding="utf-8")
    assert "## Against the baseline" in md and "**Regressed:** `population`" in md
    assert "Against the baseline" in paths.html.read_text(encoding="utf-8")


def test_compare_reports_directions_and_new_or_removed_items(dataset: Path) -> None:
    fake = FakeAssistant()
    items = load_dataset(dataset)
    base = build_report(run_items(items[:3], fake.ask, doc_text, progress=False))
    new = build_report(run_items(items[1:], fake.ask, doc_text, progress=False))
    new["summary"]["latency_p50_ms"] = base["summary"]["latency_p50_ms"] - 1
    c = compare_reports(new, base)
    assert c["new_items"] == ["capital", "emergency"] and c["removed_items"] == ["statutory"]
    assert c["metrics"]["latency_p50_ms"]["verdict"] == "better"  # lower latency is better
    assert c["metrics"]["strict_accuracy"]["verdict"] == "same"


def test_a_bad_baseline_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "report.json"
    bad.write_text('{"items": []}', encoding="utf-8")
    with pytest.raises(ReportError, match=r"not an eval report\.json"):
        load_report(bad)
    with pytest.raises(ReportError, match="cannot read report"):
        load_report(tmp_path / "missing.json")


def test_histogram_bins_worked_example() -> None:
    assert histogram_bins([0, 5, 10, 40], bins=4) == [(0, 10, 2), (10, 20, 1), (20, 30, 0), (30, 40, 1)]
    assert histogram_bins([]) == []


def test_llm_judge_scores_answered_items_with_a_scripted_model(dataset: Path) -> None:
    from ics_assistant.evaluation.support import llm_judge

    from .fakes import ScriptedChatModel

    fake = FakeAssistant()
    items = load_dataset(dataset)[:2]  # two answered items
    model = ScriptedChatModel(
        [
            "- 42 ICSs were established\n- on 1 July 2022",  # claims of answer 1
            "SUPPORTED",
            "UNSUPPORTED",
            "- An ICS covers 1 to 3 million people",  # claims of answer 2
            "The sentence is not entirely clear.",  # a verdict a weak judge gives: not parsed
        ]
    )
    run = run_items(items, fake.ask, doc_text, judge=llm_judge(model), progress=False)
    assert [r.score.llm_faithfulness for r in run.items] == [0.5, 0.0]
    assert run.summary["llm_faithfulness"] == 0.25
    assert run.summary["llm_judge_unparsed_rate"] == pytest.approx(1 / 3)
    assert run.items[0].score.to_dict()["llm_judge"] == {"score": 0.5, "claims": 2, "unparsed": 0}
    verification = model.history[1]
    assert "42 ICSs were established" in verification[-1]["content"]  # each claim checked on its own
    assert "1 July 2022" in " ".join(m["content"] for m in verification)  # against the cited text


def test_the_llm_judge_is_loaded_only_when_a_language_model_is_configured(settings: Settings) -> None:
    from ics_assistant.evaluation.support import load_judge

    from .fakes import ScriptedChatModel

    assert load_judge(settings) is None  # extractive, no server: faithfulness by the support check only
    with_server = settings.model_copy(update={"openai_base_url": "http://127.0.0.1:9/v1"})
    assert load_judge(with_server) is not None
    scripted = ScriptedChatModel(["- 42 ICSs", "SUPPORTED"])
    judge = load_judge(settings, scripted)  # the generator's own model judges
    verdict = judge(Answer(text="42 ICSs [1].")) if judge is not None else None
    assert verdict == JudgeVerdict(score=0.0, claims=1, unparsed=0)  # nothing cited: unsupported
