"""Cleaning: page-furniture rules are data, each is tested, and nothing else is removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ics_assistant.errors import CorpusError
from ics_assistant.ingest.cleaning import DEFAULT_RULES_PATH, clean_text, load_rules
from ics_assistant.ingest.loaders import load_file
from ics_assistant.textnorm import normalize_for_match

from .conftest import CORPUS

RULES = load_rules(DEFAULT_RULES_PATH)

FURNITURE = [
    "Having trouble viewing this email? View it as a Web page.",
    "Leave a Comment",
    "No Comments",
    "Like what you see?",
    "Hit the buttons below to follow us, you won't regret it...",
    "Post Archive",
    "  • 1",
    "If you have any departmental or Trust news you'd like to share, please get in touch.",
    "Logo and Vision",
    "Share this:",
    "Facebook Twitter LinkedIn Email",
]


def test_every_rule_removes_its_own_example() -> None:
    assert RULES.rules, "the project rules file must define rules"
    for rule in RULES.rules:
        assert rule.example, f"rule {rule.name} needs an example"
        assert rule.matches(rule.example), rule.name
        assert clean_text(f"Before.\n\n{rule.example}\n\nAfter.", RULES) == "Before.\n\nAfter."


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_removed(line: str) -> None:
    assert (
        clean_text(f"Real text here.\n\n{line}\n\nMore real text.", RULES)
        == "Real text here.\n\nMore real text."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Comment about the plan by Friday, the board asked.",  # furniture words inside prose
        "There are 42 ICSs.",
        "Like what you see? Then read the full NHS Long Term Plan.",  # not the footer line
        "Post Archive of the board papers is available on request",
    ],
)
def test_prose_that_mentions_furniture_words_is_kept(line: str) -> None:
    assert clean_text(line, RULES) == line


def test_no_furniture_survives_in_the_corpus() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        cleaned = clean_text(load_file(path, 10_000_000), RULES)
        lines = [ln.strip() for ln in cleaned.split("\n") if ln.strip()]
        for line in lines:
            assert RULES.furniture(line) is None, f"{path.name}: {line!r}"
        for furniture in FURNITURE:
            assert furniture.strip() not in lines, f"{path.name}: {furniture!r}"


def test_whitespace_and_unicode_are_tidied_but_text_stays_canonical() -> None:
    raw = "Caf\u0065\u0301 \u00a0menu\u200b  here\r\n\r\n\r\n\r\n  • nested bullet’s “quote” – dash   \n"
    cleaned = clean_text(raw, RULES)
    assert cleaned == "Café menu here\n\n  • nested bullet’s “quote” – dash"
    # typographic characters stay in the canonical text; matching normalises them
    assert normalize_for_match(cleaned).endswith('nested bullet\'s "quote" - dash')


def test_leading_indentation_of_nested_bullets_is_kept() -> None:
    text = "Intro line.\n  • first\n    • nested"
    assert clean_text(text, RULES) == text


def test_bad_rules_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "cleaning_rules.yaml"
    bad.write_text("rules:\n  - name: broken\n    pattern: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="broken"):
        load_rules(bad)
    bad.write_text("rules:\n  - pattern: 'x'\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="name"):
        load_rules(bad)
