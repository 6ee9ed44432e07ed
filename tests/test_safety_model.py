"""The safety decision rule (pure) and the fitted model file against its data."""

from __future__ import annotations

import json

import numpy as np

from ics_assistant.answering.safety_model import (
    CLASSES,
    DEFAULT_MODEL_PATH,
    Thresholds,
    decide,
    file_sha256,
    load_model,
)
from ics_assistant.answering.safety_rules import DEFAULT_RULES_PATH, SIGNAL_LABELS, RuleHits

from .conftest import REPO

TH = Thresholds(t_999=0.4, t_111=0.5, t_advice=0.6)
CALM = RuleHits()


def _p(**probs: float) -> list[float]:
    row = [probs.get(c, 0.0) for c in CLASSES]
    row[CLASSES.index("none")] += 1.0 - sum(row)
    return row


def test_999_when_emergency_plus_crisis_reaches_the_threshold() -> None:
    assert decide(np.array([_p(emergency=0.25, crisis=0.2)]), [CALM], TH)[0] == "emergency"
    assert decide(np.array([_p(emergency=0.1, crisis=0.35)]), [CALM], TH)[0] == "crisis"


def test_a_sentence_can_carry_the_emergency() -> None:
    probs = np.array([_p(note=0.8), _p(none=0.9), _p(emergency=0.7)])
    assert decide(probs, [CALM, CALM, CALM], TH)[0] == "emergency"


def test_urgent_counts_999_mass_and_advice_comes_after() -> None:
    assert decide(np.array([_p(emergency=0.2, urgent=0.35)]), [CALM], TH)[0] == "urgent"
    assert decide(np.array([_p(advice=0.65)]), [CALM], TH)[0] == "advice"
    assert decide(np.array([_p(advice=0.55)]), [CALM], TH)[0] == "none"


def test_note_when_note_is_likelier_or_a_crisis_rule_matched() -> None:
    assert decide(np.array([_p(note=0.6)]), [CALM], TH)[0] == "note"
    risky = RuleHits(counts={"crisis": 1})
    assert decide(np.array([_p(none=0.9)]), [risky], TH)[0] == "note"
    broad = RuleHits(counts={"urgent": 1, "advice": 1})  # "cough", "what's it": left to the classifier
    assert decide(np.array([_p(none=0.9)]), [broad], TH)[0] == "none"
    assert decide(np.array([_p(none=0.9)]), [RuleHits(counts={"topic": 2})], TH)[0] == "none"


def test_a_999_case_is_not_left_with_the_111_or_advice_reply() -> None:
    """Cost-sensitive: once p(emergency) + p(crisis) of any unit reaches ``t_lift``, a message that
    would get the urgent or advice reply gets the 999 reply instead."""
    lift = Thresholds(t_999=0.7, t_111=0.5, t_advice=0.3, t_lift=0.3)
    urgent = np.array([_p(emergency=0.32, urgent=0.6)])
    assert decide(urgent, [CALM], TH)[0] == "urgent"
    assert decide(urgent, [CALM], lift)[0] == "emergency"
    advice = np.array([_p(crisis=0.31, advice=0.35)])
    assert decide(advice, [CALM], lift)[0] == "crisis"
    assert decide(np.array([_p(crisis=0.2, advice=0.35)]), [CALM], lift)[0] == "advice"
    assert decide(np.array([_p(crisis=0.35)]), [CALM], lift)[0] in ("note", "none")  # never a false alarm


def test_sentences_decide_999_but_urgent_and_advice_read_the_whole_message() -> None:
    probs = np.array([_p(none=0.8), _p(none=0.9), _p(advice=0.9)])  # "... and can I bring my baby"
    assert decide(probs, [CALM, CALM, CALM], TH)[0] == "none"
    assert decide(np.array([_p(advice=0.9)]), [CALM], TH)[0] == "advice"


def test_the_rules_floor_is_waived_only_where_the_classifier_reads_the_unit_as_calm() -> None:
    live = RuleHits(counts={"emergency": 1})
    assert decide(np.array([_p(note=0.9)]), [live], TH)[0] == "emergency"  # t_calm 1.01: always
    waive = Thresholds(t_999=0.6, t_111=0.9, t_advice=0.6, t_calm=0.6)
    assert decide(np.array([_p(emergency=0.5, note=0.2)]), [live], waive)[0] == "emergency"
    assert decide(np.array([_p(emergency=0.2, note=0.5)]), [live], waive)[0] == "note"


def test_spread_clinical_risk_gets_the_safer_reply() -> None:
    risk = Thresholds(t_999=0.7, t_111=0.6, t_advice=0.5, t_risk=0.5)
    spread = np.array([_p(urgent=0.2, advice=0.3, emergency=0.1)])
    worded = RuleHits(counts={"urgent": 1})
    assert decide(spread, [worded], TH)[0] == "none"
    assert decide(spread, [worded], risk)[0] == "advice"
    assert decide(spread, [CALM], risk)[0] == "none"  # the classifier unsure and no risk wording
    assert decide(np.array([_p(urgent=0.3, advice=0.25)]), [worded], risk)[0] == "urgent"


SAFETY_SET = REPO / "evals" / "safety" / "safety.jsonl"
SAFETY_EXTRAS = [REPO / "evals" / "safety" / f"safety-extra{s}.jsonl" for s in ("", "2", "3")]


def test_the_fitted_model_agrees_with_its_data_and_rules() -> None:
    """Refit with ``python scripts/fit_safety.py`` when the data or the rules change."""
    meta = json.loads(DEFAULT_MODEL_PATH.read_text(encoding="utf-8"))
    data = REPO / meta["data"]
    assert data == SAFETY_SET and data.exists()
    assert meta["data_sha256"] == file_sha256(data), "the safety set changed: run scripts/fit_safety.py"
    assert meta["rules_sha256"] == file_sha256(DEFAULT_RULES_PATH), "the rules changed: refit"
    extras = [REPO / e["path"] for e in meta["extras"]]  # training-only messages (evals/safety/README.md)
    assert extras == SAFETY_EXTRAS
    for e in meta["extras"]:
        assert e["sha256"] == file_sha256(REPO / e["path"]), f"{e['path']} changed: refit"
    model = load_model()
    assert model is not None and model.embedder == "all-MiniLM-L6-v2" and model.dim == 384
    n_features = model.dim + len(SIGNAL_LABELS) + model.spec.char_features
    assert model.coef.shape == (len(CLASSES), n_features) and model.idf.shape == (model.spec.char_features,)
    ids = {json.loads(line)["id"] for line in data.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert set(meta["test_ids"]) <= ids and 0 < len(meta["test_ids"]) < len(ids)
    extra_ids = {
        json.loads(line)["id"]
        for extra in extras
        for line in extra.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert not extra_ids & ids and meta["n_extra"] == len(extra_ids)  # never in the held-out part
