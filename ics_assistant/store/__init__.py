"""Local storage for the built index (chunk records, vectors, cleaned texts)."""

from __future__ import annotations

from pathlib import Path

from ics_assistant.config import Settings
from ics_assistant.store.chunk_store import ChunkStore, StoredDocument

__all__ = ["ChunkStore", "StoredDocument", "store_path"]


def store_path(settings: Settings) -> Path:
    return settings.index_dir / "chunks.sqlite3"
