"""The question's words as the answerer reads them (``answering/analysis.py``)."""

from __future__ import annotations

from ics_assistant.answering.analysis import analyze_question, content_terms


def test_a_contraction_of_a_stop_word_is_no_content_term() -> None:
    terms = content_terms("How soon after I'm accepted will they've someone at my house? I’ve asked.")
    assert "i'm" not in terms and "they'v" not in terms and "i’v" not in terms and "i’ve" not in terms
    assert {"soon", "accept", "hous"} <= set(terms)


def test_a_question_with_a_contraction_keeps_its_real_terms() -> None:
    info = analyze_question("Can I get my bus fares back if I'm on pension credit?")
    assert not any("'" in t for t in info.terms)
    assert "credit" in info.terms
