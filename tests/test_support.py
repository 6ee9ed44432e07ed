"""The support check: citations required, hard checks on numbers/dates/names, verbatim quotes pass."""

from __future__ import annotations

from ics_assistant.answering.support import (
    CitedPassage,
    check_answer_support,
    check_sentence_support,
    split_answer,
)
from ics_assistant.types import Answer, Citation, Source

from .fakes import FakeEmbedder

FAQ = (
    "Following several years of locally led development, 42 ICSs were established across England "
    "on a statutory basis on 1 July 2022. Local services can provide better and more joined-up care."
)
ANNOUNCEMENT = (
    "NHS chief executive Sir Simon Stevens today confirmed that the final 13 areas, serving 14.9 million "
    "people, will be formally designated.\nThe 13 new ICS areas are:\n\n"
    "Kent and Medway\n\nMid and South Essex"
)
PASSAGES = [
    CitedPassage(1, FAQ, title="Frequently asked questions – ICSs"),
    CitedPassage(2, ANNOUNCEMENT, title="Final 13 ICS areas announced", date="2021-03-19"),
]


def _check(text: str, **kw: object) -> list[tuple[bool, str]]:
    return [(r.supported, r.reason) for r in check_sentence_support(text, PASSAGES, **kw)]  # type: ignore[arg-type]


def test_verbatim_quote_with_attribution_frame_passes() -> None:
    text = (
        "According to Frequently asked questions – ICSs: Following several years of locally led development, "
        "42 ICSs were established across England on a statutory basis on 1 July 2022 [1]."
    )
    assert _check(text) == [(True, "verbatim")]


def test_fabricated_date_fails_even_when_worded_like_the_source() -> None:
    [(ok, reason)] = _check(
        "42 ICSs were established across England on a statutory basis on 1 April 2023 [1]."
    )
    assert not ok and "date" in reason and "1 April 2023" in reason


def test_fabricated_number_and_name_fail() -> None:
    [(ok1, r1)] = _check("43 ICSs were established across England on a statutory basis [1].")
    [(ok2, r2)] = _check("Boris Johnson confirmed that the final 13 areas will be formally designated [2].")
    assert not ok1 and "43" in r1
    assert not ok2 and "Boris Johnson" in r2


def test_same_date_in_another_format_passes_the_hard_check() -> None:
    [(ok, reason)] = _check("ICSs were established on a statutory basis on July 1, 2022 [1].")
    assert ok, reason


def test_sentence_without_citation_is_unsupported() -> None:
    assert _check("ICSs were established on a statutory basis.") == [(False, "no citation")]


def test_citation_to_unknown_passage_is_unsupported() -> None:
    [(ok, reason)] = _check("Local services can provide better and more joined-up care [7].")
    assert not ok and "unknown citation" in reason


def test_the_wrong_passage_does_not_support_a_fact() -> None:
    [(ok, _reason)] = _check(
        "42 ICSs were established across England on a statutory basis on 1 July 2022 [2]."
    )
    assert not ok


def test_list_items_inherit_the_intro_citation_and_framing_note_passes() -> None:
    text = (
        "According to Final 13 ICS areas announced, dated 19 March 2021: The 13 new ICS areas are: [2]\n"
        "- Kent and Medway\n- Mid and South Essex\nThe source names only the areas listed above."
    )
    results = check_sentence_support(text, PASSAGES)
    assert [r.supported for r in results] == [True, True, True, True]
    assert [r.citations for r in results[:3]] == [(2,), (2,), (2,)]
    invented = check_sentence_support(text.replace("Mid and South Essex", "North Yorkshire"), PASSAGES)
    assert [r.supported for r in invented] == [True, True, False, True]


def test_frame_naming_a_source_that_is_not_cited_is_checked_as_a_claim() -> None:
    [(ok, _)] = _check(
        "According to The Times: Local services can provide better and more joined-up care [1]."
    )
    assert not ok


def test_quote_spanning_two_sentences_with_one_marker_passes() -> None:
    text = (
        "Following several years of locally led development, 42 ICSs were established across England on a "
        "statutory basis on 1 July 2022. Local services can provide better and more joined-up care [1]."
    )
    results = check_sentence_support(text, PASSAGES)
    assert len(results) == 1 and results[0].supported and results[0].reason == "verbatim"


def test_paraphrase_is_scored_semantically_with_an_embedder() -> None:
    emb = FakeEmbedder()
    [good] = check_sentence_support(
        "Local services provide better joined-up care [1].", PASSAGES, embedder=emb, threshold=0.5
    )
    [bad] = check_sentence_support(
        "Pharmacists vaccinate hedgehogs weekly [1].", PASSAGES, embedder=emb, threshold=0.5
    )
    assert good.supported and good.reason == "semantic"
    assert not bad.supported and bad.reason.startswith("low support")


def test_split_answer_handles_markers_after_the_full_stop_and_combined_markers() -> None:
    parts = split_answer("First claim here. [1] Second claim [1, 2]. Third one [2][3].")
    assert [p.citations for p in parts] == [(1,), (1, 2), (2, 3)]
    assert [p.claim for p in parts] == ["First claim here.", "Second claim.", "Third one."]


def test_check_answer_support_uses_the_cited_chunk_text() -> None:
    answer = Answer(
        text="ICSs were established on a statutory basis on 1 July 2022 [1].",
        citations=(Citation(1, "ics-faq", "FAQ", None, "c1", "42 ICSs were established", 0, 10),),
        sources=(Source("ics-faq", "c1", FAQ, 1.0, 1),),
    )
    [result] = check_answer_support(answer)
    assert result.supported


def test_numbered_lines_with_several_sentences_are_checked_one_by_one() -> None:
    text = (
        "1. Local services can provide better and more joined-up care [1]. ICSs were abolished in 2019 [1].\n"
        "2. The final 13 areas, serving 14.9 million people, will be formally designated [2]."
    )
    results = check_sentence_support(text, PASSAGES)
    assert [r.supported for r in results] == [True, False, True]
    assert "2019" in results[1].reason


def test_a_name_is_its_capitalised_words_not_the_sentence_furniture_before_them() -> None:
    """ "Every Wednesday" names Wednesday ("on Wednesdays" says it); "Every Thursday" does not."""
    cited = [CitedPassage(1, "The group meets at Tarrow Green Church on Wednesdays, 11am to 12 noon.")]
    kept = check_sentence_support(
        "Every Wednesday from 11am, the group meets at Tarrow Green Church [1].", cited, claims=True
    )
    moved = check_sentence_support(
        "Every Thursday from 11am, the group meets at Tarrow Green Church [1].", cited, claims=True
    )
    assert kept[0].supported
    assert not moved[0].supported and moved[0].kind == "name_mismatch"
