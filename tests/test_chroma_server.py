"""Server mode: the same ingest and queries against a real `chroma run` on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from ics_assistant.backends.chroma_store import ChromaStore
from ics_assistant.config import Settings
from ics_assistant.errors import BackendError
from ics_assistant.index import Index
from ics_assistant.ingest.pipeline import run_ingest

from .fakes import FakeEmbedder
from .ingest_fixtures import copy_corpus, settings_for

CHROMA = Path(sys.executable).parent / "chroma"


@dataclass
class ChromaServer:
    port: int
    process: subprocess.Popen[bytes]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    """A real Chroma server on 127.0.0.1 at a free port, stopped after the test."""
    port = _free_port()
    log = (tmp_path / "chroma.log").open("wb")
    proc = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(tmp_path / "server-db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (tmp_path / "chroma.log").read_text(errors="replace")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "chroma server did not start"
            time.sleep(0.2)
        yield ChromaServer(port, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.mark.server
def test_ingest_and_query_through_a_chroma_server(
    tmp_path: Path, chroma_server: subprocess.Popen[bytes]
) -> None:
    port: int = chroma_server.port  # type: ignore[attr-defined]
    corpus = copy_corpus(tmp_path / "corpus")
    settings: Settings = settings_for(tmp_path, corpus, chroma_host="127.0.0.1", chroma_port=port)
    embedder = FakeEmbedder()
    report = run_ingest(settings, embedder, progress=False)
    assert report.failed == [] and report.chunk_count > 20

    assert not (settings.index_dir / "chroma").exists()  # nothing embedded locally
    store = ChromaStore(settings)
    assert store.location == f"http://127.0.0.1:{port}"
    assert store.count("public") == store.count("staff") == report.chunk_count

    index = Index.open(settings)
    target = next(c for c in index.all_chunks() if c.doc_id == "final-13-ics-areas-announcement")
    hits = index.dense_search("public", embedder.embed_with_spans([target.text], [[]])[0][0], 3)
    assert len(hits) == 3 and hits[0][1] >= hits[1][1] >= hits[2][1]
    assert hits[0][0] == target.chunk_id and hits[0][1] > 0.99
    assert index.lexical_search("public", "final 13 areas 14.9 million", 1)[0][0] == target.chunk_id

    (corpus / "ics-faq.txt").unlink()
    again = run_ingest(settings, embedder, progress=False)
    assert again.removed == ["ics-faq"]
    assert not any(cid.startswith("ics-faq:") for cid in ChromaStore(settings).ids("staff"))

    # a server that goes away is a typed, actionable error, not a library traceback
    chroma_server.process.terminate()
    chroma_server.process.wait(timeout=10)
    with pytest.raises(BackendError, match="vector search failed"):
        index.dense_search("public", embedder.embed(["ICS"])[0], 3)
