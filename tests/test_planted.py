"""The stand-in model's planted errors (``tests/planted.py``): a wrong source must not say it."""

from __future__ import annotations

from .planted import _says

SENTENCE = "The NHS Long Term Plan said Integrated Care Systems would be central to its delivery."


def test_a_passage_that_says_the_sentence_in_other_words_is_no_wrong_source() -> None:
    near = "It was a hard year. The NHS Long Term Plan said ICSs would be central to its delivery."
    assert _says(near, SENTENCE)
    assert _says(f"Intro. {SENTENCE} More.", SENTENCE)
    assert not _says("Dental access is improving. Waiting lists fell in May.", SENTENCE)
