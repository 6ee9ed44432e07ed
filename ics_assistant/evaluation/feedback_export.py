"""From feedback to tests: turn rated answers into draft dataset items for a maintainer to label.

Reads the feedback table (``settings.feedback_db``, written by the web interfaces) read-only.
Each draft item carries ``"needs_label": true`` and ``notes`` (rating, comment, the answer that
was given). Its ``answerable`` and ``expected_sources`` are guesses from that answer (answered ->
answerable, citing what it cited) and ``expected_facts`` is empty: the maintainer fixes these and
removes the marker; ``load_dataset`` refuses the item until then. Repeated questions (same text
and history) become one draft, the latest rating winning.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ics_assistant.errors import AssistantError
from ics_assistant.evaluation.dataset import EvalItem, dump_dataset
from ics_assistant.textnorm import normalize_for_match
from ics_assistant.types import Turn

__all__ = ["ExportResult", "FeedbackExportError", "draft_item", "export_feedback", "write_drafts"]

_QUERY = (
    "SELECT id, created_at, question, history_json, answer_json, rating, comment FROM feedback "
    "{where} ORDER BY id"
)


class FeedbackExportError(AssistantError):
    """The feedback database cannot be read."""


@dataclass
class ExportResult:
    items: list[EvalItem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "feedback N: why", for rows that cannot be used


def _history(raw: str | None) -> tuple[Turn, ...]:
    data = json.loads(raw) if raw else []
    if not isinstance(data, list):
        raise ValueError("history_json is not a list")
    turns = []
    for t in data:
        if not isinstance(t, dict) or t.get("role") not in ("user", "assistant"):
            raise ValueError("history_json has a turn without a user/assistant role")
        turns.append(Turn(role=t["role"], content=str(t.get("content", ""))))
    return tuple(turns)


def draft_item(
    row_id: int,
    created_at: str,
    question: str,
    history: tuple[Turn, ...],
    answer: dict[str, Any],
    rating: int,
    comment: str,
) -> EvalItem:
    """A draft eval item for one feedback row (pure)."""
    refused = bool(answer.get("refused", False))
    citations = answer.get("citations")  # the API stores whatever JSON object the client sent
    cited = [c.get("doc_id") for c in citations if isinstance(c, dict)] if isinstance(citations, list) else []
    sources = tuple(dict.fromkeys(d for d in cited if isinstance(d, str) and d))
    verdict = "helpful" if rating > 0 else "not helpful"
    given = "refused" + (f" ({answer.get('refusal_reason')})" if answer.get("refusal_reason") else "")
    notes = (
        f"feedback {row_id} at {created_at}: rated {verdict}"
        + (f"; comment: {comment.strip()}" if comment and comment.strip() else "")
        + f"; the assistant {given if refused else 'answered'}: {str(answer.get('text', '')).strip()}"
        + "; TO LABEL: set answerable, expected_sources and expected_facts, then remove needs_label"
    )
    return EvalItem(
        id=f"feedback-{row_id}",
        question=question,
        answerable=not refused,
        expected_sources=sources,
        expected_facts=(),
        history=history,
        category="feedback",
        needs_label=True,
        notes=notes,
    )


def export_feedback(db: Path, *, negative_only: bool = False) -> ExportResult:
    """Draft items for every rated answer (only thumbs-down with ``negative_only``)."""
    if not db.is_file():
        raise FeedbackExportError(f"no feedback database at {db} (nothing has been rated yet)")
    where = "WHERE rating < 0" if negative_only else ""
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10.0)) as conn:
            rows = conn.execute(_QUERY.format(where=where)).fetchall()
    except sqlite3.Error as exc:
        raise FeedbackExportError(f"cannot read feedback from {db}: {exc}") from exc
    result = ExportResult()
    latest: dict[tuple[str, tuple[Turn, ...]], EvalItem] = {}
    for row_id, created_at, question, history_json, answer_json, rating, comment in rows:
        try:
            if not isinstance(question, str) or not question.strip():
                raise ValueError("empty question")
            history = _history(history_json)
            answer = json.loads(answer_json or "{}")
            if not isinstance(answer, dict):
                raise ValueError("answer_json is not an object")
        except (ValueError, TypeError) as exc:
            result.skipped.append(f"feedback {row_id}: {exc}")
            continue
        item = draft_item(
            int(row_id),
            str(created_at or ""),
            question,
            history,
            answer,
            int(rating or 0),
            str(comment or ""),
        )
        key = (normalize_for_match(question), history)
        latest.pop(key, None)  # keep the latest rating, in id order
        latest[key] = item
    result.items = list(latest.values())
    return result


def write_drafts(items: list[EvalItem], out: Path) -> None:
    """Write draft items as JSONL (creating the folder)."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(dump_dataset(items), encoding="utf-8")
    except OSError as exc:
        raise FeedbackExportError(f"cannot write {out}: {exc}") from exc
