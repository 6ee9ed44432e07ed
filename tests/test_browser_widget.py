"""The resident widget in headless chromium: streaming, citations, safety, CORS, accessibility."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings
from ics_assistant.types import Answer, Audience, Citation, Source, Turn

from .browser_fixtures import browser  # noqa: F401  (pytest fixture)
from .web_fixtures import ARTIFACTS, FakeAssistant, LiveServer, StaticSite, embed_page, real_app  # noqa: F401

pytestmark = pytest.mark.browser
QUESTION = "When were the 42 integrated care systems established on a statutory basis?"
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def fake() -> FakeAssistant:
    return FakeAssistant(delay_s=0.04)  # slow enough to see the answer arrive word by word


@pytest.fixture
def server(settings: Settings, fake: FakeAssistant) -> Iterator[LiveServer]:
    with LiveServer(create_app(settings, fake)) as live:
        yield live


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1000, "height": 760})
    p = context.new_page()
    yield p
    context.close()


def open_widget(page: Page, url: str) -> None:
    page.goto(url)
    launcher = page.get_by_role("button", name="Ask about ICSs")
    launcher.focus()
    page.keyboard.press("Enter")  # keyboard operable
    expect(page.get_by_role("dialog", name="Ask about ICSs")).to_be_visible()
    expect(page.get_by_label("Your question about Integrated Care Systems")).to_be_focused()


def ask(page: Page, question: str) -> None:
    page.keyboard.type(question)
    page.keyboard.press("Enter")


def test_widget_streams_an_answer_with_a_citation_and_expands_the_source(
    server: LiveServer, page: Page, fake: FakeAssistant
) -> None:
    open_widget(page, server.url + "/widget-demo")
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    ask(page, QUESTION)
    bot = page.locator(".msg.bot").last
    # streamed: text shows up before the final answer (with its sources) has arrived
    expect(bot.locator(".answer-text")).to_contain_text("Following")
    assert bot.locator(".sources").count() == 0
    expect(bot.locator(".answer-text")).to_have_text(
        "Following several years of locally led development, 42 ICSs were established across England "
        "on a statutory basis on 1 July 2022. [1]"
    )
    expect(page.get_by_label("Your question about Integrated Care Systems")).to_be_focused()
    summary = bot.locator("details summary").first
    expect(summary).to_have_text("[1] Frequently asked questions – ICSs (undated)")
    quote = bot.locator("details blockquote").first
    expect(quote).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")  # expands with the keyboard too
    expect(quote).to_be_visible()
    expect(quote).to_contain_text("42 ICSs were established across England on a statutory basis")
    # the hostile host CSS (red Comic Sans, hidden forms and details) does not reach the widget
    styles = page.evaluate(
        """() => { const r = document.querySelector('ics-assistant-widget').shadowRoot;
                   const s = getComputedStyle(r.querySelector('.answer-text'));
                   return [s.color, s.fontFamily, getComputedStyle(r.querySelector('form')).display]; }"""
    )
    assert styles[0] == "rgb(33, 43, 50)" and "Comic" not in styles[1] and styles[2] == "flex"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget.png"))

    # a follow-up carries the conversation, and a refusal is shown with signposting
    page.get_by_label("Your question about Integrated Care Systems").focus()
    page.keyboard.type("Will it rain in Leeds tomorrow?")
    page.keyboard.press("Enter")
    refusal = page.locator(".msg.refusal").last
    expect(refusal).to_contain_text("Not answered from the documents")
    expect(refusal.get_by_role("link", name="NHS 111")).to_be_visible()
    expect(refusal).to_contain_text("999")
    question, history, audience = fake.calls[-1]
    assert question == "Will it rain in Leeds tomorrow?" and audience == "public"
    assert [t.role for t in history] == ["user", "assistant"] and history[0].content == QUESTION

    # Escape closes the panel and gives focus back to the launcher
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_role("button", name="Ask about ICSs")).to_be_focused()
    expect(page.get_by_role("button", name="Ask about ICSs")).to_have_attribute("aria-expanded", "false")


def test_conversation_survives_a_reload_and_can_be_restarted(server: LiveServer, page: Page) -> None:
    open_widget(page, server.url + "/widget-demo")
    ask(page, QUESTION)
    expect(page.locator(".msg.bot details")).to_have_count(1)
    page.reload()
    open_widget(page, server.url + "/widget-demo")
    expect(page.locator(".msg.user")).to_have_count(1)
    page.get_by_role("button", name="Start a new conversation").click()
    expect(page.locator(".msg.user")).to_have_count(0)


def test_widget_is_usable_at_phone_width(server: LiveServer, browser: Browser) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    page = context.new_page()
    open_widget(page, server.url + "/widget-demo")
    ask(page, QUESTION)
    expect(page.locator(".msg.bot details")).to_have_count(1)
    box = page.get_by_role("dialog").bounding_box()
    send = page.get_by_role("button", name="Send").bounding_box()
    assert box is not None and send is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert send["x"] + send["width"] <= 360 and send["y"] + send["height"] <= 640
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-360.png"))
    context.close()


class EchoAssistant(FakeAssistant):
    """Puts the user's text into the answer, the citation title and the quote."""

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]:
        text = f"You asked: {question} [1]"
        yield text
        cite = Citation(1, "doc", f"Title {HOSTILE}", "2021-03-19", "c", f"Quote {HOSTILE}", 0, 10)
        yield Answer(
            text=text,
            citations=(cite,),
            sources=(Source("doc", "c", cite.quote, 1.0, 1, cite.title),),
            audience=audience,
        )


