"""The layout of a passage's lines (``answering/layout.py``): list items, their intros, records."""

from __future__ import annotations

from ics_assistant.answering.layout import heads_block, intro_items, list_layout, record_lines
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
