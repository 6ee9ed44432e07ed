"""The fitted answerability model: loads, matches the data it was fitted on, decides monotonically."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ics_assistant.answering.answerability import FEATURES
from ics_assistant.answering.answerability_model import AnswerabilityModel, load_model
from ics_assistant.errors import ConfigError

from .conftest import REPO


def test_model_file_was_fitted_on_the_current_data() -> None:
    """Change a dataset or a corpus used for fitting and this fails until the model is refitted."""
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "fit_answerability.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_model_covers_every_feature_and_reports_figures_on_each_corpus_left_out() -> None:
    model = load_model()
    assert model.features == FEATURES
    loco = model.meta["leave_one_corpus_out"]
    corpora = {d.split("/")[2] for d in model.meta["datasets"] if d.startswith("evals/corpora/")}
    assert {f"held_out_{c}" for c in corpora} | {"held_out_seeds", "mean"} == set(loco)
    assert len(corpora) >= 4  # every fixture corpus in the repo teaches the model
    assert 0.0 < model.threshold < 1.0


def test_more_similar_better_covered_evidence_is_more_answerable() -> None:
    model = load_model()
    weak = dict.fromkeys(FEATURES, 0.0) | {"dense": 0.1, "coverage": 0.1, "entity_coverage": 0.0}
    strong = dict(weak) | {"dense": 0.8, "evidence_semantic": 0.8, "coverage": 1.0, "entity_coverage": 1.0}
    strong |= {"typed": 1.0, "lead_overlap": 1.0}
    assert model.probability(strong) > model.probability(weak)
    assert model.answerable(strong) and not model.answerable(weak)


def test_malformed_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        AnswerabilityModel.from_dict({"features": ["a"], "mean": [0.0]})
