"""Two server processes sharing one PostgreSQL database (started by scripts/start-postgres.sh)
write one question log and one feedback store."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ics_assistant.querylog.store import SqlStore

REPO = Path(__file__).resolve().parents[1]
QUESTION = "When were the 42 integrated care systems established on a statutory basis?"

pytestmark = pytest.mark.server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    base = Path(tempfile.mkdtemp(prefix="ics-pg-"))  # under /tmp: the postgres user can reach it
    base.chmod(0o755)
    data_dir = base / "pg"
    out = subprocess.run(
        ["bash", str(REPO / "scripts/start-postgres.sh"), str(data_dir), str(_free_port())],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    url = out.stdout.strip().splitlines()[-1]
    try:
        yield url
    finally:
        bindir = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
        pg_ctl = [f"{bindir}/pg_ctl", "-D", str(data_dir), "-m", "fast", "stop"]
        if os.getuid() == 0:
            pg_ctl = ["runuser", "-u", "postgres", "--", *pg_ctl]
        subprocess.run(pg_ctl, capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


def _start(port: int, data_dir: Path, url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ICS_DATABASE_URL": url, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.replica_app", str(port), str(data_dir)], cwd=REPO, env=env
    )


def _wait(base: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise TimeoutError(base)


def test_two_replicas_share_one_question_log_and_feedback_store(postgres_url: str, tmp_path: Path) -> None:
    ports = [_free_port(), _free_port()]
    procs = [_start(p, tmp_path / f"replica{i}", postgres_url) for i, p in enumerate(ports)]
    try:
        for i, port in enumerate(ports):
            base = f"http://127.0.0.1:{port}"
            _wait(base)
            answer = httpx.post(
                base + "/api/chat", json={"message": f"{QUESTION} (replica {i})"}, timeout=60
            ).json()
            r = httpx.post(
                base + "/api/feedback",
                json={"question": answer["question"], "answer": answer, "rating": 1 if i == 0 else -1},
                timeout=60,  # the first redaction loads spaCy
            )
            assert r.status_code == 201
        store = SqlStore(postgres_url)
        assert store.engine.dialect.name == "postgresql"
        deadline = time.monotonic() + 30  # each replica writes on its own worker thread
        while time.monotonic() < deadline:
            logged = store.questions()
            if len(logged) >= 2 and all(q.feedback is not None for q in logged):
                break
            time.sleep(0.2)
        assert sorted(q.question[-11:] for q in logged) == ["(replica 0)", "(replica 1)"]
        assert {q.feedback for q in logged} == {1, -1}
        assert store.feedback_counts() == {1: 1, -1: 1}
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=30)
