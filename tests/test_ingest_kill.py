"""A real kill -9 in the middle of embedding, then a clean completion by the next run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from ics_assistant.index import Index, index_exists
from ics_assistant.ingest.pipeline import run_ingest
from ics_assistant.store import store_path

from .conftest import REPO
from .fakes import FakeEmbedder
from .ingest_fixtures import copy_corpus, settings_for

CHILD = """
import sys, time
sys.path.insert(0, {repo!r})
from pathlib import Path
from ics_assistant.config import Settings
from ics_assistant.ingest.pipeline import run_ingest
from tests.fakes import FakeEmbedder

class Slow(FakeEmbedder):
    def embed_with_spans(self, texts, spans):
        time.sleep(0.4)
        return super().embed_with_spans(texts, spans)

settings = Settings(
    data_dir=Path({data!r}), corpus_dir=Path({corpus!r}), embedding_batch_size=2, _env_file=None
)
run_ingest(settings, Slow(), progress=False)
print("finished")
"""


def _stored_vectors(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as con:
            return int(con.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])
    except sqlite3.OperationalError:  # table not created yet
        return 0


def test_killed_ingest_is_completed_without_duplicates(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, embedding_batch_size=2)
    code = CHILD.format(repo=str(REPO), data=str(settings.data_dir), corpus=str(corpus))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db = store_path(settings)
    deadline = time.monotonic() + 60
    try:
        while _stored_vectors(db) < 4:
            assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
            assert time.monotonic() < deadline, "the child never started embedding"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    saved = _stored_vectors(db)
    assert not index_exists(settings)

    embedder = FakeEmbedder()
    report = run_ingest(settings, embedder, progress=False)  # the dead child's lock is gone
    assert report.embedded == report.chunk_count - saved == sum(embedder.calls)
    index = Index.open(settings)
    ids = [c.chunk_id for c in index.all_chunks()]
    assert len(ids) == len(set(ids)) == report.chunk_count
    assert index.stats()["collections"] == {"public": report.chunk_count, "staff": report.chunk_count}
