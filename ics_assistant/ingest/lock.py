"""The ingest lock: only one process may write the index at a time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock

from ics_assistant.errors import IngestLockedError

__all__ = ["ingest_lock", "lock_path"]


def lock_path(index_dir: Path) -> Path:
    return index_dir / "ingest.lock"


@contextmanager
def ingest_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index's write lock, or raise ``IngestLockedError`` at once if another has it."""
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(lock_path(index_dir)))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout as exc:
        raise IngestLockedError(
            f"another ingest is already writing to {index_dir} (lock file {lock_path(index_dir)}); "
            "wait for it to finish, then run this again"
        ) from exc
    try:
        yield
    finally:
        lock.release()
