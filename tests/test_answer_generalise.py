"""General answerability mechanisms (not tuned to any eval item): personal service requests,
spelt-out names folding into acronyms, "a number of" not asking for a number, "who" answers that
name a person with a role (never the document's title line), and the speller leaving ordinary
words alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ics_assistant.answering.answerability import decide
from ics_assistant.answering.evidence import score_sentences
from ics_assistant.answering.extractive import compose_extractive
from ics_assistant.answering.lexicon import using
from ics_assistant.answering.question import analyze_question
from ics_assistant.answering.support import check_answer_support
from ics_assistant.assistant import Assistant
from ics_assistant.config import Settings
from ics_assistant.retrieval.spelling import Speller
from ics_assistant.types import Answer, Chunk, Hit

from .answer_fixtures import MemoryIndex, corpus_lexicon, memory_index
from .fakes import FakeEmbedder


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    return memory_index(FakeEmbedder())


@pytest.fixture(autouse=True)
def seed_lexicon() -> Iterator[None]:
    """The analysis tests read questions as an assistant over the seed corpus would."""
    with using(corpus_lexicon()):
        yield


@pytest.fixture
def assistant(index: MemoryIndex) -> Assistant:
    return Assistant(Settings(_env_file=None), FakeEmbedder(), index)  # type: ignore[call-arg]


# --- question analysis -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("Which services cover a number of STPs rather than a neighbourhood?", "list"),
        ("What happens to a number of trusts in the area?", "other"),
        ("How many ICSs are there?", "number"),
        ("What is the number of areas announced?", "number"),
    ],
)
def test_a_number_of_is_not_a_request_for_a_number(question: str, answer_type: str) -> None:
    assert analyze_question(question).answer_type == answer_type


@pytest.mark.parametrize(
    ("question", "entities"),
    [
        ("How will the Care Quality Commission's regulation change under ICSs?", ("cqc",)),
        ("What does the CQC regulate?", ("cqc",)),
        ("Who chairs the Kent and Medway integrated care board?", ("kent", "medway")),
        ("What did Dale Bywater say in 2021?", ("dale", "bywater", "2021")),
        # furniture capitals and the domain's own names are not entities to look for
        ("When did Health Care change for the NHS?", ()),
    ],
)
def test_entities_fold_spelt_out_names_into_their_acronym(
    question: str, entities: tuple[str, ...], assistant: Assistant
) -> None:
    # the assistant learnt the corpus's acronyms ("Care Quality Commission (CQC)") when it was built
    assert analyze_question(question).entities == entities


@pytest.mark.parametrize(
    ("question", "personal"),
    [
        ("How do I register with a GP?", True),
        ("Where is my nearest pharmacy?", True),
        ("where can I find the nearest walk-in centre", True),
        ("Can I change my GP practice?", True),
        ("How do integrated care systems help frontline staff?", False),
        ("How can we tackle the wider determinants of health?", False),  # staff asking about the work
        ("How should it be assessed whether STPs are ready to become ICSs?", False),
        ("What is an integrated care system?", False),
    ],
)
def test_personal_service_requests_are_recognised(question: str, personal: bool) -> None:
    assert analyze_question(question).personal is personal


def test_speller_never_rewrites_ordinary_function_words() -> None:
    speller = Speller(["We bring partners together.", "The statutory footing for systems."])
    # "being" is one edit from the corpus word "bring", but it is English, not a typo
    assert speller.correct("What date is given for ICSs being set up?") == (
        "What date is given for ICSs being set up?"
    )
    assert speller.correct("statutry footing") == "statutory footing"


# --- "who" cues ---------------------------------------------------------------------------------


def _chunk(text: str, title: str) -> Chunk:
    lines = [(i, i + len(line)) for i, line in _line_spans(text)]
    return Chunk("d:1", "d", text, 0, len(text), audience="public", title=title, sentences=tuple(lines))


def _line_spans(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def test_who_cue_prefers_a_named_role_over_the_title_line() -> None:
    text = "Quarterly Partner Bulletin\nJane Doe, Independent Chair\nWe met many Local Partners this spring."
    chunk = _chunk(text, "Quarterly Partner Bulletin (June 2021)")
    info = analyze_question("Who wrote the quarterly partner bulletin?")
    pool = score_sentences(info, [Hit(chunk=chunk, score=1.0, rank=1)], {}, FakeEmbedder().embed(["x"])[0])
    cues = {sc.text: sc.cue for sc in pool.sentences}
    assert cues["Quarterly Partner Bulletin"] == 0.0
    assert cues["Jane Doe, Independent Chair"] == 1.0
    assert cues["We met many Local Partners this spring."] == 0.6
    assert pool.ranked()[0].text == "Jane Doe, Independent Chair"


# --- end to end over the corpus (fake embedder) ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["How do I register with a GP?", "Where is my nearest pharmacy?", "How can I book a GP appointment?"],
)
def test_personal_service_questions_are_signposted_not_answered(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.refused, answer.text
    assert answer.citations == ()
    assert "www.nhs.uk" in answer.text and "111" in answer.text and "999" in answer.text


@pytest.mark.parametrize(
    ("text", "answerable"),
    [
        ("You can register with a GP practice online through the NHS App.", True),
        ("No hospital, GP surgery or care home could rise to the challenge alone.", False),
    ],
)
def test_personal_question_is_answered_only_when_a_sentence_states_the_action(
    text: str, answerable: bool
) -> None:
    chunk = _chunk(text, "Notes")
    info = analyze_question("How do I register with a GP?")
    query = FakeEmbedder().embed([info.text])[0]
    pool = score_sentences(info, [Hit(chunk=chunk, score=1.0, rank=1)], {}, query)
    decision = decide(pool, compose_extractive(pool).evidence, 0.9)
    assert decision.answerable is answerable
    assert decision.reason == (None if answerable else "personal_service")


def test_spelt_out_name_matches_its_acronym_in_the_source(assistant: Assistant) -> None:
    answer = assistant.ask("How will the Care Quality Commission's regulation change under ICSs?")
    assert not answer.refused, answer.refusal_reason
    assert "partnership working" in answer.text
    assert any(c.doc_id == "ics-on-track-for-2021" for c in answer.citations)


def test_who_signed_names_the_signatory_not_the_title(assistant: Assistant) -> None:
    answer = assistant.ask("Who signed the March 2021 stakeholder update?")
    assert not answer.refused
    assert "Prem Singh" in answer.text
    assert "Dear colleague" not in answer.text


def test_who_question_about_an_entity_the_sources_lack_is_refused(assistant: Assistant) -> None:
    answer = assistant.ask("Who chairs the Kent and Medway integrated care board?")
    assert answer.refused and answer.refusal_reason == "missing_entity"
    assert answer.citations == ()


# --- "how many X": the number must count X ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answerable"),
    [
        ("All systems will need support to achieve ICS status by 2021 or beyond.", False),
        ("The 2021 deadline worries ICS leaders in 3 regions.", False),
        ("A total of 42 ICSs now cover the whole of England.", True),
    ],
)
def test_how_many_needs_a_number_that_counts_the_thing_asked(text: str, answerable: bool) -> None:
    chunk = _chunk(text, "Notes")
    info = analyze_question("How many ICSs are there?")
    query = FakeEmbedder().embed([info.text])[0]
    pool = score_sentences(info, [Hit(chunk=chunk, score=1.0, rank=1)], {}, query)
    comp = compose_extractive(pool)
    decision = decide(pool, comp.evidence, 0.9)
    assert decision.answerable is answerable
    if not answerable:
        assert decision.reason == "no_answer_of_type"


def test_who_is_the_role_prefers_the_line_that_names_a_person_over_the_role_line() -> None:
    # (the small English model misses some names, e.g. "Amara Okafor"; such a line keeps the 0.3 cue)
    text = "With best wishes,\nHelen Carter\nChair of the Quillby Care Partnership Board\nAbout us"
    chunk = _chunk(text, "Partnership update (May 2024)")
    info = analyze_question("Who is the chair of the partnership board?")
    pool = score_sentences(info, [Hit(chunk=chunk, score=1.0, rank=1)], {}, FakeEmbedder().embed(["x"])[0])
    cues = {sc.text: sc.cue for sc in pool.sentences}
    assert cues["Chair of the Quillby Care Partnership Board"] < 0.6  # names a body, not a person
    assert cues["Helen Carter"] >= 0.6


def test_a_part_the_documents_do_not_answer_is_named_through_the_assistant(assistant: Assistant) -> None:
    answer = assistant.ask(
        "When were 42 ICSs established on a statutory basis, and what is their phone number?"
    )
    assert not answer.refused
    assert "1 July 2022" in answer.text
    assert answer.text.endswith(
        "I couldn't find the answer to “What is their phone number” in the documents I have."
    )
    assert answer.unanswered_parts == ("what is their phone number?",)
    assert Answer.from_dict(answer.to_dict()).unanswered_parts == answer.unanswered_parts
    # the line cites nothing and claims nothing: the support check passes it as framing
    results = check_answer_support(answer)
    assert results and all(r.supported for r in results)
    assert results[-1].reason == "framing"
