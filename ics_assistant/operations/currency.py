"""How current each cited document is: ``stale`` and a note on every citation.

A citation is stale when its document is past its manifest ``review_due`` date, has a
``superseded_by`` entry, or is dated more than ``ICS_STALE_AFTER_DAYS`` ago. The manifest is
re-read when its modification time changes. ``annotate(answer)`` returns the answer with
``stale`` and ``currency_note`` ("published March 2021; may be out of date") on each citation.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ics_assistant.ingest.manifest import MANIFEST_FILE
from ics_assistant.types import Answer, Citation

__all__ = ["Currency", "CurrencyBook", "is_stale", "note_for"]

_REPLIES = Path(__file__).with_name("replies.yaml")


@lru_cache(maxsize=1)
def _texts() -> dict[str, str]:
    data = yaml.safe_load(_REPLIES.read_text(encoding="utf-8"))
    return {k: str(data[k]["text"]) for k in ("stale_dated", "stale_undated")}


@dataclass(frozen=True)
class Currency:
    date: str | None = None
    review_due: str | None = None
    superseded_by: str | None = None


def _iso(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return None


def is_stale(cur: Currency, today: dt.date, stale_after_days: int) -> bool:
    if cur.superseded_by:
        return True
    if cur.review_due and cur.review_due < today.isoformat():
        return True
    if cur.date and stale_after_days > 0:
        return dt.date.fromisoformat(cur.date) < today - dt.timedelta(days=stale_after_days)
    return False


def note_for(date: str | None) -> str:
    if date:
        month_year = dt.date.fromisoformat(date).strftime("%B %Y")
        return _texts()["stale_dated"].format(month_year=month_year)
    return _texts()["stale_undated"]


class CurrencyBook:
    """Per-document currency from ``corpus/manifest.yaml`` (reloaded when the file changes)."""

    def __init__(self, corpus_dir: Path, stale_after_days: int) -> None:
        self.path = corpus_dir / MANIFEST_FILE
        self.stale_after_days = stale_after_days
        self._lock = threading.Lock()
        self._mtime: float | None = None
        self._book: dict[str, Currency] = {}

    def book(self) -> dict[str, Currency]:
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            return {}
        with self._lock:
            if mtime != self._mtime:
                try:
                    data = yaml.safe_load(self.path.read_text(encoding="utf-8")) or {}
                except (OSError, yaml.YAMLError):
                    return self._book
                docs = data.get("documents") if isinstance(data, dict) else None
                self._book = {
                    str(k): Currency(
                        _iso(v.get("date")), _iso(v.get("review_due")), v.get("superseded_by") or None
                    )
                    for k, v in (docs or {}).items()
                    if isinstance(v, dict)
                }
                self._mtime = mtime
            return self._book

    def stale_ids(self, today: dt.date | None = None) -> set[str]:
        today = today or dt.date.today()
        return {k for k, c in self.book().items() if is_stale(c, today, self.stale_after_days)}

    def _mark(self, c: Citation, today: dt.date) -> Citation:
        cur = self.book().get(c.doc_id, Currency(date=c.date))
        if cur.date is None and c.date:
            cur = replace(cur, date=c.date)
        if not is_stale(cur, today, self.stale_after_days):
            return c
        return replace(c, stale=True, currency_note=note_for(c.date or cur.date))

    def annotate(self, answer: Answer, today: dt.date | None = None) -> Answer:
        if not answer.citations:
            return answer
        today = today or dt.date.today()
        return replace(answer, citations=tuple(self._mark(c, today) for c in answer.citations))
