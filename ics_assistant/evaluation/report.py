"""Reports of an eval run: ``report.json`` (the data), ``report.md`` (for reading in a PR) and
``report.html`` (``report_html.py``), plus the comparison with a baseline ``report.json``.

``report.json`` is ``{"summary": {...}, "items": [{"id", "question", "answer", "refused",
"citations", "sources", "metrics", ...}]}`` with citations and sources in the ``Answer.to_dict()``
form; with a baseline it also holds ``"comparison"``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ics_assistant.errors import AssistantError
from ics_assistant.evaluation.gate import Threshold
from ics_assistant.evaluation.harness import EvalRun

__all__ = [
    "LOWER_IS_BETTER",
    "SUMMARY_METRICS",
    "ReportError",
    "ReportPaths",
    "build_report",
    "compare_reports",
    "format_value",
    "load_report",
    "render_markdown",
    "write_reports",
]

SUMMARY_METRICS = (
    "strict_accuracy",
    "accuracy_answerable",
    "accuracy_unanswerable",
    "fact_recall",
    "faithfulness",
    "llm_faithfulness",
    "llm_judge_unparsed_rate",
    "citation_validity",
    "citation_relevance",
    "refusal_recall",
    "false_refusal_rate",
    "hit_at_1",
    "hit_at_3",
    "hit_at_5",
    "mrr",
    "emergency_999_first",
    "latency_p50_ms",
    "latency_p95_ms",
)
LOWER_IS_BETTER = frozenset(
    {"false_refusal_rate", "llm_judge_unparsed_rate", "latency_p50_ms", "latency_p95_ms"}
)


class ReportError(AssistantError):
    """A report (for example a ``--baseline`` file) cannot be read or written."""


@dataclass(frozen=True)
class ReportPaths:
    json: Path
    markdown: Path
    html: Path


def build_report(run: EvalRun) -> dict[str, Any]:
    items = []
    for r in run.items:
        a = r.answer.to_dict()
        items.append(
            {
                "id": r.item.id,
                "category": r.item.label,
                "question": r.item.question,
                "history": [{"role": t.role, "content": t.content} for t in r.item.history],
                "answer": a["text"],
                "refused": a["refused"],
                "refusal_reason": a["refusal_reason"],
                "citations": a["citations"],
                "sources": a["sources"],
                "dropped_sentences": a["dropped_sentences"],
                "timings_ms": a["timings_ms"],
                "expected": {
                    "answerable": r.item.answerable,
                    "sources": list(r.item.expected_sources),
                    "facts": list(r.item.expected_facts),
                },
                "metrics": r.score.to_dict(),
            }
        )
    return {"summary": run.summary, "items": items}


def load_report(path: Path) -> dict[str, Any]:
    """Read a ``report.json`` (for ``--baseline``), checking the parts the comparison uses."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportError(f"cannot read report {path}: {exc}") from exc
    ok = (
        isinstance(data, dict)
        and isinstance(data.get("summary"), dict)
        and isinstance(data.get("items"), list)
    )
    if not ok or not all(isinstance(i, dict) and "id" in i and "metrics" in i for i in data["items"]):
        raise ReportError(f"{path} is not an eval report.json (needs 'summary' and 'items')")
    return dict(data)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def compare_reports(new: Mapping[str, Any], old: Mapping[str, Any]) -> dict[str, Any]:
    """Per-metric change and the items that improved (wrong -> correct) or regressed."""
    metrics: dict[str, dict[str, Any]] = {}
    for name in SUMMARY_METRICS:
        a, b = _number(old["summary"].get(name)), _number(new["summary"].get(name))
        if a is None and b is None:
            continue
        delta = None if a is None or b is None else b - a
        if delta is None or abs(delta) < 1e-12:
            verdict = "same" if delta is not None else "n/a"
        else:
            verdict = "better" if (delta < 0) == (name in LOWER_IS_BETTER) else "worse"
        metrics[name] = {"baseline": a, "current": b, "delta": delta, "verdict": verdict}
    before = {i["id"]: bool(i["metrics"].get("correct")) for i in old["items"]}
    after = {i["id"]: bool(i["metrics"].get("correct")) for i in new["items"]}
    common = [i for i in after if i in before]
    return {
        "metrics": metrics,
        "improved": [i for i in common if after[i] and not before[i]],
        "regressed": [i for i in common if before[i] and not after[i]],
        "new_items": [i for i in after if i not in before],
        "removed_items": [i for i in before if i not in after],
    }


def format_value(name: str, value: Any) -> str:
    v = _number(value)
    if v is None:
        return "n/a"
    if name.endswith("_ms"):
        return f"{v:.1f} ms"
    return f"{v:.3f}"


