"""Embedding step: vectors for chunks (and their sentences), saved batch by batch.

Each batch is committed to the chunk store as soon as it is embedded, so an interrupted
ingest keeps its work and the next run embeds only what is still missing.
"""

from __future__ import annotations

from collections.abc import Sequence

from ics_assistant.ingest.chunking import embedding_text
from ics_assistant.protocols import Embedder, SpanEmbedder, Vectors
from ics_assistant.store import ChunkStore
from ics_assistant.types import Chunk

__all__ = ["embed_batch", "embed_missing"]


def embed_batch(embedder: Embedder, chunks: Sequence[Chunk]) -> tuple[Vectors, list[Vectors]]:
    """Chunk vectors and per-sentence vectors; one pass when the embedder supports spans."""
    texts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    for c in chunks:
        text, offset = embedding_text(c)
        texts.append(text)
        spans.append([(offset + s, offset + e) for s, e in c.sentences])
    if isinstance(embedder, SpanEmbedder):
        return embedder.embed_with_spans(texts, spans)
    vectors = embedder.embed(texts)
    sentences = [t[s:e] for t, sp in zip(texts, spans, strict=True) for s, e in sp]
    flat = embedder.embed(sentences)
    per: list[Vectors] = []
    pos = 0
    for sp in spans:
        per.append(flat[pos : pos + len(sp)])
        pos += len(sp)
    return vectors, per


def embed_missing(
    embedder: Embedder, chunks: Sequence[Chunk], store: ChunkStore, batch_size: int, progress: bool
) -> int:
    """Embed the chunks (longest first, as ``encode`` batches) and store the vectors."""
    if not chunks:
        return 0
    from tqdm import tqdm

    todo = sorted(chunks, key=lambda c: -len(c.text))
    with tqdm(total=len(todo), unit="chunk", desc="Embedding", disable=not progress, leave=False) as bar:
        for i in range(0, len(todo), batch_size):
            batch = todo[i : i + batch_size]
            vectors, sentence_vectors = embed_batch(embedder, batch)
            store.put_vectors([c.chunk_id for c in batch], vectors, sentence_vectors)
            bar.update(len(batch))
    return len(todo)
