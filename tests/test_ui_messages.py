"""Quoted corpus text renders as text in the staff chat: no image, link, emphasis or tag."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ics_assistant.types import Answer, Citation
from ics_assistant.ui.messages import answer_to_messages, as_markdown_text, conversation_messages

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")
HOSTILE = (
    '<img src="https://tracker.example/p.gif"> ![pixel](https://tracker.example/q.png) '
    "[call us](https://evil.example) **urgent** _now_ https://evil.example www.evil.example "
    "a@evil.example <a href='x'>x</a> $$x$$ `code` ~~gone~~\n# Heading\n1. one\n- two\n| a | b |\n|---|---|"
)
_TAGS = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")


def tags(rendered: str) -> set[str]:
    return {m.group(2).lower() for m in _TAGS.finditer(rendered)}


def test_hostile_corpus_text_renders_as_plain_text() -> None:
    rendered = MD.render(as_markdown_text(HOSTILE))
    assert tags(rendered) <= {"p", "br"}
    text = html.unescape(re.sub(r"</?p>", "", rendered))
    assert text.strip() == HOSTILE.strip()


def test_answers_titles_and_questions_are_escaped_in_chat_messages() -> None:
    citation = Citation(
        n=1,
        doc_id="d",
        title="<img src=x onerror=alert(1)> [t](https://evil.example)",
        date=None,
        chunk_id="c",
        start=0,
        end=5,
        quote="x",
    )
    answer = Answer(text=HOSTILE + " [1]", citations=(citation,), sources=(), refused=False)
    (message,) = answer_to_messages(answer)
    assert tags(MD.render(message["content"])) <= {"p", "br", "em"}  # *Sources:* is ours
    record = {"question": "<b>hi</b> ![x](y)", "answer": answer.to_dict()}
    for m in conversation_messages([record], pending=("![p](http://x)", "<img src=x>")):
        assert tags(MD.render(m["content"])) <= {"p", "br", "em"}


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_no_markup_survives_escaping(text: str) -> None:
    rendered = MD.render(as_markdown_text(text))
    assert tags(rendered) <= {"p", "br", "pre", "code"}  # indented lines: a code block, still text
