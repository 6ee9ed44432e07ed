"""Builds the real assistant for the server: opens the index (ingesting the corpus first when
there is none, with progress in the log), reloads it after a new ingest, and reports index health."""

from __future__ import annotations

import logging

from ics_assistant.api.batching import BatchingEmbedder
from ics_assistant.api.service import AssistantLike, StatusProvider
from ics_assistant.config import Settings

__all__ = ["load_assistant"]

log = logging.getLogger(__name__)


def load_assistant(settings: Settings) -> tuple[AssistantLike, StatusProvider]:
    from ics_assistant.api.reloading import ReloadingAssistant
    from ics_assistant.backends.embedders import get_embedder
    from ics_assistant.index import index_exists
    from ics_assistant.ingest.pipeline import run_ingest

    if not index_exists(settings):
        log.info("No index in %s: ingesting the corpus in %s first.", settings.index_dir, settings.corpus_dir)
        report = run_ingest(settings, progress=True)
        log.info("Ingest finished: %s", report)
    # concurrent requests share forward passes of the embedding model (see api/batching.py);
    # a later ingest is picked up without a restart (see api/reloading.py)
    assistant = ReloadingAssistant(settings, BatchingEmbedder(get_embedder(settings)))
    log.info("Index loaded from %s.", settings.index_dir)
    return assistant, assistant.health
