"""Text features as the answerer reads them (``answering/analysis.py``): terms and names."""

from __future__ import annotations

from ics_assistant.answering.analysis import content_terms, dates_in, has_day_date, names_in
from ics_assistant.answering.lexicon import Lexicon, using


def test_a_contraction_of_a_stop_word_is_no_content_term() -> None:
    terms = content_terms("How soon after I'm accepted will they've someone at my house? I’ve asked.")
    assert "i'm" not in terms and "they'v" not in terms and "i’v" not in terms and "i’ve" not in terms
    assert {"soon", "accept", "hous"} <= set(terms)


def test_a_contraction_typed_without_its_apostrophe_or_a_pronoun_is_no_content_term() -> None:
    terms = content_terms("im 38 and dont drive, can my husband book it himself? it isn't far but too late")
    assert not {"im", "dont", "isn't", "himself", "but", "too"} & set(terms)
    assert {"38", "driv", "husband", "book", "far", "late"} <= set(terms)
    assert "ill" in content_terms("my son is ill")  # a word that is also a contraction typed bare stays
    assert "even" in content_terms("when do the evening groups meet?")  # no filler word stems like it


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


def test_a_date_in_each_month_is_a_date() -> None:
    assert dates_in("Claims must reach us by the 5th of the following month.") == [
        "5th of the following month"
    ]
    assert dates_in("Open on the first Saturday of each month") == ["first Saturday of each month"]
    assert dates_in("We meet every month.") == []


def test_a_day_date_names_its_day_not_only_a_month_or_a_year() -> None:
    for text in (
        "on 1 July 2022",
        "from April 1st",
        "Monday 5 October",
        "by 2026-07-01",
        "the 5th of each month",
    ):
        assert has_day_date(text), text
    for text in ("by March 2027", "in April 2022", "in 2026/27", "since 2019"):
        assert not has_day_date(text), text
