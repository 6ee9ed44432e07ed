"""What a question asks for (an email address, a phone number, a time...) and whether a passage holds
one: read off English question forms and the written forms of values, never a corpus's words."""

from __future__ import annotations

import pytest

from ics_assistant.answering.answerability import decide
from ics_assistant.answering.evidence import Pool
from ics_assistant.answering.extractive import compose_extractive
from ics_assistant.answering.question import analyze_question
from ics_assistant.answering.slots import asked_slots, has_slot, names_other_person, slots_in

from .answer_fixtures import one_chunk_pool


@pytest.mark.parametrize(
    ("question", "slots"),
    [
        ("What's the email address for the Quillby helpline?", ("email",)),
        ("wat time does the walk-in centre shut at nite", ("time",)),
        ("What number do I call to book transport, and how far in advance?", ("phone", "duration")),
        ("babys moving less than usual who do i ring", ("phone",)),
        ("How much will the new scanner cost?", ("money",)),
        ("how much money has the board put aside for winter", ("money",)),
        ("does it cost anything?", ("money",)),
        ("is it free for children?", ("money",)),
        ("do I have to pay for the consultation", ("money",)),
        ("will the cost of living rise?", ()),  # about costs, not asking for a sum
        ("What percentage of people were seen within six weeks?", ("percent",)),
        ("which course code do staff need?", ("code",)),
        ("What is the code phrase to use on the phone if I need help?", ()),  # words to say, no reference
        ("Who is the head of midwifery at the hospital?", ("person",)),
        ("What is an integrated care system?", ()),
        ("Who are the partners in an ICS?", ()),  # partners are organisations: not one person's name
        ("Can you email me the leaflet?", ()),  # asks for an action, not an address
        ("is our nhs going to look different, according to the chair's email?", ()),  # a message
        ("what did he say in his email?", ()),
        ("what is their email address?", ("email",)),
        ("What will a Connect Well link worker do for me?", ()),  # a link worker is a person, not a web link
        ("is there a link to the referral form?", ("web",)),
        ("whats the website for booking", ("web",)),
        ("when can i ring the advice line", ("time",)),  # the hours it takes calls, not a date
        ("When is the Riverside clinic open?", ("time",)),
        ("When will the clinic open?", ()),  # an opening date
        ("Which consultant is the clinical lead at the centre?", ("person",)),
        ("who took over from simon stevens as head of the nhs?", ("person",)),
        ("which pharmacies are open on Sunday?", ()),  # places, not a person
        ("who is it for?", ("eligibility",)),  # who may use it: a group of people, not a name
        ("Who is the new service for?", ("eligibility",)),  # not "who is the <role>"
        # ... but a role "for" a service named after it is a person
        ("Who is the clinical lead for the new children's autism assessment service?", ("person",)),
        ("who is it for and how long is it", ("duration", "eligibility")),
        ("When does it open, and what is its address?", ("place",)),
        ("What's the postal address?", ("place",)),
        ("where in the hospital will I find it?", ("place",)),  # "on the ground floor of the Wren Wing"
        ("and what is its new street address?", ("place",)),  # two words before "address"
        ("who can use it?", ("eligibility",)),
        ("how old do you have to be to use it?", ("eligibility",)),
        ("What ages does the young carers service support?", ("eligibility",)),
        ("and what is its number?", ("phone",)),  # the number last asked for is a phone number
        ("Can I ring them myself? What's the number?", ("phone",)),
        ("what is the number of people waiting?", ()),  # a count
        ("How much notice do I need to give when booking transport?", ("duration",)),  # "two working days"
        ("how long have I got to post it back?", ("duration",)),  # "within 3 days"
    ],
)
def test_the_kind_of_value_a_question_asks_for(question: str, slots: tuple[str, ...]) -> None:
    assert asked_slots(question) == slots


@pytest.mark.parametrize(
    ("text", "slot", "held"),
    [
        ("Email medicines@quillby.example with your question.", "email", True),
        ("Call the helpline on 01632 960345.", "email", False),
        ("Call the helpline on 01632 960345.", "phone", True),
        ("Ring extension 4432 if the rota changes.", "phone", True),
        ("It is open from 8am to 11pm every day.", "time", True),
        ("It opens in the summer of 2027.", "time", False),
        ("The car may arrive up to two hours before your appointment.", "time", True),  # "how early?"
        ("Steady Steps is free and is for people aged 65 and over.", "eligibility", True),
        ("You can have a free flu vaccine if you are:", "eligibility", True),
        ("The service supports young carers aged 8 to 17 who live in the county.", "eligibility", True),
        ("It aims to cut A&E visits after falls among over-65s by 15%.", "eligibility", False),  # a statistic
        ("Flu vaccinations for adults start on 1 October.", "eligibility", False),  # an aside, not who may
        ("The appointment lasts two hours.", "time", False),
        ("The scanner cost £2.4 million.", "money", True),
        ("Parking is free for blue badge holders.", "money", True),
        ("If you cancel on the day, your team will be charged in full.", "money", True),  # "do we pay?"
        ("Your team will be charged for the booking.", "money", False),  # no more than a charge exists
        ("71.8% of people aged 65 and over were vaccinated.", "percent", True),
        ("Use cost code QX-7702 for overtime.", "code", True),
        ("The code of the week is kindness.", "code", False),
        ("Book at least 2 working days before.", "duration", True),
        ("Dr Amara Okafor leads the unit.", "person", True),
        ("The unit is led by the hospital trust.", "person", False),
    ],
)
def test_a_value_is_found_by_its_written_form(text: str, slot: str, held: bool) -> None:
    assert has_slot(text, slot) is held  # type: ignore[arg-type]


