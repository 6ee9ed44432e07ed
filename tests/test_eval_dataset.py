"""Dataset loading: the documented JSONL format, and errors that name the bad line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ics_assistant.errors import AssistantError
from ics_assistant.evaluation.dataset import (
    DatasetError,
    dump_dataset,
    fact_alternatives,
    load_dataset,
    parse_dataset,
)
from ics_assistant.types import Turn

GOOD: dict[str, Any] = {
    "id": "q1",
    "question": "When did ICSs become statutory?",
    "answerable": True,
    "expected_sources": ["ics-faq"],
    "expected_facts": ["1 July 2022"],
}


def lines(*objs: dict[str, Any]) -> list[str]:
    return [json.dumps(o) for o in objs]


def test_minimal_item_without_optional_fields_loads() -> None:
    (item,) = parse_dataset(lines(GOOD))
    assert item.id == "q1" and item.answerable and item.history == ()
    assert item.category is None and item.label == "answerable"


def test_history_and_category_are_read(tmp_path: Path) -> None:
    obj = {**GOOD, "history": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}
    obj["category"] = "followup"
    path = tmp_path / "d.jsonl"
    path.write_text("\n" + json.dumps(obj) + "\n\n", encoding="utf-8")
    (item,) = load_dataset(path)
    assert item.history == (Turn("user", "hi"), Turn("assistant", "hello"))
    assert item.label == "followup"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"answerable": "yes"}, "'answerable' must be true or false"),
        ({"expected_facts": "42"}, "'expected_facts' must be a list"),
        ({"expected_facts": ["|"]}, "no non-empty alternative"),
        ({"expected_sources": []}, "at least one expected source"),
        ({"expected_fact": ["42"]}, "unknown field(s) 'expected_fact'"),
        ({"history": [{"role": "system", "content": "x"}]}, "history[0].role"),
        ({"history": [{"role": "user"}]}, "history[0] must be an object"),
        ({"id": ""}, "'id' must be a non-empty string"),
        ({"needs_label": True}, "still needs a label"),
    ],
)
def test_bad_rows_name_their_line(change: dict[str, Any], reason: str) -> None:
    bad = {**GOOD, "id": "q2", **change}
    with pytest.raises(DatasetError) as err:
        parse_dataset(["", *lines(GOOD, bad)], source="set.jsonl")
    assert err.value.line == 3
    assert reason in str(err.value)
    assert str(err.value).startswith("set.jsonl:3: ")


def test_missing_fields_invalid_json_and_duplicates() -> None:
    with pytest.raises(DatasetError, match=r"^d:1: item 'q1': missing field\(s\) 'answerable'"):
        parse_dataset(lines({k: v for k, v in GOOD.items() if k != "answerable"}), source="d")
    with pytest.raises(DatasetError, match=r"^d:2: invalid JSON"):
        parse_dataset([json.dumps(GOOD), "{not json"], source="d")
    with pytest.raises(DatasetError, match=r"duplicate id 'q1' \(first on line 1\)"):
        parse_dataset(lines(GOOD, GOOD), source="d")
    with pytest.raises(DatasetError, match="expected a JSON object"):
        parse_dataset(["[1, 2]"], source="d")


def test_empty_or_unreadable_files_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="no items"):
        load_dataset(empty)
    with pytest.raises(AssistantError, match="cannot read"):
        load_dataset(tmp_path / "missing.jsonl")


def test_drafts_load_only_when_allowed_and_round_trip() -> None:
    draft = {
        **GOOD,
        "expected_sources": [],
        "expected_facts": [],
        "needs_label": True,
        "notes": "thumbs down",
    }
    (item,) = parse_dataset(lines(draft), allow_drafts=True)
    assert item.needs_label and item.notes == "thumbs down"
    again = parse_dataset(dump_dataset([item]).splitlines(), allow_drafts=True)
    assert again == [item]
    labelled = {k: v for k, v in draft.items() if k != "needs_label"} | {"expected_sources": ["ics-faq"]}
    assert parse_dataset(lines(labelled))[0].expected_sources == ("ics-faq",)


def test_fact_alternatives_split_on_pipe() -> None:
    assert fact_alternatives("18 areas| 18 |") == ("18 areas", "18")