def test_html_is_shown_as_text_and_never_runs(settings: Settings, page: Page) -> None:
    dialogs: list[Any] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with LiveServer(create_app(settings, EchoAssistant())) as live:
        open_widget(page, live.url + "/widget-demo")
        ask(page, HOSTILE)
        expect(page.locator(".msg.user").last).to_have_text(f"You: {HOSTILE}")
        bot = page.locator(".msg.bot").last
        expect(bot.locator(".answer-text")).to_have_text(f"You asked: {HOSTILE} [1]")
        expect(bot.locator("summary")).to_contain_text(f"Title {HOSTILE}")
        bot.locator("summary").click()
        expect(bot.locator("blockquote")).to_have_text(f"Quote {HOSTILE}")
        page.wait_for_timeout(300)
        images = page.evaluate(
            "() => document.querySelector('ics-assistant-widget').shadowRoot.querySelectorAll('img').length"
        )
    assert images == 0 and dialogs == []


def test_widget_works_from_a_listed_origin_and_is_refused_from_others(
    monkeypatch: pytest.MonkeyPatch, page: Page, fake: FakeAssistant
) -> None:
    with StaticSite() as partner, StaticSite() as stranger:
        monkeypatch.setenv("ICS_WIDGET_ORIGINS", partner.url)
        with LiveServer(create_app(Settings(_env_file=None), fake)) as api:  # type: ignore[call-arg]
            partner.set_page("/", embed_page(api.url))
            stranger.set_page("/", embed_page(api.url))
            open_widget(page, partner.url + "/")
            ask(page, QUESTION)
            expect(page.locator(".msg.bot details")).to_have_count(1)
            assert len(fake.calls) == 1
            open_widget(page, stranger.url + "/")
            ask(page, QUESTION)
            expect(page.locator(".msg.error").last).to_contain_text("could not be reached")
            assert len(fake.calls) == 1  # the preflight was refused: the question never reached it


@pytest.mark.model
def test_widget_answers_a_real_question_from_the_real_corpus(real_app: Any, page: Page) -> None:  # noqa: F811
    with LiveServer(real_app) as live:
        open_widget(page, live.url + "/widget-demo")
        ask(page, "When were the 42 ICSs established on a statutory basis?")
        bot = page.locator(".msg.bot").last
        expect(bot.locator("details summary").first).to_contain_text(
            "Frequently asked questions", timeout=30_000
        )
        expect(bot.locator(".answer-text")).to_contain_text("1 July 2022")
        bot.locator("details summary").first.click()
        expect(bot.locator("details blockquote").first).to_contain_text("1 July 2022")
