"""The RAGAS-style LLM judge: claims extracted, each verified against the cited text."""

from __future__ import annotations

import pytest

from ics_assistant.answering.llm_judge import judge_faithfulness, parse_claims, parse_verdict

from .fakes import ScriptedChatModel

ANSWER = "ICSs became statutory on 1 July 2022 [1]. There are 52 of them [2]."
CITED = ["ICSs became statutory on 1 July 2022.", "There are 42 ICSs in England."]


def test_score_is_supported_over_total_with_per_claim_verdicts(scripted_model: ScriptedChatModel) -> None:
    scripted_model.enqueue("Claims:\n- ICSs became statutory on 1 July 2022.\n- There are 52 ICSs.")
    scripted_model.enqueue("SUPPORTED")
    scripted_model.enqueue("UNSUPPORTED - the context says 42")

    result = judge_faithfulness(scripted_model, ANSWER, CITED)

    assert result.score == 0.5
    assert (result.supported, result.total) == (1, 2)
    assert [(v.claim, v.supported) for v in result.verdicts] == [
        ("ICSs became statutory on 1 July 2022.", True),
        ("There are 52 ICSs.", False),
    ]
    assert result.claims_from == "model" and result.judge == "scripted"
    extraction, first_check, _ = scripted_model.history
    assert "[1]" not in extraction[1]["content"]  # markers are stripped before extraction
    assert "Claim: ICSs became statutory on 1 July 2022." in first_check[1]["content"]
    assert all(text in first_check[1]["content"] for text in CITED)
    assert result.to_dict()["verdicts"][1]["raw"] == "UNSUPPORTED - the context says 42"


def test_unusable_extraction_falls_back_to_the_answer_sentences(scripted_model: ScriptedChatModel) -> None:
    scripted_model.enqueue("Claims:")
    scripted_model.enqueue("yes")
    scripted_model.enqueue("no")
    result = judge_faithfulness(scripted_model, ANSWER, CITED)
    assert result.claims_from == "sentences"
    assert [v.claim for v in result.verdicts] == [
        "ICSs became statutory on 1 July 2022.",
        "There are 52 of them.",
    ]
    assert result.score == 0.5


def test_an_unparsable_verdict_counts_as_unsupported(scripted_model: ScriptedChatModel) -> None:
    scripted_model.enqueue("- ICSs became statutory in 2022.")
    scripted_model.enqueue("Well, it depends.")
    result = judge_faithfulness(scripted_model, "ICSs became statutory in 2022 [1].", CITED)
    assert result.score == 0.0
    assert result.verdicts[0].parsed is False


def test_nothing_to_judge_gives_no_score_and_no_model_call(scripted_model: ScriptedChatModel) -> None:
    result = judge_faithfulness(scripted_model, "  [1] ", CITED)
    assert result.score is None and result.verdicts == () and result.claims_from == "none"
    assert scripted_model.history == []


def test_claims_without_any_cited_text_are_unsupported(scripted_model: ScriptedChatModel) -> None:
    scripted_model.enqueue("- There are 42 ICSs.")
    result = judge_faithfulness(scripted_model, "There are 42 ICSs.", [])
    assert result.score == 0.0
    assert len(scripted_model.history) == 1  # no verification call without a context


@pytest.mark.parametrize(
    ("reply", "verdict"),
    [
        ("SUPPORTED", True),
        ("Supported.", True),
        ("yes, it says so", True),
        ("UNSUPPORTED", False),
        ("NOT SUPPORTED", False),
        ("No.", False),
        ("Not sure", None),
        ("", None),
    ],
)
def test_parse_verdict(reply: str, verdict: bool | None) -> None:
    assert parse_verdict(reply) is verdict


def test_parse_claims_strips_bullets_headings_and_duplicates() -> None:
    reply = "Here are the claims:\n1. A fact.\n* Another fact.\n- A fact.\n\n• Third fact."
    assert parse_claims(reply) == ["A fact.", "Another fact.", "Third fact."]