def test_share_of_the_asked_slots_found() -> None:
    texts = ["Call 01632 960345, 9am to 4pm."]
    assert slots_in(texts, ["phone", "time"]) == 1.0
    assert slots_in(texts, ["phone", "email"]) == 0.5
    assert slots_in(texts, []) == 1.0


def _pool(question: str, text: str) -> Pool:
    return one_chunk_pool(question, text, title="Quillby pharmacy FAQ")


def _decide(question: str, text: str) -> tuple[bool, str | None]:
    pool = _pool(question, text)
    decision = decide(pool, compose_extractive(pool).evidence, 0.9)
    return decision.answerable, decision.reason


HELPLINE = (
    "If a medicine is out of stock, call the Quillby Medicines Helpline on 01632 960345, Monday to Friday. "
    "If you are not happy with the reply, write to complaints@quillby.example."
)


def test_a_question_for_an_email_address_is_not_answered_by_a_phone_number_or_another_email() -> None:
    # the passage names the helpline and an email address, but the address is for complaints
    answerable, reason = _decide("What is the email address for the Quillby Medicines Helpline?", HELPLINE)
    assert not answerable and reason == "no_answer_of_type"


def test_a_question_for_a_phone_number_is_answered_by_the_sentence_that_holds_it() -> None:
    answerable, reason = _decide("What is the phone number for the Quillby Medicines Helpline?", HELPLINE)
    assert answerable, reason
    pool = _pool("What is the phone number for the Quillby Medicines Helpline?", HELPLINE)
    assert "01632 960345" in pool.ranked()[0].text


TWO_LINES = (
    "For repeat prescriptions, call the Quillby Access Line on 01632 960318, Monday to Saturday. "
    "For anything else, call the Connect Line on 01632 960452 or email connect@quillby.example."
)


def test_an_email_for_another_named_line_does_not_answer_for_the_line_asked_about() -> None:
    # both sentences share "line"; only the Connect Line has an email address, and the question
    # names the Access Line: its most telling name must be said where the address is given
    answerable, reason = _decide("What is the email address for the Quillby Access Line?", TWO_LINES)
    assert not answerable and reason == "no_answer_of_type"
    answerable, reason = _decide("What is the email address for the Connect Line?", TWO_LINES)
    assert answerable, reason


def test_a_when_question_that_asks_for_hours_does_not_want_a_date() -> None:

    assert analyze_question("When can I call the advice line?").answer_type != "date"
    assert analyze_question("When will the advice line open?").answer_type == "date"


def test_a_person_the_question_names_does_not_answer_who_took_over_from_them() -> None:
    question = "Who took over from Sir Simon Stevens as NHS chief executive?"
    only_him = ["NHS chief executive Sir Simon Stevens said the milestone was a great achievement."]
    assert not names_other_person(only_him, question)
    assert names_other_person([*only_him, "Julia Hart was appointed chief executive in 2022."], question)
    assert names_other_person(["The chair, Dr Amara Okafor, opened the meeting."], "Who chaired the meeting?")


def test_one_capitalised_word_is_no_person_but_a_first_name_and_surname_or_a_title_is() -> None:
    # the small spaCy model tags one-word places and services as people
    places = ["The van stops each week at Marrow Street in Greywater, Linfield bus station and Tollbridge."]
    assert not names_other_person(places, "What is the name of the lead nurse?")
    assert names_other_person(["The lead nurse is Grace Adebayo."], "What is the name of the lead nurse?")
    assert has_slot("Speak to Dr Okafor.", "person")


def test_when_can_i_use_it_is_answered_by_its_hours() -> None:
    text = (
        "You can send a request through the online form on the practice website.\n\n"
        "The online form is open from 8am to 6.30pm, Monday to Friday, except bank holidays."
    )
    assert _decide("When can I use the online form?", text)[0]
    assert "8am to 6.30pm" in compose_extractive(_pool("When can I use the online form?", text)).text
    # "when will ..." still wants a date: hours do not say when something starts
    assert _decide("When will the online form start?", text) == (False, "no_answer_of_type")


def test_which_role_asks_for_a_person_only_when_the_role_is_what_which_picks() -> None:
    assert "person" in asked_slots("Which consultant is the clinical lead?")
    assert "person" in asked_slots("Which nurse should I call?")
    # "GP" here describes the surgery asked for (a compound, parsed with spaCy): a place, not a person
    assert "person" not in asked_slots("Which GP surgery in Greywater cares for people who are homeless?")
