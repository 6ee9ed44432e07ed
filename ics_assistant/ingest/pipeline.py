"""``run_ingest``: corpus -> cleaned documents -> chunks -> vectors -> Chroma + BM25.

Incremental by reconciliation. Each document has a fingerprint (its cleaned text, metadata,
chunking parameters and embedding model); only documents whose fingerprint changed are
re-chunked, and only chunk ids without a stored vector are embedded. Then every index is
made to match the chunk store, whatever state a previous (possibly killed) run left:

1. vectors are committed batch by batch while embedding (content-addressed by chunk id);
2. documents and chunks are replaced in one SQLite transaction;
3. each Chroma collection gets exactly the desired ids (missing added, stale deleted);
4. BM25 is rebuilt and published atomically whenever the chunk-set fingerprint changed.

A run killed at any point leaves the previous state or a state the next run completes,
never duplicates. One writer at a time (``ingest_lock``).
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

from ics_assistant.backends.bm25_index import Bm25Index, save_bm25, stored_fingerprint
from ics_assistant.backends.chroma_store import ChromaStore
from ics_assistant.config import Settings
from ics_assistant.errors import ConfigError, CorpusError
from ics_assistant.ingest.chunking import CHUNKER_VERSION, chunk_curated, chunk_document
from ics_assistant.ingest.cleaning import load_rules, rules_path_for
from ics_assistant.ingest.corpus import LoadedCorpus, SourceDoc, load_corpus
from ics_assistant.ingest.embedding import embed_missing
from ics_assistant.ingest.injection import injection_rule
from ics_assistant.ingest.lock import ingest_lock
from ics_assistant.ingest.report import IngestReport, quoted
from ics_assistant.protocols import Embedder, TokenCounter
from ics_assistant.store import ChunkStore, store_path
from ics_assistant.types import AUDIENCES, Chunk, audiences_for

__all__ = ["IngestReport", "bm25_dir", "run_ingest"]

META_EMBEDDER = "embedder"
META_LAST_INGEST = "last_ingest"
META_CHUNK_FINGERPRINT = "chunk_fingerprint"
META_CORPUS_DIR = "corpus_dir"


def bm25_dir(settings: Settings) -> Path:
    return settings.index_dir / "lexical"


class _LazyEmbedder:
    """The embedder, loaded only when something must be chunked or embedded."""

    def __init__(self, settings: Settings, embedder: Embedder | None) -> None:
        self._settings = settings
        self._embedder = embedder
        self.name = embedder.name if embedder is not None else settings.embedding_model

    def get(self) -> Embedder:
        if self._embedder is None:
            from ics_assistant.backends.embedders import get_embedder

            self._embedder = get_embedder(self._settings)
        return self._embedder

    def counter(self) -> TokenCounter:
        emb = self.get()
        if not isinstance(emb, TokenCounter):
            raise ConfigError(f"embedder {emb.name!r} cannot count tokens, so chunks cannot be sized")
        return emb


def _chunk(sd: SourceDoc, counter: TokenCounter, settings: Settings) -> list[Chunk]:
    if sd.entries is not None:
        return chunk_curated(
            sd.document, sd.entries, counter, settings.chunk_max_tokens, settings.chunk_overlap_sentences
        )
    return chunk_document(sd.document, counter, settings.chunk_max_tokens, settings.chunk_overlap_sentences)


def _reconcile_chroma(
    chroma: ChromaStore, store: ChunkStore, chunks: Sequence[Chunk], embedder_name: str
) -> int:
    """Make each audience collection hold exactly its chunks. Returns the number of changes."""
    changes = 0
    for audience in AUDIENCES:
        desired = {c.chunk_id: c.doc_id for c in chunks if audience in audiences_for(c.audience)}
        chroma.collection(audience, embedder_name)
        existing = chroma.ids(audience)
        stale = sorted(existing - desired.keys())
        missing = sorted(desired.keys() - existing)
        if stale:
            chroma.delete(audience, stale)
        if missing:
            chroma.add(audience, missing, store.vectors(missing), [desired[i] for i in missing])
        changes += len(stale) + len(missing)
    return changes


def _rebuild_lexical(settings: Settings, store: ChunkStore, chunks: Sequence[Chunk]) -> tuple[str, bool]:
    fingerprint = store.chunk_set_fingerprint()
    if stored_fingerprint(bm25_dir(settings)) == fingerprint:
        return fingerprint, False
    indexes: dict[str, Bm25Index] = {}
    for audience in AUDIENCES:
        mine = [c for c in chunks if audience in audiences_for(c.audience)]
        indexes[audience] = Bm25Index.build(
            [c.chunk_id for c in mine], [f"{c.section}\n{c.text}" for c in mine]
        )
    save_bm25(bm25_dir(settings), fingerprint, indexes)
    return fingerprint, True


def _classify(
    loaded: LoadedCorpus, old: dict[str, str], params: tuple[object, ...], report: IngestReport
) -> list[tuple[SourceDoc, str]]:
    changed: list[tuple[SourceDoc, str]] = []
    for sd in loaded.docs:
        fp = sd.fingerprint(*params)
        if old.get(sd.doc_id) == fp:
            report.unchanged.append(sd.doc_id)
            continue
        (report.updated if sd.doc_id in old else report.added).append(sd.doc_id)
        changed.append((sd, fp))
    present = {sd.doc_id for sd in loaded.docs} | loaded.failed_doc_ids
    report.removed.extend(sorted(d for d in old if d not in present))
    return changed


def _wipe(settings: Settings, store: ChunkStore, chroma: ChromaStore) -> None:
    store.clear()
    chroma.drop_all()
    shutil.rmtree(bm25_dir(settings), ignore_errors=True)


def run_ingest(
    settings: Settings,
    embedder: Embedder | None = None,
    *,
    corpus_dir: Path | None = None,
    rebuild: bool = False,
    strict: bool = False,
    progress: bool = True,
) -> IngestReport:
    """Bring the index up to date with the corpus. See the module docstring."""
    started = time.perf_counter()
    corpus = corpus_dir or settings.corpus_dir
    report = IngestReport(index_dir=str(settings.index_dir))
    with ingest_lock(settings.index_dir):
        loaded = load_corpus(
            corpus,
            load_rules(rules_path_for(corpus)),
            settings.max_file_bytes,
            max_unpacked=settings.max_unpacked_bytes,
        )
        report.failed = [(e.path, e.reason) for e in loaded.failures]
        report.ignored = loaded.ignored
        if strict and loaded.failures:
            raise CorpusError(
                "strict mode: nothing was ingested because some files could not be read:\n"
                + "\n".join(f"  {quoted(e.path)}: {quoted(e.reason)}" for e in loaded.failures)
            )
        lazy = _LazyEmbedder(settings, embedder)
        store = ChunkStore(store_path(settings))
        try:
            chroma = ChromaStore(settings)
            if rebuild or store.get_meta(META_EMBEDDER) not in (None, lazy.name):
                _wipe(settings, store, chroma)
            store.set_meta(META_EMBEDDER, lazy.name)
            params = (CHUNKER_VERSION, settings.chunk_max_tokens, settings.chunk_overlap_sentences, lazy.name)
            changed = _classify(loaded, store.fingerprints(), params, report)
            updates = [(sd.document, fp, _chunk(sd, lazy.counter(), settings)) for sd, fp in changed]

            # 1. vectors for every wanted chunk that has none yet
            kept = store.chunk_ids(report.unchanged + sorted(loaded.failed_doc_ids))
            wanted = {c.chunk_id: c for _, _, cs in updates for c in cs}
            have = store.vector_ids()
            old_missing = kept - have
            todo = [c for cid, c in wanted.items() if cid not in have]
            if old_missing:  # vectors lost from an earlier interrupted run
                todo += [c for c in store.all_chunks() if c.chunk_id in old_missing]
            if todo:
                report.embedded = embed_missing(
                    lazy.get(), todo, store, settings.embedding_batch_size, progress
                )
            # 2. chunk records, in one transaction
            if updates or report.removed:
                store.replace_documents(updates, report.removed)
            # 3. and 4. indexes follow the store
            chunks = store.all_chunks()
            report.repaired = _reconcile_chroma(chroma, store, chunks, lazy.name)
            fingerprint, report.lexical_rebuilt = _rebuild_lexical(settings, store, chunks)
            store.drop_orphan_vectors()
            store.set_meta(META_CHUNK_FINGERPRINT, fingerprint)
            store.set_meta(META_CORPUS_DIR, str(corpus))
            store.set_meta(META_LAST_INGEST, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
            report.chunk_count = len(chunks)
            report.flagged = [(c.doc_id, c.start, r) for c in chunks if (r := injection_rule(c.text))]
        finally:
            store.close()
    report.seconds = time.perf_counter() - started
    return report
