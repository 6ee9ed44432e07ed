"""Fixtures and helpers for the ingest tests (imported by tests/test_ingest*.py and friends)."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from ics_assistant.backends.embedders import SentenceTransformerEmbedder, get_embedder
from ics_assistant.config import Settings
from ics_assistant.protocols import Vectors

from .conftest import CORPUS
from .fakes import FakeEmbedder

__all__ = ["FailingEmbedder", "copy_corpus", "real_embedder", "settings_for"]


@pytest.fixture(scope="session")
def real_embedder() -> SentenceTransformerEmbedder:
    """The real all-MiniLM-L6-v2 embedder, loaded once per test session."""
    return get_embedder(Settings(_env_file=None))  # type: ignore[call-arg]


def copy_corpus(dest: Path) -> Path:
    """A writable copy of the project corpus (documents, manifest, curated FAQ)."""
    shutil.copytree(CORPUS, dest)
    return dest


def settings_for(tmp_path: Path, corpus: Path, **overrides: object) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dir=corpus, _env_file=None, **overrides)  # type: ignore[call-arg]


def ingested_copy(tmp_path: Path) -> Settings:
    """Settings over a copy of the project corpus, ingested with the fake embedder."""
    from ics_assistant.ingest.pipeline import run_ingest

    settings = settings_for(tmp_path, copy_corpus(tmp_path / "corpus"))
    run_ingest(settings, FakeEmbedder(), progress=False)
    return settings


class FailingEmbedder(FakeEmbedder):
    """Behaves like ``FakeEmbedder`` but raises on the ``fail_on``-th batch (1-based): a crash
    in the middle of embedding, after earlier batches were already written."""

    def __init__(self, fail_on: int) -> None:
        super().__init__()
        self.fail_on = fail_on

    def embed_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[Vectors, list[Vectors]]:
        if len(self.calls) + 1 == self.fail_on:
            self.calls.append(-1)
            raise RuntimeError("simulated crash during embedding")
        return super().embed_with_spans(texts, spans)
