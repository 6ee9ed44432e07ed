"""The gate check (pure) and the thresholds file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ics_assistant.errors import ConfigError
from ics_assistant.evaluation.gate import (
    DEFAULT_THRESHOLDS_PATH,
    check_thresholds,
    load_thresholds,
    parse_thresholds,
)

REQUIRED = {
    "strict_accuracy": ("min", 0.90),
    "faithfulness": ("min", 0.98),
    "citation_validity": ("min", 1.0),
    "refusal_recall": ("min", 0.95),
    "false_refusal_rate": ("max", 0.05),
    "hit_at_5": ("min", 0.95),
}
PASSING = {
    "strict_accuracy": 0.95,
    "faithfulness": 1.0,
    "citation_validity": 1.0,
    "refusal_recall": 1.0,
    "false_refusal_rate": 0.0,
    "hit_at_5": 1.0,
    "emergency_999_first": 1.0,
}


def test_thresholds_file_is_at_least_as_strict_as_the_release_policy() -> None:
    thresholds = load_thresholds(DEFAULT_THRESHOLDS_PATH)
    for metric, (kind, bound) in REQUIRED.items():
        t = thresholds[metric]
        if kind == "min":
            assert t.min is not None and t.min >= bound, metric
        else:
            assert t.max is not None and t.max <= bound, metric


def test_check_thresholds_passes_and_names_each_miss() -> None:
    thresholds = load_thresholds(DEFAULT_THRESHOLDS_PATH)
    assert check_thresholds(PASSING, thresholds) == []
    worse = {**PASSING, "citation_validity": 0.99, "false_refusal_rate": 0.06}
    assert check_thresholds(worse, thresholds) == [
        "citation_validity = 0.9900, needs >= 1",
        "false_refusal_rate = 0.0600, needs <= 0.04",
    ]


def test_boundaries_are_inclusive_and_unmeasured_metrics_fail() -> None:
    t = parse_thresholds({"strict_accuracy": {"min": 0.9}, "false_refusal_rate": {"max": 0.05}})
    assert check_thresholds({"strict_accuracy": 0.9, "false_refusal_rate": 0.05}, t) == []
    problems = check_thresholds({"strict_accuracy": None}, t)
    assert problems == [
        "strict_accuracy: not measured (needs >= 0.9)",
        "false_refusal_rate: not measured (needs <= 0.05)",
    ]


@pytest.mark.parametrize(
    "data",
    [[], {}, {"x": 0.9}, {"x": {"min": "high"}}, {"x": {"above": 1}}, {"x": {"min": True}}],
)
def test_bad_thresholds_are_config_errors(data: object) -> None:
    with pytest.raises(ConfigError):
        parse_thresholds(data)


def test_unreadable_thresholds_file(tmp_path: Path) -> None:
    bad = tmp_path / "t.yaml"
    bad.write_text("a: [", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read thresholds"):
        load_thresholds(bad)
