"""Uploads through the console: a good file lands in the corpus with its manifest entry; bad
ones (unsafe name, binary, empty, corrupt PDF, oversize, taken name, bad date) get a clear
message and change nothing. Preview shows the cleaned text and the indexed chunks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from ics_assistant.console.upload import UploadError, safe_filename
from ics_assistant.ingest.pipeline import run_ingest

from .fakes import FakeEmbedder
from .ingest_fixtures import copy_corpus, settings_for
from .test_console_routes import TOKEN, _client, _sign_in

GOOD = (
    b"# Community pharmacy in the ICS\n\n"
    b"From April 2027 the integrated care board commissions community pharmacy services, "
    b"working with local pharmaceutical committees on a shared plan.\n"
)


def _snapshot(corpus: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(corpus.iterdir()) if p.is_file()}


@pytest.fixture
def console(tmp_path: Path) -> tuple[TestClient, Path]:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, rate_limit=0, maintainer_token=TOKEN, max_upload_bytes=50_000)
    client = _client(settings)
    _sign_in(client)
    return client, corpus


def test_a_good_upload_adds_the_file_and_its_manifest_entry(console: tuple[TestClient, Path]) -> None:
    client, corpus = console
    r = client.post(
        "/console/upload",
        files={"file": ("pharmacy-commissioning.md", GOOD, "text/markdown")},
        data={
            "title": "Pharmacy commissioning",
            "audience": "public",
            "date": "2026-04-01",
            "review_due": "2027-04-01",
            "kind": "guidance",
        },
    )
    assert r.status_code == 200 and "Added pharmacy-commissioning" in r.text
    assert (corpus / "pharmacy-commissioning.md").read_bytes() == GOOD
    entry = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))["documents"][
        "pharmacy-commissioning"
    ]
    assert entry["title"] == "Pharmacy commissioning" and entry["audience"] == "public"
    assert entry["review_due"] == "2027-04-01"
    assert "upload_document" in client.get("/console/audit").text
    page = client.get("/console/documents/pharmacy-commissioning/preview")
    assert page.status_code == 200 and "community pharmacy services" in page.text


@pytest.mark.parametrize(
    ("name", "data", "fields", "message"),
    [
        ("../escape.md", GOOD, {}, "not allowed"),
        ("sub/dir.md", GOOD, {}, "not allowed"),
        ("image.png", b"\x89PNG\r\n", {}, "not supported"),
        ("binary.txt", b"\x00\x01\x02\x03binary", {}, "binary"),
        ("empty.txt", b"", {}, "empty"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", {}, "PDF"),
        ("huge.txt", b"word " * 20_000, {}, "limit"),
        ("ics-faq.txt", GOOD, {}, "already exists"),
        ("manifest.yaml", b"documents: {}", {}, "not supported"),
        ("dated.md", GOOD, {"date": "spring 2026"}, "date"),
    ],
)
def test_bad_uploads_change_nothing(
    console: tuple[TestClient, Path], name: str, data: bytes, fields: dict[str, str], message: str
) -> None:
    client, corpus = console
    before = _snapshot(corpus)
    r = client.post("/console/upload", files={"file": (name, data, "application/octet-stream")}, data=fields)
    assert r.status_code == 200 and "Upload refused" in r.text and message in r.text
    assert _snapshot(corpus) == before
    assert "upload_document" not in client.get("/console/audit").text


def test_safe_filename_rules() -> None:
    assert safe_filename("ics-plan_2026.pdf") == "ics-plan_2026.pdf"
    for bad in ["..", ".hidden.md", "a/../b.md", "C:\\x.md", "x.exe", ""]:
        with pytest.raises(UploadError):
            safe_filename(bad)


def test_preview_shows_the_indexed_chunks(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, maintainer_token=TOKEN)
    run_ingest(settings, FakeEmbedder(), progress=False)
    client = _client(settings)
    _sign_in(client)
    page = client.get("/console/documents/ics-faq/preview")
    assert page.status_code == 200 and "exactly what answers can quote" in page.text
    assert "Chunks (" in page.text and "Chunks (0)" not in page.text
    assert client.get("/console/documents/nope/preview").status_code == 404
