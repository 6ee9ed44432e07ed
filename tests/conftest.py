"""Shared fixtures. Every test gets its own data dir; nothing touches the network."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from ics_assistant.config import Settings

from .fakes import FakeEmbedder, ScriptedChatModel

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No ICS_* setting leaks in from the developer's shell; data goes to a temp dir."""
    for key in list(os.environ):
        if key.startswith("ICS_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("ICS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ICS_CORPUS_DIR", str(CORPUS))
    # Starlette's TestClient sends "Host: testserver"; the server answers only to names it knows
    monkeypatch.setenv("ICS_ALLOWED_HOSTS", "localhost,127.0.0.1,::1,testserver")
    yield


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dir=CORPUS, _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def scripted_model() -> ScriptedChatModel:
    return ScriptedChatModel()
