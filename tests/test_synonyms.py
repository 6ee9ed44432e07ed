"""Synonyms by WordNet (``answering/synonyms.py``, ``backends/wordnet.py``): words that share one of
their common senses align in the support check; opposites never do."""

from __future__ import annotations

import pytest

from ics_assistant.answering.claims import parse_sentence
from ics_assistant.answering.entailment import entails
from ics_assistant.answering.synonyms import enabled, phrase_senses, tok_senses
from ics_assistant.backends import wordnet


def _senses(sentence: str, word: str) -> frozenset[str]:
    toks = parse_sentence(sentence).toks
    return tok_senses(next(t for t in toks if t.lower == word), toks)


def test_the_wordnet_data_ships_with_the_install() -> None:
    assert wordnet.available() and enabled()
    assert wordnet.senses("fortnight", "NOUN", 1) == wordnet.senses("two weeks", "NOUN", 1) != frozenset()
    assert wordnet.senses("Leeds", "PROPN", 3) == frozenset()  # a name has no senses to share
    assert wordnet.senses("quickly", "NUM", 3) == frozenset()  # nor a word in another part of speech


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Ask your chemist.", "chemist"), ("A pharmacist will help.", "pharmacist")),
        (("My granny needs a test.", "granny"), ("Your grandmother needs a test.", "grandmother")),
        (("It costs extra.", "extra"), ("It is an additional cost.", "additional")),
    ],
)
def test_synonyms_share_a_sense(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert _senses(*a) & _senses(*b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Waits will increase.", "increase"), ("Waits will decrease.", "decrease")),
        (("The clinic opens early.", "early"), ("The clinic opens late.", "late")),
        (("More people came.", "people"), ("More staff came.", "staff")),
    ],
)
def test_opposites_and_neighbours_do_not(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert not _senses(*a) & _senses(*b)


def test_two_word_phrases_of_a_passage_have_their_own_senses() -> None:
    """ "two weeks" is a sense of "fortnight"; "set up" of "establish"."""
    assert wordnet.senses("fortnight", "NOUN", 1) <= phrase_senses(parse_sentence("It takes two weeks.").toks)
    assert wordnet.senses("establish", "VERB", 1) <= phrase_senses(parse_sentence("They set up a team.").toks)


@pytest.mark.parametrize(
    ("claim", "passage", "supported"),
    [
        ("Ask a pharmacist about extra help.", "Ask your chemist about additional help.", True),
        ("Ask a nurse about urgent help.", "Ask your chemist about additional help.", False),
        ("The hub gives less help to carers.", "The hub gives more help to carers.", False),
    ],
)
def test_the_support_check_aligns_synonyms_without_an_embedder(
    claim: str, passage: str, supported: bool
) -> None:
    assert entails(claim, passage).supported is supported


def test_definitions_are_read_from_the_shipped_wordnet() -> None:
    assert any("costing nothing" in d for d in wordnet.definitions("free", "ADJ", 3))
    assert wordnet.definitions("Leeds", "PROPN", 3) == ()  # a name has no definition to read
