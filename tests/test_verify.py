"""Verifying generated text as it streams: only checked sentences come out, with their reasons."""

from __future__ import annotations

from ics_assistant.answering.verify import SentenceVerifier, verify_generated
from ics_assistant.sentences import split_sentences
from ics_assistant.types import Chunk, Hit

A = (
    "Following several years of locally led development, 42 partnerships were established across "
    "the region on a statutory basis on 1 July 2022. Each partnership has a board."
)
B = "The winter plan opens two extra clinics in December. The clinics are open every evening."


def _hits() -> list[Hit]:
    hits = []
    for i, text in enumerate((A, B), start=1):
        chunk = Chunk(
            f"d{i}#0", f"d{i}", text, 0, len(text), title=f"Doc {i}", sentences=tuple(split_sentences(text))
        )
        hits.append(Hit(chunk, 1.0 / i, i))
    return hits


def _words(text: str) -> list[str]:
    parts = text.split(" ")
    return [p if i == 0 else " " + p for i, p in enumerate(parts)]


def test_only_supported_sentences_stream_and_each_only_once_complete() -> None:
    reply = (
        "The winter plan opens two extra clinics in December [2]. "
        "The partnerships were abolished in 2019 [1]. "
        "42 partnerships were established across the region on a statutory basis on 1 July 2022 [1]."
    )
    verifier = SentenceVerifier(_hits())
    shown: list[str] = []
    seen_after: list[int] = []
    for k, delta in enumerate(_words(reply)):
        out = verifier.feed(delta)
        shown += out
        seen_after += [k] * len(out)
    shown += verifier.finish()
    result = verifier.result()
    assert "abolished" not in "".join(shown)
    assert "".join(shown) == result.text
    assert result.text == (
        "The winter plan opens two extra clinics in December [1]. "
        "42 partnerships were established across the region on a statutory basis on 1 July 2022 [2]."
    )
    assert [c.doc_id for c in result.citations] == ["d2", "d1"]
    assert [(d.reason, "abolished" in d.sentence) for d in result.reasons] == [("date_mismatch", True)]
    first_end = len(_words(reply.split("[2].")[0]))  # the delta that completes the first sentence
    assert seen_after[0] == first_end  # shown when the next sentence starts, not before


def test_a_sentence_citing_the_wrong_passage_is_recited_to_the_one_that_says_it() -> None:
    result = verify_generated("The clinics are open every evening [1].", _hits())
    assert result.text == "The clinics are open every evening [1]."
    assert [c.doc_id for c in result.citations] == ["d2"]
    [check] = result.checks
    assert check.recited_from == (1,) and check.citations == (2,)


def test_negated_and_invented_sentences_are_dropped_with_their_reasons() -> None:
    result = verify_generated(
        "The winter plan does not open two extra clinics in December [2]. "
        "Each partnership has a board, which also runs every hospital in the country [1].",
        _hits(),
    )
    assert result.text == "" and result.citations == ()
    assert [d.reason for d in result.reasons] == ["negation", "unsupported_claim"]


def test_a_verbatim_quote_of_two_sentences_with_one_marker_passes() -> None:
    verifier = SentenceVerifier(_hits())
    shown = []
    for delta in _words(B + " [2]"):
        shown += verifier.feed(delta)
    shown += verifier.finish()
    assert "".join(shown) == B + " [1]"
    assert [c.doc_id for c in verifier.result().citations] == ["d2"] and not verifier.result().dropped
