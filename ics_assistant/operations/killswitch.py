"""The answers kill switch: when off, every interface replies with one fixed signpost.

The switch is on unless ``ICS_ANSWERS_ENABLED=false``; a maintainer can also turn answers off
(or back on) from the console, which stores an override in the console database so every
replica sharing that database follows it. The fixed reply lives in ``replies.yaml``.
"""

from __future__ import annotations

import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import yaml

from ics_assistant.types import Answer, Audience

__all__ = ["AnswersSwitch", "OverrideStore", "disabled_answer", "disabled_text"]

REASON = "answers_disabled"
_REPLIES = Path(__file__).with_name("replies.yaml")


@lru_cache(maxsize=1)
def disabled_text() -> str:
    data = yaml.safe_load(_REPLIES.read_text(encoding="utf-8"))
    return " ".join(str(data[REASON]["text"]).split())


def disabled_answer(question: str, audience: Audience) -> Answer:
    """The fixed refusal given while answers are switched off."""
    return Answer(
        text=disabled_text(),
        refused=True,
        refusal_reason=REASON,
        question=question,
        generator="none",
        audience=audience,
        timings_ms={"total": 0.0},
    )


class OverrideStore(Protocol):
    def get_setting(self, key: str) -> str | None: ...


class AnswersSwitch:
    """``enabled()``: the console override when one is stored, else ``ICS_ANSWERS_ENABLED``.

    The override is re-read at most every ``ttl_s`` seconds (one small query), so a toggle made
    on one replica reaches the others within that time.
    """

    KEY = "answers_enabled"

    def __init__(self, default: bool, store: OverrideStore | None = None, *, ttl_s: float = 1.0) -> None:
        self.default = default
        self._store = store
        self._ttl = ttl_s
        self._lock = threading.Lock()
        self._cached: tuple[float, bool] | None = None

    def enabled(self) -> bool:
        if self._store is None:
            return self.default
        now = time.monotonic()
        with self._lock:
            if self._cached is not None and now - self._cached[0] < self._ttl:
                return self._cached[1]
        raw = self._store.get_setting(self.KEY)
        value = self.default if raw is None else raw == "true"
        with self._lock:
            self._cached = (now, value)
        return value

    def forget(self) -> None:
        """Drop the cached value (after this process changed the override)."""
        with self._lock:
            self._cached = None
