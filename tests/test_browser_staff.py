"""The Gradio staff chat in headless chromium: answers with sources, feedback is stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings
from ics_assistant.feedback import FeedbackStore

from .browser_fixtures import browser  # noqa: F401  (pytest fixture)
from .web_fixtures import ARTIFACTS, FakeAssistant, LiveServer, _Para

pytestmark = pytest.mark.browser
QUESTION = "When were the 42 integrated care systems established on a statutory basis?"


@pytest.fixture
def fake() -> FakeAssistant:
    return FakeAssistant(delay_s=0.01)


@pytest.fixture
def server(settings: Settings, fake: FakeAssistant) -> Iterator[LiveServer]:
    local = settings.model_copy(update={"loopback_is_staff": True})  # a maintainer's local chat
    with LiveServer(create_app(local, fake)) as live:
        yield live


@pytest.fixture
def page(browser: Browser, server: LiveServer) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.goto(server.url + "/", wait_until="load")  # a Gradio page never reaches network-idle
    expect(p.locator("#ics-question textarea")).to_be_visible(timeout=30_000)
    yield p
    context.close()


def ask(page: Page, question: str) -> None:
    page.locator("#ics-question textarea").fill(question)
    page.locator("#ics-ask").click()


def test_staff_chat_answers_and_shows_sources(page: Page, fake: FakeAssistant) -> None:
    ask(page, QUESTION)
    chat = page.locator("#ics-chatbot")
    expect(chat).to_contain_text(
        "42 ICSs were established across England on a statutory basis on 1 July 2022"
    )
    expect(chat).to_contain_text("Sources: [1] Frequently asked questions – ICSs (undated)")
    sources = page.locator("#ics-sources")
    expect(sources.locator("mark")).to_contain_text("42 ICSs were established across England")
    expect(sources).to_contain_text("[1] Frequently asked questions – ICSs")
    expect(page.locator("#ics-copy textarea")).to_have_value(
        "Following several years of locally led development, 42 ICSs were established across England on a "
        "statutory basis on 1 July 2022. [1]\n\n"
        "References:\n[1] Frequently asked questions – ICSs (undated): "
        '"Following several years of locally led development, 42 ICSs were established across England on a '
        'statutory basis on 1 July 2022."'
    )
    assert fake.calls[-1][2] == "staff"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "staff-chat.png"))

    # a refusal is shown as such; an example question answers on click; clear empties everything
    ask(page, "Will it rain in Leeds tomorrow?")
    expect(chat).to_contain_text("Not answered from the sources.")
    expect(sources).to_contain_text("documents do not answer")
    example = "What is an integrated care system?"
    expected = FakeAssistant().ask(example).text.removesuffix(" [1]")
    page.get_by_role("button", name=example).click()
    expect(chat).to_contain_text(expected)
    assert [t.role for t in fake.calls[-1][1]] == ["user", "assistant"] * 2
    page.locator("#ics-clear").click()
    expect(chat).not_to_contain_text(expected)
    expect(sources).to_contain_text("appear here")


def test_thumbs_down_with_a_comment_is_stored(page: Page, settings: Settings) -> None:
    ask(page, QUESTION)
    expect(page.locator("#ics-sources mark")).to_be_visible()
    page.locator("#ics-comment textarea").fill("Should mention the Health and Care Act")
    page.locator("#ics-thumbs-down").click()
    expect(page.locator("#ics-status")).to_contain_text("feedback saved")
    (record,) = FeedbackStore(settings.feedback_db).records()
    assert record.rating == -1 and record.comment == "Should mention the Health and Care Act"
    assert record.question == QUESTION and "1 July 2022" in record.answer["text"]
    assert record.audience == "staff"


def test_like_icon_on_a_message_is_stored(page: Page, settings: Settings) -> None:
    ask(page, QUESTION)
    expect(page.locator("#ics-sources mark")).to_be_visible()
    page.locator("#ics-chatbot").get_by_role("button", name="Like").last.click()
    expect(page.locator("#ics-status")).to_contain_text("feedback saved")
    (record,) = FeedbackStore(settings.feedback_db).records()
    assert record.rating == 1 and record.question == QUESTION and record.comment == ""


def test_with_a_staff_token_the_chat_needs_sign_in(browser: Browser, settings: Settings) -> None:  # noqa: F811
    fake = FakeAssistant()
    token = "browser-test-token"
    exposed = settings.model_copy(update={"staff_token": token, "host": "0.0.0.0"})
    with LiveServer(create_app(exposed, fake)) as live:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        p = context.new_page()
        p.goto(live.url + "/", wait_until="load")
        expect(p.get_by_role("button", name="Login")).to_be_visible(timeout=30_000)
        expect(p.locator("#ics-question")).to_have_count(0)  # no chat before sign-in
        p.get_by_label("Username").fill("staff")
        p.get_by_label("Password").fill("wrong")
        p.get_by_role("button", name="Login").click()
        expect(p.get_by_text("Incorrect Credentials", exact=False)).to_be_visible()
        p.get_by_label("Username").fill("staff")  # the form clears the user name after a failure
        p.get_by_label("Password").fill(token)
        p.get_by_role("button", name="Login").click()
        expect(p.locator("#ics-question textarea")).to_be_visible(timeout=30_000)
        ask(p, QUESTION)
        expect(p.locator("#ics-sources mark")).to_contain_text("42 ICSs were established across England")
        context.close()
    assert [call[2] for call in fake.calls] == ["staff"]


MARKUP = (
    'Quokka pixel notice: <img src="http://localhost:9/pixel"> '
    "[click here](http://evil:9/) **shout** and quokka rota details follow."
)


def test_corpus_markup_is_shown_as_text_in_the_chat(page: Page, fake: FakeAssistant) -> None:
    fake.paragraphs.append(_Para("markup-doc", '<img src="http://localhost:9/title"> Title', None, MARKUP, 0))
    ask(page, "What does the quokka pixel notice say?")
    chat = page.locator("#ics-chatbot")
    expect(chat).to_contain_text('<img src="http://localhost:9/pixel">')  # the characters, as text
    expect(chat).to_contain_text("[click here](http://evil:9/) **shout**")
    expect(chat).to_contain_text('[1] <img src="http://localhost:9/title"> Title')
    assert chat.locator("img[src*='localhost:9']").count() == 0
    assert chat.locator("a[href*='evil']").count() == 0
    assert chat.locator("strong", has_text="shout").count() == 0
