"""The fitted safety classifier at run time (pure numpy) and the decision rule (pure).

``scripts/fit_safety.py`` fits a scikit-learn ``Pipeline`` (``StandardScaler`` then multinomial
``LogisticRegression``) over the message's sentence embedding (the same MiniLM vector retrieval
uses) plus the rule signal counts, and writes its parameters here:

- ``data/safety_model.npz``: ``mean``, ``scale``, ``coef``, ``intercept`` (arrays);
- ``data/safety_model.json``: classes, the embedding model and dimension it was fitted for, the
  decision thresholds (fitted on out-of-fold predictions), the data's SHA-256, the held-out ids
  and the cross-validated figures.

The decision, from class probabilities of the whole message and of each of its sentences:
``999`` (emergency or crisis) when ``p(emergency) + p(crisis)`` reaches ``t_999`` for the whole
message or any sentence (an emergency in the second sentence counts); else ``urgent`` when
``p(emergency) + p(crisis) + p(urgent)`` reaches ``t_111``; else ``advice`` when ``p(advice)``
reaches ``t_advice``; else ``note`` when the message carries a risk signal (``note`` more likely
than ``none``, or a risk rule matched); else ``none``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np
from numpy.typing import NDArray

from ics_assistant.answering.safety_rules import RuleHits
from ics_assistant.errors import ConfigError

__all__ = [
    "CLASSES",
    "DEFAULT_MODEL_PATH",
    "Decision",
    "SafetyModel",
    "Thresholds",
    "decide",
    "file_sha256",
    "load_model",
    "rules_only_decision",
]

Decision = Literal["emergency", "crisis", "urgent", "advice", "note", "none"]
CLASSES: Final[tuple[Decision, ...]] = ("emergency", "crisis", "urgent", "advice", "note", "none")
DEFAULT_MODEL_PATH: Final = Path(__file__).resolve().parent / "data" / "safety_model.json"
_EM, _CR, _UR, _AD, _NOTE, _NONE = range(6)

Floats = NDArray[np.float64]


@dataclass(frozen=True)
class Thresholds:
    t_999: float = 0.5
    t_111: float = 0.5
    t_advice: float = 0.5


@dataclass(frozen=True)
class SafetyModel:
    """Standardise, then softmax over a linear layer: ``predict_proba(features) -> (n, 6)``."""

    embedder: str
    dim: int
    mean: Floats
    scale: Floats
    coef: Floats  # (6, dim + n_signals)
    intercept: Floats  # (6,)
    thresholds: Thresholds = Thresholds()
    meta: dict[str, Any] = field(default_factory=dict)

    def fits(self, embedder_name: str, dim: int) -> bool:
        """Whether this model was fitted on vectors of that embedder."""
        return embedder_name == self.embedder and dim == self.dim

    def predict_proba(self, vectors: NDArray[Any], signals: Sequence[Sequence[float]]) -> Floats:
        x = np.hstack([np.asarray(vectors, dtype=np.float64), np.asarray(signals, dtype=np.float64)])
        z = ((x - self.mean) / self.scale) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float64)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_model(path: Path = DEFAULT_MODEL_PATH) -> SafetyModel | None:
    """The fitted model, or ``None`` when none has been fitted yet (rules decide alone then)."""
    if not path.exists():
        return None
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
        with np.load(path.with_suffix(".npz")) as arrays:
            names = ("mean", "scale", "coef", "intercept")
            params = {k: np.asarray(arrays[k], dtype=np.float64) for k in names}
        if tuple(meta["classes"]) != CLASSES:
            raise ValueError(f"classes {meta['classes']} are not {CLASSES}")
        return SafetyModel(
            embedder=str(meta["embedder"]),
            dim=int(meta["dim"]),
            thresholds=Thresholds(**meta["thresholds"]),
            meta=meta,
            **params,
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot load the safety model {path}: {exc}") from exc


def decide(probs: Floats, hits: Sequence[RuleHits], thresholds: Thresholds) -> tuple[Decision, float]:
    """Decision and its score from per-unit probabilities (row 0: the whole message, then sentences).

    ``hits[i]`` are the rule hits of unit ``i``; any risk hit makes an unreplaced answer a ``note``.
    """
    p = np.asarray(probs, dtype=np.float64)
    s999 = p[:, _EM] + p[:, _CR]
    best = int(np.argmax(s999))
    if s999[best] >= thresholds.t_999:
        kind: Decision = "crisis" if p[best, _CR] > p[best, _EM] else "emergency"
        return kind, float(s999[best])
    s111 = s999 + p[:, _UR]
    if s111.max() >= thresholds.t_111:
        return "urgent", float(s111.max())
    if p[:, _AD].max() >= thresholds.t_advice:
        return "advice", float(p[:, _AD].max())
    if p[0, _NOTE] > p[0, _NONE] or any(h.risk for h in hits):
        return "note", float(p[0, _NOTE])
    return "none", float(p[0, _NONE])


def rules_only_decision(hits: RuleHits) -> Decision:
    """Without a model fitted for this embedder: live-emergency and crisis wording decides, unless
    the message is about a service or guidance (then a note); other risk wording gives a note."""
    if hits.has("topic"):
        return "note" if hits.risk else "none"
    for label in ("emergency", "crisis", "advice", "urgent"):
        if hits.has(label):
            return label  # type: ignore[return-value]
    return "none"
