"""Evals from the console: upload a dataset, run it as a background job with progress, keep every
report, draw the trend, compare two runs item by item, open the HTML report."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from ics_assistant.console.evals import available_datasets
from ics_assistant.console.routes import ConsoleState
from ics_assistant.console.trend import trend_chart
from ics_assistant.ingest.pipeline import run_ingest

from .fakes import FakeEmbedder
from .ingest_fixtures import copy_corpus, settings_for
from .test_console_routes import TOKEN, _client, _sign_in

ITEMS = [
    {
        "id": "statutory",
        "question": "When were the 42 integrated care systems established on a statutory basis?",
        "answerable": True,
        "expected_sources": ["ics-faq"],
        "expected_facts": ["1 July 2022"],
    },
    {
        "id": "out-of-scope",
        "question": "xyzzy plugh frobnicate quux?",
        "answerable": False,
        "expected_sources": [],
        "expected_facts": [],
    },
]


def _run(client: TestClient, dataset: str) -> None:
    r = client.post("/console/evals/run", data={"dataset": dataset})
    assert r.status_code == 200 and f"Eval of {dataset} started" in r.text
    state: ConsoleState = client.app.state.console  # type: ignore[attr-defined]
    state.jobs.wait(120)
    job = client.get("/console/jobs").json()["job"]
    assert job["ok"] is True, job


def test_upload_run_trend_compare_and_report(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, rate_limit=0, maintainer_token=TOKEN)
    run_ingest(settings, FakeEmbedder(), progress=False)
    client = _client(settings)
    _sign_in(client)
    bad = client.post("/console/evals/datasets", files={"file": ("bad.jsonl", b'{"id": 1}\n')})
    assert "Dataset refused" in bad.text
    data = "".join(json.dumps(i) + "\n" for i in ITEMS).encode()
    ok = client.post("/console/evals/datasets", files={"file": ("smoke.jsonl", data)})
    assert "Dataset smoke added" in ok.text
    assert {"golden", "smoke"} <= set(available_datasets(settings))

    _run(client, "smoke")
    _run(client, "smoke")
    page = client.get("/console/evals").text
    assert "<svg" in page and "Key metrics across runs" in page and "Runs (2)" in page
    assert client.get("/console/jobs").json()["job"]["progress"] == "finished after 2 of 2 questions"
    run_ids = [
        line.split("/console/evals/")[1].split("/report.html")[0]
        for line in page.split('href="')[1:]
        if line.startswith("/console/evals/") and "/report.html" in line.split('"')[0]
    ]
    assert len(run_ids) == 2
    report = client.get(f"/console/evals/{run_ids[0]}/report.html")
    assert report.status_code == 200 and "<html" in report.text.lower()
    cmp = client.get("/console/evals/compare", params={"old": run_ids[0], "new": run_ids[1]})
    assert cmp.status_code == 200 and "Improved (0)" in cmp.text and "Regressed (0)" in cmp.text
    metrics = client.get("/metrics").text
    assert 'ics_eval_metric{dataset="smoke",metric="strict_accuracy"}' in metrics
    audit = client.get("/console/audit").text
    assert "eval_run" in audit and "upload_dataset" in audit


def test_trend_chart_draws_a_point_per_run_and_a_legend() -> None:
    svg = trend_chart(
        ["1", "2", "3"], {"strict_accuracy": [0.8, None, 0.9], "faithfulness": [1.0, 1.0, 1.0]}, title="t"
    )
    assert svg.count("<circle") == 5 and svg.count("<polyline") == 2
    assert "strict_accuracy" in svg and 'role="img"' in svg
