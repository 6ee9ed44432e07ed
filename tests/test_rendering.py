"""The extractive answer as text (``answering/rendering.py``): frames, markers, lists and records."""

from __future__ import annotations

from ics_assistant.answering.evidence import score_sentences
from ics_assistant.answering.extractive import Quote, compose_extractive
from ics_assistant.answering.question import analyze_question
from ics_assistant.answering.rendering import format_date, render_quotes
from ics_assistant.sentences import split_sentences
from ics_assistant.types import Chunk, Hit

from .fakes import FakeEmbedder

TEXT = (
    "How do I contact the team?\n\n"
    "Continuing Care Team\n"
    "Phone: 01632 960270 (Monday to Friday, 9am to 4.30pm)\n"
    "Email: care@saltby.example\n\n"
    "You can also write to us."
)


def _chunk() -> Chunk:
    return Chunk(
        "c:1",
        "c",
        TEXT,
        0,
        len(TEXT),
        audience="public",
        title="Care FAQ",
        date="2026-02-09",
        sentences=tuple(split_sentences(TEXT)),
    )


def test_a_record_is_quoted_as_its_name_then_its_fields_one_per_line() -> None:
    chunk = _chunk()
    start = TEXT.index("Continuing Care Team")
    end = TEXT.index("care@saltby.example") + len("care@saltby.example")
    text, citations, is_list = render_quotes([Quote(chunk, start, end, record=True)])
    assert text.splitlines() == [
        "According to Care FAQ, dated 9 February 2026: Continuing Care Team [1]",
        "- Phone: 01632 960270 (Monday to Friday, 9am to 4.30pm)",
        "- Email: care@saltby.example",
    ]
    assert citations[0].quote == TEXT[start:end] and not is_list
    one_line, _, _ = render_quotes([Quote(chunk, start, end)])
    assert "\n" not in one_line  # the same span, not a record: one line of prose


def test_the_phone_question_gets_the_record_as_lines() -> None:
    question = "What is the phone number of the Continuing Care Team?"
    vector = FakeEmbedder().embed([question])[0]
    pool = score_sentences(analyze_question(question), [Hit(chunk=_chunk(), score=1.0, rank=1)], {}, vector)
    comp = compose_extractive(pool)
    assert comp.quotes[0].record
    assert "\n- Phone: 01632 960270" in comp.text


def test_dates_are_written_out() -> None:
    assert format_date("2026-02-09") == "9 February 2026"
    assert format_date(None) is None
