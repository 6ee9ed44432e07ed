"""Chroma vector store: one collection per audience, cosine space, precomputed embeddings only.

Embedded (``PersistentClient`` under ``settings.index_dir / "chroma"``) by default; a Chroma
server through ``HttpClient`` when ``settings.chroma_host``/``chroma_port`` are set. Chroma's
default embedding function (which would download a model) is never used: every collection is
created with ``embedding_function=None`` and always receives vectors.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

from ics_assistant.config import Settings, quiet_third_parties
from ics_assistant.errors import BackendError
from ics_assistant.protocols import Vectors
from ics_assistant.types import AUDIENCES

__all__ = ["ChromaStore", "collection_name"]

_WRITE_BATCH = 1000


def collection_name(settings: Settings, audience: str) -> str:
    return f"{settings.collection_prefix}_{audience}"


def _backend_errors() -> tuple[type[BaseException], ...]:
    """What a Chroma call raises when the store or server is unusable."""
    import httpx
    from chromadb.errors import ChromaError

    return (ChromaError, httpx.TransportError, ConnectionError, OSError)


def _client(settings: Settings) -> Any:
    quiet_third_parties()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_host or settings.chroma_port:
            return chromadb.HttpClient(
                host=settings.chroma_host or "localhost",
                port=settings.chroma_port or 8000,
                settings=chroma_settings,
            )
        path = settings.index_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except (ValueError, *_backend_errors()) as exc:  # type: ignore[misc]  # garbled chroma.sqlite3
        raise BackendError(f"cannot open the Chroma store: {exc}") from exc


class ChromaStore:
    """The dense side of the index. ``location`` says where it lives (for ``stats``)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = _client(settings)
        if settings.chroma_host or settings.chroma_port:
            self.location = f"http://{settings.chroma_host or 'localhost'}:{settings.chroma_port or 8000}"
        else:
            self.location = str(settings.index_dir / "chroma")
        self._collections: dict[str, Any] = {}

    @contextmanager
    def _backend(self, action: str) -> Iterator[None]:
        """Turn a failing Chroma call into a ``BackendError`` that says where and what to check."""
        try:
            yield
        except _backend_errors() as exc:
            if self.settings.chroma_host or self.settings.chroma_port:
                hint = "is the Chroma server running and reachable (ICS_CHROMA_HOST / ICS_CHROMA_PORT)?"
            else:
                hint = "is the index directory readable and writable, and not in use by another Chroma?"
            raise BackendError(
                f"Chroma store at {self.location} failed while {action}: {exc} ({hint})"
            ) from exc

    def _configuration(self) -> dict[str, Any]:
        s = self.settings
        return {
            "hnsw": {
                "space": "cosine",
                "ef_construction": s.hnsw_ef_construction,
                "ef_search": s.hnsw_ef_search,
                "max_neighbors": s.hnsw_max_neighbors,
            }
        }

    def collection(self, audience: str, embedder_name: str | None = None) -> Any:
        """The audience's collection, created if missing. A collection built with another
        embedding model is dropped and recreated (its vectors are not comparable)."""
        if audience in self._collections:
            return self._collections[audience]
        name = collection_name(self.settings, audience)
        with self._backend(f"opening collection {name}"):
            col = self.client.get_or_create_collection(
                name,
                configuration=self._configuration(),
                metadata={"embedder": embedder_name or ""},
                embedding_function=None,
            )
            stored = (col.metadata or {}).get("embedder") or ""
            if embedder_name and stored and stored != embedder_name:
                self.client.delete_collection(name)
                col = self.client.get_or_create_collection(
                    name,
                    configuration=self._configuration(),
                    metadata={"embedder": embedder_name},
                    embedding_function=None,
                )
        self._collections[audience] = col
        return col

    def existing(self, audience: str) -> Any | None:
        """The collection if it exists (never creates one)."""
        if audience in self._collections:
            return self._collections[audience]
        name = collection_name(self.settings, audience)
        with self._backend(f"looking up collection {name}"):
            names = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
            if name not in names:
                return None
            col = self.client.get_collection(name, embedding_function=None)
        self._collections[audience] = col
        return col

    def ids(self, audience: str) -> set[str]:
        col = self.existing(audience)
        if col is None:
            return set()
        with self._backend(f"listing the {audience} chunk ids"):
            return set(col.get(include=[])["ids"])

    def count(self, audience: str) -> int:
        col = self.existing(audience)
        if col is None:
            return 0
        with self._backend(f"counting the {audience} chunks"):
            return int(col.count())

    def add(self, audience: str, ids: Sequence[str], vectors: Vectors, doc_ids: Sequence[str]) -> None:
        col = self.collection(audience)
        with self._backend(f"writing {len(ids)} {audience} vectors"):
            for i in range(0, len(ids), _WRITE_BATCH):
                sl = slice(i, i + _WRITE_BATCH)
                col.upsert(
                    ids=list(ids[sl]),
                    embeddings=np.asarray(vectors[sl], dtype=np.float32),
                    metadatas=[{"doc_id": d} for d in doc_ids[sl]],
                )

    def delete(self, audience: str, ids: Sequence[str]) -> None:
        col = self.existing(audience)
        if col is None:
            return
        with self._backend(f"deleting {len(ids)} {audience} vectors"):
            for i in range(0, len(ids), _WRITE_BATCH):
                col.delete(ids=list(ids[i : i + _WRITE_BATCH]))

    def drop_all(self) -> None:
        for audience in AUDIENCES:
            if self.existing(audience) is not None:
                with self._backend(f"dropping the {audience} collection"):
                    self.client.delete_collection(collection_name(self.settings, audience))
            self._collections.pop(audience, None)

    def search(
        self, audience: str, vector: Vectors, k: int, *, size: int | None = None
    ) -> list[tuple[str, float]]:
        """Top ``k`` chunk ids with cosine similarity (higher is better). ``size``: the
        collection's known size (saves a count round trip per query)."""
        col = self.existing(audience)
        if col is None or k <= 0:
            return []
        n = min(k, self.count(audience) if size is None else size)
        if n == 0:
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        try:
            result = col.query(query_embeddings=query, n_results=n, include=["distances"])
        except _backend_errors() as exc:
            raise BackendError(f"vector search failed ({self.location}): {exc}") from exc
        ids = result["ids"][0]
        distances = result["distances"][0] if result.get("distances") else [1.0] * len(ids)
        return [(cid, 1.0 - float(d)) for cid, d in zip(ids, distances, strict=True)]
