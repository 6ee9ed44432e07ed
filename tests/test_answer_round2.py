"""Answer-quality mechanisms of round 2, on a small invented corpus (FakeEmbedder, no model):
list intent and list intros that match the question, no list dump for a yes/no question, no title
line as an answer, the main clause deciding the answer type, "about me" preambles, "which
area/place" questions needing a place, and wider emergency wording."""

from __future__ import annotations

import pytest

from ics_assistant.answering.question import analyze_question
from ics_assistant.answering.safety import screen_message
from ics_assistant.assistant import Assistant
from ics_assistant.config import Settings
from ics_assistant.types import DocumentMeta

from .answer_fixtures import MemoryIndex
from .fakes import FakeEmbedder

ROSTER = (
    "Eleven riverside trusts join the Harbour network\n\n"
    "The regional director today confirmed that the eleven riverside trusts will join the Harbour "
    "network from October 2024, serving 2.1 million people.\n\n"
    "The 11 riverside trusts are:\n\n"
    "Alderbrook and Fenwick\n\n"
    "Marlow Vale\n\n"
    "Quayside and Tollgate\n\n"
    "Northmere\n"
)
STATUS = (
    "Harbour networks still on course\n\n"
    "There are currently 9 districts covered by a Harbour network, which are classed as informal "
    "alliances as they have no basis in statute.\n\n"
    "Every Harbour network will have the following parts in place;\n\n"
    "a steering board drawn from trusts, councils and charities;\n\n"
    "a lay chair appointed locally;\n\n"
    "a shared budget held by the lead trust.\n\n"
    "Ferris Vantongeren, Lay Chair\n\n"
    "Odile Brennan, Regional Lead for the alliances in the Fenlands, said the alliances work well.\n"
)


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    docs = [
        (
            DocumentMeta("roster", "Eleven riverside trusts join the Harbour network", audience="public"),
            ROSTER,
        ),
        (DocumentMeta("status", "Harbour networks still on course", audience="public"), STATUS),
    ]
    return MemoryIndex(docs, FakeEmbedder())


@pytest.fixture
def assistant(index: MemoryIndex) -> Assistant:
    return Assistant(Settings(_env_file=None), FakeEmbedder(), index)  # type: ignore[call-arg]


# --- question analysis -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Can you list the 11 riverside trusts?",
        "Which are the riverside trusts?",
        "Name the trusts joining the network.",
        "What are the 11 riverside trusts?",
    ],
)
def test_list_intent_is_recognised_in_many_wordings(question: str) -> None:
    assert analyze_question(question).answer_type == "list"


def test_the_last_clause_decides_the_answer_type() -> None:
    info = analyze_question("When the course blog was written, how many districts had a network?")
    assert info.answer_type == "number"
    assert info.focus == "district"
    assert analyze_question("When did the trusts join?").answer_type == "date"


@pytest.mark.parametrize(
    "question",
    [
        "I work in NHS HR - when do the trusts join the network?",
        "As a GP, when do the trusts join the network?",
    ],
)
def test_who_is_asking_adds_no_entities(question: str) -> None:
    info = analyze_question(question)
    assert info.entities == ()
    assert "hr" not in info.terms and "gp" not in info.terms


@pytest.mark.parametrize(
    "question",
    [
        "my daughter is 15, can she just go to the chemist for the pill?",
        "im 38 can i just wander in and have my blood pressure done",
        "my baby is 8 months and has a temperature, can i take her there",
        "can a 70 year old use the service",
    ],
)
def test_an_age_the_asker_gives_is_not_a_number_the_evidence_must_say(question: str) -> None:
    # the documents state a rule ("aged 40 or over"), never the asker's own age
    assert analyze_question(question).entities == ()


def test_how_many_of_the_counts_the_noun_after_it() -> None:
    assert analyze_question("How many of the 41 pharmacies are in the north?").focus == "pharmacy"
    assert analyze_question("how many of the GP practices open late?").focus == "gp"


def test_a_number_asked_about_stays_an_entity() -> None:
    assert analyze_question("What is 111?").entities == ("111",)
    assert "41" in analyze_question("How many of the 41 pharmacies are in the north?").entities


def test_which_area_questions_ask_for_a_place_but_lists_of_areas_do_not() -> None:
    assert analyze_question("Which area's network does Ferris Vantongeren chair?").place
    assert analyze_question("In what region is Marlow Vale?").place
    assert not analyze_question("Which areas joined the network?").place
    assert not analyze_question("Who chairs the network?").place


# --- composition ---------------------------------------------------------------------------------


def test_a_list_question_gets_the_items_with_the_setting_sentence(assistant: Assistant) -> None:
    ans = assistant.ask("Can you list the 11 riverside trusts that join from October?")
    assert not ans.refused, ans.refusal_reason
    for item in ("Alderbrook and Fenwick", "Marlow Vale", "Quayside and Tollgate", "Northmere"):
        assert f"- {item}" in ans.text
    assert "October 2024" in ans.text  # the entity the intro lacks comes from the setting sentence
    assert "The source names only the trusts listed above." in ans.text
    assert all(c.doc_id == "roster" for c in ans.citations)


def test_a_short_which_are_question_gets_the_list(assistant: Assistant) -> None:
    ans = assistant.ask("Which are the riverside trusts?")
    assert "- Marlow Vale" in ans.text
    assert "The 11 riverside trusts are:" in ans.text


def test_a_yes_no_question_gets_no_list_dump(assistant: Assistant) -> None:
    ans = assistant.ask("Are Harbour networks statutory bodies or still informal alliances?")
    assert not ans.refused, ans.refusal_reason
    assert "informal alliances" in ans.text
    assert "following parts in place" not in ans.text
    assert "\n- " not in ans.text


def test_a_what_question_about_the_list_still_gets_it(assistant: Assistant) -> None:
    ans = assistant.ask("What parts will every Harbour network have in place?")
    assert "- a lay chair appointed locally;" in ans.text


def test_a_title_line_is_never_the_answer(assistant: Assistant) -> None:
    ans = assistant.ask("How many districts were covered by a Harbour network when it was still on course?")
    assert not ans.refused, ans.refusal_reason
    assert "9 districts" in ans.text
    assert "Harbour networks still on course [" not in ans.text


def test_which_area_with_no_place_in_the_evidence_is_refused(assistant: Assistant) -> None:
    ans = assistant.ask("Which area's network does Ferris Vantongeren chair?")
    assert ans.refused
    assert ans.refusal_reason == "no_answer_of_type"


def test_which_region_is_answered_when_the_evidence_places_the_subject(assistant: Assistant) -> None:
    ans = assistant.ask("Which region does Odile Brennan work in?")
    assert not ans.refused, ans.refusal_reason
    assert "Fenlands" in ans.text


# --- safety --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My husband's face has suddenly dropped on one side. What should I do?",
        "my dad can't lift his arm and his speech is odd",
    ],
)
def test_stroke_signs_in_other_words_are_emergencies(message: str) -> None:
    verdict = screen_message(message)
    assert verdict is not None and verdict.kind == "emergency"


def test_talk_about_stroke_services_is_not_an_emergency() -> None:
    assert screen_message("How will ICSs improve stroke services?") is None
