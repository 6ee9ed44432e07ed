"""A list that runs past its passage's end is read on into the document's next passages."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from ics_assistant.answering.list_run import following, join, may_run_on, runs_to_end, window
from ics_assistant.assistant import Assistant
from ics_assistant.config import Settings
from ics_assistant.ingest.chunking import chunk_document
from ics_assistant.sentences import split_sentences
from ics_assistant.types import Answer, Chunk, Document, DocumentMeta

from .answer_fixtures import MemoryIndex
from .fakes import FakeEmbedder

STEPS = [
    "A nurse will phone you within five working days to talk about your needs.",
    "Your practice will book a health check with bloods and a blood pressure reading.",
    "You will be offered a first appointment within four weeks, in person or by video.",
    "You and your nurse will agree a care plan and write down your own goals.",
    "If your needs are simple, you can start a guided course of six online sessions.",
    "If you need more help, you will be offered one-to-one sessions with a therapist.",
    "A pharmacist will check your medicines with you at the third session.",
    "Your progress will be reviewed with you at least every eight weeks.",
    "When you finish, you will leave with a written plan for staying well.",
    "You can come back without a new referral for a whole year afterwards.",
]
TEXT = (
    "Coming to the Harbour Wellbeing Service\n\nWho can be referred\n\n"
    "Adults over 18 who live in the area can be referred by their GP. "
    "The service is free and open on weekdays.\n\n"
    "What happens after you are referred\n\nAfter you are referred, these are the steps:\n"
    + "\n".join(f"{i}. {s}" for i, s in enumerate(STEPS, 1))
    + "\n\nContact us\n\nCall the service team on 01632 960111 on weekdays."
)
META = DocumentMeta("harbour", "Coming to the Harbour Wellbeing Service", kind="guide", audience="public")
COUNTER = FakeEmbedder()


def _chunks(max_tokens: int) -> list[Chunk]:
    return chunk_document(Document(META, TEXT), COUNTER, max_tokens, 1)


def _holding(chunks: list[Chunk], words: str) -> Chunk:
    return next(c for c in chunks if words in c.text)


@pytest.mark.parametrize("max_tokens", [60, 100, 120])
def test_the_passages_a_list_runs_into_are_followed_to_the_lists_end(max_tokens: int) -> None:
    chunks = _chunks(max_tokens)
    first = _holding(chunks, "these are the steps:")
    assert STEPS[-1] not in first.text, "the list must be cut by the chunker for this test"
    assert runs_to_end(first, first.sentences[-1][1])
    more = following(first, chunks, limit=10)
    joined, _ = join(first, more, {})
    assert all(step in joined.text for step in STEPS)
    assert "Call the service team" not in joined.text  # the next section is not read on into
    assert TEXT[joined.start : joined.end] == joined.text
    for s, e in joined.sentences:  # every span is a sentence of the joined text, each once
        assert joined.text[s:e].strip() == joined.text[s:e]
    starts = [s for s, _ in joined.sentences]
    assert starts == sorted(set(starts))


def test_following_stops_at_its_limit_and_never_starts_from_a_passage_that_does_not_end_in_a_list() -> None:
    chunks = _chunks(60)
    first = _holding(chunks, "these are the steps:")
    assert len(following(first, chunks, limit=1)) == 1
    opening = _holding(chunks, "Adults over 18")
    assert following(opening, chunks) == []  # its next passage starts a heading, not list lines
    assert following(chunks[-1], chunks) == []


def test_a_passage_that_opens_inside_a_list_is_read_from_the_passage_that_starts_it() -> None:
    chunks = _chunks(60)
    first = _holding(chunks, "these are the steps:")
    middle = _holding(chunks, STEPS[4])  # opens with a step, its intro two passages back
    assert middle.text.lstrip().startswith(("4.", "5."))
    found = window(middle, chunks)
    assert found is not None
    start, more = found
    assert start == first and middle in more  # read back to the passage with the list's intro
    assert all(step in join(start, more, {})[0].text for step in STEPS)
    assert window(first, chunks) is not None and window(first, chunks)[0] == first
    assert window(_holding(chunks, "Adults over 18"), chunks) is None
    # the cheap test never turns away a passage whose list runs past it
    assert all(may_run_on(c) for c in chunks if window(c, chunks) is not None)
    assert not may_run_on(_holding(chunks, "Adults over 18"))


def test_joined_sentence_vectors_line_up_with_the_joined_sentences() -> None:
    chunks = _chunks(120)
    first = _holding(chunks, "these are the steps:")
    more = following(first, chunks)
    vectors = {
        c.chunk_id: np.asarray(COUNTER.embed([c.text[s:e] for s, e in c.sentences])) for c in [first, *more]
    }
    joined, vecs = join(first, more, vectors)
    assert vecs is not None and len(vecs) == len(joined.sentences)
    expected = COUNTER.embed([joined.text[s:e] for s, e in joined.sentences])
    assert np.allclose(vecs, expected)
    _, missing = join(first, more, {first.chunk_id: vectors[first.chunk_id]})
    assert missing is None  # a passage without its vectors: the caller scores without them


def _whole(meta: DocumentMeta, text: str) -> list[Chunk]:
    return [
        Chunk(
            "harbour:all",
            meta.doc_id,
            text,
            0,
            len(text),
            "",
            "public",
            meta.title,
            None,
            meta.kind,
            tuple(split_sentences(text)),
        )
    ]


def _items(chunker: Callable[[DocumentMeta, str], list[Chunk]]) -> tuple[list[str], Answer]:
    index = MemoryIndex([(META, TEXT)], FakeEmbedder(), chunker=chunker)
    assistant = Assistant(Settings(_env_file=None), FakeEmbedder(), index)  # type: ignore[call-arg]
    answer = assistant.ask("What are the steps after you are referred?")
    return [line for line in answer.text.splitlines() if line.startswith("- ")], answer


@pytest.mark.parametrize("max_tokens", [100, 120])
def test_a_list_question_gets_every_step_although_the_list_runs_over_passages(max_tokens: int) -> None:
    items, answer = _items(lambda meta, text: _chunks(max_tokens))
    whole, _ = _items(_whole)  # the same document as one passage
    assert all(any(step in item for item in whole) for step in STEPS)
    assert items == whole
    assert answer.refusal_reason is None
    for c in answer.citations:
        assert TEXT[c.start : c.end] == c.quote


def test_a_passage_that_ends_inside_a_step_of_two_sentences_still_runs_on_to_the_next_steps() -> None:
    # a PDF's step goes on on its line with a second sentence, which the next passage starts with
    text = (
        "What happens next\n"
        "1. Your practice sends a referral to the service.\n"
        "2. The hub sends you a letter with a link to book.\n"
        "3. At the hub, a photographer takes photos of your skin. The appointment takes 20 minutes.\n"
        "4. The photos are sent to a consultant the same day.\n"
        "5. The consultant reviews your photos within 10 working days.\n"
    )
    meta = DocumentMeta("skin", "Skin checks", kind="plan", audience="public")
    cut = text.index(" The appointment")
    spans = tuple(split_sentences(text))

    def part(cid: str, start: int, end: int) -> Chunk:
        own = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
        return Chunk(cid, "skin", text[start:end], start, end, "", "public", meta.title, None, "plan", own)

    overlap = text.index("3. At the hub")
    first, second = part("skin:1", 0, cut), part("skin:2", overlap, len(text))
    assert first.text.rstrip().endswith("photos of your skin.")
    assert following(first, [first, second]) == [second]
    joined, _ = join(first, [second], {})
    assert "The appointment takes 20 minutes." in joined.text and "within 10 working days" in joined.text
    # a passage whose next passage goes on with prose, not with the list, is not joined to it
    prose = text[:cut] + " The appointment takes 20 minutes.\nContact us on 01632 960111 on weekdays."
    third = Chunk(
        "skin:3",
        "skin",
        prose[overlap:],
        overlap,
        len(prose),
        "",
        "public",
        meta.title,
        None,
        "plan",
        tuple((s - overlap, e - overlap) for s, e in split_sentences(prose) if s >= overlap),
    )
    assert following(first, [first, third]) == []