def _status(name: str, summary: Mapping[str, Any], thresholds: Mapping[str, Threshold]) -> tuple[str, str]:
    t = thresholds.get(name)
    if t is None:
        return "", ""
    return t.describe(), ("FAIL" if t.failure(summary.get(name)) else "pass")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in (text or "(empty)").splitlines())


def _failing_md(item: Mapping[str, Any]) -> list[str]:
    m, exp = item["metrics"], item["expected"]
    out = [f"### `{item['id']}` ({item['category']})", "", f"**Question:** {item['question']}", ""]
    for t in item.get("history", []):
        out.append(f"- history, {t['role']}: {_md(t['content'])}")
    if item.get("history"):
        out.append("")
    refused = f" (refused: {item.get('refusal_reason') or 'yes'})" if item["refused"] else ""
    out += [f"**Answer{refused}:**", "", _quote(item["answer"]), ""]
    if item["sources"]:
        ranked = ", ".join(f"{s['rank']}. {s['doc_id']}" for s in item["sources"])
        out += [f"**Sources retrieved:** {ranked}", ""]
    want = f"an answer from {', '.join(exp['sources'])}" if exp["answerable"] else "a refusal"
    facts = "; ".join(f"`{f}`" for f in exp["facts"]) or "none"
    out += [f"**Expected:** {want}; facts: {facts}", ""]
    out += [f"- {f}" for f in m["failures"]]
    out += [f"- unsupported sentence: {s}" for s in m.get("unsupported_sentences", [])]
    if exp["answerable"] and m.get("first_relevant_rank") is None:
        out.append("- retrieval: no expected source among the sources")
    return [*out, ""]


def render_markdown(
    report: Mapping[str, Any],
    thresholds: Mapping[str, Threshold] | None = None,
    comparison: Mapping[str, Any] | None = None,
) -> str:
    s, th = report["summary"], thresholds or {}
    lines = ["# Evaluation report", ""]
    meta = [f"{k}: `{s[k]}`" for k in ("dataset", "generator", "k") if k in s]
    meta.append(f"items: {s['n_items']} ({s['n_answerable']} answerable, {s['n_unanswerable']} not)")
    if s.get("safety_counts"):
        meta.append("safety: " + ", ".join(f"{k} {v}" for k, v in s["safety_counts"].items()))
    lines += [
        ", ".join(meta),
        "",
        "## Summary",
        "",
        "| metric | value | threshold | gate |",
        "|---|---|---|---|",
    ]
    for name in SUMMARY_METRICS:
        bound, status = _status(name, s, th)
        lines.append(f"| {name} | {format_value(name, s.get(name))} | {bound} | {status} |")
    lines += ["", "## Accuracy by category", "", "| category | items | strict accuracy |", "|---|---|---|"]
    for cat, v in s.get("accuracy_by_category", {}).items():
        lines.append(f"| {cat} | {v['n']} | {v['accuracy']:.3f} |")
    if comparison is not None:
        lines += [
            "",
            "## Against the baseline",
            "",
            "| metric | baseline | now | change |",
            "|---|---|---|---|",
        ]
        for name, c in comparison["metrics"].items():
            delta = "n/a" if c["delta"] is None else f"{c['delta']:+.3f} ({c['verdict']})"
            b, n = format_value(name, c["baseline"]), format_value(name, c["current"])
            lines.append(f"| {name} | {b} | {n} | {delta} |")
        for key in ("improved", "regressed", "new_items", "removed_items"):
            ids = ", ".join(f"`{i}`" for i in comparison[key]) or "none"
            lines += ["", f"**{key.replace('_', ' ').capitalize()}:** {ids}"]
    failing = [i for i in report["items"] if not i["metrics"]["correct"]]
    lines += ["", f"## Failing items ({len(failing)})", ""]
    for item in failing:
        lines += _failing_md(item)
    return "\n".join(lines).rstrip() + "\n"


def write_reports(
    run: EvalRun,
    out_dir: Path,
    *,
    thresholds: Mapping[str, Threshold] | None = None,
    baseline: Path | None = None,
) -> ReportPaths:
    """Write ``report.json``, ``report.md`` and ``report.html`` into ``out_dir``."""
    from ics_assistant.evaluation.report_html import render_html

    report = build_report(run)
    comparison = compare_reports(report, load_report(baseline)) if baseline is not None else None
    if comparison is not None:
        report["comparison"] = comparison
    paths = ReportPaths(out_dir / "report.json", out_dir / "report.md", out_dir / "report.html")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        paths.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        paths.markdown.write_text(render_markdown(report, thresholds, comparison), encoding="utf-8")
        paths.html.write_text(render_html(report, thresholds, comparison), encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"cannot write reports to {out_dir}: {exc}") from exc
    return paths
