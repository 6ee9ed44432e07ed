"""The maintainers' console: off without a token, 401 without sign-in, throttled sign-in,
documents table, edits through the manifest (atomic, with backup), ingest now, answers switch,
unanswered questions grouped and drafted, and an audit entry for every change."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from ics_assistant.api.app import create_app
from ics_assistant.api.reloading import ReloadingAssistant
from ics_assistant.config import Settings
from ics_assistant.console.manifest_file import backup_path
from ics_assistant.console.routes import ConsoleState
from ics_assistant.ingest.pipeline import run_ingest
from ics_assistant.operations.killswitch import disabled_text

from .fakes import FakeEmbedder
from .ingest_fixtures import copy_corpus, settings_for
from .web_fixtures import FakeAssistant

TOKEN = "maintainer-secret-token"
DOC = "final-13-ics-areas-announcement"
QUESTION = "How many people do the final 13 areas serve?"
ACTIONS = [
    ("get", "/console/documents"),
    ("get", "/console/unanswered"),
    ("get", "/console/audit"),
    ("get", "/console/flagged"),
    ("get", "/console/jobs"),
    ("post", "/console/ingest"),
    ("post", f"/console/documents/{DOC}"),
    ("post", f"/console/documents/{DOC}/remove"),
    ("post", "/console/answers"),
    ("post", "/console/unanswered/1/draft"),
]


def _client(settings: Settings, assistant: object | None = None) -> TestClient:
    app = create_app(settings, assistant or FakeAssistant())
    state = app.state.console
    assert isinstance(state, ConsoleState)
    embedder = FakeEmbedder()
    state.embedder = lambda: embedder
    return TestClient(app)


def _sign_in(client: TestClient, name: str = "Alex") -> None:
    r = client.post("/console/login", data={"token": TOKEN, "name": name}, follow_redirects=False)
    assert r.status_code == 303, r.text


def test_console_is_404_without_a_maintainer_token(settings: Settings) -> None:
    with TestClient(create_app(settings, FakeAssistant())) as client:
        for method, path in [("get", "/console"), *ACTIONS]:
            assert getattr(client, method)(path).status_code == 404, path


def test_every_action_needs_the_token(settings: Settings) -> None:
    on = settings.model_copy(update={"maintainer_token": TOKEN})
    with _client(on) as client:
        assert client.get("/console").status_code == 200  # the sign-in form
        for method, path in ACTIONS:
            assert getattr(client, method)(path).status_code == 401, path
        assert client.post("/console/login", data={"token": "wrong"}).status_code == 401
        bearer = {"Authorization": f"Bearer {TOKEN}"}
        assert client.get("/console/audit", headers=bearer).status_code == 200
        forged = {"ics_console": "Alex|" + "0" * 64}
        client.cookies.update(forged)
        assert client.get("/console/audit").status_code == 401


def test_sign_in_is_throttled(settings: Settings) -> None:
    on = settings.model_copy(update={"maintainer_token": TOKEN})
    with _client(on) as client:
        codes = [client.post("/console/login", data={"token": "guess"}).status_code for _ in range(12)]
    assert codes[:10] == [401] * 10 and codes[-1] == 429


def test_documents_edit_ingest_and_audit(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, rate_limit=0, index_reload_s=0, maintainer_token=TOKEN)
    embedder = FakeEmbedder()
    run_ingest(settings, embedder, progress=False)
    with _client(settings, ReloadingAssistant(settings, embedder)) as client:
        _sign_in(client)
        page = client.get("/console/documents")
        assert page.status_code == 200 and DOC in page.text and "Ingest now" in page.text

        def cited() -> set[str]:
            r = client.post("/api/chat", json={"message": QUESTION})
            return {c["doc_id"] for c in r.json()["citations"]}

        assert DOC in cited()
        bad = client.post(f"/console/documents/{DOC}", data={"date": "March 2021"})
        assert "Nothing changed" in bad.text
        before = (corpus / "manifest.yaml").read_text(encoding="utf-8")
        r = client.post(
            f"/console/documents/{DOC}",
            data={"audience": "staff", "review_due": "2020-01-01", "title": "Final 13 areas"},
        )
        assert r.status_code == 200 and "Saved" in r.text
        assert backup_path(corpus).read_text(encoding="utf-8") == before
        entry = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))["documents"][DOC]
        assert entry["audience"] == "staff" and entry["review_due"] == "2020-01-01"
        assert client.post("/console/ingest").status_code == 200
        state: ConsoleState = client.app.state.console  # type: ignore[attr-defined]
        state.jobs.wait()
        assert client.get("/console/jobs").json()["job"]["ok"] is True
        assert DOC not in cited()  # the running server picked up the new index
        page = client.get("/console/documents").text
        assert "overdue" in page and "Final 13 areas" in page
        audit = client.get("/console/audit").text
    for action in ("sign_in", "edit_document", "ingest_now"):
        assert action in audit
    assert "Alex" in audit


def test_answers_switch_from_the_console(settings: Settings) -> None:
    on = settings.model_copy(update={"maintainer_token": TOKEN})
    with _client(on) as client:
        _sign_in(client)
        client.post("/console/answers", data={"enabled": "false"})
        reply = client.post("/api/chat", json={"message": "What is an integrated care system?"}).json()
        assert reply["text"] == disabled_text()
        client.post("/console/answers", data={"enabled": "true"})
        reply = client.post("/api/chat", json={"message": "What is an integrated care system?"}).json()
        assert reply["text"] != disabled_text()
        assert client.get("/console/audit").text.count("answers_enabled") == 2


def test_unanswered_questions_grouped_redacted_and_drafted(settings: Settings) -> None:
    on = settings.model_copy(update={"maintainer_token": TOKEN})
    with _client(on) as client:
        for q in [
            "xyzzy parking charges hospital Leeds?",
            "xyzzy parking charges at the hospital?",
            "My name is John Smith, xyzzy parking charges hospital?",
            "quux dentist waiting list frobnicate",
        ]:
            client.post("/api/chat", json={"message": q})
        client.app.state.ops.recorder.flush()  # type: ignore[attr-defined]
        _sign_in(client)
        page = client.get("/console/unanswered").text
        assert "3 ×" in page and "1 ×" in page
        assert "John Smith" not in page and "&lt;PERSON&gt;" in page
        entry = client.app.state.ops.store.questions(refused=True)[0]  # type: ignore[attr-defined]
        r = client.post(f"/console/unanswered/{entry.id}/draft")
        assert "Draft eval item" in r.text
        drafts = (settings.data_dir / "eval-drafts.jsonl").read_text(encoding="utf-8").splitlines()
        item = json.loads(drafts[0])
        assert item["needs_label"] is True and item["question"] == entry.question
        assert "draft_eval_item" in client.get("/console/audit").text
