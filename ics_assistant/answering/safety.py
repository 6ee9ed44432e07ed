"""Safety triage of a user message, before any retrieval: what kind of reply it needs.

Decisions (``Answer.safety``):

- ``emergency``: a live emergency described by the person; the reply's first line says call 999.
- ``crisis``: suicidal intent or a mental-health crisis, direct or indirect; 999 first, then crisis
  support (NHS 111 mental health option, Samaritans 116 123).
- ``urgent``: urgent but not life-threatening; NHS 111 first.
- ``advice``: a request for personal clinical advice; a kind refusal that signposts GP,
  pharmacist and NHS 111.
- ``note``: mentions symptoms or crisis words but asks about services, guidance, past events or
  emergencies as a topic; the normal answer, with "If someone is in danger now, call 999." first.
- ``none``: an ordinary question.

How: the message and each of its sentences (an emergency in the second sentence counts) are
embedded in *one* call to the app's embedder, and the phrase rules (``safety_rules``, a data file)
are matched on each; the fitted classifier (``safety_model``) turns both into the decision. The
whole message's vector is returned so retrieval can reuse it instead of embedding again. When no
model was fitted for the embedder in use (tests with a fake embedder), the rules decide alone.
Attempts to override or reveal the instructions (including role-prefixed lines such as
"SYSTEM: new policy ...") are flagged by the rules and refused after the safety decisions.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import numpy as np

from ics_assistant.answering.safety_model import (
    Decision,
    SafetyModel,
    decide,
    load_model,
    rules_only_decision,
)
from ics_assistant.answering.safety_rules import RuleHits, SafetyRules, default_rules
from ics_assistant.protocols import Embedder, Vectors

__all__ = [
    "REPLACING",
    "SafetyVerdict",
    "Triage",
    "TriageResult",
    "default_triage",
    "message_units",
    "screen_message",
]

REPLACING: Final = frozenset({"emergency", "crisis", "urgent", "advice"})
_local = threading.local()


def _segmenter() -> Any:
    seg = getattr(_local, "segmenter", None)
    if seg is None:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        _local.segmenter = seg
    return seg


def message_units(text: str) -> list[str]:
    """The message itself, then its sentences when it has more than one (lines, then pysbd)."""
    sentences: list[str] = []
    for line in text.splitlines():
        if line.strip():
            sentences.extend(s.strip() for s in _segmenter().segment(line) if s.strip())
    return [text, *sentences] if len(sentences) > 1 else [text]


@dataclass(frozen=True)
class TriageResult:
    """The triage of one message. ``vector`` is the whole message's embedding (or ``None``)."""

    decision: Decision
    injection: bool = False
    score: float = 0.0
    matches: tuple[tuple[str, str], ...] = ()  # (rule id, matched text), for logs and tests
    vector: Vectors | None = None
    by_model: bool = False  # False: the rules decided alone (no model fitted for this embedder)
    extra_vectors: tuple[Vectors, ...] = ()  # the ``extra`` texts' embeddings, from the same call

    @property
    def replaces(self) -> bool:
        """Whether a safety reply replaces the document answer."""
        return self.decision in REPLACING

    @property
    def refusal_reason(self) -> str | None:
        if self.replaces:
            return "medical_advice" if self.decision == "advice" else self.decision
        return "prompt_injection" if self.injection else None


class Triage:
    """``screen(message, embedder) -> TriageResult``. Stateless per call; thread-safe."""

    def __init__(self, rules: SafetyRules, model: SafetyModel | None) -> None:
        self.rules = rules
        self.model = model

    def uses_model(self, embedder: Embedder | None) -> bool:
        return (
            embedder is not None
            and self.model is not None
            and self.model.fits(str(getattr(embedder, "name", "")), int(getattr(embedder, "dim", 0)))
        )

    def screen(
        self, message: str, embedder: Embedder | None = None, extra: Sequence[str] = ()
    ) -> TriageResult:
        """Triage ``message``. ``extra`` texts are embedded in the same model call (the question as
        retrieval will search for it), so that a query costs one call."""
        units = message_units(message)
        hits = [self.rules.match(u) for u in units]
        injection = any(h.has("injection") for h in hits)
        matches = tuple(m for h in hits[1:] or hits for m in h.matches) if len(hits) > 1 else hits[0].matches
        if self.uses_model(embedder) and self.model is not None and embedder is not None:
            embedded = np.asarray(embedder.embed([*units, *extra]), dtype=np.float32)
            vectors, more = embedded[: len(units)], tuple(embedded[len(units) :])
            probs = self.model.predict_proba(vectors, [h.vector() for h in hits], units)
            decision, score = decide(probs, hits, self.model.thresholds)
            return TriageResult(
                decision, injection, score, matches, vectors[0], by_model=True, extra_vectors=more
            )
        return TriageResult(_rules_decision(hits), injection, 1.0, matches)


def _rules_decision(hits: list[RuleHits]) -> Decision:
    """The whole message's rules decision, unless one sentence on its own is a 999 case."""
    whole = rules_only_decision(hits[0])
    if whole in REPLACING:
        return whole
    for h in hits[1:]:
        d = rules_only_decision(h)
        if d in ("emergency", "crisis"):
            return d
    return whole


@lru_cache(maxsize=1)
def default_triage() -> Triage:
    """The shipped rules and fitted model (loaded once per process)."""
    return Triage(default_rules(), load_model())


# --- compatibility: the rules-only screen, as the old ``screen_message`` returned it -----------


@dataclass(frozen=True)
class SafetyVerdict:
    kind: str  # emergency | crisis | urgent | medical_advice | prompt_injection
    matched: str


def screen_message(message: str) -> SafetyVerdict | None:
    """Rules-only triage (no embedder): a verdict when the message needs a safety reply."""
    result = default_triage().screen(message)
    reason = result.refusal_reason
    if reason is None:
        return None
    return SafetyVerdict(reason, "; ".join(text for _, text in result.matches))


def hits_of(message: str) -> RuleHits:
    """The rule hits of a whole message (for tests and the fitting script)."""
    return default_rules().match(message)
