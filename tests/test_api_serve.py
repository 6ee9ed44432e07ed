"""``ics-assistant serve``: the command, and the real server process on a fresh data dir."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from ics_assistant.cli import app

from .web_fixtures import REPO


def test_serve_command_has_host_and_port_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output


@pytest.mark.server
@pytest.mark.model
def test_serve_ingests_a_fresh_data_dir_then_answers(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ICS_DATA_DIR": str(tmp_path / "data"), "ICS_RATE_LIMIT": "0"}
    exe = str(Path(sys.executable).with_name("ics-assistant"))
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen([exe, "serve", "--port", str(port)], cwd=REPO, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        health = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                health = httpx.get(f"{url}/api/health", timeout=5).json()
                break
            except httpx.TransportError:
                time.sleep(0.5)
        assert health is not None, (tmp_path / "serve.log").read_text()
        assert health["index_loaded"] and health["chunks"] > 0
        answer = httpx.post(
            f"{url}/api/chat", json={"message": "What is an integrated care system?"}, timeout=60
        )
        assert answer.status_code == 200 and answer.json()["citations"]
        assert "gradio" in httpx.get(f"{url}/", timeout=30).text.lower()
        assert "widget.js" in httpx.get(f"{url}/widget-demo", timeout=30).text
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text()
    assert "ingesting the corpus" in output  # progress of the first-start ingest is in the log
