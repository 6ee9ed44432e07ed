"""The release gate: metric thresholds (``evals/thresholds.yaml``) and the pure check against them.

The file maps a summary metric to ``{min: x}`` and/or ``{max: y}``::

    strict_accuracy: {min: 0.90}
    false_refusal_rate: {max: 0.05}

A metric the summary lacks (or could not compute, ``None``) fails the gate: an unmeasured metric
is not a passing one. Thresholds only ever go up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ics_assistant.errors import ConfigError

__all__ = ["DEFAULT_THRESHOLDS_PATH", "Threshold", "check_thresholds", "load_thresholds", "parse_thresholds"]

DEFAULT_THRESHOLDS_PATH = Path(__file__).resolve().parents[2] / "evals" / "thresholds.yaml"


@dataclass(frozen=True)
class Threshold:
    metric: str
    min: float | None = None
    max: float | None = None

    def describe(self) -> str:
        parts = ([f">= {self.min:g}"] if self.min is not None else []) + (
            [f"<= {self.max:g}"] if self.max is not None else []
        )
        return " and ".join(parts)

    def failure(self, value: Any) -> str | None:
        """Why ``value`` misses this threshold, or ``None`` when it meets it."""
        if not isinstance(value, int | float) or isinstance(value, bool):
            return f"{self.metric}: not measured (needs {self.describe()})"
        if self.min is not None and value < self.min:
            return f"{self.metric} = {value:.4f}, needs {self.describe()}"
        if self.max is not None and value > self.max:
            return f"{self.metric} = {value:.4f}, needs {self.describe()}"
        return None


def parse_thresholds(data: Any, source: str = "thresholds") -> dict[str, Threshold]:
    if not isinstance(data, dict) or not data:
        raise ConfigError(f"{source}: expected a mapping of metric -> {{min: x}} / {{max: y}}")
    out: dict[str, Threshold] = {}
    for metric, spec in data.items():
        if not isinstance(spec, dict) or not spec or set(spec) - {"min", "max"}:
            raise ConfigError(f"{source}: {metric!r} needs {{min: x}} and/or {{max: y}}, got {spec!r}")
        bounds = {k: v for k, v in spec.items()}
        for k, v in bounds.items():
            if not isinstance(v, int | float) or isinstance(v, bool):
                raise ConfigError(f"{source}: {metric}.{k} must be a number, got {v!r}")
        out[str(metric)] = Threshold(str(metric), bounds.get("min"), bounds.get("max"))
    return out


def load_thresholds(path: Path = DEFAULT_THRESHOLDS_PATH) -> dict[str, Threshold]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read thresholds {path}: {exc}") from exc
    return parse_thresholds(data, str(path))


def check_thresholds(summary: Mapping[str, Any], thresholds: Mapping[str, Threshold]) -> list[str]:
    """One message per metric that misses its threshold; empty when the gate passes."""
    return [msg for t in thresholds.values() if (msg := t.failure(summary.get(t.metric))) is not None]
