"""What a question asks (``answering/question.py``): its terms, its kind of answer, its parts."""

from __future__ import annotations

from ics_assistant.answering.question import analyze_part, analyze_question, asks_when_usually


def test_a_question_with_a_contraction_keeps_its_real_terms() -> None:
    info = analyze_question("Can I get my bus fares back if I'm on pension credit?")
    assert not any("'" in t for t in info.terms)
    assert "credit" in info.terms


def test_a_role_the_asker_gives_is_no_term_but_a_condition_they_give_is() -> None:
    assert "nurs" not in analyze_question("im a nurse, what does the ICS mean for me day to day?").terms
    assert "hr" not in analyze_question("I work in NHS HR - by when is a workforce strategy due?").terms
    # "I'm on universal credit, ...", "im 72 and never had the scan, ...": what the answer turns on
    assert {"univers", "credit"} <= set(analyze_question("im on universal credit, do i have to pay?").terms)
    assert "scan" in analyze_question("im 72 and never had the aaa scan, is it too late to get one").terms
    assert "daytim" in analyze_question("i work 9 to 5 so cant get to daytime classes, any at night?").terms


def test_who_to_call_asks_for_a_service_or_line_and_who_chairs_for_a_person() -> None:
    assert analyze_question("who do we call when it isn't open?").answer_type != "name"
    assert analyze_question("Who should I contact about my referral?").answer_type != "name"
    assert analyze_question("Who chairs the board?").answer_type == "name"


def test_a_later_part_asks_its_own_kind_of_answer_about_the_first_parts_subject() -> None:
    first = "When does the new Steady Steps falls prevention service start?"
    info = analyze_part("who is it for?", first)
    assert info.answer_type != "date" and info.slots == ("eligibility",)
    assert {"steady", "step", "servic"} <= set(info.terms)
    # the first part's kind carries over to a later "when": after "what are its hours", hours again
    hours = analyze_part("when can I have a blood test there?", "What are the opening hours of the centre?")
    assert hours.answer_type != "date"
    # but not onto a value with a form of its own: "when will the line open, and what is its number?"
    number = analyze_part("what is its number?", "When will the new advice line open?")
    assert number.answer_type != "date" and number.slots == ("phone",)


def test_a_later_part_with_its_own_question_word_asks_its_own_kind_not_the_first_parts_date() -> None:
    first = "When does the new multi-faith centre open?"
    assert analyze_part("where in the hospital will I find it?", first).answer_type != "date"
    assert analyze_part("which company runs it?", first).answer_type != "date"
    # a part with no question word of its own still asks the first part's kind ("and on Saturdays?")
    assert analyze_part("and on Saturdays?", first).answer_type == "date"


def test_a_later_yes_no_part_asks_for_no_date_and_knows_the_words_it_adds() -> None:
    info = analyze_part("can anyone go?", "When is the next board meeting?")
    assert info.answer_type != "date"  # a yes/no part: the first part's "when" does not carry over
    assert {"board", "meet"} <= set(info.terms)  # the subject still does
    assert set(info.own_terms) == {"anyon", "go"}  # what the part adds to the first part
    # a wh- part that says nothing new about its subject adds no words of its own
    assert analyze_part("where is it?", "When does the new clinic open?").own_terms == ()


def test_when_can_i_may_ask_for_a_time_of_day_and_when_will_for_a_date() -> None:
    assert asks_when_usually("When can I use my GP practice's online consultation form?")
    assert asks_when_usually("when do they visit?")
    assert not asks_when_usually("When will the new clinic open?")
    assert not asks_when_usually("When did ICSs become statutory?")


def test_when_and_where_asks_for_a_place_and_may_be_answered_by_a_day_and_a_time() -> None:
    # "Collect your kit from ... Harrier Wing ..., between 2pm and 4pm on the day of your study"
    for question in (
        "Where and when do I pick up the kit for my home sleep study?",
        "when and where is the breastfeeding cafe",
        "When does it meet?",
    ):
        assert asks_when_usually(question), question
    assert "place" in analyze_question("when and where is the breastfeeding cafe").slots
    assert "place" in analyze_question("Where and when are the public events?").slots
    assert not asks_when_usually("When will it open, and where?")
    assert not asks_when_usually("When and why did the board decide this?")


def test_how_many_counts_the_noun_not_the_word_that_describes_it() -> None:
    assert analyze_question("How many flexible working requests can I make a year?").focus == "request"
    assert analyze_question("how many virtual ward beds were open?").focus == "bed"
    assert analyze_question("How many of the 41 pharmacies are in Tarn?").focus == "pharmacy"


def test_how_much_notice_asks_for_a_time_and_counts_no_notices() -> None:
    info = analyze_question("How much notice do I need to give when booking patient transport?")
    assert "duration" in info.slots and info.focus is None
    assert analyze_question("how many calls were there last winter?").focus == "call"


def test_an_age_typed_without_its_apostrophe_is_the_askers_not_a_name_to_find() -> None:
    info = analyze_question("how long is the wait for an adhd assessment, hes 24 and been waiting for ages")
    assert "24" not in info.entities


def test_an_age_told_in_the_past_is_the_askers_too() -> None:
    info = analyze_question(
        "my periods finished for good when i was 37. is there a clinic for people like me"
    )
    assert "37" not in info.entities
    assert "2019" in analyze_question("what was the wait in 2019?").entities  # a year asked about
