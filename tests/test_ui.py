"""Staff chat: pure Answer -> message/source converters and the handlers, without launching."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr
from markdown_it import MarkdownIt

from ics_assistant.errors import IndexNotBuiltError
from ics_assistant.feedback import FeedbackStore
from ics_assistant.types import Answer, Citation, Dropped, Source
from ics_assistant.ui.chat import EXAMPLE_QUESTIONS, StaffChat, build_demo
from ics_assistant.ui.messages import (
    REFUSAL_PREFIX,
    answer_to_messages,
    conversation_history,
    conversation_messages,
    copy_text,
    highlight_in_context,
    sources_html,
)

from .web_fixtures import FakeAssistant

QUESTION = "When were the 42 integrated care systems established on a statutory basis?"
CONTEXT = "Intro. ICSs are <b>partnerships</b> of organisations. More text & more."
QUOTE = "ICSs are <b>partnerships</b> of organisations."
ANSWER = Answer(
    text="ICSs are partnerships of organisations [1].",
    citations=(Citation(1, "ics-faq", "FAQ <ICS>", "2022-07-01", "c1", QUOTE, 107, 107 + len(QUOTE)),),
    sources=(
        Source(
            "ics-faq", "c1", CONTEXT, 0.9, 1, "FAQ <ICS>", "2022-07-01", start=100, end=100 + len(CONTEXT)
        ),
    ),
)
REFUSED = Answer(text="I can't answer that from the documents. NHS 111 or 999.", refused=True)


def test_answer_to_messages_marks_refusals_and_lists_sources() -> None:
    (msg,) = answer_to_messages(ANSWER)
    assert msg["role"] == "assistant"
    shown = html.unescape(MarkdownIt("commonmark").render(msg["content"]))  # what the reader sees
    assert ANSWER.text in shown and "[1] FAQ <ICS> (2022-07-01)" in shown
    (refusal,) = answer_to_messages(REFUSED)
    assert refusal["content"].startswith(REFUSAL_PREFIX) and "111" in refusal["content"]


def test_dropped_sentences_are_listed_collapsed_with_their_reasons() -> None:
    answer = dataclasses.replace(
        ANSWER,
        dropped_sentences=("ICSs are not <partnerships> [1].", "Made up [2]."),
        dropped=(
            Dropped("ICSs are not <partnerships> [1].", "negation"),
            Dropped("Made up [2].", "unsupported_claim"),
        ),
    )
    (msg,) = answer_to_messages(answer)
    assert (
        "<details><summary>2 sentences were removed because the sources don't support them" in msg["content"]
    )
    assert "ICSs are not &lt;partnerships&gt; [1]. <em>(negates the source)</em>" in msg["content"]
    assert "<details>" not in answer_to_messages(ANSWER)[0]["content"]


def test_conversation_messages_and_history() -> None:
    records = [
        {"question": "q1", "answer": ANSWER.to_dict()},
        {"question": "q2", "answer": REFUSED.to_dict()},
    ]
    msgs = conversation_messages(records, pending=("q3", "partial"))
    assert [m["role"] for m in msgs] == ["user", "assistant"] * 3
    assert msgs[4]["content"] == "q3" and msgs[5]["content"] == "partial"
    assert [t.content for t in conversation_history(records, 3)] == [ANSWER.text, "q2", REFUSED.text]
    assert conversation_history(records, 0) == ()


def test_highlight_escapes_html_and_marks_the_quote() -> None:
    out = highlight_in_context(CONTEXT, QUOTE, hint=7)
    assert out == (
        "Intro. <mark>ICSs are &lt;b&gt;partnerships&lt;/b&gt; of organisations.</mark> More text &amp; more."
    )
    assert highlight_in_context(CONTEXT, QUOTE, hint=0) == out  # a wrong hint falls back to searching
    assert highlight_in_context("x" * 1000 + QUOTE + "y" * 1000, QUOTE, width=10).startswith(
        "…xxxxxxxxxx<mark>"
    )
    assert highlight_in_context("unrelated", "<script>") == "<mark>&lt;script&gt;</mark>"


def test_sources_html_per_citation() -> None:
    html = sources_html(ANSWER)
    assert 'id="ics-source-1"' in html and "[1]" in html
    assert "FAQ &lt;ICS&gt;" in html and "2022-07-01" in html
    assert "<mark>ICSs are &lt;b&gt;partnerships" in html and "<b>" not in html
    assert "documents do not answer" in sources_html(REFUSED)
    assert "appear here" in sources_html(None)


def test_copy_text_writes_references_out() -> None:
    assert copy_text(ANSWER) == f'{ANSWER.text}\n\nReferences:\n[1] FAQ <ICS> (2022-07-01): "{QUOTE}"'
    assert copy_text(REFUSED) == REFUSED.text


def test_respond_streams_then_records_the_verified_answer(tmp_path: Path) -> None:
    fake = FakeAssistant()
    chat = StaffChat(fake, FeedbackStore(tmp_path / "f.db"))
    steps = list(chat.respond(QUESTION, []))
    assert len(steps) > 3
    box, msgs, _, _, records, status = steps[1]
    assert box == "" and msgs[-1]["role"] == "assistant" and records == [] and status == ""
    box, msgs, sources, copied, records, status = steps[-1]
    assert len(records) == 1 and records[0]["question"] == QUESTION
    assert "1 July 2022" in msgs[-1]["content"] and "<mark>" in sources and "References:" in copied
    assert fake.calls[-1][2] == "staff"  # staff see all audiences
    follow = list(chat.respond("And which areas were announced as the final 13 ICSs?", records))
    assert len(follow[-1][4]) == 2 and [t.role for t in fake.calls[-1][1]] == ["user", "assistant"]


def test_respond_rejects_empty_and_long_input_without_losing_it(tmp_path: Path) -> None:
    fake = FakeAssistant()
    chat = StaffChat(fake, FeedbackStore(tmp_path / "f.db"), max_message_chars=10)
    ((box, _, _, _, records, status),) = list(chat.respond("   ", []))
    assert "Type a question" in status and records == []
    ((box, _, _, _, _, status),) = list(chat.respond("x" * 11, []))
    assert box == "x" * 11 and "limit is 10" in status
    assert fake.calls == []


class _BrokenAssistant(FakeAssistant):
    def stream(self, question: str, history: Any = (), audience: Any = "public") -> Iterator[str | Answer]:
        yield "partial "
        raise IndexNotBuiltError("no index: run `ics-assistant ingest`")


def test_respond_reports_a_system_fault_and_keeps_the_question(tmp_path: Path) -> None:
    chat = StaffChat(_BrokenAssistant(), FeedbackStore(tmp_path / "f.db"))
    *_, (box, messages, _, _, records, status) = list(chat.respond(QUESTION, []))
    assert box == QUESTION and records == [] and messages == []
    assert status.startswith("**Could not answer:**") and "ics-assistant ingest" in status


def test_rate_and_like_store_feedback(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.db")
    chat = StaffChat(FakeAssistant(), store)
    assert "no answer" in chat.rate(-1, "", [])
    records = list(chat.respond(QUESTION, []))[-1][4]
    records = list(chat.respond("What is an integrated care system?", records))[-1][4]
    assert "saved" in chat.rate(-1, "wrong date", records)
    like = gr.LikeData(None, {"index": 1, "value": "x", "liked": True})
    assert "saved" in chat.on_like("", records, like)
    down, up = store.records()
    assert down.rating == -1 and down.comment == "wrong date" and down.question.startswith("What is an")
    assert len(down.history) == 2 and down.audience == "staff"
    assert up.rating == 1 and up.question == QUESTION and up.history == ()


def test_build_demo_wires_the_components(tmp_path: Path) -> None:
    demo = build_demo(FakeAssistant(), FeedbackStore(tmp_path / "f.db"))
    assert isinstance(demo, gr.Blocks)
    config = demo.get_config_file()
    ids = {c["props"].get("elem_id") for c in config["components"]}
    assert {"ics-chatbot", "ics-question", "ics-sources", "ics-copy", "ics-thumbs-down", "ics-clear"} <= ids
    labels = {c["props"].get("value") for c in config["components"] if c["type"] == "button"}
    assert set(EXAMPLE_QUESTIONS) <= labels
    assert StaffChat.clear()[1] == [] and StaffChat.clear()[4] == []
