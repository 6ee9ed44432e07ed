"""Gate on the blind development sets, each run against its own corpus (``run_eval(corpus=...)``):
seed-blind on the seed corpus and northshire on its six new documents (five formats, one
staff-only). Bounds in ``evals/thresholds-blind.yaml``; first runs in ``evals/HISTORY.md``."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from ics_assistant.config import Settings
from ics_assistant.evaluation.gate import check_thresholds, load_thresholds
from ics_assistant.evaluation.harness import EvalRun, run_eval

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
    _staff_only_never_reaches_the_public(run, corpus)


def _staff_only_never_reaches_the_public(run: EvalRun, corpus: Path) -> None:
    """No public answer cites or shows a staff-only document, and no public condensed_question holds
    a word that only staff documents use (the spelling corrector must not reveal them)."""
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
    staff = {d for d, m in manifest.items() if m.get("audience") == "staff"}
    words = {d: set(re.findall(r"[a-z]{4,}", _text(corpus, d).lower())) for d in manifest}
    public_words = set().union(*(w for d, w in words.items() if d not in staff)) if manifest else set()
    staff_only = set().union(*(words[d] for d in staff)) - public_words if staff else set()
    for r in run.items:
        if r.item.audience != "public":
            continue
        assert not {c.doc_id for c in r.answer.citations} & staff, r.item.id
        assert not {s.doc_id for s in r.answer.sources} & staff, r.item.id
        leaked = set(re.findall(r"[a-z]{4,}", r.answer.condensed_question.lower())) & staff_only
        leaked -= set(re.findall(r"[a-z]{4,}", r.item.question.lower()))
        for turn in r.item.history:
            leaked -= set(re.findall(r"[a-z]{4,}", turn.content.lower()))
        assert not leaked, f"{r.item.id}: {leaked}"


def _text(corpus: Path, doc_id: str) -> str:
    for path in corpus.glob(f"{doc_id}.*"):
        if path.suffix in (".txt", ".md"):
            return path.read_text(encoding="utf-8")
    return ""
