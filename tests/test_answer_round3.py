"""Round 3: the second, lexical look-up for questions about change over time ("still", "as
planned"), on a small invented corpus (FakeEmbedder, MemoryIndex, no model)."""

from __future__ import annotations

import pytest

from ics_assistant.assistant import Assistant
from ics_assistant.config import Settings
from ics_assistant.retrieval.timeline import asks_about_change, is_status_statement, timeline_hits
from ics_assistant.types import DocumentMeta, Hit

from .answer_fixtures import MemoryIndex
from .fakes import FakeEmbedder

PLAN = (
    "Harbour networks still on course\n\n"
    "There are currently 9 districts covered by a Harbour network, which are classed as informal "
    "alliances as they have no basis in statute.\n\n"
    "The minister proposes that Harbour networks gain a legal footing by March 2026.\n"
)
LATER = (
    "Questions about Harbour networks\n\n"
    "After some years of local work, 31 Harbour networks were established on a statutory basis on "
    "4 May 2027.\n\n"
    "Each network publishes a yearly report.\n"
)
FILLER = (
    "Ferry timetables for the Harbour districts\n\n"
    "Harbour district ferries run every hour from the quay in summer and every two hours in winter.\n"
)


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    docs = [
        (DocumentMeta("plan", "Harbour networks still on course", audience="public"), PLAN),
        (DocumentMeta("later", "Questions about Harbour networks", audience="public"), LATER),
        (DocumentMeta("ferry", "Ferry timetables", audience="public"), FILLER),
    ]
    return MemoryIndex(docs, FakeEmbedder())


def _assistant(index: MemoryIndex, top_k: int) -> Assistant:
    settings = Settings(_env_file=None, top_k=top_k)  # type: ignore[call-arg]
    return Assistant(settings, FakeEmbedder(), index)


@pytest.mark.parametrize(
    "question",
    [
        "Are Harbour networks still informal alliances?",
        "Is that the number now?",
        "Did it happen as planned?",
        "Were they made statutory in the end?",
        "Has that changed?",
    ],
)
def test_change_questions_are_recognised(question: str) -> None:
    assert asks_about_change(question)


@pytest.mark.parametrize("question", ["How many districts are covered?", "Who chairs the network?"])
def test_plain_questions_are_not_change_questions(question: str) -> None:
    assert not asks_about_change(question)


def test_status_statement_needs_a_full_date_and_a_status() -> None:
    assert is_status_statement("31 networks were established on a statutory basis on 4 May 2027.")
    assert not is_status_statement("31 networks were established in 2027.")  # no day: a plan or a period
    assert not is_status_statement("The ferry ran on 4 May 2027.")  # a date, but no status


def test_second_lookup_adds_the_dated_status_statement_after_the_hits(index: MemoryIndex) -> None:
    plan_chunks = [c for c in index.all_chunks() if c.doc_id == "plan"]
    hits = tuple(Hit(chunk=c, score=0.5, rank=i + 1) for i, c in enumerate(plan_chunks))
    extra = timeline_hits(index, "public", "Are Harbour networks still informal alliances?", hits, k=10)
    assert [h.chunk.doc_id for h in extra] == ["later"]
    assert extra[0].rank == len(hits) + 1
    assert all(h.chunk.chunk_id not in {x.chunk.chunk_id for x in hits} for h in extra)


def test_second_lookup_finds_nothing_without_a_dated_statement_on_the_subject(index: MemoryIndex) -> None:
    assert timeline_hits(index, "public", "Do the ferries still run in winter?", (), k=10) == []


def test_still_question_quotes_the_later_statement_with_its_own_citation(index: MemoryIndex) -> None:
    answer = _assistant(index, top_k=1).ask("Are Harbour networks still informal alliances?")
    assert not answer.refused
    assert "4 May 2027" in answer.text
    assert {c.doc_id for c in answer.citations} >= {"plan", "later"}
    retrieved = {s.chunk_id for s in answer.sources}
    assert all(c.chunk_id in retrieved for c in answer.citations)  # citations point at retrieved chunks
    assert "According to Questions about Harbour networks" in answer.text


def test_plain_question_runs_one_lexical_search(index: MemoryIndex) -> None:
    before = sum(kind == "lexical" for kind, _ in index.searches)
    _assistant(index, top_k=1).ask("How many districts are covered by a Harbour network?")
    assert sum(kind == "lexical" for kind, _ in index.searches) - before == 1


def test_a_still_inside_a_quoted_title_is_not_a_change_question() -> None:
    assert not asks_about_change("Did they have powers when the 'still on course' blog was written?")
    assert asks_about_change("What's the number now?")  # an apostrophe is not a quote


def test_time_words_are_not_key_terms_of_a_change_question(index: MemoryIndex) -> None:
    # "now" appears in no document: it must not make a covered question look uncovered
    answer = _assistant(index, top_k=2).ask("How many Harbour networks are there now?")
    assert not answer.refused
    assert "31 Harbour networks" in answer.text


PAPER = (
    "Board update\n\n"
    "We await the outcome of the minister's paper which proposes a legal footing for networks.\n\n"
    "Networks are central to the strategy set out in the minister's paper ‘Tides and harbours: working "
    "together for coastal care’. It brings partners together.\n"
)


def test_a_called_question_is_answered_with_the_quoted_title() -> None:
    index = MemoryIndex([(DocumentMeta("paper", "Board update", audience="public"), PAPER)], FakeEmbedder())
    answer = _assistant(index, top_k=3).ask("What was the minister's paper called?")
    assert not answer.refused
    assert answer.text.split("[1]")[0].count("Tides and harbours") == 1  # the lead quotes the title
