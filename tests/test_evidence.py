"""Sentence scoring: records of short lines, "label: value" lines, phone numbers as answers."""

from __future__ import annotations

from ics_assistant.answering.evidence import Pool, correct_terms, counts_focus, is_title_line, score_sentences
from ics_assistant.answering.question import analyze_question
from ics_assistant.sentences import split_sentences
from ics_assistant.types import Chunk, Hit

from .answer_fixtures import one_chunk_pool
from .fakes import FakeEmbedder

TEXT = (
    "Support is available day and night for anyone who is struggling.\n\n"
    "COUNTY HELPLINE: 01632 960735\n\n"
    "The Harbour\n"
    "4 Quay Street, Porthby\n"
    "Open every day, 5pm to 11pm\n\n"
    "Short heading line\n\n"
    "Two lines only\n"
    "are not a record"
)


def _pool(question: str, text: str = TEXT, section: str = "") -> Pool:
    return one_chunk_pool(question, text, section=section)


def test_record_fields_carry_the_records_name_and_are_not_headings() -> None:
    by_text = {sc.text: sc for sc in _pool("When is The Harbour open?").sentences}
    hours = by_text["Open every day, 5pm to 11pm"]
    assert "harbour" in hours.terms and not hours.heading
    assert hours.record == by_text["The Harbour"].index == by_text["4 Quay Street, Porthby"].record
    assert by_text["Short heading line"].heading and by_text["Short heading line"].record == -1
    assert by_text["Two lines only"].record == -1  # a name and one field is not a record


def test_a_label_value_line_is_a_fact_not_a_heading() -> None:
    by_text = {sc.text: sc for sc in _pool("What is the county helpline number?").sentences}
    assert not by_text["COUNTY HELPLINE: 01632 960735"].heading


def test_a_phone_number_answers_a_phone_number_question() -> None:
    info = analyze_question("What's the phone number for the county helpline?")
    assert info.answer_type == "number" and info.focus is not None
    assert counts_focus("COUNTY HELPLINE: 01632 960735", info.focus)
    assert counts_focus("Call +44 20 7946 0000 any time.", info.focus)
    assert not counts_focus("The helpline answered 2,641 calls in 2024/25.", info.focus)


def test_a_count_of_a_common_word_needs_a_number_that_counts_it() -> None:
    info = analyze_question("How many calls did the county helpline answer in 2024/25?")
    assert info.focus == "call"
    assert counts_focus("The helpline answered 2,641 calls in 2024/25.", info.focus)
    assert not counts_focus("The helpline is open 24 hours a day, 365 days a year.", info.focus)


def test_a_misspelt_term_is_corrected_to_the_evidence_but_an_english_word_never_is() -> None:
    info = analyze_question("whats an ICS in plain english, is it statutry?")
    fixed = correct_terms(info, {"plan", "statutori", "ics"})
    assert "plain" in fixed.terms  # what the person meant, not the corpus's "plan"
    assert "statutori" in fixed.terms and "statutri" not in fixed.terms


def test_a_name_the_question_gives_is_not_the_answer_to_which_organisation() -> None:
    text = (
        "Healthier Futures is the local name for the prevention programme in Marlby.\n\n"
        "The programme is delivered by Stepwise Health on behalf of the ICB."
    )
    chunk = Chunk(
        "h:1", "h", text, 0, len(text), audience="public", title="FAQ", sentences=tuple(split_sentences(text))
    )
    question = "Which organisation delivers the Healthier Futures programme?"
    vector = FakeEmbedder().embed([question])[0]
    pool = score_sentences(analyze_question(question), [Hit(chunk=chunk, score=1.0, rank=1)], {}, vector)
    restates, answers = pool.sentences
    assert answers.cue > restates.cue
    assert pool.ranked()[0].text.startswith("The programme is delivered by Stepwise Health")


def test_a_number_written_in_words_counts_the_thing_asked_about() -> None:
    info = analyze_question("How many times a day do the carers visit?")
    assert info.focus is not None
    assert counts_focus("Support workers then visit up to four times a day.", info.focus)
    assert not counts_focus("Support workers visit you at home every day.", info.focus)


def test_a_value_about_another_named_service_cues_less_than_the_one_asked_about() -> None:
    def hit(cid: str, title: str, text: str, rank: int) -> Hit:
        spans = tuple(split_sentences(text))
        chunk = Chunk(cid, cid, text, 0, len(text), audience="public", title=title, sentences=spans)
        return Hit(chunk=chunk, score=1.0, rank=rank)

    question = "What number do I ring for the MSK Direct line?"
    hits = [
        hit("t:1", "Patient transport FAQ", "Call the Moorside booking line on 01632 960688.", 1),
        hit("m:1", "New physiotherapy service", "Call the MSK Direct line on 01632 960415.", 2),
    ]
    vector = FakeEmbedder().embed([question])[0]
    pool = score_sentences(analyze_question(question), hits, {}, vector)
    other, asked = pool.sentences
    assert asked.cue > other.cue > 0


def test_a_short_sentence_is_not_a_heading_but_a_short_line_without_a_full_stop_is() -> None:
    text = "The clinic is in the square. Anyone can attend. No.\n\nOpening times\n\nWeekdays, 9am to 5pm."
    spans = tuple(split_sentences(text))
    chunk = Chunk("s:1", "s", text, 0, len(text), audience="public", title="Guide", sentences=spans)
    question = "can anyone attend the clinic?"
    vector = FakeEmbedder().embed([question])[0]
    pool = score_sentences(analyze_question(question), [Hit(chunk=chunk, score=1.0, rank=1)], {}, vector)
    by_text = {sc.text.strip(): sc for sc in pool.sentences}
    assert not by_text["Anyone can attend."].heading  # a sentence of three words: scored in full
    assert by_text["Opening times"].heading and by_text["No."].heading


def test_a_statement_on_an_faq_question_line_is_part_of_the_question_not_an_answer() -> None:
    text = (
        "Q11. I paid for a prescription I should have had free. Can I get a refund?\n\n"
        "You can ask the pharmacy for a refund form."
    )
    pool = _pool("can i get my money back for a prescription?", text, section=text.splitlines()[0])
    by_text = {sc.text: sc for sc in pool.sentences}
    assert by_text["Q11. I paid for a prescription I should have had free."].is_question
    assert (
        by_text["Can I get a refund?"].is_question
        and not by_text["You can ask the pharmacy for a refund form."].is_question
    )


def test_a_pdf_first_line_that_runs_a_long_title_into_its_publisher_is_a_title_line() -> None:
    title = "Onward: our plan for cancer support hubs 2027 to 2028"
    first = "Onward: our plan for cancer support hubs 2027 to 2028 NHS Tollby ICB, with Tollby Hospitals."
    assert is_title_line(first, title)
    # a short title a real sentence opens with is not: "Pharmacy First is a new service."
    assert not is_title_line("Pharmacy First is a new service for minor illnesses.", "Pharmacy First")
