"""``report.html``: one self-contained page (inline CSS and SVG; no scripts, no CDN).

The summary table with the gate status, a bar chart of strict accuracy by category, a latency
histogram with p50/p95, the baseline comparison when there is one, then every failing item.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from ics_assistant.evaluation.charts import bar_chart, histogram
from ics_assistant.evaluation.gate import Threshold
from ics_assistant.evaluation.report import SUMMARY_METRICS, format_value

__all__ = ["render_html"]

_CSS = """
body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}
th{background:#f3f3f3}.pass{color:#2e7d32;font-weight:bold}.fail{color:#c62828;font-weight:bold}
.better{color:#2e7d32}.worse{color:#c62828}details{border:1px solid #ddd;margin:.6em 0;padding:.4em .8em}
summary{cursor:pointer;font-weight:bold}blockquote{background:#f7f7f7;margin:.5em 0;padding:.5em 1em;
white-space:pre-wrap}ul.problems li{color:#c62828}.muted{color:#666}code{background:#f3f3f3;padding:0 3px}
"""


def _summary_table(summary: Mapping[str, Any], thresholds: Mapping[str, Threshold]) -> str:
    rows = []
    for name in SUMMARY_METRICS:
        t = thresholds.get(name)
        bound, status = "", ""
        if t is not None:
            failed = t.failure(summary.get(name)) is not None
            bound = escape(t.describe())
            status = f'<span class="{"fail" if failed else "pass"}">{"FAIL" if failed else "pass"}</span>'
        value = escape(format_value(name, summary.get(name)))
        rows.append(f"<tr><td>{name}</td><td>{value}</td><td>{bound}</td><td>{status}</td></tr>")
    head = "<tr><th>metric</th><th>value</th><th>threshold</th><th>gate</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _comparison(comparison: Mapping[str, Any]) -> str:
    rows = []
    for name, c in comparison["metrics"].items():
        delta = "n/a" if c["delta"] is None else f"{c['delta']:+.3f}"
        rows.append(
            f"<tr><td>{name}</td><td>{escape(format_value(name, c['baseline']))}</td>"
            f"<td>{escape(format_value(name, c['current']))}</td>"
            f'<td class="{c["verdict"]}">{delta} {c["verdict"]}</td></tr>'
        )
    out = ["<h2>Against the baseline</h2>", "<table><tr><th>metric</th><th>baseline</th><th>now</th>"]
    out += ["<th>change</th></tr>", *rows, "</table>"]
    for key in ("improved", "regressed", "new_items", "removed_items"):
        ids = ", ".join(f"<code>{escape(i)}</code>" for i in comparison[key]) or "none"
        out.append(f"<p><b>{key.replace('_', ' ').capitalize()}:</b> {ids}</p>")
    return "".join(out)


def _failing_item(item: Mapping[str, Any]) -> str:
    m, exp = item["metrics"], item["expected"]
    history = "".join(
        f"<li><b>{escape(t['role'])}:</b> {escape(t['content'])}</li>" for t in item.get("history", [])
    )
    want = f"an answer from {', '.join(exp['sources'])}" if exp["answerable"] else "a refusal"
    facts = ", ".join(f"<code>{escape(f)}</code>" for f in exp["facts"]) or "none"
    problems = [*m["failures"], *(f"unsupported sentence: {s}" for s in m.get("unsupported_sentences", []))]
    cites = "".join(
        f"<li>[{c['n']}] {escape(c['title'] or c['doc_id'])}: <q>{escape(c['quote'])}</q></li>"
        for c in item["citations"]
    )
    ranked = ", ".join(f"{s['rank']}. {escape(s['doc_id'])}" for s in item["sources"])
    refused = f" (refused: {escape(item.get('refusal_reason') or 'yes')})" if item["refused"] else ""
    return (
        f"<details><summary>{escape(item['id'])} <span class='muted'>({escape(item['category'])})</span>"
        f" {escape(item['question'])}</summary>"
        + (f"<p class='muted'>History:</p><ul>{history}</ul>" if history else "")
        + f"<p><b>Answer</b>{refused}:</p><blockquote>{escape(item['answer'] or '(empty)')}</blockquote>"
        + (f"<p><b>Citations:</b></p><ul>{cites}</ul>" if cites else "")
        + (f"<p><b>Sources retrieved:</b> {ranked}</p>" if ranked else "")
        + f"<p><b>Expected:</b> {escape(want)}; facts: {facts}</p>"
        + f"<ul class='problems'>{''.join(f'<li>{escape(p)}</li>' for p in problems)}</ul></details>"
    )


def render_html(
    report: Mapping[str, Any],
    thresholds: Mapping[str, Threshold] | None = None,
    comparison: Mapping[str, Any] | None = None,
) -> str:
    s = report["summary"]
    by_cat = [(cat, v["accuracy"], int(v["n"])) for cat, v in s.get("accuracy_by_category", {}).items()]
    latencies = [float(i["metrics"]["latency_ms"]) for i in report["items"]]
    marks = [(p, float(s[k])) for p, k in (("p50", "latency_p50_ms"), ("p95", "latency_p95_ms")) if k in s]
    meta = ", ".join(
        f"{k}: <code>{escape(str(s[k]))}</code>" for k in ("dataset", "generator", "k") if k in s
    )
    failing = [i for i in report["items"] if not i["metrics"]["correct"]]
    body = [
        "<h1>Evaluation report</h1>",
        f"<p>{meta}{'; ' if meta else ''}items: {s['n_items']} ({s['n_answerable']} answerable, "
        f"{s['n_unanswerable']} not)</p>",
        "<h2>Summary</h2>",
        _summary_table(s, thresholds or {}),
        bar_chart(by_cat, title="Strict accuracy by category"),
        histogram(latencies, title="Latency per question", marks=marks),
        _comparison(comparison) if comparison is not None else "",
        f"<h2>Failing items ({len(failing)})</h2>",
        *(_failing_item(i) for i in failing),
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>ICS Assistant evaluation</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
