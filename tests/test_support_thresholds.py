"""The support check's meaning thresholds are fitted on the support table, and say so."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ics_assistant.answering.meaning import THRESHOLDS_FILE, Thresholds, thresholds, use_thresholds

REPO = Path(__file__).resolve().parent.parent


def test_the_thresholds_file_matches_the_table_it_was_fitted_on() -> None:
    data = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    table = REPO / data["data"]
    assert data["data_sha256"] == hashlib.sha256(table.read_bytes()).hexdigest(), (
        "evals/support/triples.jsonl changed: rerun scripts/fit_support.py"
    )
    assert 0.0 < data["word"] <= 1.01 and 0.0 < data["clause"] <= 1.01
    assert set(data["cross_corpus"]) == {"fit on seeds", "fit on northshire"}
    for figures in data["cross_corpus"].values():
        assert figures["test"] and all(0.0 <= f["keep"] <= 1.0 for f in figures["test"].values())


def test_the_check_uses_the_fitted_thresholds_unless_told_otherwise() -> None:
    data = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    assert thresholds() == Thresholds(data["word"], data["clause"])
    with use_thresholds(Thresholds(0.5, 0.5)):
        assert thresholds() == Thresholds(0.5, 0.5)
    assert thresholds() == Thresholds(data["word"], data["clause"])
