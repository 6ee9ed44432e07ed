"""Answer types the fitted model never overrides: a sum of money for "how much is she paid", a
figure for the period asked about. Texts are invented, not from a corpus."""

from __future__ import annotations

import pytest

from ics_assistant.answering.answerability import decide
from ics_assistant.answering.evidence import score_sentences
from ics_assistant.answering.extractive import compose_extractive
from ics_assistant.answering.question import analyze_question
from ics_assistant.sentences import split_sentences
from ics_assistant.types import Chunk, Hit

from .fakes import FakeEmbedder

REPORT = (
    "The board's chief executive, Jo Bloggs, joined in 2023 and leads 600 staff. "
    "The allocation we received was £2,641.8 million for 2024/25. "
    "The chair is paid £65,000 a year."
)


def _page(doc_id: str, text: str, title: str, date: str | None = None) -> Chunk:
    return Chunk(
        f"{doc_id}:1",
        doc_id,
        text,
        0,
        len(text),
        audience="public",
        title=title,
        date=date,
        sentences=tuple(split_sentences(text)),
    )


def _pool(question: str, chunks: list[Chunk]):  # type: ignore[no-untyped-def]
    hits = [Hit(chunk=c, score=1.0, rank=i + 1) for i, c in enumerate(chunks)]
    return score_sentences(analyze_question(question), hits, {}, FakeEmbedder().embed([question])[0])


def _decision(question: str, text: str = REPORT, date: str | None = "2025-07-03"):  # type: ignore[no-untyped-def]
    pool = _pool(question, [_page("r", text, "Annual report summary", date)])
    return decide(pool, compose_extractive(pool).evidence, 0.9)


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        ("How much is the chief executive, Jo Bloggs, paid a year?", False),  # 600 staff is no salary
        ("How much is the chair paid a year?", True),
        ("How much was the allocation for 2026/27?", False),  # the 2024/25 figure is not it
        ("How much was the allocation for 2024/25?", True),
    ],
)
def test_money_and_period_questions_need_a_sum_for_that_period(question: str, typed: bool) -> None:
    decision = _decision(question)
    assert decision.has_answer_type is typed
    if not typed:
        assert not decision.answerable and decision.reason == "no_answer_of_type"


def test_a_figure_for_the_year_may_be_named_by_the_documents_date() -> None:
    text = "The board approved its financial plan. The allocation for the year is £1,947.6 million."
    assert _decision("How much is the allocation for 2026/27?", text, date="2026-04-02").has_answer_type
    assert not _decision("How much is the allocation for 2026/27?", text, date="2025-04-02").has_answer_type


STAFF = (
    "Dr Ann Lowe, Chief Medical Officer at the Ormsby Care Board, said the centre would cut waits. "
    "The meeting was chaired by Helen Okoro, Chair of the Board."
)


@pytest.mark.parametrize(
    ("question", "answerable"),
    [
        ("Who is the chief executive of the Ormsby Care Board?", False),  # a chief officer is not it
        ("Who is the operations manager at the centre?", False),
        ("Who is the chair of the board?", True),
        ("Who is the independent chair of the board?", True),  # the role's noun, not its adjective
        ("Which consultant is the clinical lead at the centre?", False),  # a named doctor is no lead
        ("Which doctor is the chief medical officer?", True),
        ("What is the name of the operations manager at the centre?", False),
        ("What's the name of the chair of the board?", True),
    ],
)
def test_who_is_the_role_needs_a_quote_that_names_that_role(question: str, answerable: bool) -> None:
    decision = _decision(question, STAFF)
    if answerable:  # never refused for want of the role (the fitted model may still weigh the rest)
        assert decision.reason != "no_answer_of_type"
    else:
        assert not decision.answerable and decision.reason == "no_answer_of_type"


def test_on_what_date_needs_a_date_that_names_the_day() -> None:
    text = "We will open a new memory hub by March 2027. It will see 40 patients a week."
    decision = _decision("On what date will the memory hub see its first patients?", text)
    assert not decision.has_answer_type and not decision.answerable
    assert _decision("When will the memory hub open?", text).has_answer_type  # a month answers "when"
    opened = "The new memory hub opens on Monday 1 March 2027."
    assert _decision("On what date will the memory hub open?", opened).has_answer_type


def test_a_question_about_a_named_year_needs_a_quote_for_that_year() -> None:
    text = "The board published its plan for 2024/25. The plan sets out four priorities for local care."
    decision = _decision("What are the priorities in the plan for 2027/28?", text, date="2025-04-02")
    assert not decision.answerable and decision.reason == "missing_entity"


