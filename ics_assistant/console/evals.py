"""Eval runs started from the console: a dataset through the served assistant, every report kept.

Runs live in ``data_dir/eval-runs/<run id>/`` (``report.json``/``.md``/``.html`` written by the
eval harness's ``write_reports``, plus ``run.json`` with the dataset and times). The questions go
to the assistant the server wraps (not through the question log or the metrics of live traffic).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ics_assistant.config import Settings
from ics_assistant.errors import InputError
from ics_assistant.evaluation.dataset import load_dataset
from ics_assistant.evaluation.harness import run_items
from ics_assistant.evaluation.report import compare_reports, load_report, write_reports
from ics_assistant.store import ChunkStore, store_path
from ics_assistant.types import Answer, Audience, Turn

__all__ = ["EvalRunInfo", "available_datasets", "compare_runs", "list_runs", "run_dataset", "save_dataset"]

REPO_DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"
TREND_METRICS = ("strict_accuracy", "faithfulness", "citation_validity", "refusal_recall", "hit_at_5")
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


class _Asks(Protocol):
    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer: ...


@dataclass(frozen=True)
class EvalRunInfo:
    run_id: str
    dataset: str
    started: str
    items: int
    summary: dict[str, Any]
    path: Path


def runs_dir(settings: Settings) -> Path:
    return settings.data_dir / "eval-runs"


def uploaded_dir(settings: Settings) -> Path:
    return settings.data_dir / "eval-datasets"


def available_datasets(settings: Settings) -> dict[str, Path]:
    """Dataset name -> file: the repo's datasets and those uploaded through the console."""
    found: dict[str, Path] = {}
    for folder in (REPO_DATASETS, uploaded_dir(settings)):
        if folder.is_dir():
            for p in sorted(folder.glob("*.jsonl")):
                found.setdefault(p.stem, p)
    return found


def save_dataset(settings: Settings, filename: str, data: bytes) -> str:
    """Store an uploaded JSONL dataset after validating it; returns its name."""
    stem = _SAFE.sub("-", Path(filename).stem).strip("-")[:60]
    if not stem or not filename.endswith(".jsonl"):
        raise InputError("an eval dataset must be a .jsonl file with a plain name")
    folder = uploaded_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stem}.jsonl"
    tmp = folder / f".{stem}.upload"
    tmp.write_bytes(data)
    try:
        load_dataset(tmp)  # raises DatasetError with the line at fault
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return stem


def _doc_text(settings: Settings) -> Callable[[str], str | None]:
    path = store_path(settings)

    def doc_text(doc_id: str) -> str | None:
        if not path.is_file():
            return None
        store = ChunkStore(path)
        try:
            return store.document_text(doc_id)
        finally:
            store.close()

    return doc_text


def run_dataset(
    settings: Settings, name: str, assistant: _Asks, progress: Callable[[int, int], None]
) -> EvalRunInfo:
    datasets = available_datasets(settings)
    if name not in datasets:
        raise InputError(f"no dataset called {name!r}")
    items = load_dataset(datasets[name])
    started = dt.datetime.now(dt.UTC)
    done = 0

    def ask(question: str, history: Sequence[Turn]) -> Answer:
        nonlocal done
        answer = assistant.ask(question, history)
        done += 1
        progress(done, len(items))
        return answer

    run = run_items(items, ask, _doc_text(settings), progress=False, meta={"dataset": name})
    run_id = f"{started.strftime('%Y%m%dT%H%M%S%f')}-{name}"
    out = runs_dir(settings) / run_id
    write_reports(run, out)
    info = {
        "run_id": run_id,
        "dataset": name,
        "started": started.isoformat(timespec="seconds"),
        "items": len(items),
    }
    (out / "run.json").write_text(json.dumps(info), encoding="utf-8")
    return EvalRunInfo(run_id, name, info["started"], len(items), run.summary, out)  # type: ignore[arg-type]


def list_runs(settings: Settings) -> list[EvalRunInfo]:
    """Every kept run, oldest first."""
    runs = []
    folder = runs_dir(settings)
    for run_json in sorted(folder.glob("*/run.json")) if folder.is_dir() else []:
        try:
            info = json.loads(run_json.read_text(encoding="utf-8"))
            report = load_report(run_json.parent / "report.json")
        except (OSError, ValueError, InputError):
            continue
        runs.append(
            EvalRunInfo(
                info["run_id"],
                info["dataset"],
                info["started"],
                info["items"],
                report["summary"],
                run_json.parent,
            )
        )
    return runs


def compare_runs(settings: Settings, new_id: str, old_id: str) -> dict[str, Any]:
    runs = {r.run_id: r for r in list_runs(settings)}
    if new_id not in runs or old_id not in runs:
        raise InputError("pick two kept runs to compare")
    return compare_reports(
        load_report(runs[new_id].path / "report.json"), load_report(runs[old_id].path / "report.json")
    )
