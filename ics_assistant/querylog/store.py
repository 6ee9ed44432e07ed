"""The console database: question log, audit log and shared settings (SQLAlchemy Core).

SQLite in ``data_dir/console.db`` by default; PostgreSQL (or any SQLAlchemy URL) through
``ICS_DATABASE_URL``, so several server replicas share one log. Questions arrive here already
redacted (see ``redact.py``); ``purge`` deletes entries older than the retention period.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa

from ics_assistant.errors import ConfigError

__all__ = ["AuditEntry", "LoggedQuestion", "QuestionLog", "SqlStore"]

_meta = sa.MetaData()
_SCHEMA_LOCK = 0x1C5_10C  # advisory lock id taken while creating the tables
questions = sa.Table(
    "question_log",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("question", sa.Text, nullable=False),  # redacted
    sa.Column("refused", sa.Boolean, nullable=False),
    sa.Column("reason", sa.String(64)),
    sa.Column("cited_json", sa.Text, nullable=False, server_default="[]"),
    sa.Column("latency_ms", sa.Float, nullable=False),
    sa.Column("audience", sa.String(16), nullable=False),
    sa.Column("feedback", sa.Integer),
)
audit = sa.Table(
    "audit_log",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("action", sa.String(100), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
)
feedback_table = sa.Table(
    "feedback_log",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("question", sa.Text, nullable=False),  # redacted
    sa.Column("answer_json", sa.Text, nullable=False),
    sa.Column("rating", sa.Integer, nullable=False),
    sa.Column("comment", sa.Text, nullable=False, server_default=""),
    sa.Column("audience", sa.String(16), nullable=False),
)
settings_table = sa.Table(
    "console_settings",
    _meta,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


@dataclass(frozen=True)
class LoggedQuestion:
    id: int
    created_at: datetime
    question: str
    refused: bool
    reason: str | None
    cited: tuple[str, ...]
    latency_ms: float
    audience: str
    feedback: int | None = None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    created_at: datetime
    actor: str
    action: str
    detail: dict[str, Any] = field(default_factory=dict)


class QuestionLog(Protocol):
    """What the server needs from the console database (tests may pass an in-memory one)."""

    def add_question(
        self,
        *,
        question: str,
        refused: bool,
        reason: str | None,
        cited: Sequence[str],
        latency_ms: float,
        audience: str,
    ) -> int: ...

    def set_feedback(self, question: str, rating: int) -> bool: ...

    def add_feedback(
        self, *, question: str, answer: dict[str, Any], rating: int, comment: str, audience: str
    ) -> int: ...


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class SqlStore:
    """Question log, audit log and settings in one SQLAlchemy database."""

    def __init__(self, url: str) -> None:
        try:
            self.engine = sa.create_engine(url, pool_pre_ping=True)
            if self.engine.dialect.name == "sqlite":
                db = self.engine.url.database
                if db and db != ":memory:":
                    Path(db).parent.mkdir(parents=True, exist_ok=True)
                sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            with self.engine.begin() as conn:  # replicas starting together: one creates the tables
                if self.engine.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
                _meta.create_all(conn)
        except (sa.exc.SQLAlchemyError, ModuleNotFoundError) as exc:
            raise ConfigError(f"cannot open the console database: {exc}") from exc

    # question log
    def add_question(
        self,
        *,
        question: str,
        refused: bool,
        reason: str | None,
        cited: Sequence[str],
        latency_ms: float,
        audience: str,
        at: datetime | None = None,
    ) -> int:
        row = {
            "created_at": at or datetime.now(UTC),
            "question": question,
            "refused": refused,
            "reason": reason,
            "cited_json": json.dumps(list(cited)),
            "latency_ms": latency_ms,
            "audience": audience,
        }
        with self.engine.begin() as conn:
            result = conn.execute(questions.insert().values(**row))
            key = result.inserted_primary_key
            return int(key[0]) if key else 0

    def set_feedback(self, question: str, rating: int) -> bool:
        """Attach a rating to the latest logged entry of this (redacted) question without one."""
        with self.engine.begin() as conn:
            target = conn.execute(
                sa.select(questions.c.id)
                .where(questions.c.question == question, questions.c.feedback.is_(None))
                .order_by(questions.c.id.desc())
                .limit(1)
            ).scalar()
            if target is None:
                return False
            conn.execute(questions.update().where(questions.c.id == target).values(feedback=rating))
            return True

    def add_feedback(
        self, *, question: str, answer: dict[str, Any], rating: int, comment: str, audience: str
    ) -> int:
        """The shared feedback store (replicas on one database see each other's ratings)."""
        row = {
            "created_at": datetime.now(UTC),
            "question": question,
            "answer_json": json.dumps(answer, ensure_ascii=False),
            "rating": rating,
            "comment": comment,
            "audience": audience,
        }
        with self.engine.begin() as conn:
            key = conn.execute(feedback_table.insert().values(**row)).inserted_primary_key
            return int(key[0]) if key else 0

    def feedback_counts(self) -> dict[int, int]:
        """Ratings in the shared feedback store: ``{1: helpful, -1: not helpful}``."""
        query = sa.select(feedback_table.c.rating, sa.func.count()).group_by(feedback_table.c.rating)
        with self.engine.connect() as conn:
            return {int(r): int(n) for r, n in conn.execute(query).all()}

    def questions(
        self, *, refused: bool | None = None, since: datetime | None = None, limit: int = 1000
    ) -> list[LoggedQuestion]:
        query = sa.select(questions).order_by(questions.c.id.desc()).limit(limit)
        if refused is not None:
            query = query.where(questions.c.refused == refused)
        if since is not None:
            query = query.where(questions.c.created_at >= since)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            LoggedQuestion(
                id=r["id"],
                created_at=_utc(r["created_at"]),
                question=r["question"],
                refused=bool(r["refused"]),
                reason=r["reason"],
                cited=tuple(json.loads(r["cited_json"] or "[]")),
                latency_ms=float(r["latency_ms"]),
                audience=r["audience"],
                feedback=r["feedback"],
            )
            for r in rows
        ]

    def purge(self, retention_days: int, *, now: datetime | None = None) -> int:
        """Delete question-log entries older than ``retention_days``; returns how many."""
        cutoff = (now or datetime.now(UTC)) - timedelta(days=retention_days)
        with self.engine.begin() as conn:
            return int(conn.execute(questions.delete().where(questions.c.created_at < cutoff)).rowcount or 0)

    # audit log
    def audit(self, actor: str, action: str, **detail: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                audit.insert().values(
                    created_at=datetime.now(UTC),
                    actor=actor,
                    action=action,
                    detail=json.dumps(detail, ensure_ascii=False, default=str),
                )
            )

    def audit_entries(self, limit: int = 500) -> list[AuditEntry]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(audit).order_by(audit.c.id.desc()).limit(limit)).mappings().all()
        return [
            AuditEntry(
                r["id"], _utc(r["created_at"]), r["actor"], r["action"], json.loads(r["detail"] or "{}")
            )
            for r in rows
        ]

    # settings shared by replicas (the answers switch)
    def get_setting(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(
                sa.select(settings_table.c.value).where(settings_table.c.key == key)
            ).scalar()
        return None if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(settings_table.delete().where(settings_table.c.key == key))
            conn.execute(settings_table.insert().values(key=key, value=value))

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()