PHARMACIES = (
    "From 1 April, 41 community pharmacies across Ravenby and Tarnley will offer free blood pressure checks."
)


@pytest.mark.parametrize(
    ("question", "typed"),
    [
        (
            "How many of the 41 pharmacies are in Tarnley rather than Ravenby?",
            False,
        ),  # 41 is given, not found
        ("How many pharmacies will offer free blood pressure checks?", True),
    ],
)
def test_a_number_the_question_gives_is_not_its_answer(question: str, typed: bool) -> None:
    decision = _decision(question, PHARMACIES)
    assert decision.has_answer_type is typed
    if not typed:
        assert not decision.answerable


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("According to the ARS, who leads the board's 600 staff?", 1.0),  # "Annual report summary"
        ("According to the ARX, who leads the board's 600 staff?", 0.5),  # spells nothing (600 is named)
        ("Who leads the staff, according to the summary of 2025?", 1.0),  # the document is dated 2025
        ("Who leads the staff, according to the summary of 2019?", 0.0),
    ],
)
def test_an_acronym_is_named_by_the_words_it_spells_and_a_year_by_the_documents_date(
    question: str, named: float
) -> None:
    decision = _decision(question)
    assert decision.features["entity_coverage"] == named


@pytest.mark.parametrize(
    ("question", "entities"),
    [
        ("Why might I be better off in Ashby if I think I've broken my wrist?", ("ashby",)),
    ],
)
def test_contractions_are_not_entities(question: str, entities: tuple[str, ...]) -> None:
    assert analyze_question(question).entities == entities


def test_a_day_of_the_week_is_not_a_name_the_evidence_must_repeat() -> None:
    text = "The Ashby team takes calls Monday to Friday, 9am to 5pm."
    assert _decision("Can I ring the Ashby team on a Sunday?", text).features["entity_coverage"] == 1.0


def test_who_is_the_role_needs_a_quote_that_names_someone() -> None:
    named = "The board's chief nursing officer, Dr Ann Lee, will chair the review panel."
    unnamed = "The board's chief nursing officer will chair the review panel in the spring."
    assert _decision("Who is the board's chief nursing officer?", named).answerable
    decision = _decision("Who is the board's chief nursing officer?", unnamed)
    assert not decision.answerable and decision.reason == "no_answer_of_type"


def test_a_date_the_question_gives_is_not_its_answer() -> None:
    text = "The board will decide in public at its meeting in July 2027. The review ends on 3 May 2027."
    assert not _decision("On what date in July 2027 will the board decide?", text).has_answer_type
    assert _decision("On what date in 2027 will the review end?", text).has_answer_type
    # a longer date that holds the given one is an answer: "when in March 2021 was it sent?"
    sent = "The update was sent to partners on 19 March 2021."
    assert _decision("When in March 2021 was the update sent?", sent).has_answer_type


def test_only_a_how_do_i_request_needs_its_verb_in_the_quote() -> None:
    text = "You cannot walk in to the Ashby clinic: you need a referral from your GP."
    # "how do I book?" is not answered by a passage that never says how to book
    assert not _decision("How do I book at the Ashby clinic?", text).answerable
    # "can I just turn up?" is a yes/no question its words need not repeat: "you cannot walk in"
    assert _decision("Can I just turn up at the Ashby clinic without my GP?", text).answerable


def _two_pages(question: str, first: str, second: str):  # type: ignore[no-untyped-def]
    chunks = [_page("kidney-care", first, "kidney-care"), _page("new-unit-news", second, "new-unit-news")]
    pool = _pool(question, chunks)
    # the reply as quoted: the first page's first sentence leads, the second page's sentence follows
    evidence = [next(sc for sc in pool.sentences if sc.hit.chunk is c) for c in chunks]
    return decide(pool, evidence, 0.9)


CARE = (
    "The trust supplies the machine and pays a yearly contribution towards extra water and electricity "
    "costs for home dialysis. Patients can be trained at home by specialist nurses."
)
NEWS = "The new dialysis building cost £7.4 million, paid for by the trust and the ICB."


def test_a_sum_quoted_from_another_page_about_something_else_does_not_answer_how_much() -> None:
    asked = "How much does the trust pay each year towards water and electricity bills for home dialysis?"
    decision = _two_pages(asked, CARE, NEWS)
    assert not decision.has_answer_type and decision.reason == "no_answer_of_type"
    # the sum answers when the quote about it leads, or when the other page's quote is about it too
    assert _two_pages("How much did the new dialysis building cost?", NEWS, CARE).has_answer_type
    assert _two_pages("How much did the trust pay for the new dialysis building?", CARE, NEWS).has_answer_type
