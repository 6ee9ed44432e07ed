"""Hybrid retrieval: dense and BM25 candidates from the index, fused by reciprocal rank.

The audience goes to the index with every call: the index keeps a collection per audience, so
``public`` searches never see staff-only chunks and no query pays for a metadata filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from ics_assistant.config import Settings
from ics_assistant.errors import InputError
from ics_assistant.protocols import Embedder, SearchIndex, Vectors
from ics_assistant.retrieval.fusion import reciprocal_rank_fusion
from ics_assistant.types import AUDIENCES, Audience, Hit, audiences_for

__all__ = ["HybridRetriever", "Mode", "Retrieval"]

Mode = Literal["hybrid", "dense", "lexical"]


@dataclass(frozen=True)
class Retrieval:
    """The fused hits (best first) and the raw evidence the answerability check needs."""

    hits: tuple[Hit, ...]
    query_vector: Vectors
    top_dense_score: float  # best cosine among dense candidates (0.0 when there were none)


class HybridRetriever:
    """Dense + lexical candidates (``candidate_k`` each), fused, cut to ``top_k``."""

    def __init__(self, index: SearchIndex, embedder: Embedder, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.candidate_k = settings.candidate_k
        self.top_k = settings.top_k
        self.rrf_k = settings.rrf_k
        self.weights = (settings.rrf_dense_weight, settings.rrf_lexical_weight)

    def embed_query(self, text: str) -> Vectors:
        """The one model call per query: the question's vector, shape ``(dim,)``."""
        return np.asarray(self.embedder.embed([text])[0], dtype=np.float32)

    def retrieve(
        self,
        query: str,
        audience: Audience,
        *,
        vector: Vectors | None = None,
        mode: Mode = "hybrid",
        top_k: int | None = None,
        lexical_query: str | None = None,
    ) -> Retrieval:
        """``lexical_query`` (default ``query``) is what BM25 searches for: the assistant passes the
        question with its acronyms spelled out, so a passage that only says the long form is found."""
        if audience not in AUDIENCES:
            raise InputError(f"unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}")
        k = self.top_k if top_k is None else top_k
        qvec = self.embed_query(query) if vector is None else vector
        dense: list[tuple[str, float]] = []
        lexical: list[tuple[str, float]] = []
        if mode in ("hybrid", "dense"):
            dense = self.index.dense_search(audience, qvec, self.candidate_k)
        words = query if lexical_query is None else lexical_query
        if mode in ("hybrid", "lexical") and words.strip():
            lexical = self.index.lexical_search(audience, words, self.candidate_k)
        fused = reciprocal_rank_fusion(
            [[i for i, _ in dense], [i for i, _ in lexical]], k=self.rrf_k, weights=self.weights
        )[:k]
        dense_by_id = dict(dense)
        lexical_by_id = dict(lexical)
        chunks = {c.chunk_id: c for c in self.index.chunks([i for i, _ in fused])}
        hits: list[Hit] = []
        for chunk_id, score in fused:
            chunk = chunks.get(chunk_id)
            if chunk is None:  # the store and the search index disagree: skip rather than invent
                continue
            if audience not in audiences_for(chunk.audience):  # belt and braces over the collection split
                continue
            hits.append(
                Hit(
                    chunk=chunk,
                    score=score,
                    rank=len(hits) + 1,
                    dense_score=dense_by_id.get(chunk_id),
                    lexical_score=lexical_by_id.get(chunk_id),
                )
            )
        top_dense = max((s for _, s in dense), default=0.0)
        return Retrieval(hits=tuple(hits), query_vector=qvec, top_dense_score=float(top_dense))
