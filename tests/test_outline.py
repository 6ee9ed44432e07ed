"""Lists a document spells out as numbered headings, one section each: found in reading order over
the document's chunks, matched to a list question by their label or the heading before them, and
quoted each from its own chunk. Texts are invented, not from a corpus."""

from __future__ import annotations

from ics_assistant.answering.evidence import score_sentences
from ics_assistant.answering.outline import compose_series, find_series, numbered_series
from ics_assistant.answering.question import analyze_question
from ics_assistant.sentences import split_sentences
from ics_assistant.types import Chunk, Hit

from .fakes import FakeEmbedder

PLAN = [
    "Our plan for 2027\n\nThis plan sets out what the Greenvale board will do in 2027.\n\n"
    "Goal 1: Faster GP appointments\n\nWe will add 20,000 appointments.",
    "Goal 2: Shorter hospital waits\n\nNobody will wait more than a year.",
    "Goal 3: Healthier children\n\nEvery school will have a nurse.\n\n"
    "Goal 4: Less smoking\n\nWe will help 900 people quit.",
]
STRATEGY = [
    "What we will focus on\n\n1. Start strong\n\nChildren come first.\n\n2. Stay strong\n\nAdults stay well.",
    "3. Age strong\n\nOlder people live at home for longer.\n\nHow to contact us\n\nWrite to the board.",
]


def _chunks(texts: list[str], doc: str = "plan") -> list[Chunk]:
    out, at = [], 0
    for n, text in enumerate(texts):
        out.append(
            Chunk(
                f"{doc}:{n}",
                doc,
                text,
                at,
                at + len(text),
                audience="public",
                title="Plan for 2027",
                sentences=tuple(split_sentences(text)),
            )
        )
        at += len(text) + 2
    return out


def test_numbered_headings_over_several_chunks_form_one_series_in_order() -> None:
    (series,) = numbered_series(_chunks(PLAN))
    assert series.label == "goal"
    assert [line.text for line in series.items] == [
        "Goal 1: Faster GP appointments",
        "Goal 2: Shorter hospital waits",
        "Goal 3: Healthier children",
        "Goal 4: Less smoking",
    ]


def test_a_bare_numbered_series_keeps_the_heading_before_it_as_its_intro() -> None:
    (series,) = numbered_series(_chunks(STRATEGY, "strategy"))
    assert series.label == ""
    assert series.intro is not None and series.intro.text == "What we will focus on"
    assert [line.text for line in series.items] == ["1. Start strong", "2. Stay strong", "3. Age strong"]


def test_two_numbered_headings_or_numbered_sentences_are_no_series() -> None:
    pair = _chunks(["1. First thing\n\nSome text here.\n\n2. Second thing\n\nMore text."])
    steps = _chunks(["How to apply\n\n1. Fill in the form.\n2. Post it to us.\n3. Wait for a letter."])
    assert numbered_series(pair) == [] and numbered_series(steps) == []


def test_a_list_question_finds_the_series_by_its_label_or_its_intro_and_nothing_else() -> None:
    assert find_series(analyze_question("What are the board's goals for 2027?"), _chunks(PLAN)) is not None
    focus = analyze_question("What will the plan focus on?")
    assert find_series(focus, _chunks(STRATEGY, "strategy")) is not None
    assert find_series(analyze_question("What are the opening hours?"), _chunks(PLAN)) is None


def test_the_series_is_quoted_as_a_list_each_heading_cited_to_its_own_chunk() -> None:
    chunks = _chunks(PLAN)
    info = analyze_question("What are the Greenvale board's goals?")
    found = find_series(info, chunks)
    assert found is not None
    hits = [Hit(chunk=c, score=1.0, rank=i + 1) for i, c in enumerate(chunks)]
    pool = score_sentences(info, hits, {}, FakeEmbedder().embed([info.text])[0])
    comp = compose_series(pool, found[0])
    assert comp.is_list
    assert "- Goal 1: Faster GP appointments [2]" in comp.text
    assert "- Goal 4: Less smoking [5]" in comp.text
    # the board is named by no heading: the sentence that names it sets the list
    assert comp.text.startswith("According to Plan for 2027: This plan sets out what the Greenvale board")
    assert [c.chunk_id for c in comp.citations] == ["plan:0", "plan:0", "plan:1", "plan:2", "plan:2"]
    for q in comp.quotes:
        assert q.chunk.text[q.start : q.end] == q.text


def _assistant_over(docs: list[tuple[str, str, str]]) -> object:
    from ics_assistant.assistant import Assistant
    from ics_assistant.config import Settings
    from ics_assistant.types import DocumentMeta

    from .answer_fixtures import MemoryIndex

    embedder = FakeEmbedder()
    metas = [
        (DocumentMeta(doc_id=d, title=t, audience="public" if d != "memo" else "staff"), x)
        for d, t, x in docs
    ]
    return Assistant(Settings(_env_file=None), embedder, MemoryIndex(metas, embedder))  # type: ignore[call-arg]


LONG_PLAN = (
    "Plan for 2027\n\nThis plan sets out what the Greenvale board will do in 2027. "
    + "It was agreed in public. " * 30
    + "\n\nGoal 1: Faster GP appointments\n\nWe will add 20,000 appointments. "
    + "Practices will open later. " * 30
    + "\n\nGoal 2: Shorter hospital waits\n\nNobody will wait more than a year. "
    + "Theatres will open at weekends. " * 30
    + "\n\nGoal 3: Healthier children\n\nEvery school will have a nurse. "
    + "Clinics will run in schools. " * 30
)
MEMO = (
    "Staff memo\n\nSections of this memo follow.\n\n1. Rota codes\n\nUse code RX-1.\n\n2. Parking codes\n\n"
    "Use code PK-2.\n\n3. Shift goals\n\nArrive early."
)


def test_a_list_question_is_answered_from_the_documents_numbered_headings_for_its_audience_only() -> None:
    assistant = _assistant_over([("plan", "Plan for 2027", LONG_PLAN), ("memo", "Staff memo", MEMO)])
    answer = assistant.ask("What are the board's goals for 2027?")  # type: ignore[attr-defined]
    assert not answer.refused
    for goal in (
        "Goal 1: Faster GP appointments",
        "Goal 2: Shorter hospital waits",
        "Goal 3: Healthier children",
    ):
        assert f"- {goal} [" in answer.text
    assert "Rota codes" not in answer.text and all(c.doc_id == "plan" for c in answer.citations)
