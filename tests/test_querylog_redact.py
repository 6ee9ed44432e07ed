"""Personal data is redacted before a question is stored (Presidio + offline spaCy + our rules)."""

from __future__ import annotations

import re

import pytest

from ics_assistant.operations.wiring import shared_redactor
from ics_assistant.querylog.redact import load_rules

# (question as a resident might type it, what must disappear, the tag that replaces it)
CASES = [
    ("My name is Sarah Jones and I want to complain about my ICS", "Sarah Jones", "<PERSON>"),
    (
        "Email me at sarah.jones@example.co.uk about the ICB board papers",
        "sarah.jones@example.co.uk",
        "<EMAIL_ADDRESS>",
    ),
    ("my NHS number is 943 476 5919, which ICS am I in?", "943 476 5919", "<UK_NHS>"),
    ("Which ICS covers postcode M1 1AE?", "M1 1AE", "<UK_POSTCODE>"),
    ("Call me back on 07700 900123 about my mum's care", "07700 900123", "<PHONE_NUMBER>"),
    ("Ring +44 (0)20 7946 0958 please", "7946 0958", "<PHONE_NUMBER>"),
    ("My mum was born on 03/02/1948, can she get help at home?", "03/02/1948", "<DATE_OF_BIRTH>"),
    ("DOB 14 March 1961 - am I entitled to a carer's assessment?", "14 March 1961", "<DATE_OF_BIRTH>"),
    ("My NI number is AB 12 34 56 C", "AB 12 34 56 C", "<UK_NINO>"),
]


@pytest.mark.parametrize(("text", "secret", "tag"), CASES)
def test_personal_data_is_replaced_by_its_tag(text: str, secret: str, tag: str) -> None:
    out = shared_redactor().redact(text)
    assert secret not in out and tag in out


@pytest.mark.parametrize(
    "text",
    [
        "When did ICSs become statutory on 1 July 2022?",  # a date without birth context stays
        "What does an integrated care board do?",
        "NHS number 123 456 7890 - is this valid?",  # fails the NHS checksum: not an NHS number
    ],
)
def test_questions_without_personal_data_are_unchanged(text: str) -> None:
    assert shared_redactor().redact(text) == text


def test_every_rule_has_a_why_and_its_example_is_redacted() -> None:
    redactor = shared_redactor()
    for rule in load_rules():
        assert rule["why"].strip() and rule["example"].strip()
        out = redactor.redact(rule["example"])
        assert out != rule["example"] and re.search(r"<[A-Z_]+>", out)
