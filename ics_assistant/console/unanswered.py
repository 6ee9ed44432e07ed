"""Refused questions grouped by meaning: the gaps in the corpus.

Safety refusals (emergencies, medical advice, injections) and input errors are left out: they
are not gaps. The rest are embedded and clustered (agglomerative, cosine distance, average
linkage); each group shows its size and examples, largest first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ics_assistant.evaluation.dataset import EvalItem
from ics_assistant.protocols import Embedder
from ics_assistant.querylog.store import LoggedQuestion

__all__ = ["NOT_GAPS", "QuestionGroup", "draft_eval_item", "group_questions"]

NOT_GAPS = frozenset(
    {
        "emergency",
        "urgent",
        "medical_advice",
        "prompt_injection",
        "empty_question",
        "too_long",
        "bad_audience",
        "answers_disabled",
    }
)
DISTANCE = 0.5  # cosine distance under which questions join a group


@dataclass(frozen=True)
class QuestionGroup:
    questions: tuple[LoggedQuestion, ...]

    @property
    def count(self) -> int:
        return len(self.questions)


def group_questions(
    entries: Sequence[LoggedQuestion], embedder: Embedder, distance: float = DISTANCE
) -> list[QuestionGroup]:
    gaps = [e for e in entries if e.refused and e.reason not in NOT_GAPS]
    if len(gaps) < 2:
        return [QuestionGroup((e,)) for e in gaps]
    from sklearn.cluster import AgglomerativeClustering

    vectors = np.asarray(embedder.embed([e.question for e in gaps]), dtype=np.float32)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
    ).fit_predict(vectors)
    groups: dict[int, list[LoggedQuestion]] = {}
    for label, entry in zip(labels, gaps, strict=True):
        groups.setdefault(int(label), []).append(entry)
    return sorted(
        (QuestionGroup(tuple(g)) for g in groups.values()), key=lambda g: (-g.count, g.questions[0].id)
    )


def draft_eval_item(entry: LoggedQuestion) -> EvalItem:
    """A draft eval item for a refused question (``needs_label``), like ``feedback export``."""
    return EvalItem(
        id=f"question-log-{entry.id}",
        question=entry.question,
        answerable=False,
        expected_sources=(),
        expected_facts=(),
        category="question-log",
        needs_label=True,
        notes=(
            f"question log {entry.id} at {entry.created_at.isoformat(timespec='seconds')}: refused "
            f"({entry.reason}); TO LABEL: set answerable, expected_sources and expected_facts, "
            "then remove needs_label"
        ),
    )
