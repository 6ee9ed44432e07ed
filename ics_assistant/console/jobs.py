"""Background jobs for the console (ingest now), one at a time, with progress to show.

The ingest is the same incremental, crash-safe ``run_ingest`` as the CLI (it takes the ingest
lock); the running server notices the new index by itself (``api/reloading.py``).
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Job", "JobRunner"]

log = logging.getLogger(__name__)


@dataclass
class Job:
    kind: str
    started: float = field(default_factory=time.time)
    finished: float | None = None
    progress: str = "starting"
    ok: bool | None = None
    result: str = ""
    counted: bool = False  # ``progress`` reads "n of m ..." (kept in the final message)

    def step(self, done: int, total: int, what: str) -> None:
        self.counted = True
        self.progress = f"{done} of {total} {what}"


class JobRunner:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.current: Job | None = None
        self._thread: threading.Thread | None = None

    def busy(self) -> bool:
        return self.current is not None and self.current.finished is None

    def start(self, kind: str, work: Callable[[Job], str]) -> Job | None:
        """Run ``work(job)`` on a thread; ``None`` when a job is already running."""
        with self._lock:
            if self.busy():
                return None
            job = Job(kind)
            self.current = job

        def run() -> None:
            try:
                job.result = work(job)
                job.ok = True
            except Exception as exc:  # shown on the page; the console keeps running
                log.error("console job %s failed: %s", kind, traceback.format_exc())
                job.result = f"{type(exc).__name__}: {exc}"
                job.ok = False
            finally:
                job.progress = f"finished after {job.progress}" if job.counted else "finished"
                job.finished = time.time()

        self._thread = threading.Thread(target=run, name=f"console-{kind}", daemon=True)
        self._thread.start()
        return job

    def wait(self, timeout: float = 60.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
