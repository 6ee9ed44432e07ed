"""The built index, read side: Chroma (dense) + bm25s (lexical) + the local chunk store.

``Index.open(settings)`` implements ``SearchIndex``. It raises ``IndexNotBuiltError`` when
nothing was ingested, and ``IndexStateError`` when Chroma does not hold what the chunk store
says (an interrupted ingest: running ``ics-assistant ingest`` again completes it). A stale
or missing lexical index is rebuilt in memory from the chunk store, so BM25 always covers
exactly the chunks Chroma holds.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ics_assistant.backends.bm25_index import Bm25Index, load_bm25
from ics_assistant.backends.chroma_store import ChromaStore
from ics_assistant.config import Settings
from ics_assistant.errors import IndexNotBuiltError, IndexStateError
from ics_assistant.ingest.injection import flag_chunks
from ics_assistant.ingest.pipeline import (
    META_CORPUS_DIR,
    META_EMBEDDER,
    META_LAST_INGEST,
    bm25_dir,
)
from ics_assistant.protocols import Vectors
from ics_assistant.store import ChunkStore, store_path
from ics_assistant.types import AUDIENCES, Chunk, DocumentMeta, audiences_for

__all__ = ["Index", "index_exists"]

log = logging.getLogger(__name__)


@contextmanager
def store_errors() -> Iterator[None]:
    """A damaged chunk store (truncated or garbled SQLite file) as a typed ``IndexStateError``."""
    try:
        yield
    except sqlite3.Error as exc:
        log.error("the chunk store cannot be read: %s", exc)
        raise IndexStateError(
            f"the index's chunk store cannot be read ({exc}): "
            "rebuild it with `ics-assistant ingest --rebuild`"
        ) from exc


def index_exists(settings: Settings) -> bool:
    """True when an ingest has completed into ``settings.index_dir``."""
    path = store_path(settings)
    if not path.is_file():
        return False
    with store_errors():
        store = ChunkStore(path)
        try:
            return store.get_meta(META_LAST_INGEST) is not None
        finally:
            store.close()


def _check_audience(audience: str) -> str:
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {AUDIENCES}, got {audience!r}")
    return audience


class Index:
    """Implements ``SearchIndex``; also ``documents()`` and ``stats()``. Thread-safe reads."""

    def __init__(self, settings: Settings, store: ChunkStore, chroma: ChromaStore) -> None:
        self.settings = settings
        self._store = store
        self._chroma = chroma
        self._chunks: dict[str, Chunk] = {c.chunk_id: c for c in store.all_chunks()}
        self._by_doc: dict[str, list[Chunk]] = {}  # each document's chunks in reading order
        for chunk in sorted(self._chunks.values(), key=lambda c: (c.doc_id, c.start)):
            self._by_doc.setdefault(chunk.doc_id, []).append(chunk)
        # passages addressing an AI (ingest/injection.py): never retrieved for the public
        self._flagged: dict[str, str] = flag_chunks(self._chunks.values())
        self._lexical = self._load_lexical()
        self._lock = threading.Lock()
        self._sizes: dict[str, int] = {}

    @classmethod
    def open(cls, settings: Settings) -> Index:
        if not index_exists(settings):
            raise IndexNotBuiltError(
                f"no index in {settings.index_dir}: run `ics-assistant ingest` to build it from the corpus"
            )
        with store_errors():
            store = ChunkStore(store_path(settings))
            try:
                index = cls(settings, store, ChromaStore(settings))
                index._check_dense()
            except BaseException:
                store.close()  # an index that cannot be served must not keep its SQLite file open
                raise
        return index

    def close(self) -> None:
        self._store.close()

    # -- consistency ------------------------------------------------------------------
    def _wanted(self, audience: str) -> list[Chunk]:
        return [c for c in self._chunks.values() if audience in audiences_for(c.audience)]

    def _check_dense(self) -> None:
        for audience in AUDIENCES:
            expected, actual = len(self._wanted(audience)), self._chroma.count(audience)
            self._sizes[audience] = actual
            if expected != actual:
                raise IndexStateError(
                    f"the {audience} vector collection holds {actual} chunks but the index has {expected} "
                    "(an ingest was interrupted?): run `ics-assistant ingest` to complete it"
                )

    def _load_lexical(self) -> dict[str, Bm25Index]:
        # the fingerprint of the chunks actually stored, not the one the last finished ingest
        # recorded: an ingest killed after committing chunks but before saving BM25 leaves the
        # old BM25 and the old recorded fingerprint agreeing with each other, both stale
        fingerprint = self._store.chunk_set_fingerprint()
        loaded = load_bm25(bm25_dir(self.settings), AUDIENCES)
        if loaded is not None and loaded[0] == fingerprint:
            return loaded[1]
        log.warning("lexical index is missing or stale; rebuilding it in memory from the chunk store")
        out: dict[str, Bm25Index] = {}
        for audience in AUDIENCES:
            mine = self._wanted(audience)
            out[audience] = Bm25Index.build(
                [c.chunk_id for c in mine], [f"{c.section}\n{c.text}" for c in mine]
            )
        return out

    # -- SearchIndex ------------------------------------------------------------------
    def _unflagged(
        self, audience: str, k: int, search: Callable[[int], list[tuple[str, float]]]
    ) -> list[tuple[str, float]]:
        if audience != "public" or not self._flagged:
            return search(k)
        found = search(k + len(self._flagged))
        return [(cid, score) for cid, score in found if cid not in self._flagged][:k]

    def dense_search(self, audience: str, vector: Vectors, k: int) -> list[tuple[str, float]]:
        size = self._sizes.get(_check_audience(audience))
        return self._unflagged(audience, k, lambda n: self._chroma.search(audience, vector, n, size=size))

    def lexical_search(self, audience: str, query: str, k: int) -> list[tuple[str, float]]:
        lexical = self._lexical[_check_audience(audience)]
        with self._lock:
            return self._unflagged(audience, k, lambda n: lexical.search(query, n))

    def flagged(self) -> dict[str, str]:
        """Chunk id -> injection rule, for chunks that address an AI (the maintainers' view)."""
        return dict(self._flagged)

    def chunks(self, chunk_ids: Sequence[str]) -> list[Chunk]:
        """Chunks for the ids, in the given order (unknown ids are left out)."""
        return [self._chunks[i] for i in chunk_ids if i in self._chunks]

    def sentence_vectors(self, chunk_ids: Sequence[str]) -> dict[str, Vectors]:
        with store_errors():
            return self._store.sentence_vectors(chunk_ids)

    def document_text(self, doc_id: str) -> str:
        with store_errors():
            text = self._store.document_text(doc_id)
        if text is None:
            raise KeyError(f"unknown document {doc_id!r}")
        return text

    def document_chunks(self, audience: str, doc_id: str) -> list[Chunk]:
        """The document's chunks that ``audience`` may see, in reading order (none when it may see
        none of them; chunks flagged as addressing an AI are left out for the public)."""
        _check_audience(audience)
        hidden = self._flagged if audience == "public" else {}
        return [
            c
            for c in self._by_doc.get(doc_id, ())
            if audience in audiences_for(c.audience) and c.chunk_id not in hidden
        ]

    # -- extras -----------------------------------------------------------------------
    def all_chunks(self) -> list[Chunk]:
        return list(self._chunks.values())

    def documents(self) -> list[DocumentMeta]:
        with store_errors():
            return [d.meta for d in self._store.documents()]

    def stats(self) -> dict[str, Any]:
        with store_errors():
            return self._stats()

    def _stats(self) -> dict[str, Any]:
        docs = self._store.documents()
        return {
            "documents": len(docs),
            "chunks": len(self._chunks),
            "chunks_per_document": {d.meta.doc_id: d.chunk_count for d in docs},
            "collections": {a: self._chroma.count(a) for a in AUDIENCES},
            "index_location": str(self.settings.index_dir),
            "vector_store": self._chroma.location,
            "embedding_model": self._store.get_meta(META_EMBEDDER),
            "corpus_dir": self._store.get_meta(META_CORPUS_DIR),
            "last_ingest": self._store.get_meta(META_LAST_INGEST),
        }
