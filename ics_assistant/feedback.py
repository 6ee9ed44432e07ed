"""Thumbs up / down on answers, with an optional comment, stored in SQLite.

The staff chat and ``POST /api/feedback`` write here; the evals read the same table
(``settings.feedback_db``). Each call opens its own connection, so the store is safe to use
from the server's worker threads.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ics_assistant.errors import InputError
from ics_assistant.types import Answer, Turn

__all__ = ["SCHEMA", "FeedbackRecord", "FeedbackStore"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT,
    question TEXT,
    history_json TEXT,
    answer_json TEXT,
    rating INTEGER,
    comment TEXT,
    audience TEXT
)
"""
MAX_COMMENT_CHARS = 2000


@dataclass(frozen=True)
class FeedbackRecord:
    id: int
    created_at: str
    question: str
    history: tuple[Turn, ...]
    answer: dict[str, Any]
    rating: int  # +1 helpful, -1 not helpful
    comment: str
    audience: str


class FeedbackStore:
    """Append-only feedback table at ``path`` (created with its folder on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10.0)) as conn, conn:
            yield conn

    def add(
        self,
        *,
        question: str,
        answer: Answer | dict[str, Any],
        rating: int,
        history: Sequence[Turn] = (),
        comment: str = "",
        audience: str = "public",
    ) -> int:
        """Store one rating and return its id. ``rating`` must be +1 or -1."""
        if rating not in (1, -1):
            raise InputError(f"rating must be 1 (helpful) or -1 (not helpful), not {rating!r}")
        if len(comment) > MAX_COMMENT_CHARS:
            raise InputError(f"comment is longer than {MAX_COMMENT_CHARS} characters")
        answer_dict = answer.to_dict() if isinstance(answer, Answer) else answer
        row = (
            datetime.now(UTC).isoformat(timespec="seconds"),
            question,
            json.dumps([asdict(t) for t in history], ensure_ascii=False),
            json.dumps(answer_dict, ensure_ascii=False),
            rating,
            comment.strip(),
            audience,
        )
        with self._connect() as conn:
            cur = conn.execute(
                "INSERT INTO feedback (created_at, question, history_json, answer_json, rating, comment,"
                " audience) VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cur.lastrowid or 0)

    def records(self) -> list[FeedbackRecord]:
        """Every stored rating, oldest first."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT id, created_at, question, history_json, answer_json, rating, comment, audience"
                " FROM feedback ORDER BY id"
            ).fetchall()
        return [
            FeedbackRecord(
                id=r[0],
                created_at=r[1],
                question=r[2],
                history=tuple(Turn(role=t["role"], content=t["content"]) for t in json.loads(r[3] or "[]")),
                answer=json.loads(r[4] or "{}"),
                rating=r[5],
                comment=r[6] or "",
                audience=r[7] or "",
            )
            for r in rows
        ]

    def count(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0])
