"""axe-core (axe-playwright-python) on the widget, the staff chat and every console page, in
headless chromium: no serious or critical violations. And the widget used with the keyboard only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings

from .browser_fixtures import browser  # noqa: F401  (pytest fixture)
from .console_fixtures import TOKEN as FLAGGED_TOKEN
from .console_fixtures import with_hostile_document
from .web_fixtures import FakeAssistant, LiveServer

pytestmark = pytest.mark.browser
QUESTION = "When were the 42 integrated care systems established on a statutory basis?"
TOKEN = "maintainer-a11y-token"
FOCUSED = "el => el.getRootNode().activeElement === el"  # the widget lives in a shadow root


def serious(page: Page) -> list[dict[str, Any]]:
    results = Axe().run(page)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


@pytest.fixture
def server(settings: Settings) -> Iterator[LiveServer]:
    on = settings.model_copy(update={"maintainer_token": TOKEN})
    with LiveServer(create_app(on, FakeAssistant())) as live:
        yield live


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    p = context.new_page()
    yield p
    context.close()


def test_widget_has_no_serious_violations(server: LiveServer, page: Page) -> None:
    page.goto(server.url + "/widget-demo")
    page.get_by_role("button", name="Ask about ICSs").click()
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    expect(page.locator(".msg.bot details")).to_have_count(1)
    assert serious(page) == []


def test_staff_chat_has_no_serious_violations(server: LiveServer, page: Page) -> None:
    page.goto(server.url + "/", wait_until="load")
    expect(page.locator("#ics-question textarea")).to_be_visible(timeout=30_000)
    page.locator("#ics-question textarea").fill(QUESTION)
    page.locator("#ics-ask").click()
    expect(page.locator("#ics-sources mark")).to_be_visible(timeout=30_000)
    assert serious(page) == []


def test_console_pages_have_no_serious_violations(server: LiveServer, page: Page) -> None:
    page.goto(server.url + "/console")
    assert serious(page) == [], "sign-in"
    page.get_by_label("Your name (for the audit log)").fill("Alex")
    page.get_by_label("Maintainer token").fill(TOKEN)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Documents", exact=True)).to_be_visible()
    found = {"documents": serious(page)}
    for name in ("unanswered", "evals", "flagged", "audit", "documents/ics-faq/preview"):
        page.goto(f"{server.url}/console/{name}")
        found[name] = serious(page)
    assert found == {k: [] for k in found}


def test_flagged_passages_page_has_no_serious_violations(tmp_path: Path, page: Page) -> None:
    settings = with_hostile_document(tmp_path)
    with LiveServer(create_app(settings, FakeAssistant())) as live:
        page.goto(live.url + "/console")
        page.get_by_label("Your name (for the audit log)").fill("Alex")
        page.get_by_label("Maintainer token").fill(FLAGGED_TOKEN)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("link", name="Flagged passages").click()
        expect(page.get_by_role("heading", name="Flagged passages")).to_be_visible()
        expect(page.locator("tbody tr")).to_have_count(1)
        expect(page.locator(".excerpt")).to_contain_text('<img src="https://t.example/p.gif">')
        assert page.locator("main img").count() == 0  # the document's markup stays text
        assert serious(page) == []


def test_widget_works_with_the_keyboard_only(server: LiveServer, page: Page) -> None:
    page.goto(server.url + "/widget-demo")
    launcher = page.get_by_role("button", name="Ask about ICSs")
    for _ in range(30):  # Tab until the launcher has focus, as a keyboard user would
        if launcher.evaluate(FOCUSED):
            break
        page.keyboard.press("Tab")
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Your question about Integrated Care Systems")).to_be_focused()
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    summary = page.locator(".msg.bot details summary").first
    expect(summary).to_be_visible()
    for _ in range(30):  # Tab through the panel to the source
        if summary.evaluate(FOCUSED):
            break
        page.keyboard.press("Tab")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".msg.bot details blockquote").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()
