"""Assistant.ask / stream end to end over the in-memory index with fakes at the boundaries."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from ics_assistant.answering.support import check_answer_support
from ics_assistant.assistant import Assistant, build_assistant
from ics_assistant.config import Settings
from ics_assistant.errors import IndexNotBuiltError
from ics_assistant.types import Answer

from .answer_fixtures import STAFF_DOC_ID, MemoryIndex, memory_index
from .fakes import FakeEmbedder, ScriptedChatModel


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    return memory_index(FakeEmbedder())


@pytest.fixture
def assistant(index: MemoryIndex) -> Assistant:
    return Assistant(Settings(_env_file=None), FakeEmbedder(), index)  # type: ignore[call-arg]


def _check_citations(answer: Answer, index: MemoryIndex) -> None:
    source_ids = {s.chunk_id for s in answer.sources}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    markers = [int(m) for m in re.findall(r"\[(\d+)\]", answer.text)]
    assert list(dict.fromkeys(markers)) == [c.n for c in answer.citations]  # numbered in order of appearance
    for c in answer.citations:
        assert c.chunk_id in source_ids
        assert index.document_text(c.doc_id)[c.start : c.end] == c.quote


def test_statutory_date_answer_is_cited_verbatim(assistant: Assistant, index: MemoryIndex) -> None:
    answer = assistant.ask("When did ICSs become statutory?")
    assert not answer.refused
    assert "1 July 2022" in answer.text
    # leads with the statement that it happened, not the earlier plan to do it
    assert answer.text.startswith("According to Frequently asked questions – ICSs:")
    assert any("1 July 2022" in c.quote for c in answer.citations)
    _check_citations(answer, index)
    assert set(answer.timings_ms) >= {"condense", "retrieve", "generate", "verify", "total"}
    assert answer.generator == "extractive" and answer.audience == "public"
    assert Answer.from_dict(answer.to_dict()) == answer


def test_stream_yields_text_then_exactly_one_final_answer(assistant: Assistant) -> None:
    items = list(assistant.stream("How many people do the final 13 areas serve?"))
    deltas, final = items[:-1], items[-1]
    assert isinstance(final, Answer) and all(isinstance(d, str) for d in deltas)
    assert len(deltas) >= 1 and "".join(d for d in deltas if isinstance(d, str)) == final.text
    assert "14.9 million" in final.text


def test_list_answer_reports_only_what_the_source_names(assistant: Assistant, index: MemoryIndex) -> None:
    answer = assistant.ask("Which are the 13 new ICS areas?")
    items = [line[2:] for line in answer.text.splitlines() if line.startswith("- ")]
    document = index.document_text("final-13-ics-areas-announcement")
    assert len(items) == 10 and all(item in document for item in items)
    assert "Kent and Medway" in items and "Cambridgeshire and Peterborough" in items
    assert "The source names only the areas listed above." in answer.text
    _check_citations(answer, index)


def test_sources_that_differ_over_time_are_each_attributed(assistant: Assistant, index: MemoryIndex) -> None:
    answer = assistant.ask("When did ICSs become statutory?", ())
    frames = re.findall(r"According to ([^:]+):", answer.text)
    cited_docs = list(dict.fromkeys(c.doc_id for c in answer.citations))
    assert len(frames) == len(cited_docs)  # each source named once, before its sentences
    if len(cited_docs) > 1:
        assert any("dated 19 March 2021" in f for f in frames)


def test_out_of_scope_question_is_refused_with_signposting(assistant: Assistant) -> None:
    answer = assistant.ask("What is the capital of France?")
    assert answer.refused and answer.citations == ()
    assert "ICS documents" in answer.text and "NHS 111" in answer.text and "999" in answer.text


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        # the area is named only in a list, and nothing gives its budget
        ("What is the annual budget of Cheshire and Merseyside ICS?", "missing_entity"),
        ("How many staff work for an integrated care board?", "no_answer_of_type"),
        ("What is the phone number for my local ICS?", "no_answer_of_type"),
        # Kent and Medway is only a list item: never stitched to an unrelated sentence about a chief
        ("Who is the chief executive of the Kent and Medway ICS?", "missing_entity"),
        ("What are the other three ICS areas that the announcement doesn't name?", "not_covered"),
    ],
)
def test_unanswerable_on_topic_questions_are_refused(
    assistant: Assistant, question: str, reason: str
) -> None:
    answer = assistant.ask(question)
    assert answer.refused and answer.refusal_reason == reason
    assert answer.citations == () and "999" in answer.text


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty_question"),
        ("   \n\t ", "empty_question"),
        ("???!!", "empty_question"),
        (None, "empty_question"),
    ],
)
def test_empty_input_gets_a_helpful_answer(assistant: Assistant, raw: object, reason: str) -> None:
    answer = assistant.ask(raw)  # type: ignore[arg-type]
    assert answer.refused and answer.refusal_reason == reason
    assert "Please type a question" in answer.text


def test_too_long_input_is_refused_with_the_limit(assistant: Assistant) -> None:
    answer = assistant.ask("What is an ICS? " * 500)
    assert answer.refused and answer.refusal_reason == "too_long"
    assert "2000" in answer.text


def test_odd_characters_are_cleaned_not_fatal(assistant: Assistant) -> None:
    answer = assistant.ask("\x00When did\u200b ICSs become\x07 statutory?\ufeff")
    assert not answer.refused and "1 July 2022" in answer.text


def test_unknown_audience_is_refused_not_raised(assistant: Assistant) -> None:
    answer = assistant.ask("What is an ICS?", (), "everyone")  # type: ignore[arg-type]
    assert answer.refused and answer.refusal_reason == "bad_audience"


def test_public_answers_never_cite_staff_documents(assistant: Assistant) -> None:
    question = "When was the zephyr rota for ICS board papers agreed?"
    public = assistant.ask(question, (), "public")
    staff = assistant.ask(question, (), "staff")
    assert all(c.doc_id != STAFF_DOC_ID for c in public.citations)
    assert all(s.doc_id != STAFF_DOC_ID for s in public.sources)
    assert not staff.refused and any(c.doc_id == STAFF_DOC_ID for c in staff.citations)
    assert "3 February 2021" in staff.text
    assert public.refused and "zephyr" not in public.text.lower()


def _statutory_hit_number(assistant: Assistant, question: str) -> int:
    hits = assistant.retriever.retrieve(question, "public").hits
    return next(i for i, h in enumerate(hits, start=1) if "1 July 2022" in h.chunk.text)


def test_llm_answer_with_an_invented_sentence_is_verified(index: MemoryIndex) -> None:
    model = ScriptedChatModel()
    assistant = Assistant(Settings(_env_file=None, generator="openai"), FakeEmbedder(), index, model)  # type: ignore[call-arg]
    question = "When did ICSs become statutory?"
    n = _statutory_hit_number(assistant, question)
    model.enqueue(
        f"42 ICSs were established across England on a statutory basis on 1 July 2022 [{n}]. "
        f"ICSs became statutory bodies on 1 April 2023 [{n}]."
    )
    items = list(assistant.stream(question))
    answer = items[-1]
    assert isinstance(answer, Answer)
    streamed = "".join(i for i in items[:-1] if isinstance(i, str))
    assert streamed == answer.text  # only verified sentences are streamed
    assert "1 April 2023" not in answer.text  # the invented sentence is neither shown nor kept
    assert answer.dropped_sentences == (f"ICSs became statutory bodies on 1 April 2023 [{n}].",)
    assert [d.reason for d in answer.dropped] == ["date_mismatch"]
    assert answer.text == "42 ICSs were established across England on a statutory basis on 1 July 2022 [1]."
    assert len(answer.citations) == 1 and "1 July 2022" in answer.citations[0].quote
    assert answer.generator == "openai" and len(model.history) == 1


def test_llm_answer_names_the_part_the_documents_do_not_answer(index: MemoryIndex) -> None:
    model = ScriptedChatModel()
    assistant = Assistant(Settings(_env_file=None, generator="openai"), FakeEmbedder(), index, model)  # type: ignore[call-arg]
    question = "When were 42 ICSs established on a statutory basis, and what is their phone number?"
    n = _statutory_hit_number(assistant, question)
    model.enqueue(f"42 ICSs were established across England on a statutory basis on 1 July 2022 [{n}].")
    items = list(assistant.stream(question))
    answer = items[-1]
    assert isinstance(answer, Answer) and answer.generator == "openai" and not answer.refused
    assert "".join(i for i in items[:-1] if isinstance(i, str)) == answer.text  # streamed as kept
    assert answer.text == (
        "42 ICSs were established across England on a statutory basis on 1 July 2022 [1].\n\n"
        "I couldn't find the answer to “What is their phone number” in the documents I have."
    )
    assert answer.unanswered_parts == ("what is their phone number?",)
    # with both parts answered, nothing is added
    model.enqueue(f"42 ICSs were established across England on a statutory basis on 1 July 2022 [{n}].")
    whole = assistant.ask("When were 42 ICSs established on a statutory basis?")
    assert whole.unanswered_parts == () and "couldn't find" not in whole.text


def test_llm_answer_with_nothing_supported_falls_back_to_extractive(index: MemoryIndex) -> None:
    model = ScriptedChatModel(["ICSs were abolished by Parliament on 5 May 2025 [1]. They meet on Mondays."])
    assistant = Assistant(Settings(_env_file=None, generator="openai"), FakeEmbedder(), index, model)  # type: ignore[call-arg]
    answer = assistant.ask("When did ICSs become statutory?")
    assert not answer.refused and answer.generator == "extractive"
    assert "1 July 2022" in answer.text and "2025" not in answer.text
    assert len(answer.dropped_sentences) == 2


def test_unanswerable_question_does_not_call_the_llm(index: MemoryIndex) -> None:
    model = ScriptedChatModel(["Paris is the capital of France [1]."])
    assistant = Assistant(Settings(_env_file=None, generator="openai"), FakeEmbedder(), index, model)  # type: ignore[call-arg]
    assert assistant.ask("What is the capital of France?").refused
    assert model.history == []


def test_concurrent_asks_agree_with_sequential_ones(assistant: Assistant) -> None:
    questions = [
        "When did ICSs become statutory?",
        "Which are the 13 new ICS areas?",
        "What is the capital of France?",
        "How many people do the final 13 areas serve?",
    ] * 3
    sequential = [assistant.ask(q).text for q in questions]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(lambda q: assistant.ask(q).text, questions))
    assert parallel == sequential


def test_extractive_query_embeds_only_the_question(index: MemoryIndex) -> None:
    embedder = FakeEmbedder()
    assistant = Assistant(Settings(_env_file=None), embedder, index)  # type: ignore[call-arg]
    assistant.ask("When did ICSs become statutory?")
    assert embedder.calls == [1]


def test_build_assistant_needs_an_index(settings: Settings) -> None:
    with pytest.raises(IndexNotBuiltError, match="ics-assistant ingest"):
        build_assistant(settings, embedder=FakeEmbedder())


def test_build_assistant_uses_given_parts(settings: Settings, index: MemoryIndex) -> None:
    assistant = build_assistant(settings, embedder=FakeEmbedder(), index=index)
    assert assistant.index is index and assistant.chat_model is None


def test_a_list_cut_to_max_items_says_so_instead_of_claiming_it_is_complete(index: MemoryIndex) -> None:
    assistant = Assistant(Settings(_env_file=None, max_list_items=4), FakeEmbedder(), index)  # type: ignore[call-arg]
    answer = assistant.ask("Which are the 13 new ICS areas?")
    items = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert len(items) == 4
    assert "The source's list goes on beyond these." in answer.text
    assert "names only" not in answer.text
    assert (
        index.document_text(answer.citations[0].doc_id)[answer.citations[0].start : answer.citations[0].end]
        == answer.citations[0].quote
    )


_WORDS = [
    "when",
    "who",
    "how",
    "many",
    "which",
    "what",
    "why",
    "ICS",
    "ICSs",
    "integrated",
    "care",
    "systems",
    "statutory",
    "2022",
    "April",
    "areas",
    "final",
    "people",
    "chair",
    "board",
    "White",
    "Paper",
    "partnership",
    "voluntary",
    "CCGs",
    "abolish",
    "funding",
    "staff",
    "Kent",
    "Medway",
    "NHS",
    "England",
    "primary",
    "network",
    "structure",
    "list",
    "announced",
    "covered",
    "million",
    "Stevens",
    "said",
    "deadline",
    "ambitious",
]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=9))
@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_answer_is_verbatim_cited_and_supported(
    assistant: Assistant, index: MemoryIndex, words: list[str]
) -> None:
    question = " ".join(words) + "?"
    items = list(assistant.stream(question))
    answer = items[-1]
    assert isinstance(answer, Answer) and all(isinstance(i, str) for i in items[:-1])
    assert "".join(i for i in items[:-1] if isinstance(i, str)) == answer.text
    if answer.refused:
        assert answer.citations == () and "999" in answer.text
        return
    _check_citations(answer, index)
    assert all(r.supported for r in check_answer_support(answer)), answer.text


def test_public_questions_are_never_corrected_to_staff_only_words(assistant: Assistant) -> None:
    # "zephyr" and "marlowe" appear only in the staff-only fixture document
    question = "Who keeps the zephir rota, is it Quentin Marlowa?"
    public = assistant.ask(question, (), "public")
    staff = assistant.ask(question, (), "staff")
    assert "zephyr" in staff.condensed_question.lower()  # the staff speller knows the word
    for leaked in ("zephyr", "marlowe"):
        assert leaked not in public.condensed_question.lower()
        assert leaked not in public.text.lower()


def _clinic_index() -> MemoryIndex:
    from ics_assistant.types import DocumentMeta

    lead = (
        "Marbury Health Centre opens on Monday 3 May 2027. The new Marbury Health Centre on Hollin Lane "
        "brings GP, nursing and pharmacy services for the town together under one roof, in a building "
        "designed with patients and staff over the last two years."
    )
    filler = [
        f"The Marbury Health Centre {topic} The Marbury Health Centre team will share more news about "
        "the Marbury Health Centre in the spring, and residents can ask the Marbury Health Centre team."
        for topic in (
            "has a car park with spaces for disabled drivers and a covered cycle store beside the entrance.",
            "replaces the old surgery building on Station Road, which will be sold once everyone has moved.",
            "was paid for by the integrated care board and the town council, who shared the building costs.",
            "will have a community room that local groups can book for meetings, classes and events.",
        )
    ]
    hours = (
        "Opening times\n\nThe centre will be open from 8am to 6.30pm on weekdays, with a late clinic until "
        "8pm on Thursdays for people who work during the day, and it will be closed at weekends and on "
        "bank holidays when NHS 111 can help instead."
    )
    text = "\n\n".join([lead, *filler, hours])
    meta = DocumentMeta(doc_id="clinic-news", title="New health centre", kind="news", audience="public")
    other = DocumentMeta(doc_id="other-news", title="Other news", kind="news", audience="public")
    other_text = "A different town has a new library with a reading room that opens on Saturdays from 10am."
    return MemoryIndex([(meta, text), (other, other_text)], FakeEmbedder())


def test_each_part_of_a_two_part_question_is_answered_from_the_lead_document() -> None:
    # the question's words find the opening date; its hours sit in a passage of the same document
    # that the retriever does not rank (top_k=2): the second part is looked for there too
    index = _clinic_index()
    settings = Settings(_env_file=None, top_k=2)  # type: ignore[call-arg]
    assistant = Assistant(settings, FakeEmbedder(), index)
    answer = assistant.ask("When will Marbury Health Centre open, and what will its opening hours be?")
    assert not answer.refused
    assert "3 May 2027" in answer.text and "8am to 6.30pm" in answer.text
    _check_citations(answer, index)
    hours = next(c for c in answer.citations if "8am to 6.30pm" in c.quote)
    assert hours.chunk_id in {s.chunk_id for s in answer.sources}  # the passage quoted is among the sources
