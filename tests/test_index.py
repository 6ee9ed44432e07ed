"""Index faults are typed errors (503 over HTTP, no paths); a stale BM25 is never served."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ics_assistant.api.app import create_app
from ics_assistant.api.reloading import ReloadingAssistant
from ics_assistant.config import Settings
from ics_assistant.errors import BackendError, IndexStateError
from ics_assistant.index import Index
from ics_assistant.ingest.pipeline import META_CHUNK_FINGERPRINT, run_ingest
from ics_assistant.store import ChunkStore, store_path

from .fakes import FakeEmbedder
from .ingest_fixtures import copy_corpus, ingested_copy, settings_for


@pytest.fixture
def cfg(tmp_path: Path) -> Settings:
    return ingested_copy(tmp_path)


def test_a_truncated_chunk_store_is_a_typed_error(cfg: Settings) -> None:
    path = store_path(cfg)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    for name in ("-wal", "-shm"):
        Path(str(path) + name).unlink(missing_ok=True)
    with pytest.raises(IndexStateError, match="ingest --rebuild"):
        Index.open(cfg)


def test_a_garbled_chroma_store_is_a_typed_error(cfg: Settings) -> None:
    chroma_db = cfg.index_dir / "chroma" / "chroma.sqlite3"
    data = bytearray(chroma_db.read_bytes())
    for i in range(200, len(data), 97):
        data[i] = (data[i] * 31 + 7) % 256
    chroma_db.write_bytes(bytes(data))
    with pytest.raises((BackendError, IndexStateError)):
        Index.open(cfg)


def test_a_damaged_index_answers_503_without_paths(cfg: Settings) -> None:
    served = ReloadingAssistant(cfg, FakeEmbedder(), factory=lambda s, index: _Stub(index))
    path = store_path(cfg)
    with TestClient(create_app(cfg, served, status=served.health)) as client:
        assert client.get("/api/health").status_code == 200
        path.write_bytes(path.read_bytes()[:4096])  # truncated under the running server
        for r in (client.get("/api/health"), client.post("/api/chat", json={"message": "ICS boards?"})):
            assert r.status_code == 503, r.text
            body = r.json()["error"]
            assert body["code"] == "index_unavailable"
            assert str(cfg.data_dir) not in r.text and "/" not in body["message"].replace("n/a", "")


class _Stub:
    """An assistant whose every answer reads the chunk store (as the real one does)."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def ask(self, question: str, history: Any = (), audience: Any = "public") -> Any:
        self.index.documents()
        raise AssertionError("unreachable: the store is damaged")

    def stream(self, question: str, history: Any = (), audience: Any = "public") -> Any:
        self.index.documents()
        yield from ()


def test_an_ingest_killed_before_bm25_was_saved_leaves_no_stale_lexical_index(cfg: Settings) -> None:
    lexical = cfg.index_dir / "lexical"
    saved = cfg.index_dir.parent / "lexical-before"
    shutil.copytree(lexical, saved)
    store = ChunkStore(store_path(cfg))
    old_fingerprint = store.get_meta(META_CHUNK_FINGERPRINT)
    store.close()
    corpus = Path(cfg.corpus_dir)
    (corpus / "ics-faq.txt").write_text(
        (corpus / "ics-faq.txt").read_text(encoding="utf-8") + "\n\nQuokka brigades now staff every hub.\n",
        encoding="utf-8",
    )
    run_ingest(cfg, FakeEmbedder(), progress=False)
    # as if killed after the chunk commit: the previous BM25 and recorded fingerprint are back
    shutil.rmtree(lexical)
    shutil.copytree(saved, lexical)
    store = ChunkStore(store_path(cfg))
    assert old_fingerprint is not None
    store.set_meta(META_CHUNK_FINGERPRINT, old_fingerprint)
    store.close()
    assert json.loads((lexical / "bm25.json").read_text())["fingerprint"] == old_fingerprint
    index = Index.open(cfg)
    assert {c.chunk_id for c in index.all_chunks() if c.audience == "public"} == set(
        index._lexical["public"].ids
    )
    assert index.lexical_search("public", "quokka brigades", 1)


def test_document_chunks_are_in_reading_order_and_only_what_the_audience_may_see(tmp_path: Path) -> None:
    import yaml

    corpus = copy_corpus(tmp_path / "corpus")
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))
    staff_doc, public_doc = sorted(manifest["documents"])[:2]
    manifest["documents"][staff_doc]["audience"] = "staff"
    (corpus / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    settings = settings_for(tmp_path, corpus)
    run_ingest(settings, FakeEmbedder(), progress=False)
    index = Index.open(settings)
    try:
        chunks = sorted(index.all_chunks(), key=lambda c: c.start)
        mine = index.document_chunks("public", public_doc)
        assert len(mine) > 1 and [c.chunk_id for c in mine] == [
            c.chunk_id for c in chunks if c.doc_id == public_doc
        ]
        assert index.document_chunks("public", staff_doc) == []
        assert [c.doc_id for c in index.document_chunks("staff", staff_doc)] == [staff_doc] * len(
            [c for c in chunks if c.doc_id == staff_doc]
        )
        with pytest.raises(ValueError):
            index.document_chunks("everyone", public_doc)
    finally:
        index.close()
