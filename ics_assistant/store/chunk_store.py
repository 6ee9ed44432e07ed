"""The local chunk store (SQLite): documents, chunks, vectors and ingest bookkeeping.

It is the source of truth the other indexes are reconciled against:

- ``documents``: metadata, the cleaned (canonical) text, its hash and the ingest fingerprint;
- ``chunks``: every chunk record with its sentence spans;
- ``vectors``: per chunk id, the chunk vector (float32) and one vector per sentence (float16),
  written batch by batch while embedding so an interrupted ingest keeps its work;
- ``meta``: embedder name, last ingest time, the chunk-set fingerprint.

The file uses a rollback journal (``journal_mode=DELETE``), not WAL, and no memory map: WAL
maps its ``-shm`` index into every reader, so a truncated ``-shm`` (or database file) killed
the serving process with SIGBUS. With a rollback journal nothing is mapped, a stray or
garbled ``-shm`` is ignored, and a damaged file is an ``sqlite3.Error`` the caller can type.
Readers wait for a writer's commit (``BUSY_TIMEOUT_S``) instead of reading a snapshot; a store
left in WAL mode by an older version is switched back when nothing else has it open.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy as np

from ics_assistant.protocols import Vectors
from ics_assistant.types import Audience, Chunk, Document, DocumentMeta

__all__ = ["BUSY_TIMEOUT_S", "JOURNAL_MODE", "ChunkStore", "StoredDocument"]

JOURNAL_MODE = "delete"
BUSY_TIMEOUT_S = 10.0  # how long a reader waits for an ingest's commit (or a writer for readers)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, path TEXT, title TEXT, kind TEXT, date TEXT, audience TEXT,
    source TEXT, content_hash TEXT, fingerprint TEXT, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, section TEXT, audience TEXT,
    title TEXT, date TEXT, kind TEXT, sentences TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks (doc_id, seq);
CREATE TABLE IF NOT EXISTS vectors (
    chunk_id TEXT PRIMARY KEY, vector BLOB NOT NULL, sentence_vectors BLOB NOT NULL,
    n_sentences INTEGER NOT NULL
);
"""
_CHUNK_COLS = "chunk_id, doc_id, text, start_char, end_char, section, audience, title, date, kind, sentences"


@dataclass(frozen=True)
class StoredDocument:
    meta: DocumentMeta
    fingerprint: str
    chunk_count: int


def _chunk(row: sqlite3.Row | tuple[object, ...]) -> Chunk:
    r = tuple(row)
    return Chunk(
        chunk_id=str(r[0]),
        doc_id=str(r[1]),
        text=str(r[2]),
        start=int(cast(int, r[3])),
        end=int(cast(int, r[4])),
        section=str(r[5] or ""),
        audience=cast(Audience, r[6]),
        title=str(r[7] or ""),
        date=cast("str | None", r[8]),
        kind=str(r[9] or "other"),
        sentences=tuple((int(s), int(e)) for s, e in json.loads(str(r[10]))),
    )


