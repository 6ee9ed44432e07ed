"""The fitted answerability model: a logistic regression over ``answerability.FEATURES``.

``scripts/fit_answerability.py`` fits it (scikit-learn, fixed seed, cross-validated across corpora)
and writes ``answerability_model.json``: feature names, scaling, weights, intercept, the decision
threshold, the hash of the training data and the cross-validated figures. At query time the model
is a dot product (no scikit-learn import on the hot path).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ics_assistant.errors import ConfigError

__all__ = ["MODEL_PATH", "AnswerabilityModel", "load_model"]

MODEL_PATH = Path(__file__).resolve().parent / "answerability_model.json"


@dataclass(frozen=True)
class AnswerabilityModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float
    meta: Mapping[str, Any]

    def probability(self, f: Mapping[str, float]) -> float:
        z = self.intercept
        for name, mu, sd, w in zip(self.features, self.mean, self.scale, self.weights, strict=True):
            z += w * ((float(f.get(name, 0.0)) - mu) / (sd or 1.0))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def answerable(self, f: Mapping[str, float]) -> bool:
        return self.probability(f) >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> AnswerabilityModel:
        def floats(key: str) -> tuple[float, ...]:
            return tuple(float(x) for x in d[key])

        try:
            model = cls(
                features=tuple(str(x) for x in d["features"]),
                mean=floats("mean"),
                scale=floats("scale"),
                weights=floats("weights"),
                intercept=float(d["intercept"]),
                threshold=float(d["threshold"]),
                meta=dict(d.get("meta", {})),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"the answerability model file is malformed: {exc}") from exc
        sizes = {len(model.features), len(model.mean), len(model.scale), len(model.weights)}
        if len(sizes) != 1:
            raise ConfigError("the answerability model file has mismatched lengths")
        return model


def save_model(model: AnswerabilityModel, path: Path = MODEL_PATH) -> None:
    path.write_text(json.dumps(model.to_dict(), indent=2) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> AnswerabilityModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the answerability model {path.name}: {exc}") from exc
    return AnswerabilityModel.from_dict(data)


def fitted_from(
    features: Sequence[str],
    mean: Sequence[float],
    scale: Sequence[float],
    weights: Sequence[float],
    intercept: float,
    threshold: float,
    meta: Mapping[str, Any],
) -> AnswerabilityModel:
    return AnswerabilityModel(
        tuple(features), tuple(mean), tuple(scale), tuple(weights), intercept, threshold, meta
    )
