"""Matching normalisation: tokens lower-cased, or as written when the case is wanted."""

from __future__ import annotations

from ics_assistant.textnorm import tokenize_words


def test_tokens_are_lower_case_and_keep_numbers() -> None:
    assert tokenize_words("The ICS covers 14.9 million people – “Ashby’s” too") == [
        "the", "ics", "covers", "14.9", "million", "people", "ashby's", "too",
    ]  # fmt: skip


def test_keep_case_gives_the_same_tokens_as_written() -> None:
    text = "Is there a new Diagnostic Centre in Ashby’s ICS?"
    cased = tokenize_words(text, keep_case=True)
    assert cased == ["Is", "there", "a", "new", "Diagnostic", "Centre", "in", "Ashby's", "ICS"]
    assert [t.lower() for t in cased] == tokenize_words(text)
