"""Passages an answer reads beyond those retrieved, from the index: a list read whole when it runs
past its passage (``list_run.py``), the rest of the lead passage's document for a question in parts
(where a second detail about the same subject is most often written), and a document's numbered
headings for a list question (``outline.py``). ``Assistant.prepare`` calls them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.evidence import Pool, score_sentences
from ics_assistant.answering.extractive import Composition
from ics_assistant.answering.lexicon import Lexicon
from ics_assistant.answering.list_run import join, may_run_on, window
from ics_assistant.answering.outline import compose_series, find_series, list_intro
from ics_assistant.answering.question import QuestionInfo
from ics_assistant.protocols import Embedder, SearchIndex, Vectors
from ics_assistant.types import Audience, Chunk, Hit

__all__ = ["OUTLINE_DOCS", "more_hits", "outline_list", "part_pools", "whole_lists"]

OUTLINE_DOCS = 3  # a list question may be answered from the outline of one of its top documents


def part_pools(
    index: SearchIndex,
    embedder: Embedder,
    lexicon: Lexicon,
    parts: Sequence[str],
    infos: Sequence[QuestionInfo],
    hits: Sequence[Hit],
    vectors: dict[str, Vectors],
    audience: Audience,
) -> tuple[list[Pool], list[Hit]]:
    """Evidence for each part of a question in parts ("when does it open, and what are its
    hours?"): each part is scored by its own meaning (embedded by itself, all parts in one call),
    over the retrieved passages and the rest of the lead passage's document, where a second detail
    about the same subject is most often written (the question's words found one part's answer,
    not always the other's). Returns the pools and the hits added from that document."""
    more = more_hits(index, hits, index.document_chunks(audience, hits[0].chunk.doc_id), vectors)
    part_vectors = embedder.embed([lexicon.spell_out(p) for p in parts])
    candidates = [*hits, *more]
    pools = [
        score_sentences(info, candidates, vectors, np.asarray(v, dtype=np.float32))
        for info, v in zip(infos, part_vectors, strict=True)
    ]
    return pools, more


def more_hits(
    index: SearchIndex, hits: Sequence[Hit], chunks: Sequence[Chunk], vectors: dict[str, Vectors]
) -> list[Hit]:
    """``chunks`` not already among ``hits``, each once and in order, as further hits ranked after
    them; their sentence vectors are added to ``vectors``."""
    seen = {h.chunk.chunk_id for h in hits}
    rest = list({c.chunk_id: c for c in chunks if c.chunk_id not in seen}.values())
    if rest:
        vectors.update(index.sentence_vectors([c.chunk_id for c in rest]))
    return [Hit(chunk=c, score=0.0, rank=len(hits) + 1 + i) for i, c in enumerate(rest)]


def whole_lists(
    index: SearchIndex, hits: Sequence[Hit], vectors: dict[str, Vectors], audience: Audience
) -> tuple[Hit, ...]:
    """The retrieved passages, each whose list runs past it read joined with the passages that list
    runs over (``answering/list_run.py``), in the first one's place; their sentence vectors are
    added to ``vectors`` under the joined passage's id."""
    out = list(hits)
    documents: dict[str, list[Chunk]] = {}
    for hit in hits:
        chunk = hit.chunk
        if chunk.chunk_id not in {h.chunk.chunk_id for h in out} or not may_run_on(chunk):
            continue  # already read into a joined passage, or no list runs past it
        if chunk.doc_id not in documents:
            documents[chunk.doc_id] = index.document_chunks(audience, chunk.doc_id)
        found = window(chunk, documents[chunk.doc_id])
        if found is None:
            continue
        first, more = found
        ids = [first.chunk_id, *(c.chunk_id for c in more)]
        joined, both = join(first, more, {**vectors, **index.sentence_vectors(ids)})
        if both is not None:
            vectors[joined.chunk_id] = both
        at = next(i for i, h in enumerate(out) if h.chunk.chunk_id == chunk.chunk_id)
        out = [h for h in out if h.chunk.chunk_id not in ids]
        out.insert(min(at, len(out)), replace(hit, chunk=joined))
    return tuple(out)


def outline_list(
    index: SearchIndex,
    info: QuestionInfo,
    comp: Composition,
    hits: Sequence[Hit],
    vectors: dict[str, Vectors],
    audience: Audience,
    query_vector: Vectors,
    max_items: int,
) -> tuple[Pool, Composition, list[Hit]] | None:
    """A list question whose list is a retrieved document's numbered headings ("Priority 1: ..."
    to "Priority 5: ...", see ``answering/outline.py``): that list, unless the reply already
    quotes a list whose intro names what the series is named by."""
    for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits[:OUTLINE_DOCS]):
        found = find_series(info, index.document_chunks(audience, doc_id))
        if found is None:
            continue
        series, named = found
        if comp.is_list and named & set(content_terms(list_intro(comp))):
            return None
        lines = [*series.items, *([series.intro] if series.intro else [])]
        more = more_hits(index, hits, [ln.chunk for ln in lines], vectors)
        outline_pool = score_sentences(info, [*hits, *more], vectors, query_vector)
        return (
            outline_pool,
            compose_series(outline_pool, series, max_items=max_items),
            more,
        )
    return None
