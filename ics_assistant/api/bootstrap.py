"""Builds the real assistant for the server: opens the index (ingesting the corpus first when
there is none, with progress in the log) and reports index health."""

from __future__ import annotations

import logging
from typing import Any

from ics_assistant.api.batching import BatchingEmbedder
from ics_assistant.api.service import AssistantLike, StatusProvider
from ics_assistant.config import Settings

__all__ = ["load_assistant"]

log = logging.getLogger(__name__)


def load_assistant(settings: Settings) -> tuple[AssistantLike, StatusProvider]:
    from ics_assistant.assistant import build_assistant
    from ics_assistant.backends.embedders import get_embedder
    from ics_assistant.index import Index, index_exists
    from ics_assistant.ingest.pipeline import run_ingest

    if not index_exists(settings):
        log.info("No index in %s: ingesting the corpus in %s first.", settings.index_dir, settings.corpus_dir)
        report = run_ingest(settings, progress=True)
        log.info("Ingest finished: %s", report)
    index = Index.open(settings)
    # concurrent requests share forward passes of the embedding model (see api/batching.py)
    assistant = build_assistant(settings, index=index, embedder=BatchingEmbedder(get_embedder(settings)))
    log.info("Index loaded from %s.", settings.index_dir)

    def status() -> dict[str, Any]:
        stats = index.stats()  # paths stay out: this endpoint is public
        return {
            "index_loaded": True,
            **{
                k: stats.get(k)
                for k in ("documents", "chunks", "collections", "embedding_model", "last_ingest")
            },
        }

    return assistant, status
