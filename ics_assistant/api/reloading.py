"""``ReloadingAssistant``: the server's assistant, swapped for a fresh one after a new ingest.

An ingest run by another process (or a ``--rebuild`` that recreates the Chroma collections)
changes what may be served: a document moved to staff must leave the public index at once.
At most every ``settings.index_reload_s`` seconds a request reads the chunk store's
``PRAGMA data_version`` (one tiny SQLite read; it changes whenever an ingest commits); when it
changed, that request builds a new ``Index`` and ``Assistant`` (same embedder, the model is not reloaded)
and publishes it with one reference assignment. Other requests never wait: they use whatever
assistant is current, and requests in flight finish on the one they started with. A reload
that fails (an ingest still running) keeps the old assistant and is retried at the next check.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ics_assistant.api.service import AssistantLike
from ics_assistant.config import Settings
from ics_assistant.errors import AssistantError
from ics_assistant.index import Index
from ics_assistant.protocols import Embedder
from ics_assistant.store import store_path
from ics_assistant.types import Answer, Audience, Turn

__all__ = ["ReloadingAssistant"]

log = logging.getLogger(__name__)


class _ChangeProbe:
    """``PRAGMA data_version`` on a connection of its own: it changes whenever another
    connection (an ingest, in any process) commits to the chunk store. Used under one lock."""

    def __init__(self, settings: Settings) -> None:
        self._db = sqlite3.connect(
            f"file:{store_path(settings)}?mode=ro", uri=True, timeout=1.0, check_same_thread=False
        )

    def version(self) -> int | None:
        try:
            row = self._db.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error as exc:
            log.warning("cannot check the chunk store for a new ingest: %s", exc)
            return None
        return int(row[0])

    def close(self) -> None:
        self._db.close()


@dataclass(frozen=True)
class _Current:
    assistant: AssistantLike
    index: Index


AssistantFactory = Callable[[Settings, Index], AssistantLike]


def _default_factory(embedder: Embedder) -> AssistantFactory:
    def build(settings: Settings, index: Index) -> AssistantLike:
        from ics_assistant.assistant import build_assistant

        return build_assistant(settings, index=index, embedder=embedder)

    return build


class ReloadingAssistant:
    """Satisfies ``AssistantLike``; also ``health()`` for ``/api/health``."""

    def __init__(
        self, settings: Settings, embedder: Embedder, *, factory: AssistantFactory | None = None
    ) -> None:
        self.settings = settings
        self._factory = factory or _default_factory(embedder)
        self._reload_lock = threading.Lock()  # only the reloading request takes it, never blocking
        self._next_check = time.monotonic() + settings.index_reload_s
        self._probe = _ChangeProbe(settings)
        self._seen = self._probe.version()  # read before building: a later commit is noticed
        self._current = self._build()
        self.reloads = 0

    def _build(self) -> _Current:
        index = Index.open(self.settings)
        return _Current(self._factory(self.settings, index), index)

    def close(self) -> None:
        self._probe.close()

    def current(self) -> AssistantLike:
        """The assistant to serve this request with (reloaded first if a new ingest was seen)."""
        self._maybe_reload()
        return self._current.assistant

    def _maybe_reload(self) -> None:
        now = time.monotonic()
        if now < self._next_check or not self._reload_lock.acquire(blocking=False):
            return
        try:
            self._next_check = now + self.settings.index_reload_s
            version = self._probe.version()
            if version is None or version == self._seen:
                return
            try:
                fresh = self._build()
            except AssistantError as exc:  # e.g. an ingest still running: retried at the next check
                log.warning("the chunk store changed but the index cannot be loaded yet (%s)", exc)
                return
            self._current = fresh  # the old index is left to in-flight requests, then collected
            self._seen = version
            self.reloads += 1
            log.info("index reloaded after a new ingest")
        finally:
            self._reload_lock.release()

    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer:
        return self.current().ask(question, history, audience)

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]:
        return self.current().stream(question, history, audience)

    def health(self) -> dict[str, Any]:
        self._maybe_reload()
        stats = self._current.index.stats()  # paths stay out: this endpoint is public
        return {
            "index_loaded": True,
            **{
                k: stats.get(k)
                for k in ("documents", "chunks", "collections", "embedding_model", "last_ingest")
            },
        }