class ChunkStore:
    """Thread-safe access to one SQLite file. Writers must hold the ingest lock."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
        )
        try:
            self._db.execute("PRAGMA mmap_size=0")
            self._rollback_journal()
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except BaseException:
            self._db.close()
            raise

    def _rollback_journal(self) -> None:
        """Leave WAL (a store written by an older version); kept as it is while another
        connection still has it open in WAL mode, and switched by the next lone opener."""
        try:
            self._db.execute(f"PRAGMA journal_mode={JOURNAL_MODE}").fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise

    @property
    def journal_mode(self) -> str:
        with self._lock:
            return str(self._db.execute("PRAGMA journal_mode").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- meta ---------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- documents and chunks -----------------------------------------------------------
    def fingerprints(self) -> dict[str, str]:
        with self._lock:
            rows = self._db.execute("SELECT doc_id, fingerprint FROM documents").fetchall()
        return {str(d): str(f) for d, f in rows}

    def documents(self) -> list[StoredDocument]:
        with self._lock:
            rows = self._db.execute(
                "SELECT d.doc_id, d.title, d.kind, d.date, d.audience, d.source, d.fingerprint, "
                "(SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.doc_id) FROM documents d ORDER BY d.doc_id"
            ).fetchall()
        return [
            StoredDocument(
                DocumentMeta(str(r[0]), str(r[1]), str(r[2]), r[3], cast(Audience, r[4]), str(r[5] or "")),
                str(r[6]),
                int(r[7]),
            )
            for r in rows
        ]

    def document_text(self, doc_id: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else str(row[0])

    def all_chunks(self) -> list[Chunk]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_CHUNK_COLS} FROM chunks ORDER BY doc_id, seq").fetchall()
        return [_chunk(r) for r in rows]

    def chunk_ids(self, doc_ids: Iterable[str] | None = None) -> set[str]:
        with self._lock:
            if doc_ids is None:
                rows = self._db.execute("SELECT chunk_id FROM chunks").fetchall()
            else:
                rows = []
                for d in doc_ids:
                    rows += self._db.execute("SELECT chunk_id FROM chunks WHERE doc_id = ?", (d,)).fetchall()
        return {str(r[0]) for r in rows}

    def replace_documents(
        self,
        updates: Sequence[tuple[Document, str, Sequence[Chunk]]],
        removed: Sequence[str],
    ) -> None:
        """In one transaction: write each (document, fingerprint, chunks) replacing its old
        chunks, and delete the removed documents with their chunks."""
        with self._lock:
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                for doc_id in [*removed, *(d.doc_id for d, _, _ in updates)]:
                    cur.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
                    cur.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
                for doc, fingerprint, chunks in updates:
                    m = doc.meta
                    cur.execute(
                        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (m.doc_id, doc.path, m.title, m.kind, m.date, m.audience, m.source,
                         doc.content_hash, fingerprint, doc.text),
                    )  # fmt: skip
                    cur.executemany(
                        "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [
                            (c.chunk_id, c.doc_id, seq, c.text, c.start, c.end, c.section, c.audience,
                             c.title, c.date, c.kind, json.dumps(c.sentences))
                            for seq, c in enumerate(chunks)
                        ],
                    )  # fmt: skip
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise

    def clear(self) -> None:
        with self._lock:
            self._db.executescript(
                "BEGIN; DELETE FROM chunks; DELETE FROM documents; DELETE FROM vectors; "
                "DELETE FROM meta; COMMIT;"
            )

    def chunk_set_fingerprint(self) -> str:
        """Changes whenever any chunk's id, text or audience changes (BM25 staleness check)."""
        h = hashlib.sha256()
        with self._lock:
            for cid, audience in self._db.execute("SELECT chunk_id, audience FROM chunks ORDER BY chunk_id"):
                h.update(f"{cid}\x00{audience}\n".encode())
        return h.hexdigest()

    # -- vectors ------------------------------------------------------------------------
    def vector_ids(self) -> set[str]:
        with self._lock:
            return {str(r[0]) for r in self._db.execute("SELECT chunk_id FROM vectors")}

    def put_vectors(self, ids: Sequence[str], vectors: Vectors, sentence_vectors: Sequence[Vectors]) -> None:
        rows = [
            (
                cid,
                np.asarray(v, dtype=np.float32).tobytes(),
                np.asarray(s, dtype=np.float16).tobytes(),
                len(s),
            )
            for cid, v, s in zip(ids, vectors, sentence_vectors, strict=True)
        ]
        with self._lock:
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                cur.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise

    def vectors(self, ids: Sequence[str]) -> Vectors:
        out: list[Vectors] = []
        with self._lock:
            for cid in ids:
                row = self._db.execute("SELECT vector FROM vectors WHERE chunk_id = ?", (cid,)).fetchone()
                if row is None:
                    raise KeyError(cid)
                out.append(np.frombuffer(row[0], dtype=np.float32))
        return np.stack(out) if out else np.zeros((0, 0), dtype=np.float32)

    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, Vectors]:
        out: dict[str, Vectors] = {}
        with self._lock:
            for cid in ids:
                row = self._db.execute(
                    "SELECT sentence_vectors, n_sentences FROM vectors WHERE chunk_id = ?", (cid,)
                ).fetchone()
                if row is None:
                    continue
                n = int(row[1])
                flat = np.frombuffer(row[0], dtype=np.float16).astype(np.float32)
                vecs = flat.reshape(n, -1) if n else flat.reshape(0, 0)
                norms = np.linalg.norm(vecs, axis=1, keepdims=True) if n else np.ones((0, 1), np.float32)
                out[cid] = (vecs / np.maximum(norms, 1e-12)).astype(np.float32)
        return out

    def drop_orphan_vectors(self) -> int:
        with self._lock:
            cur = self._db.execute("DELETE FROM vectors WHERE chunk_id NOT IN (SELECT chunk_id FROM chunks)")
            return int(cur.rowcount)

    def drop_all_vectors(self) -> None:
        with self._lock:
            self._db.execute("DELETE FROM vectors")
