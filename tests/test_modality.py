"""Modality of a claim clause against its passage (``answering/modality.py``), called directly."""

from __future__ import annotations

from ics_assistant.answering.claims import clauses, marks, parse_sentence
from ics_assistant.answering.modality import modality_change


def _change(claim: str, passage: str) -> str | None:
    c, p = parse_sentence(claim), parse_sentence(passage)
    clause = clauses(c)[0]
    twin = clauses(p)[0]
    lemmas = frozenset(t.lemma for t in p.toks)
    tags = {k: t.tag for t in c.toks for k in t.keys}
    return modality_change(clause, marks(c), tags, marks(p), lemmas, marks(p), twin)


def test_a_will_on_a_plain_present_fact_changes_nothing() -> None:
    assert _change("The first session will last an hour.", "The first session lasts an hour.") is None


def test_a_will_on_an_aim_or_a_possibility_is_firmer() -> None:
    assert _change("We will see 9,000 patients.", "We aim to see 9,000 patients.") == "the claim adds future"
    assert _change("The boundaries will change.", "The boundaries may change.") is not None


def test_a_need_said_in_other_words_is_no_added_obligation() -> None:
    assert _change("You have to be referred.", "We need a referral for you.") is None
    assert _change("You have to be referred.", "A referral for you is welcome.") == "the claim adds necessary"
