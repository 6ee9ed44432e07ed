"""How far a quote reaches around its sentence (``answering/quote_reach.py``), on real scoring
with the fake embedder."""

from __future__ import annotations

from ics_assistant.answering.evidence import Pool
from ics_assistant.answering.question import analyze_question
from ics_assistant.answering.quote_reach import (
    entry_line,
    gives_value,
    same_paragraph,
    speaker_before,
    value_after,
)

from .answer_fixtures import one_chunk_pool


def _pool(question: str, text: str) -> Pool:
    return one_chunk_pool(question, text)


def test_gives_value_asks_for_the_kind_of_value_the_question_wants() -> None:
    when = analyze_question("When does the clinic open?")
    assert gives_value(when, "The clinic opens on Monday 4 May 2026.") is True
    assert gives_value(when, "The clinic is at Ashby Health Centre.") is False
    assert gives_value(analyze_question("What does the clinic do?"), "It treats sprains.") is None


def test_the_next_line_that_gives_the_value_asked_for_is_reached() -> None:
    text = "Ashby Leisure Centre, Brook Lane\nTuesday 3 March 2026, 2pm to 7pm\n\nParking is free."
    pool = _pool("When is the clinic at Ashby Leisure Centre open?", text)
    lines = pool.by_chunk["g:1"]
    got = value_after(pool.info, lines, lines[0])
    assert got is not None and got.text.startswith("Tuesday 3 March")
    assert same_paragraph(lines[0], lines[1]) and not same_paragraph(lines[0], lines[-1])


def test_a_who_answer_reaches_back_to_the_sentence_that_names_the_speaker() -> None:
    text = "Dr Ana Brook, the clinical lead, said the clinic would help. It will open in May."
    pool = _pool("Who said the clinic would help?", text)
    lines = pool.by_chunk["g:1"]
    assert speaker_before(pool, lines[1]) is lines[0]
    assert speaker_before(pool, lines[0]) is None  # it names its own speaker


def test_an_entry_of_a_block_of_lines_is_read_whole_but_a_paragraph_is_not() -> None:
    block = (
        "Walk-in clinics:\n\n"
        "Stanmere MIU, Church Lane. Open 9am to 5pm.\n"
        "Holt MIU, Mill Road. Open 8am to 8pm."
    )
    pool = _pool("When is Stanmere MIU open?", block)
    lines = pool.by_chunk["g:1"]
    first = next(s for s in lines if s.text.startswith("Stanmere"))
    assert [s.text for s in entry_line(block, lines, first)] == [
        "Stanmere MIU, Church Lane.",
        "Open 9am to 5pm.",
    ]
    prose = "Stanmere MIU is on Church Lane. It opens at 9am."
    pool = _pool("When is Stanmere MIU open?", prose)
    assert entry_line(prose, pool.by_chunk["g:1"], pool.by_chunk["g:1"][0]) == []
