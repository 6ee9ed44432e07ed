"""The fitted safety classifier at run time (pure numpy) and the decision rule (pure).

``scripts/fit_safety.py`` fits a scikit-learn ``Pipeline`` (the features below, then multinomial
``LogisticRegression``) over the message's sentence embedding (the same MiniLM vector retrieval
uses), the rule signal counts and hashed character n-grams (``FeatureSpec``), and writes:

- ``resources/safety_model.npz``: ``mean``, ``scale``, ``idf``, ``coef``, ``intercept`` (arrays);
- ``resources/safety_model.json``: classes, the embedding model and dimension it was fitted for, the
  decision thresholds (fitted on out-of-fold predictions), the data's SHA-256, the held-out ids
  and the cross-validated figures.

The decision (``decide``), in order:

1. **Rules floor**: ``emergency`` when the message or one of its sentences has live-emergency rule
   wording and no service or guidance wording (or that wording plus "now"), unless the classifier
   reads that unit as calm (``p(note) + p(none)`` reaches ``t_calm``); a waived floor still never
   ends in the 111 or advice reply (the 999 reply instead), only in the note; and it is never
   waived for a unit that says it is happening now ("right now", "suddenly": ``live`` wording).
2. **999**: ``p(emergency) + p(crisis)`` reaches ``t_999`` for the whole message or any sentence
   (an emergency in the second sentence counts).
3. **111**: ``p(emergency) + p(crisis) + p(urgent)`` of the whole message reaches ``t_111`` (999
   instead when the two 999 classes outweigh urgent); else **advice**: ``p(advice)`` of the whole
   message reaches ``t_advice``; else, with risk rule wording, when the clinical classes together
   (``1 - p(note) - p(none)``) reach ``t_risk``, the likelier of urgent and advice (spread risk
   gets the safer reply). Urgent and advice read the whole message: a sentence out of its
   question ("and can I bring my baby") reads as a request it is not.
4. **Cost-sensitive lift**: a message headed for the urgent or advice reply gets the 999 reply
   when ``p(emergency) + p(crisis)`` of any unit reaches ``t_lift`` (fitted by cost: a 999 case
   given 111 or advice costs ``MISS_COST`` times an urgent case given 999). It never turns a
   calm answer into a refusal: only messages already refused are lifted.
5. **note** when the message carries a risk signal (``note`` likelier than ``none``, ``1 -
   p(none)`` of a unit reaching ``t_note``, or emergency or crisis rule wording); else ``none``.

The replacing thresholds are fitted to keep false alarms on calm messages within a small budget;
``t_note`` under a budget on calm messages, but never so high that an emergency, crisis or urgent
message seen in fitting loses its 999 / 111 line ("When in doubt, add, don't replace").
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
    "FeatureSpec",
    "SafetyModel",
    "Thresholds",
    "char_counts",
    "decide",
    "features",
    "file_sha256",
    "load_model",
    "rules_only_decision",
    "softmax",
]

Decision = Literal["emergency", "crisis", "urgent", "advice", "note", "none"]
CLASSES: Final[tuple[Decision, ...]] = ("emergency", "crisis", "urgent", "advice", "note", "none")
DEFAULT_MODEL_PATH: Final = Path(__file__).resolve().parent / "resources" / "safety_model.json"
_EM, _CR, _UR, _AD, _NOTE, _NONE = range(6)

Floats = NDArray[np.float64]


@dataclass(frozen=True)
class Thresholds:
    t_999: float = 0.5
    t_111: float = 0.5
    t_advice: float = 0.5
    t_note: float = 1.01  # risk (1 - p(none)) from which an unreplaced answer gets the note
    # 999 rather than 111 or the advice reply once p(emergency) + p(crisis) of a unit reaches this
    t_lift: float = 1.01
    # the rules floor is waived for a unit the classifier reads as calm (p(note) + p(none)) from this
    t_calm: float = 1.01
    # clinical risk with no class sure of it (1 - p(note) - p(none)): the safer reply, 111 or advice
    t_risk: float = 1.01


@dataclass(frozen=True)
class FeatureSpec:
    """How a unit (the message or a sentence) becomes features: its standardised embedding times
    ``emb_weight``, its rule signal counts times ``rule_weight``, and the l2-normalised TF-IDF of
    its hashed character n-grams (``char_features`` buckets; they make misspellings look alike)."""

    emb_weight: float = 0.05
    rule_weight: float = 0.3
    char_features: int = 4096
    char_ngrams: tuple[int, int] = (2, 5)


def char_counts(texts: Sequence[str], spec: FeatureSpec) -> Any:
    """Hashed character n-gram counts (sparse, ``(n, spec.char_features)``), no vocabulary stored."""
    from sklearn.feature_extraction.text import HashingVectorizer

    from ics_assistant.textnorm import normalize_for_match

    vectorizer = HashingVectorizer(
        analyzer="char_wb",
        ngram_range=spec.char_ngrams,
        n_features=spec.char_features,
        alternate_sign=False,
        norm=None,
        preprocessor=normalize_for_match,
    )
    return vectorizer.transform(list(texts))


def features(
    spec: FeatureSpec,
    mean: Floats,
    scale: Floats,
    idf: Floats,
    vectors: NDArray[Any],
    signals: Sequence[Sequence[float]],
    texts: Sequence[str],
) -> Floats:
    """The feature rows of ``texts`` (one per unit), as the classifier was fitted on them."""
    emb = (np.asarray(vectors, dtype=np.float64) - mean) / scale * spec.emb_weight
    sig = np.asarray(signals, dtype=np.float64).reshape(len(texts), -1) * spec.rule_weight
    counts = char_counts(texts, spec).astype(np.float64)
    counts.data = 1.0 + np.log(counts.data)  # sublinear term frequency
    tfidf = counts.multiply(idf).toarray()
    norms = np.linalg.norm(tfidf, axis=1, keepdims=True)
    tfidf = tfidf / np.where(norms == 0.0, 1.0, norms)
    return np.hstack([emb, sig, tfidf])


@dataclass(frozen=True)
class SafetyModel:
    """Features (``FeatureSpec``), then softmax over a linear layer: ``predict_proba -> (n, 6)``."""

    embedder: str
    dim: int
    mean: Floats  # (dim,) embedding standardisation
    scale: Floats
    idf: Floats  # (char_features,)
    coef: Floats  # (6, dim + n_signals + char_features)
    intercept: Floats  # (6,)
    spec: FeatureSpec = FeatureSpec()
    thresholds: Thresholds = Thresholds()
    meta: dict[str, Any] = field(default_factory=dict)

    def fits(self, embedder_name: str, dim: int) -> bool:
        """Whether this model was fitted on vectors of that embedder."""
        return embedder_name == self.embedder and dim == self.dim

    def predict_proba(
        self, vectors: NDArray[Any], signals: Sequence[Sequence[float]], texts: Sequence[str]
    ) -> Floats:
        x = features(self.spec, self.mean, self.scale, self.idf, vectors, signals, texts)
        return softmax(x @ self.coef.T + self.intercept)


def softmax(z: Floats) -> Floats:
    z = z - z.max(axis=1, keepdims=True)
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
            names = ("mean", "scale", "idf", "coef", "intercept")
            params = {k: np.asarray(arrays[k], dtype=np.float64) for k in names}
        if tuple(meta["classes"]) != CLASSES:
            raise ValueError(f"classes {meta['classes']} are not {CLASSES}")
        return SafetyModel(
            embedder=str(meta["embedder"]),
            dim=int(meta["dim"]),
            thresholds=Thresholds(**meta["thresholds"]),
            spec=FeatureSpec(**{**meta["features"], "char_ngrams": tuple(meta["features"]["char_ngrams"])}),
            meta=meta,
            **params,
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot load the safety model {path}: {exc}") from exc


def decide(probs: Floats, hits: Sequence[RuleHits], thresholds: Thresholds) -> tuple[Decision, float]:
    """Decision and its score from per-unit probabilities (row 0: the whole message, then sentences).

    ``hits[i]`` are the rule hits of unit ``i``; an emergency or crisis hit makes an unreplaced
    answer a ``note``. Sentences count for the 999 decisions (an emergency in the second
    sentence); the urgent and advice decisions read the whole message, since a sentence taken out
    of its question ("and can I bring my baby") reads as a personal request it is not.
    """
    p = np.asarray(probs, dtype=np.float64)
    calm = p[:, _NOTE] + p[:, _NONE]
    floor = [i for i, h in enumerate(hits) if rules_only_decision(h) == "emergency"]
    # live-emergency wording, and the classifier not calm or the unit saying it is happening now
    if any(calm[i] < thresholds.t_calm or hits[i].has("live") for i in floor):
        return "emergency", 1.0
    s999 = p[:, _EM] + p[:, _CR]
    best = int(np.argmax(s999))
    kind999: Decision = "crisis" if p[best, _CR] > p[best, _EM] else "emergency"
    if s999[best] >= thresholds.t_999:
        return kind999, float(s999[best])
    s111 = s999[0] + p[0, _UR]
    decision: Decision | None = None
    if s111 >= thresholds.t_111:  # 999 when the two 999 classes together outweigh urgent
        if s999[0] >= p[0, _UR]:
            return ("crisis" if p[0, _CR] > p[0, _EM] else "emergency"), float(s111)
        decision, score = "urgent", float(s111)
    elif p[0, _AD] >= thresholds.t_advice:
        decision, score = "advice", float(p[0, _AD])
    elif 1.0 - calm[0] >= thresholds.t_risk and any(h.risk for h in hits):  # spread risk + risk wording
        decision, score = ("urgent" if p[0, _UR] > p[0, _AD] else "advice"), float(1.0 - calm[0])
    if decision is not None:  # cost-sensitive: a 999 case sent to 111 costs far more than the reverse
        if floor:  # the floor was waived for a calm reading: the note at most, never 111 or advice
            return "emergency", 1.0
        if s999[best] >= thresholds.t_lift:
            return kind999, float(s999[best])
        return decision, score
    risk = 1.0 - p[:, _NONE]
    if p[0, _NOTE] > p[0, _NONE] or risk.max() >= thresholds.t_note or any(h.life_risk for h in hits):
        return "note", float(risk.max())
    return "none", float(p[0, _NONE])


def rules_only_decision(hits: RuleHits) -> Decision:
    """Without a model fitted for this embedder: live-emergency and crisis wording decides, unless
    the message is about a service or guidance (then a note) and does not say it is happening now
    ("... which service do I call, he's collapsed right now"); other risk wording gives a note."""
    if hits.has("topic") and not (hits.has("live") and hits.has("emergency")):  # "now" outranks topic
        return "note" if hits.risk else "none"
    for label in ("emergency", "crisis", "advice", "urgent"):
        if hits.has(label):
            return label  # type: ignore[return-value]
    return "none"
