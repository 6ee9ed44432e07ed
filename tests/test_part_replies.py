"""A question in several parts gets a quote for each part (``answering/part_replies.py``)."""

from __future__ import annotations

from ics_assistant.answering.evidence import score_sentences
from ics_assistant.answering.extractive import Composition
from ics_assistant.answering.part_replies import compose_parts, not_found
from ics_assistant.answering.parts import question_parts
from ics_assistant.answering.question import analyze_part, analyze_question
from ics_assistant.answering.support import CitedPassage, check_sentence_support
from ics_assistant.types import Chunk, Hit

from .fakes import FakeEmbedder


def _chunk(text: str) -> Chunk:
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in text.split(". "):
        end = text.index(sentence, pos) + len(sentence) + (1 if not sentence.endswith(".") else 0)
        spans.append((text.index(sentence, pos), min(end, len(text))))
        pos = min(end + 1, len(text))
    return Chunk(
        "c1", "doc", text, 0, len(text), audience="public", title="Clinic guide", sentences=tuple(spans)
    )


def _parts_comp(question: str, text: str) -> Composition:
    hits = [Hit(chunk=_chunk(text), score=1.0, rank=1)]
    parts = question_parts(question)
    emb = FakeEmbedder()
    pools = [score_sentences(analyze_question(question), hits, {}, emb.embed([question])[0])]
    for part in parts[1:]:
        pools.append(score_sentences(analyze_part(part, parts[0]), hits, {}, emb.embed([part])[0]))
    return compose_parts(pools, parts, max_sentences=2)


def test_each_part_gets_its_own_quote() -> None:
    text = (
        "The Millbrook clinic opens from 9am to 5pm on weekdays. "
        "Parking is free for two hours. "
        "You do not need a referral to use the clinic."
    )
    comp = _parts_comp("What hours is the Millbrook clinic open, and do I need a referral?", text)
    assert "9am to 5pm" in comp.text
    assert "referral" in comp.text
    assert all(c.quote in text for c in comp.citations)


def _parts_reply(question: str, text: str) -> str:
    return _parts_comp(question, text).text


def test_a_later_part_is_answered_by_the_sentence_that_says_what_it_adds() -> None:
    text = (
        "The next board meeting in public will be held at 10am on Thursday 28 May at the Civic Hall. "
        "The board approved the financial plan for the year. "
        "Anyone can attend. "
        "Minutes of the last board meeting are on our website."
    )
    reply = _parts_reply("when is the next board meeting, and can anyone go?", text)
    assert "28 May" in reply and "Anyone can attend [" in reply


_CLINIC = (
    "The Millbrook clinic opens from 9am to 5pm on weekdays. "
    "Parking is available behind the clinic. "
    "You do not need a referral to use the clinic."
)


def test_a_later_part_the_documents_do_not_answer_is_named_not_answered_with_a_loose_quote() -> None:
    comp = _parts_comp("What hours is the Millbrook clinic open, and how much does parking cost?", _CLINIC)
    assert "9am to 5pm" in comp.text
    assert "Parking is available" not in comp.text  # says no sum: not offered as the price
    assert comp.unanswered_parts == ("how much does parking cost?",)
    assert comp.text.endswith(
        "I couldn't find the answer to “How much does parking cost” in the documents I have."
    )
    assert len(comp.citations) == 1


def test_a_later_part_the_documents_answer_is_quoted_not_named() -> None:
    comp = _parts_comp("What hours is the Millbrook clinic open, and do I need a referral?", _CLINIC)
    assert "do not need a referral" in comp.text
    assert comp.unanswered_parts == ()
    assert "couldn't find" not in comp.text


def test_the_line_naming_an_unanswered_part_is_framing_for_the_support_check() -> None:
    text = "The clinic opens from 9am to 5pm on weekdays [1]. " + not_found("and how much does it cost?")
    passage = CitedPassage(n=1, text="The clinic opens from 9am to 5pm on weekdays.", title="Clinic guide")
    results = check_sentence_support(text, [passage])
    assert [r.supported for r in results] == [True, True]
    assert results[1].reason == "framing"


def test_a_first_part_the_documents_do_not_answer_is_named_and_the_later_part_answered() -> None:
    comp = _parts_comp("What is the Millbrook clinic's phone number, and do I need a referral?", _CLINIC)
    assert "do not need a referral" in comp.text
    assert "9am to 5pm" not in comp.text  # a line with no number is not offered as the number
    assert comp.unanswered_parts == ("What is the Millbrook clinic's phone number?",)
    assert "I couldn't find the answer to “What is the Millbrook clinic's phone number”" in comp.text
    assert [c.quote for c in comp.citations] == ["You do not need a referral to use the clinic."]


def test_the_named_part_keeps_one_pair_of_quotes_so_the_line_stays_framing() -> None:
    line = not_found("and what does “same day” mean?")
    assert line == 'I couldn\'t find the answer to “And what does "same day" mean” in the documents I have.'
    passage = CitedPassage(n=1, text="The clinic opens at 9am.", title="Clinic guide")
    assert check_sentence_support(line, [passage])[0].reason == "framing"


def test_a_when_part_answered_by_a_day_and_a_time_is_quoted_not_named() -> None:
    text = (
        "The singing group meets at Tarrow Church on Wednesdays at 11am. "
        "Singers who need a lift can ask the singing group leader. "
        "There is no need to book a place at the group. The group is free."
    )
    comp = _parts_comp("When does the singing group meet, and do I need to book?", text)
    assert "on Wednesdays at 11am" in comp.text and "no need to book" in comp.text
    assert not comp.unanswered_parts
