"""The layout of a passage's lines (``answering/layout.py``): list items, their intros, records."""

from __future__ import annotations

from ics_assistant.answering.layout import heads_block, intro_items, line_of_a_run, list_layout, record_lines
from ics_assistant.sentences import split_sentences

TEXT = (
    "What the clinic can treat\n\n"
    "knee pain after a fall\n"
    "swollen or locked knees\n\n"
    "COUNTY HELPLINE: 01632 960735\n\n"
    "The Harbour\n"
    "4 Quay Street, Porthby\n"
    "Open every day, 5pm to 11pm\n\n"
    "Our spending was as follows:\n"
    "hospital services: £1,210 million\n"
    "prescribing: £189 million\n"
    "running costs: £31.8 million"
)


def _spans() -> list[tuple[int, int]]:
    return list(split_sentences(TEXT))


def _index(text: str) -> int:
    return next(i for i, (s, e) in enumerate(_spans()) if TEXT[s:e] == text)


def test_items_follow_a_colon_intro_or_stand_as_a_block_under_a_heading_line() -> None:
    items = list_layout(TEXT, _spans()).items
    assert {_index("knee pain after a fall"), _index("swollen or locked knees")} <= items
    assert {_index("prescribing: £189 million"), _index("running costs: £31.8 million")} <= items
    owned = intro_items(items, len(_spans()))
    assert owned[_index("What the clinic can treat")] == [1, 2]
    assert _index("Our spending was as follows:") in owned


def test_a_label_value_line_heads_no_list_and_a_name_with_its_fields_is_a_record() -> None:
    s, e = _spans()[_index("COUNTY HELPLINE: 01632 960735")]
    assert not heads_block(TEXT, s, e)
    assert _index("The Harbour") not in list_layout(TEXT, _spans()).items
    records = record_lines(TEXT, _spans())
    assert records[_index("Open every day, 5pm to 11pm")] == _index("The Harbour")
    # the lines after "...:" are items, each its own thing: evidence never reads them as one record
    assert _index("prescribing: £189 million") in list_layout(TEXT, _spans()).colon_items


def test_a_record_ends_at_its_first_line_that_is_no_field() -> None:
    # a postal address joined from two wrapped lines is too long to be a field: the name, phone and
    # email before it are still a record (the phone line is about the team named above it)
    text = (
        "How do I contact the team?\n\n"
        "All-Age Care Team\n"
        "Phone: 01632 960270 (Monday to Friday, 9am to 4.30pm)\n"
        "Email: care@example.example\n"
        "Post: All-Age Care Team, NHS Saltby ICB, Harbour House, 14 Quay Street, Saltby ZD1 4QT, "
        "United Kingdom"
    )
    spans = list(split_sentences(text))
    lines = [text[s:e] for s, e in spans]
    records = record_lines(text, spans)
    team = lines.index("All-Age Care Team")
    assert records[lines.index("Email: care@example.example")] == team
    assert records[next(i for i, ln in enumerate(lines) if ln.startswith("Phone:"))] == team
    assert next(i for i, ln in enumerate(lines) if ln.startswith("Post:")) not in records


FAQ = (
    "Q3. How does my child get referred?\n"
    "The paediatrician refers them, usually soon after diagnosis.\n\n"
    "Q4. What can an epilepsy nurse help with?\n"
    "  - writing your child's healthcare plan\n"
    "  - training you to give rescue medication\n"
    "  - school visits\n\n"
    "Q5. Is there an advice line?\n"
    "Yes. The line is open Monday to Friday.\n"
    "- It is not an emergency service."
)


def test_a_question_line_straight_over_bulleted_lines_introduces_them() -> None:
    spans = list(split_sentences(FAQ))
    texts = [FAQ[s:e] for s, e in spans]
    # the FAQ's "Q4." label stays with its question, on any line of the passage
    asked = texts.index("Q4. What can an epilepsy nurse help with?")
    assert "Q3. How does my child get referred?" in texts
    layout = list_layout(FAQ, spans)
    assert asked in layout.headed
    assert {asked + 1, asked + 2, asked + 3} <= layout.items
    # a question answered in prose heads no list, even with one bulleted line below the answer
    assert texts.index("Q5. Is there an advice line?") not in layout.headed
    assert texts.index("- It is not an emergency service.") not in layout.items


def test_a_numbered_list_after_a_colon_ends_at_its_first_line_without_a_number() -> None:
    text = "After that:\n1. A clinician phones you.\n2. You have a health check\nSection 4: The team"
    spans = list(split_sentences(text))
    items = list_layout(text, spans).items
    assert {1, 2} <= items and 3 not in items
    # a list of plain lines after a colon runs on while its lines read as items
    plain = "The team includes:\nnurses\ndietitians\npeer support workers"
    assert {1, 2, 3} <= list_layout(plain, list(split_sentences(plain))).items


STEPS_TEXT = (
    "You may be able to borrow a pump for free. There is no charge.\n\n"
    "Follow these steps:\n\n"
    "Talk to your health visitor to check that a pump is right for you.\n"
    "A specialist fills in a loan form with you, over the phone or at a cafe.\n"
    "You can keep the pump for up to 12 weeks. Call the helpline if you need it for longer.\n"
    "Return the pump to the hub, cleaned, with its charger.\n\n"
    "Bottle feeding safely\n\n"
    "Wash your hands before making up a feed. Sterilise the bottles every time."
)


def test_whole_sentences_one_a_line_after_a_colon_intro_are_the_items_of_an_unmarked_list() -> None:
    # the Markdown loader writes "1. Talk to ..." / "2. A specialist ..." as plain lines, one per item
    spans = split_sentences(STEPS_TEXT)
    texts = [STEPS_TEXT[s:e] for s, e in spans]
    items = list_layout(STEPS_TEXT, spans).items
    numbered = [
        texts.index(t) for t in texts if t.startswith(("Talk to", "A specialist", "You can keep", "Return"))
    ]
    assert set(numbered) <= items
    assert texts.index("Call the helpline if you need it for longer.") not in items  # the item's own line
    # a paragraph set off by blank lines is no item, whatever its intro
    assert texts.index("Wash your hands before making up a feed.") not in items
    assert texts.index("You may be able to borrow a pump for free.") not in items
    assert line_of_a_run(STEPS_TEXT, STEPS_TEXT.index("Return the pump"))
    assert not line_of_a_run(STEPS_TEXT, STEPS_TEXT.index("Wash your hands"))


def test_a_numbered_step_with_a_second_sentence_on_its_line_does_not_end_the_list_under_a_heading() -> None:
    text = (
        "What happens after your GP refers you\n"
        "1. Your practice sends a referral to the hub.\n"
        "2. At the hub, a photographer takes photos. The appointment takes 20 minutes.\n"
        "3. The consultant reviews your photos within 10 working days.\n"
        "4. You get a letter with the result."
    )
    spans = list(split_sentences(text))
    texts = [text[s:e] for s, e in spans]
    layout = list_layout(text, spans)
    head = texts.index("What happens after your GP refers you")
    assert head in layout.headed
    steps = [i for i, t in enumerate(texts) if t[:2] in ("1.", "2.", "3.", "4.")]
    assert len(steps) == 4 and set(steps) <= layout.items
    assert texts.index("The appointment takes 20 minutes.") not in layout.items  # part of step 2's line
