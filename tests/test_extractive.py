"""The extractive answer's shape: list entries quoted whole, lists that close the lead's paragraph
quoted with it, "who can ..." answered by the list of who. Texts are invented, not from a corpus."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from ics_assistant.answering.evidence import score_sentences
from ics_assistant.answering.extractive import Composition, compose_extractive
from ics_assistant.answering.layout import item_line
from ics_assistant.answering.lists import best_list
from ics_assistant.answering.question import analyze_question
from ics_assistant.sentences import split_sentences
from ics_assistant.types import Chunk, Hit

from .answer_fixtures import one_chunk_pool


def _compose(question: str, text: str, title: str = "Local services guide", section: str = "") -> Composition:
    return compose_extractive(one_chunk_pool(question, text, title=title, section=section))


CLINICS = (
    "Walk-in clinics treat sprains, cuts and minor burns.\n\n"
    "Eastbrook Walk-in Clinic, Eastbrook Hospital, Mill Road, Eastbrook. Open 8am to 8pm, every day.\n"
    "Westford Walk-in Clinic, Westford Health Centre, Kiln Street, Westford. Open 10am to 4pm, weekdays "
    "only. Closed on bank holidays.\n\n"
    "There is no scanner at Westford, so staff may send you on to Eastbrook."
)


def test_a_lead_inside_one_entry_of_a_list_of_lines_quotes_the_whole_entry() -> None:
    comp = _compose("westford walk-in clinic opening hours", CLINICS)
    assert "Kiln Street, Westford. Open 10am to 4pm, weekdays only. Closed on bank holidays [1]." in comp.text
    assert "Eastbrook Hospital, Mill Road" not in comp.text.split("[1]")[0]  # not the neighbouring entry


def test_a_paragraph_of_its_own_is_not_stretched_to_an_entry() -> None:
    text = (
        "The hubs offer evening appointments for working people. They are booked through your practice.\n\n"
        "Parking is free at every hub. Buses stop outside each one."
    )
    comp = _compose("are hub appointments in the evening", text)
    assert "Parking" not in comp.text


HUBS = (
    "Evening hubs offer doctor and nurse appointments after work for people who cannot come in the day. "
    "Hubs are open Monday to Friday from 6pm to 8pm. There are three hubs:\n"
    "- Ash Grove Surgery, Northam\n"
    "- Beacon Health Centre, Southam\n"
    "- Cedar Lane Practice, Eastam\n"
    "Hub appointments are booked through your own practice.\n\n"
    "Other news: the car park is being resurfaced."
)


def test_a_list_that_closes_the_leads_paragraph_is_quoted_with_it_and_counted_from_its_intro() -> None:
    comp = _compose("evening hubs locations", HUBS)
    lines = comp.text.splitlines()
    assert lines[0].endswith("There are three hubs: [1]")
    assert lines[1:4] == [
        "- Ash Grove Surgery, Northam",
        "- Beacon Health Centre, Southam",
        "- Cedar Lane Practice, Eastam",
    ]
    # "three" items announced, three listed: no "names only" note from the hours' numbers in the lead
    assert "names only" not in comp.text


def test_an_item_line_of_several_sentences_stays_one_item_and_the_list_goes_on() -> None:
    text = (
        "To return equipment we lent you, follow these steps:\n"
        "- Clean it with warm soapy water. Dry it well. Do not use bleach.\n"
        "- Find the asset label on the frame.\n"
        "- Book a collection online or by phone.\n\n"
        "We recycle what we cannot lend again."
    )
    comp = _compose("what are the steps to return equipment", text)
    assert "- Clean it with warm soapy water. Dry it well. Do not use bleach." in comp.text
    assert "- Find the asset label on the frame." in comp.text
    assert "- Book a collection online or by phone." in comp.text


def test_a_pronoun_intro_after_the_lead_brings_its_list() -> None:
    text = (
        "Besides doctors and nurses, surgeries now employ 120 staff in newer roles. These include:\n"
        "- pharmacists, who review medicines\n"
        "- physiotherapists, for joint problems\n"
        "- link workers\n\n"
        "Reception staff ask a few questions to book you with the right person."
    )
    comp = _compose("apart from doctors and nurses what other kinds of staff work in surgeries", text)
    assert "- pharmacists, who review medicines" in comp.text and "- link workers" in comp.text
    assert "These include: [1]" in comp.text


def test_who_can_question_gets_the_list_of_who_when_its_intro_says_what_is_asked() -> None:
    text = (
        "Eye tests are free if you are:\n"
        "- under 16\n"
        "- aged 60 or over\n"
        "- receiving certain benefits\n"
        "Everyone else pays the standard charge.\n\n"
        "Opticians are independent businesses and set their own opening hours."
    )
    comp = _compose("Who can get eye tests for free?", text)
    assert comp.text.splitlines()[1:4] == ["- under 16", "- aged 60 or over", "- receiving certain benefits"]
    assert "Everyone else pays" not in comp.text


CAFES = (
    "Our drop-in cafes are a calm alternative to A&E. Just turn up.\n\n"
    "The Kestrel\n"
    "4 Quay Street, Porthby\n"
    "For adults aged 18 and over\n"
    "Open every day, 5pm to 11pm\n\n"
    "The Beacon\n"
    "Market Hall, Upton\n"
    "For young people aged 11 to 17\n"
    "Open Thursday to Sunday, 4pm to 8pm\n\n"
    "A cafe for the hill villages is planned for next spring."
)


def test_a_record_of_short_lines_is_quoted_whole_and_its_fields_know_its_name() -> None:
    comp = _compose("What time does The Beacon open?", CAFES, title="Crisis support guide")
    first = comp.quotes[0]
    assert first.record
    assert "The Beacon" in first.text and "Market Hall, Upton" in first.text
    assert "Open Thursday to Sunday, 4pm to 8pm" in first.text
    assert "The Kestrel" not in first.text
    # quoted as its name, then its fields one per line
    assert "The Beacon [1]\n- Market Hall, Upton\n- For young people aged 11 to 17\n" in comp.text


def test_the_lead_names_the_most_of_what_the_question_names() -> None:
    # no line names both "Kestrel" and "Sunday": the one naming the cafe asked about leads
    comp = _compose("Is The Kestrel open on a Sunday evening?", CAFES, title="Crisis support guide")
    assert "Open every day, 5pm to 11pm" in comp.quotes[0].text


def test_a_list_question_is_answered_by_the_sentence_that_lists_inline() -> None:
    text = (
        "Pharmacy Plus lets a pharmacist treat five common conditions without a GP appointment. "
        "The five conditions are: sinusitis, sore throat, earache, impetigo and shingles. "
        "Most pharmacies in the area offer it."
    )
    question = "What are the five conditions that Pharmacy Plus covers?"
    comp = _compose(question, text, "Pharmacy Plus: your questions")
    lead = comp.text.split("[1]")[0].rstrip()
    assert lead.endswith("sinusitis, sore throat, earache, impetigo and shingles")


def test_a_where_question_is_answered_by_the_sentence_that_names_the_places() -> None:
    text = (
        "From December we will open three winter hubs for people with coughs and chest infections. "
        "The hubs will be at Quay Street Health Centre in Marlow and Mill Lane Surgery in Dunham. "
        "Together the hubs will provide around 26,000 extra appointments."
    )
    comp = _compose("Where are the winter hubs?", text)
    assert "Quay Street Health Centre" in comp.text.split("[1]")[0]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What kinds of problems can the new centre deal with?", "list"),
        ("what tests will the new centre do", "list"),
        ("what hours is it open?", "other"),  # asks for a time, not for several things
        ("What does the centre do?", "other"),
    ],
)
def test_questions_whose_answer_is_several_things_are_list_questions(question: str, kind: str) -> None:
    assert analyze_question(question).answer_type == kind


VENUES = (
    "You can be vaccinated at one of our walk-in clinics:\n\n"
    "  Quillby Town Hall, High Street, Quillby QB1 2AA\n"
    "  Saturdays, 10am to 3pm, from 3 October to 28 November 2026\n\n"
    "  Ormsby Leisure Centre, Brook Lane, Ormsby OB3 9PW\n"
    "  Wednesdays, 2pm to 7pm, from 14 October to 25 November 2026\n\n"
    "Our vaccine bus also visits smaller villages."
)


def test_a_place_line_takes_the_next_line_when_that_line_gives_the_time_asked() -> None:
    comp = _compose("When are the walk-in clinics at Ormsby Leisure Centre?", VENUES)
    lead = comp.text.split("[1]")[0]
    assert "Ormsby Leisure Centre, Brook Lane" in lead
    assert "Wednesdays, 2pm to 7pm, from 14 October to 25 November 2026" in lead
    assert "Saturdays" not in lead  # not the other venue's hours


def test_a_list_of_long_lines_that_end_no_sentence_is_quoted_whole() -> None:
    text = (
        "Decisions made by the Board\n\nAt this meeting the Board:\n\n"
        "approved the Home Soon programme and its budget of £3.2 million for 2026/27\n"
        "agreed to open a second drop-in hub for young people in the market town of Ormsby\n"
        "approved the winter plan for 2026/27, including the flu and COVID-19 vaccination programme\n"
        "noted the annual report and accounts for 2025/26\n\n"
        "Questions from the public were taken next."
    )
    comp = _compose("What decisions did the Board make at this meeting?", text)
    assert comp.is_list
    for item in ("Home Soon programme", "second drop-in hub", "winter plan for 2026/27", "annual report"):
        assert item in comp.text


def test_who_can_is_answered_by_the_list_whose_intro_and_title_say_what_is_asked() -> None:
    text = (
        "This sheet answers the questions we are asked most often about this winter's free flu jabs.\n\n"
        "You can have a free flu vaccine if you are:\n\n"
        "- aged 65 or over\n"
        "- pregnant, at any stage of pregnancy\n"
        "- living in a care home\n\n"
        "Flu vaccines will be offered until 31 March."
    )
    comp = _compose("Who can have a free flu vaccine this winter?", text, title="Winter vaccinations FAQ")
    assert comp.is_list
    assert "aged 65 or over" in comp.text and "living in a care home" in comp.text


def test_a_list_whose_intro_says_only_can_help_with_is_matched_by_its_heading_and_items() -> None:
    text = (
        "It will have its own X-ray room. The team can help with:\n"
        "- sprains and strains\n"
        "- minor eye problems\n"
        "- minor burns and scalds\n\n"
        "Parking is free for the first 30 minutes."
    )
    comp = _compose(
        "What kinds of problems can the new centre deal with?",
        text,
        section="What the new centre can help with",
    )
    assert comp.is_list and "sprains and strains" in comp.text


def test_a_quoted_sentence_on_its_own_line_is_not_a_list_item() -> None:
    text = (
        "Dr Lowe said:\n"
        "\u201cToo many people have been waiting too long for the tests that tell them what is wrong.\u201d\n"
        "\u201cWe have recruited 64 new staff for the centre.\u201d\n\n"
        "The centre opens in May."
    )
    starts = [text.index("\u201cToo"), text.index("\u201cWe")]
    ends = [text.index("\n", s) for s in starts]
    assert not any(item_line(text, s, e) for s, e in zip(starts, ends, strict=True))


GUIDE = (
    "The Knee Clinic sees adults referred by their GP.\n\n"
    "What the clinic can treat\n\n"
    "knee pain after a fall\n"
    "swollen or locked knees\n"
    "torn ligaments and sports injuries\n\n"
    "Contacting the clinic\n\n"
    "Clinic office: 01234 567890, weekdays\n"
    "Letters are sent out within a week of your referral."
)


def test_a_heading_line_over_a_block_of_item_lines_introduces_that_list() -> None:
    comp = _compose("What problems can the knee clinic treat?", GUIDE)
    assert comp.is_list
    assert "What the clinic can treat [1]" in comp.text
    assert "- swollen or locked knees" in comp.text and "- torn ligaments and sports injuries" in comp.text
    assert "Clinic office" not in comp.text  # the next heading's block is not part of the list


def test_a_heading_over_a_block_that_is_not_all_items_opens_no_list() -> None:
    comp = _compose("How do I contact the knee clinic office?", GUIDE)
    assert not comp.is_list
    assert "01234 567890" in comp.text


SPENDING = (
    "In 2025/26 the board received an allocation of £2.41 billion. We spent £2,403.8 million. "
    "Our spending was as follows:\n"
    "hospital (acute) services: £1,210 million\n"
    "mental health services: £298 million\n"
    "prescribing: £189 million\n"
    "running the board: £31.8 million"
)


def test_a_list_item_that_gives_the_value_asked_for_can_lead_and_stands_alone() -> None:
    comp = _compose("How much was spent on prescribing?", SPENDING)
    assert comp.text.split("[1]")[0].endswith("prescribing: £189 million ")
    assert "running the board" not in comp.text.split("[1]")[0]  # the next item is another thing


WARD = (
    "Patients are usually admitted to the virtual ward from the emergency department or a hospital ward, "
    "so that they can recover at home sooner.\n\n"
    "Each patient is given a kit to use at home, which includes:\n"
    "a tablet computer with its own mobile connection\n"
    "Bluetooth weighing scales\n"
    "a blood pressure monitor\n\n"
    "Patients take their readings each morning."
)


def test_a_what_question_about_a_mass_noun_is_answered_by_the_list_that_names_it() -> None:
    comp = _compose("What equipment do patients on the virtual ward get to use at home?", WARD)
    assert comp.is_list and "- Bluetooth weighing scales" in comp.text
    assert not _compose("What is a virtual ward?", WARD).is_list  # a definition is not a list


SITES = (
    "Four new wound clinics will open in September for people whose leg ulcers are slow to heal.\n\n"
    "Where the clinics are\n\n"
    "Abbey Health Centre, 2 Abbey Lane, Eastbrook\n"
    "Station Clinic, 5 Station Road, Westford\n"
    "Mill Medical Centre, Mill Street, Oldbury\n\n"
    "Opening times\n\n"
    "All four clinics are open on weekdays."
)


def test_a_heading_that_opens_with_the_questions_own_question_word_introduces_its_answer() -> None:
    comp = _compose("Where are the wound clinics?", SITES)
    assert comp.is_list and "- Station Clinic, 5 Station Road, Westford" in comp.text


FAQ = (
    "8. Can I get help with damp?\n\n"
    "Yes. Report it to your landlord in writing and tell your GP.\n\n"
    "9. What is being done about air pollution?\n\n"
    "- indoor air quality monitors are lent to families for four weeks\n"
    "- roads outside 12 primary schools close to traffic at drop-off times\n"
    "- hedges are planted along busy roads next to playgrounds\n\n"
    "10. How will I know when air pollution is high?\n\n"
    "Sign up to a free text alert service run by the councils."
)


PAIN_FAQ = (
    "Q7. How long is the course?\n"
    "Eight weekly sessions of two and a half hours.\n\n"
    "Q8. Where and when are the courses held?\n"
    "Courses run at these places and times:\n"
    "  - Abbotsmere Library, Tuesday mornings, 10am to 12.30pm\n"
    "  - Drayleigh Community Centre, Thursday afternoons, 1.30pm to 4pm\n"
    "  - Online by video call, Wednesday evenings, 6pm to 8.30pm\n\n"
    "Q9. What does the course cover?\n"
    "Topics include how pain works, pacing and sleep."
)


def test_the_list_under_an_faq_question_asked_again_answers_it() -> None:
    """The intro's own words ("places and times") are not the question's; the question line above it
    ("Where and when are the courses held?") asks the question again, so its list is the answer."""
    comp = _compose("Where are the Living Well pain courses held?", PAIN_FAQ)
    assert comp.is_list and "- Drayleigh Community Centre, Thursday afternoons, 1.30pm to 4pm" in comp.text
    assert "Topics include" not in comp.text


def test_an_faq_question_line_over_a_list_introduces_that_list() -> None:
    comp = _compose("What is the programme doing about air pollution?", FAQ)
    assert comp.is_list and "- hedges are planted along busy roads next to playgrounds" in comp.text
    assert "text alert" not in comp.text


STEPS = (
    "From April 2027 a single Adult Eating Disorder Service, run by the Partnership Trust, will replace "
    "the current service for adults in the area.\n"
    "Section 3: What will happen after you are referred\n"
    "Your GP can refer you, or you can refer yourself online. After that:\n"
    "1. A clinician will phone you within 5 working days for a screening call.\n"
    "2. Your GP practice will arrange a physical health check.\n"
    "3. You will be offered an assessment appointment within 4 weeks.\n"
    "Section 4: Who will be in the team"
)


def _steps_pool(question: str):  # type: ignore[no-untyped-def]
    title = "Our plan for adult eating disorder services"
    chunk = Chunk(
        "p:1",
        "p",
        STEPS,
        0,
        len(STEPS),
        audience="public",
        title=title,
        sentences=tuple(split_sentences(STEPS)),
    )
    spans = chunk.sentences
    # sentence vectors: the numbered steps are what the question means, the first paragraph less so
    query = np.zeros(4, dtype=np.float32)
    query[0] = 1.0
    vectors = np.zeros((len(spans), 4), dtype=np.float32)
    for i, (s, e) in enumerate(spans):
        text = STEPS[s:e]
        vectors[i] = [0.8, 0.6, 0, 0] if text[:2] in ("1.", "2.", "3.") else [0.3, 0, 0.95, 0]
    hit = Hit(chunk=chunk, score=1.0, rank=1)
    return score_sentences(analyze_question(question), [hit], {chunk.chunk_id: vectors}, query)


STEPS_ASKED = "What are the steps after someone is referred to the new adult eating disorder service?"


def test_a_steps_question_gets_the_numbered_list_under_its_heading() -> None:
    pool = _steps_pool(STEPS_ASKED)
    comp = compose_extractive(pool)
    assert comp.is_list
    # the intro "After that:" is about its heading line ("... after you are referred"), and says so
    # little that the sentence before it on its line comes with it
    assert "Your GP can refer you, or you can refer yourself online. After that:" in comp.text
    assert "screening call" in comp.text and "assessment appointment within 4 weeks" in comp.text
    assert "Section 4" not in comp.text  # a line without a number ends a numbered list


def test_the_list_that_answers_a_list_question_is_found_when_prose_leads() -> None:
    pool = _steps_pool(STEPS_ASKED)
    lead = pool.ranked()[0]
    intro = best_list(pool.info, pool, lead, 0.0)
    assert intro is not None and intro.text == "After that:"
    assert best_list(pool.info, pool, lead, 10.0) is None  # never when the list scores below the floor
    yes_no = _steps_pool("Is there a new adult eating disorder service?").info
    assert best_list(yes_no, pool, lead, 0.0) is None
    other = replace(lead, hit=replace(lead.hit, chunk=replace(lead.hit.chunk, doc_id="another-document")))
    assert best_list(pool.info, pool, other, 0.0) is None  # prose from another document leads: its list


COMPLAINTS = (
    "Q3. How do I make a complaint?\n"
    "You can complain in whichever way suits you best:\n"
    "- by phone on 01632 960250\n"
    "- by email to complaints@example.example\n"
    "- by letter to the address below\n\n"
    "Q4. Is there a time limit?\n"
    "You should normally complain within 12 months of the event."
)


def test_an_faq_question_asked_again_needs_the_same_question_word_after_how() -> None:
    # "how do I make a complaint?" is asked again by "how can I ...?", never by "how long ...?"
    assert _compose("How can I make a complaint?", COMPLAINTS).is_list
    comp = _compose("How long do I have to make a complaint?", COMPLAINTS)
    assert not comp.is_list and "within 12 months" in comp.text


def test_a_list_under_a_heading_line_that_asks_the_question_again_answers_it() -> None:
    text = (
        "If the check shows a higher risk, you will be offered a scan of your chest. The scan takes less "
        "than 10 minutes and you keep your clothes on.\n"
        "Section 4: What happens after your scan\n"
        "We know that waiting can be worrying, so this is what happens next:\n"
        "1. A radiologist looks at your scan, and a second radiologist checks it.\n"
        "2. You get a letter with your results within 4 weeks.\n"
        "3. If your scan is clear, you will be invited for another scan in 2 years.\n"
        "Section 5: Where scans take place"
    )
    comp = _compose("What happens after I have my lung scan?", text, title="Lung health checks plan")
    assert comp.is_list
    assert "within 4 weeks" in comp.text and "another scan in 2 years" in comp.text
    assert "keep your clothes on" not in comp.text


def test_a_heading_line_that_says_little_of_the_question_does_not_make_its_list_the_answer() -> None:
    text = (
        "Section 2: Who can have a test\n"
        "From Monday 6 September we will offer a free test to people who:\n"
        "are aged 16 to 35\n"
        "arrived in the UK in the last 5 years\n"
        "are registered with a GP practice\n"
        "Section 6: The team\n"
        "Dr Tobias Wren-Maddox, consultant in respiratory medicine and clinical lead for the programme\n"
        "three specialist nurses based at Highmarsh Clinic"
    )
    comp = _compose("Who is the clinical lead for the testing programme?", text, title="Our testing plan")
    assert "Wren-Maddox" in comp.text
    assert "aged 16 to 35" not in comp.text


BREATHING = (
    "The breathing clinic at Ashby Health Centre sees adults with long-term breathing problems. "
    "The breathing clinic also sees children with asthma on Saturday mornings. "
    "Parking at the centre costs £3."
)


def test_the_leads_next_sentence_in_its_paragraph_is_quoted_with_it_when_it_is_about_the_question() -> None:
    comp = _compose("Who does the breathing clinic see?", BREATHING)
    joined = (
        "breathing problems. The breathing clinic also sees children with asthma on Saturday mornings [1]"
    )
    assert joined in comp.text
    assert "Parking" not in comp.text  # the sentence after it is about something else
    apart = _compose("Who does the breathing clinic see?", BREATHING.replace("problems. ", "problems.\n\n"))
    assert "problems [1]" in apart.text  # a new paragraph is not the lead's neighbour


def test_a_later_parts_quote_brings_no_neighbour() -> None:
    from ics_assistant.answering.extractive import select_quotes

    pool = one_chunk_pool("Who does the breathing clinic see?", BREATHING)
    joined = select_quotes(pool.info, pool, 3)[0]
    alone = select_quotes(pool.info, pool, 3, neighbour=False)[0]
    assert joined.text.endswith("Saturday mornings.") and alone.text.endswith("breathing problems.")
