"""The question's words as the answerer reads them (``answering/analysis.py``)."""

from __future__ import annotations

from ics_assistant.answering.analysis import analyze_part, analyze_question, content_terms, names_in
from ics_assistant.answering.lexicon import Lexicon, using


def test_a_contraction_of_a_stop_word_is_no_content_term() -> None:
    terms = content_terms("How soon after I'm accepted will they've someone at my house? I’ve asked.")
    assert "i'm" not in terms and "they'v" not in terms and "i’v" not in terms and "i’ve" not in terms
    assert {"soon", "accept", "hous"} <= set(terms)


def test_a_question_with_a_contraction_keeps_its_real_terms() -> None:
    info = analyze_question("Can I get my bus fares back if I'm on pension credit?")
    assert not any("'" in t for t in info.terms)
    assert "credit" in info.terms


def test_a_name_inside_a_sentence_counts_though_the_corpus_capitalises_its_last_word() -> None:
    # "Health" is capitalised in every document (furniture), "Stepwise" is not: mid-sentence, the
    # run still names an organisation; at a sentence start, the first capital may be the sentence's
    lexicon = Lexicon(common_caps=frozenset({"Health"}))
    with using(lexicon):
        assert names_in("The programme is delivered by Stepwise Health on behalf of the ICB.") == [
            "Stepwise Health"
        ]
        assert names_in("Local Health services are changing.") == []
        assert names_in("• Mental Health support is free.") == []


def test_a_later_part_asks_its_own_kind_of_answer_about_the_first_parts_subject() -> None:
    first = "When does the new Steady Steps falls prevention service start?"
    info = analyze_part("who is it for?", first)
    assert info.answer_type != "date" and info.slots == ("eligibility",)
    assert {"steady", "step", "servic"} <= set(info.terms)
    # the first part's kind carries over to a later "when": after "what are its hours", hours again
    hours = analyze_part("when can I have a blood test there?", "What are the opening hours of the centre?")
    assert hours.answer_type != "date"
