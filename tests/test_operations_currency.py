"""Currency on every citation: stale when past review, superseded or older than
ICS_STALE_AFTER_DAYS, with "published March 2021; may be out of date"; shown by the API, the
widget script and the staff chat; overdue documents ranked by recent citations in the console."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import yaml
from fastapi.testclient import TestClient

from ics_assistant.api.app import create_app
from ics_assistant.operations.currency import Currency, CurrencyBook, is_stale, note_for
from ics_assistant.types import Answer, Citation
from ics_assistant.ui.messages import sources_html

from .ingest_fixtures import copy_corpus, settings_for
from .test_console_routes import TOKEN, _client, _sign_in
from .web_fixtures import FakeAssistant

TODAY = dt.date(2026, 11, 30)
QUESTION = "When were the 42 integrated care systems established on a statutory basis?"


def _citation(doc_id: str, date: str | None) -> Citation:
    return Citation(1, doc_id, "Title", date, f"{doc_id}:1", "quote", 0, 5)


def test_stale_rules() -> None:
    assert not is_stale(Currency(date="2026-01-01"), TODAY, 365)
    assert is_stale(Currency(date="2021-03-19"), TODAY, 365)
    assert not is_stale(Currency(date="2021-03-19"), TODAY, 0)  # 0 turns the age rule off
    assert is_stale(Currency(review_due="2026-11-29"), TODAY, 0)
    assert not is_stale(Currency(review_due="2026-11-30"), TODAY, 0)
    assert is_stale(Currency(superseded_by="new-doc"), TODAY, 0)
    assert note_for("2021-03-19") == "published March 2021; may be out of date"
    assert note_for(None) == "may be out of date"


def test_annotate_reads_the_manifest_and_follows_its_changes(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(
        yaml.safe_dump({"documents": {"a": {"date": "2026-06-01", "review_due": "2027-01-01"}, "b": {}}}),
        encoding="utf-8",
    )
    book = CurrencyBook(tmp_path, stale_after_days=365)
    answer = Answer(text="x [1] [2]", citations=(_citation("a", "2026-06-01"), _citation("b", "2021-03-19")))
    a, b = book.annotate(answer, TODAY).citations
    assert not a.stale and a.currency_note is None
    assert b.stale and b.currency_note == "published March 2021; may be out of date"
    manifest.write_text(yaml.safe_dump({"documents": {"a": {"superseded_by": "b"}}}), encoding="utf-8")
    os.utime(manifest, (1, 1))  # a different mtime, as after any edit
    assert book.annotate(answer, TODAY).citations[0].stale
    assert book.stale_ids(TODAY) == {"a"}


def test_api_and_staff_chat_show_the_note(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, stale_after_days=0)
    data = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))
    for entry in data["documents"].values():
        entry["review_due"] = "2020-01-01"
    (corpus / "manifest.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with TestClient(create_app(settings, FakeAssistant())) as client:
        answer = client.post("/api/chat", json={"message": QUESTION}).json()
    [c] = answer["citations"]
    assert c["stale"] is True and "may be out of date" in c["currency_note"]
    assert "may be out of date" in sources_html(Answer.from_dict(answer))
    widget = (Path(__file__).parents[1] / "ics_assistant/api/static/widget.js").read_text(encoding="utf-8")
    assert "c.currency_note" in widget


def test_console_ranks_overdue_documents_by_recent_citations(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, rate_limit=0, maintainer_token=TOKEN, stale_after_days=0)
    with _client(settings) as client:
        cited = client.post("/api/chat", json={"message": QUESTION}).json()["citations"][0]["doc_id"]
        client.app.state.ops.recorder.flush()  # type: ignore[attr-defined]
        _sign_in(client)
        other = next(d for d in ("ics-faq", "ics-on-track-for-2021") if d != cited)
        for doc in (other, cited):
            client.post(f"/console/documents/{doc}", data={"review_due": "2020-01-01"})
        page = client.get("/console/documents").text
    section = page.split('id="overdue-h"')[1].split("</section>")[0]
    assert section.index(f"({cited})") < section.index(f"({other})")
    assert f"({cited}): cited in 1 answer " in section
