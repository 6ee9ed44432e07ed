"""Two-part questions are split by grammar, and the reply quotes an answer for each part."""

from __future__ import annotations

from ics_assistant.answering.parts import question_parts
from ics_assistant.answering.question import analyze_parts


def test_split_at_a_second_question() -> None:
    assert question_parts("How much did the board spend, and how big was its surplus?") == [
        "How much did the board spend?",
        "how big was its surplus?",
    ]
    assert question_parts("what is pharmacy first? who can use it?") == [
        "what is pharmacy first?",
        "who can use it?",
    ]
    assert question_parts("Is the cafe open on Sunday, and until what time?") == [
        "Is the cafe open on Sunday?",
        "until what time?",
    ]


def test_a_question_word_too_short_to_be_a_part_opens_the_next_part() -> None:
    # "Where and when does it meet" asks one thing; the second question starts at ", and do I"
    assert question_parts("Where and when does it meet, and do I need to book?") == [
        "Where and when does it meet?",
        "do I need to book?",
    ]
    assert question_parts("how and when can i refer myself") == ["how and when can i refer myself"]


def test_one_question_stays_whole() -> None:
    for q in ("What is an ICS?", "ICSs and CCGs", "who and what", "Which councils and trusts are partners?"):
        assert question_parts(q) == [q]
    # what follows a question mark is a second question only if it asks one
    for q in (
        "Who said that? “Partnership working has been at the heart of it.”",
        "how do I refer? my dad is 80",
    ):
        assert question_parts(q) == [q]
    assert question_parts("is it free? do I need a referral?") == ["is it free?", "do I need a referral?"]


def test_each_part_asks_for_its_own_kind_of_value() -> None:
    question = "What hours is the Millbrook clinic open, and does it cost anything?"
    first, second = analyze_parts(question, question_parts(question))
    assert first.slots == ("time",)  # not the second part's sum of money
    assert second.slots == ("money",)
    assert "millbrook" in second.terms  # a later part keeps the first part's subject


def test_the_first_part_asks_for_its_own_kind_of_answer() -> None:
    question = "How long have I got to post the kit back, and when will I hear the result?"
    first, second = analyze_parts(question, question_parts(question))
    assert (first.answer_type, first.slots) == ("number", ("duration",))  # not the later "when"'s date
    assert second.answer_type == "date"


def test_a_follow_ups_carried_names_go_into_each_of_its_parts() -> None:
    from ics_assistant.answering.parts import carried_words, with_context

    asked = "when is it open? and can i take my 18 month old there"
    condensed = f"{asked} Stanmere Minor Injuries Unit"
    assert carried_words(asked, condensed) == "Stanmere Minor Injuries Unit"
    assert with_context(question_parts(condensed), carried_words(asked, condensed)) == [
        "when is it open Stanmere Minor Injuries Unit?",
        "can i take my 18 month old there Stanmere Minor Injuries Unit?",
    ]
    assert with_context(["what is it?"], "") == ["what is it?"]
