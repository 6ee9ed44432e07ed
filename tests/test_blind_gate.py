"""Gate on the blind development sets, each run against its own corpus (``run_eval(corpus=...)``):
seed-blind on the seed corpus and northshire on its six new documents (five formats, one
staff-only). Bounds in ``evals/thresholds-blind.yaml``; first runs in ``evals/HISTORY.md``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ics_assistant.config import Settings
from ics_assistant.evaluation.gate import check_thresholds, load_thresholds
from ics_assistant.evaluation.harness import run_eval

from .conftest import CORPUS, REPO

pytestmark = [pytest.mark.gate, pytest.mark.model]

SETS = {
    "seed-blind": (REPO / "evals" / "datasets" / "seed-blind.jsonl", CORPUS),
    "northshire": (
        REPO / "evals" / "corpora" / "northshire" / "questions.jsonl",
        REPO / "evals" / "corpora" / "northshire" / "corpus",
    ),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_blind_set_meets_its_gate_on_its_own_corpus(name: str, tmp_path: Path) -> None:
    dataset, corpus = SETS[name]
    for key in [k for k in os.environ if k.startswith("ICS_")]:
        os.environ.pop(key, None)
    settings = Settings(data_dir=tmp_path / "unused", corpus_dir=CORPUS, _env_file=None)  # type: ignore[call-arg]
    run = run_eval(settings, dataset, corpus=corpus, progress=False)
    problems = check_thresholds(run.summary, load_thresholds(REPO / "evals" / "thresholds-blind.yaml"))
    failing = [f"{r.item.id}: {'; '.join(r.score.failures)}" for r in run.failing()][:20]
    assert not problems, f"{name}: {problems}\n" + "\n".join(failing)
    assert not (tmp_path / "unused").exists()  # the configured index is never touched
