"""End to end in headless chromium (the issue's Done-when): upload a document through the
console, ingest it, see the widget answer from it with a citation; move it to staff and see public
answers stop citing it; a refused question shows, redacted, in the unanswered view; an eval run
started from the console finishes and shows in the trend chart. Screenshots go to artifacts/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from ics_assistant.api.app import create_app
from ics_assistant.api.reloading import ReloadingAssistant
from ics_assistant.console.routes import ConsoleState
from ics_assistant.ingest.pipeline import run_ingest

from .browser_fixtures import browser  # noqa: F401  (pytest fixture)
from .fakes import FakeEmbedder
from .ingest_fixtures import copy_corpus, settings_for
from .web_fixtures import ARTIFACTS, LiveServer

pytestmark = pytest.mark.browser
TOKEN = "maintainer-e2e-token"
DOC_TITLE = "Pharmacy commissioning by integrated care boards"
DOC = (
    "# Pharmacy commissioning\n\n"
    "Integrated care boards took over the commissioning of community pharmacy services from NHS England "
    "in April 2023, with local pharmaceutical committees advising each board.\n"
)
QUESTION = "When did integrated care boards take over the commissioning of community pharmacy services?"
PERSONAL = "My name is Margaret Thompson, NHS number 943 476 5919 - can you book my flu jab?"
DATASET = {
    "id": "pharmacy",
    "question": QUESTION,
    "answerable": True,
    "expected_sources": ["pharmacy-commissioning"],
    "expected_facts": ["April 2023"],
}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    corpus = copy_corpus(tmp_path / "corpus")
    settings = settings_for(tmp_path, corpus, rate_limit=0, index_reload_s=0, maintainer_token=TOKEN)
    embedder = FakeEmbedder()
    run_ingest(settings, embedder, progress=False)
    app = create_app(settings, ReloadingAssistant(settings, embedder))
    state = app.state.console
    assert isinstance(state, ConsoleState)
    state.embedder = lambda: embedder
    with LiveServer(app) as live:
        yield live


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def wait_for_job(page: Page, url: str) -> None:
    for _ in range(240):
        job = page.request.get(url + "/console/jobs").json()["job"]
        if job and job["ok"] is not None:
            assert job["ok"], job
            return
        page.wait_for_timeout(250)
    raise AssertionError("the console job did not finish")


def widget_sources(page: Page, url: str, question: str) -> list[str]:
    page.goto(url + "/widget-demo")
    page.get_by_role("button", name="Ask about ICSs").click()
    new = page.get_by_role("button", name="Start a new conversation")
    if new.is_visible():
        new.click()
    page.keyboard.type(question)
    page.keyboard.press("Enter")
    bot = page.locator(".msg.bot").last
    expect(bot.locator(".answer-text")).not_to_be_empty(timeout=30_000)
    page.wait_for_timeout(300)
    return bot.locator("details summary").all_inner_texts()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    p = context.new_page()
    yield p
    context.close()


def test_maintainer_journey(server: LiveServer, page: Page, tmp_path: Path) -> None:
    url = server.url
    page.goto(url + "/console")
    shot(page, "console-signin.png")
    page.get_by_label("Your name (for the audit log)").fill("Alex")
    page.get_by_label("Maintainer token").fill(TOKEN)
    page.get_by_role("button", name="Sign in").click()

    # upload a new public document and ingest it
    doc = tmp_path / "pharmacy-commissioning.md"
    doc.write_text(DOC, encoding="utf-8")
    upload = page.locator('form[action="/console/upload"]')
    upload.get_by_label("File (txt, md, html, pdf, docx").set_input_files(str(doc))
    upload.get_by_label("Title", exact=True).fill(DOC_TITLE)
    upload.get_by_label("Date stated in the document").fill("2023-04-01")
    upload.get_by_label("Review due").fill("2027-04-01")
    upload.get_by_label("Audience").select_option("public")
    upload.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("status")).to_contain_text("Added pharmacy-commissioning")
    page.get_by_role("button", name="Ingest now").click()
    wait_for_job(page, url)

    # the widget answers from it, with a citation
    cited = widget_sources(page, url, QUESTION)
    assert any(DOC_TITLE in s for s in cited), cited
    shot(page, "console-e2e-widget.png")

    # move it to staff: public answers stop citing it
    page.goto(url + "/console/documents")
    page.get_by_text("Edit pharmacy-commissioning").click()
    form = page.locator('form[action="/console/documents/pharmacy-commissioning"]')
    form.get_by_label("Audience").select_option("staff")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved pharmacy-commissioning")
    page.get_by_role("button", name="Ingest now").click()
    wait_for_job(page, url)
    assert not any(DOC_TITLE in s for s in widget_sources(page, url, QUESTION))
    page.goto(url + "/console/documents")
    shot(page, "console-documents.png")

    # a refused question with personal data shows in the unanswered view, redacted
    widget_sources(page, url, PERSONAL)
    page.goto(url + "/console/unanswered")
    for _ in range(40):  # the log is written on a worker thread
        if "flu jab" in page.content():
            break
        page.wait_for_timeout(250)
        page.reload()
    body = page.locator("main")
    expect(body).to_contain_text("flu jab")
    expect(body).not_to_contain_text("Margaret Thompson")
    expect(body).not_to_contain_text("943 476 5919")
    expect(body).to_contain_text("<PERSON>")
    shot(page, "console-unanswered.png")

    # an eval run started from the console finishes and shows in the trend chart
    dataset = tmp_path / "pharmacy.jsonl"
    dataset.write_text(json.dumps(DATASET) + "\n", encoding="utf-8")
    page.goto(url + "/console/evals")
    page.get_by_label("Add a dataset").set_input_files(str(dataset))
    page.get_by_role("button", name="Upload dataset").click()
    expect(page.get_by_role("status")).to_contain_text("Dataset pharmacy added")
    page.get_by_label("Dataset", exact=True).select_option("pharmacy")
    page.get_by_role("button", name="Run eval").click()
    wait_for_job(page, url)
    page.goto(url + "/console/evals")
    expect(page.locator("#trend svg")).to_be_visible()
    expect(page.locator("#trend circle")).not_to_have_count(0)
    expect(page.get_by_role("link", name="Report of run 1")).to_be_visible()
    shot(page, "console-evals.png")
    page.goto(url + "/console/audit")
    for action in ("upload_document", "ingest_now", "edit_document", "eval_run", "upload_dataset"):
        expect(page.locator("main")).to_contain_text(action)
    shot(page, "console-audit.png")
