"""The server picks up a new ingest without a restart (api/reloading.py): a document moved
from public to staff stops being cited in public answers, while the embedder is kept."""

from __future__ import annotations

from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from ics_assistant.api.app import create_app
from ics_assistant.api.reloading import ReloadingAssistant
from ics_assistant.config import Settings
from ics_assistant.ingest.pipeline import run_ingest

from .fakes import FakeEmbedder
from .ingest_fixtures import copy_corpus, settings_for

DOC = "final-13-ics-areas-announcement"
QUESTION = "How many people do the final 13 areas serve?"


def _move_to_staff(corpus: Path, doc_id: str) -> None:
    manifest = corpus / "manifest.yaml"
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert data["documents"][doc_id]["audience"] == "public"
    data["documents"][doc_id]["audience"] = "staff"
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _cited(client: TestClient, **body: str) -> set[str]:
    resp = client.post("/api/chat", json={"message": QUESTION, **body})
    assert resp.status_code == 200, resp.text
    return {c["doc_id"] for c in resp.json()["citations"]}


def _server(settings: Settings, embedder: FakeEmbedder) -> tuple[TestClient, ReloadingAssistant]:
    assistant = ReloadingAssistant(settings, embedder)
    return TestClient(create_app(settings, assistant)), assistant


def test_public_answers_stop_citing_a_document_moved_to_staff(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, rate_limit=0, index_reload_s=0)
    embedder = FakeEmbedder()
    run_ingest(settings, embedder, progress=False)
    client, assistant = _server(settings, embedder)
    assert DOC in _cited(client)

    _move_to_staff(corpus, DOC)
    run_ingest(settings, embedder, progress=False)

    assert DOC not in _cited(client)
    assert assistant.reloads == 1
    assert (
        client.get("/api/health").json()["collections"]["public"]
        < client.get("/api/health").json()["collections"]["staff"]
    )


def test_no_reload_before_the_interval_and_none_without_a_new_ingest(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    embedder = FakeEmbedder()
    slow = settings_for(tmp_path, corpus, rate_limit=0, index_reload_s=3600)
    run_ingest(slow, embedder, progress=False)
    client, assistant = _server(slow, embedder)
    _move_to_staff(corpus, DOC)
    run_ingest(slow, embedder, progress=False)
    assert DOC in _cited(client)  # the check interval has not passed yet
    assert assistant.reloads == 0

    fast = settings_for(tmp_path, corpus, rate_limit=0, index_reload_s=0)
    client, assistant = _server(fast, embedder)
    _cited(client)
    _cited(client)
    assert assistant.reloads == 0  # the generation did not change


def test_serving_continues_after_a_rebuild_recreates_the_collections(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, rate_limit=0, index_reload_s=0)
    embedder = FakeEmbedder()
    run_ingest(settings, embedder, progress=False)
    client, assistant = _server(settings, embedder)
    assert DOC in _cited(client)
    run_ingest(settings, embedder, rebuild=True, progress=False)
    assert DOC in _cited(client)  # served from the new collections, not the deleted ones
    assert assistant.reloads == 1


def test_a_stream_in_flight_finishes_on_the_assistant_it_started_with(tmp_path: Path) -> None:
    from ics_assistant.types import Answer

    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, rate_limit=0, index_reload_s=0)
    embedder = FakeEmbedder()
    run_ingest(settings, embedder, progress=False)
    assistant = ReloadingAssistant(settings, embedder)
    stream = assistant.stream(QUESTION)
    first = next(stream)
    _move_to_staff(corpus, DOC)
    run_ingest(settings, embedder, progress=False)
    after = assistant.ask(QUESTION)  # reloads
    rest = list(stream)
    assert assistant.reloads == 1 and isinstance(first, str)
    (old,) = [item for item in rest if isinstance(item, Answer)]
    assert DOC in {c.doc_id for c in old.citations}
    assert DOC not in {c.doc_id for c in after.citations}
