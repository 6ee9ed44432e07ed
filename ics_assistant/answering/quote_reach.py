"""How far a quote reaches around the sentence it is built on: the speaker named just before a
"who" answer, the whole entry of a block of lines, the next line that gives the value asked for,
and whether two sentences share a paragraph. Pure functions over the scored pool."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ics_assistant.answering.analysis import has_date, has_number, names_in
from ics_assistant.answering.evidence import Pool, Scored, is_title_line
from ics_assistant.answering.layout import ITEM_CHARS
from ics_assistant.answering.lists import is_intro
from ics_assistant.answering.question import QuestionInfo
from ics_assistant.answering.slots import has_slot

__all__ = [
    "entry_line",
    "gives_value",
    "is_title_sentence",
    "same_paragraph",
    "speaker_before",
    "value_after",
]

_SAID = re.compile(r"\b(said|says|confirmed|announced|wrote|stated)\b")


def is_title_sentence(sc: Scored) -> bool:
    """A document's title line (or one restating it): a heading, never an answer."""
    return sc.heading and is_title_line(sc.text, sc.hit.chunk.title or "")


def speaker_before(pool: Pool, sc: Scored) -> Scored | None:
    """For "who" questions: the sentence just before ``sc`` that names who said it."""
    if names_in(sc.text) and _SAID.search(sc.text):
        return None
    sentences = pool.by_chunk[sc.hit.chunk.chunk_id]
    for prev in reversed(sentences[max(0, sc.index - 2) : sc.index]):
        if names_in(prev.text) and _SAID.search(prev.text):
            return prev
    return None


def entry_line(text: str, sentences: Sequence[Scored], sc: Scored) -> list[Scored]:
    """The sentences of the line ``sc`` is on, when that line is one entry of a block of lines
    (a list without bullets: "Stanmere MIU, Church Lane. Open 9am to 5pm.") rather than a
    paragraph of its own; empty otherwise."""
    line_start = text.rfind("\n", 0, sc.start) + 1
    nl = text.find("\n", sc.end)
    line_end = len(text) if nl < 0 else nl
    before_single = line_start > 0 and text[line_start - 2 : line_start] != "\n\n"
    after_single = line_end < len(text) and text[line_end : line_end + 2] != "\n\n"
    if not (before_single or after_single) or line_end - line_start > ITEM_CHARS:
        return []
    entry = [s for s in sentences if s.start >= line_start and s.end <= line_end]
    if any(is_intro(s) for s in entry):  # a line that opens a list is not an entry of one
        return []
    return entry if len(entry) > 1 else []


def same_paragraph(sc: Scored, later: Scored) -> bool:
    """Whether no blank line stands between ``sc`` and ``later``, a sentence after it in its chunk."""
    return "\n\n" not in sc.hit.chunk.text[sc.end : later.start]


def gives_value(info: QuestionInfo, text: str) -> bool | None:
    """Whether ``text`` holds the kind of value the question asks for (a date for "when", a number
    for "how many", each slot asked: a time, a phone number ...); None when none is asked."""
    if info.slots:
        return all(has_slot(text, slot) for slot in info.slots)
    if info.answer_type == "date":
        return has_date(text)
    if info.answer_type == "number":
        return has_number(text)
    return None


def value_after(info: QuestionInfo, sentences: Sequence[Scored], sc: Scored) -> Scored | None:
    """The next line of the same block when the lead names what is asked but not the value asked
    for, and that line gives it: "Ashby Leisure Centre, Brook Lane" / "Wednesdays, 2pm to 7pm"."""
    if gives_value(info, sc.text) is not False or sc.index + 1 >= len(sentences):
        return None
    nxt = sentences[sc.index + 1]
    if not same_paragraph(sc, nxt) or nxt.is_question or is_intro(nxt) or is_title_sentence(nxt):
        return None
    return nxt if gives_value(info, nxt.text) else None
