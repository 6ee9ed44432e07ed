"""The chunk store (store/chunk_store.py) maps no shared memory: a truncated or garbled
``chunks.sqlite3-shm``, before the server starts or under a serving process, never kills it
(it used to die with SIGBUS); the server answers, or gives a clean 503."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ics_assistant.config import Settings
from ics_assistant.ingest.pipeline import run_ingest
from ics_assistant.store import ChunkStore, store_path

from .conftest import REPO
from .fakes import FakeEmbedder
from .ingest_fixtures import ingested_copy

QUESTION = "What is an integrated care board?"

# A serving process: the real index behind the reloading assistant and the HTTP app. It asks
# once, says "ready", waits for the parent to damage the -shm, then asks again and reports.
SERVER = """
import json, sys
sys.path.insert(0, {repo!r})
from pathlib import Path
from fastapi.testclient import TestClient
from ics_assistant.api.app import create_app
from ics_assistant.api.reloading import ReloadingAssistant
from ics_assistant.config import Settings
from tests.fakes import FakeEmbedder

settings = Settings(
    data_dir=Path({data!r}), corpus_dir=Path({corpus!r}), rate_limit=0, index_reload_s=0,
    allowed_hosts="testserver", _env_file=None,
)
served = ReloadingAssistant(settings, FakeEmbedder())
client = TestClient(create_app(settings, served, status=served.health))

def ask():
    r = client.post("/api/chat", json={{"message": {question!r}}})
    h = client.get("/api/health")
    return {{"chat": r.status_code, "health": h.status_code, "bodies": r.text + h.text}}

print(json.dumps(ask()), flush=True)
print("ready", flush=True)
sys.stdin.readline()
print(json.dumps(ask()), flush=True)
"""


@pytest.fixture
def cfg(tmp_path: Path) -> Settings:
    return ingested_copy(tmp_path)


def _shm(settings: Settings) -> Path:
    return Path(f"{store_path(settings)}-shm")


def _damage(shm: Path) -> None:
    """Truncate the -shm if there is one (as the attack did), else plant a garbled stub."""
    if shm.exists():
        os.truncate(shm, 0)
    else:
        shm.write_bytes(b"\xde\xad\xbe\xef" * 7)


def _serve(settings: Settings, damage_while_serving: bool) -> list[dict[str, object]]:
    code = SERVER.format(
        repo=str(REPO), data=str(settings.data_dir), corpus=str(settings.corpus_dir), question=QUESTION
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        first = child.stdout.readline()
        assert child.stdout.readline().strip() == "ready"
        if damage_while_serving:
            _damage(_shm(settings))
        child.stdin.write("go\n")
        child.stdin.flush()
        second = child.stdout.readline()
        _, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, f"the server died (exit {child.returncode}): {err[-2000:]}"
    return [json.loads(first), json.loads(second)]


def _answered_or_clean_503(result: dict[str, object], settings: Settings) -> None:
    assert result["chat"] in (200, 503) and result["health"] in (200, 503), result
    bodies = str(result["bodies"])
    assert "Traceback" not in bodies and str(settings.data_dir) not in bodies


def test_the_store_keeps_a_rollback_journal_and_no_shared_memory_file(cfg: Settings) -> None:
    store = ChunkStore(store_path(cfg))
    assert store.journal_mode == "delete"
    assert store.documents()
    store.close()
    index_files = {p.name for p in cfg.index_dir.iterdir()}
    assert "chunks.sqlite3-shm" not in index_files and "chunks.sqlite3-wal" not in index_files


def test_a_store_left_in_wal_mode_is_switched_back_when_opened_alone(cfg: Settings) -> None:
    path = store_path(cfg)
    with sqlite3.connect(path) as legacy:
        assert legacy.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
        assert legacy.execute("SELECT COUNT(*) FROM chunks").fetchone()[0] > 0
        held = ChunkStore(path)  # the legacy connection still holds it: left in WAL, still readable
        assert held.journal_mode == "wal" and held.documents()
        held.close()
    legacy.close()
    store = ChunkStore(path)
    assert store.journal_mode == "delete"
    store.close()
    assert not _shm(cfg).exists()


def test_a_shm_truncated_under_a_serving_process_does_not_kill_it(cfg: Settings) -> None:
    before, after = _serve(cfg, damage_while_serving=True)
    assert before["chat"] == 200 and before["health"] == 200
    _answered_or_clean_503(after, cfg)
    assert after["chat"] == 200  # nothing of the store lives in the -shm: it still answers


def test_a_garbled_shm_left_before_start_is_ignored(cfg: Settings) -> None:
    _damage(_shm(cfg))
    before, after = _serve(cfg, damage_while_serving=False)
    assert before["chat"] == after["chat"] == 200
    _answered_or_clean_503(after, cfg)


def test_an_ingest_and_a_reader_share_the_store_without_errors(cfg: Settings) -> None:
    reader = ChunkStore(store_path(cfg))
    corpus = Path(cfg.corpus_dir)
    (corpus / "extra.txt").write_text("Quokka brigades staff every integrated care hub.", encoding="utf-8")
    report = run_ingest(cfg, FakeEmbedder(), progress=False)
    assert "extra" in report.added
    assert "extra" in {d.meta.doc_id for d in reader.documents()}  # a reader sees the commit
    reader.close()
