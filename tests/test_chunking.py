"""Chunking: offsets, token windows, FAQ structure, overlap, stable ids (worked examples + properties)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ics_assistant.backends.embedders import SentenceTransformerEmbedder
from ics_assistant.ingest.chunking import chunk_document, embedding_text, parse_blocks
from ics_assistant.ingest.cleaning import DEFAULT_RULES_PATH, clean_text, load_rules
from ics_assistant.ingest.loaders import load_file
from ics_assistant.ingest.manifest import load_manifest
from ics_assistant.protocols import TokenCounter
from ics_assistant.types import Chunk, Document, DocumentMeta

from .conftest import CORPUS
from .fakes import FakeEmbedder
from .ingest_fixtures import real_embedder

__all__ = ["real_embedder"]

RULES = load_rules(DEFAULT_RULES_PATH)
COUNTER = FakeEmbedder()
QA_DOCS = ("ics-faq", "ics-consultation-response")


def corpus_doc(doc_id: str) -> Document:
    text = clean_text(load_file(CORPUS / f"{doc_id}.txt", 10_000_000), RULES)
    return Document(load_manifest(CORPUS)[doc_id], text)


def make_doc(text: str, kind: str = "other") -> Document:
    return Document(DocumentMeta("doc", "Doc", kind=kind, audience="public"), text)


def check_invariants(doc: Document, chunks: list[Chunk], counter: TokenCounter, max_tokens: int) -> None:
    assert chunks
    for c in chunks:
        assert doc.text[c.start : c.end] == c.text
        assert c.text == c.text.strip() and c.text
        assert counter.count_tokens(embedding_text(c)[0]) <= max_tokens
        for s, e in c.sentences:
            assert 0 <= s < e <= len(c.text)
        assert (c.doc_id, c.title, c.audience, c.kind) == (
            doc.doc_id,
            doc.meta.title,
            doc.meta.audience,
            doc.meta.kind,
        )
    # chunks are in reading order and together cover every word of the document
    assert [c.start for c in chunks] == sorted(c.start for c in chunks)
    covered = [False] * len(doc.text)
    for c in chunks:
        covered[c.start : c.end] = [True] * (c.end - c.start)
    missing = [m.group() for m in re.finditer(r"\S+", doc.text) if not all(covered[m.start() : m.end()])]
    assert not missing, missing[:5]
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def questions_of(text: str) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in parse_blocks(text) if b.kind == "question"]


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in CORPUS.glob("*.txt")))
def test_corpus_chunks_slice_exactly_and_fit_the_window(doc_id: str) -> None:
    doc = corpus_doc(doc_id)
    check_invariants(doc, chunk_document(doc, COUNTER, 240, 1), COUNTER, 240)


@pytest.mark.parametrize("doc_id", QA_DOCS)
def test_every_faq_question_stays_with_its_answer(doc_id: str) -> None:
    doc = corpus_doc(doc_id)
    chunks = chunk_document(doc, COUNTER, 240, 1)
    questions = questions_of(doc.text)
    assert len(questions) >= 4
    for qs, qe in questions:
        question = doc.text[qs:qe]
        first = next(c for c in chunks if c.start <= qs < c.end)
        assert first.section == question
        # the question's chunk runs on into the answer's first paragraph
        answer_start = doc.text.index("\n\n", qe) + 2
        assert first.end > answer_start
        # every chunk of the answer carries the question
        for c in chunks:
            if c.section == question:
                assert embedding_text(c)[0].startswith(question) or c.text.find(question) >= 0


def test_faq_questions_are_found_in_the_corpus() -> None:
    doc = corpus_doc("ics-faq")
    found = [doc.text[s:e] for s, e in questions_of(doc.text)]
    assert found == [
        "What is an integrated care system?",
        "Why are integrated care systems needed?",
        "What does an integrated care system mean for people who use services?",
        "What about frontline staff?",
    ]


def test_long_answer_is_split_and_each_part_carries_the_question() -> None:
    para = "Integrated care systems bring partners together to plan services for residents. " * 6
    text = "How do ICSs work?\n\n" + "\n\n".join(para.strip() for _ in range(5))
    doc = make_doc(text)
    chunks = chunk_document(doc, COUNTER, 80, 1)
    check_invariants(doc, chunks, COUNTER, 80)
    assert len(chunks) > 2
    assert all(c.section == "How do ICSs work?" for c in chunks)
    assert chunks[0].text.startswith("How do ICSs work?")
    for c in chunks[1:]:
        assert embedding_text(c) == ("How do ICSs work?\n" + c.text, len("How do ICSs work?\n"))


def test_consecutive_chunks_of_a_section_overlap_by_a_sentence() -> None:
    sentences = [f"Sentence number {i} talks about partnership working in area {i}." for i in range(30)]
    doc = make_doc(" ".join(sentences))
    chunks = chunk_document(doc, COUNTER, 60, 1)
    assert len(chunks) > 2
    for a, b in itertools.pairwise(chunks):
        assert b.start < a.end, "no overlap"
        last_sentence = a.text[a.sentences[-1][0] : a.sentences[-1][1]]
        assert b.text.startswith(last_sentence)
    no_overlap = chunk_document(doc, COUNTER, 60, 0)
    assert all(b.start >= a.end for a, b in itertools.pairwise(no_overlap))


def test_an_oversized_sentence_is_split_into_word_runs() -> None:
    doc = make_doc("word " * 500 + "end.")
    chunks = chunk_document(doc, COUNTER, 50, 1)
    check_invariants(doc, chunks, COUNTER, 50)
    assert len(chunks) >= 10


def test_headings_start_sections_but_list_items_do_not() -> None:
    text = (
        "Structure of the system\n\nEvery ICS will have a partnership board drawn from commissioners, "
        "trusts and local authorities, with clinical and management capacity.\n\nThe areas are:\n\n"
        "Kent and Medway\n\n"
        "Mid and South Essex\n\nCheshire and Merseyside"
    )
    kinds = [(text[b.start : b.end], b.kind) for b in parse_blocks(text)]
    assert kinds[0] == ("Structure of the system", "heading")
    assert all(kind == "text" for _, kind in kinds[1:])


def test_ids_are_stable_and_follow_content() -> None:
    doc = corpus_doc("ics-faq")
    first = chunk_document(doc, COUNTER, 240, 1)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in chunk_document(doc, COUNTER, 240, 1)]
    # editing the last answer changes only the chunks that contain the edit
    edited = Document(doc.meta, doc.text + " An added closing sentence.")
    second = chunk_document(edited, COUNTER, 240, 1)
    assert [c.chunk_id for c in second[:-1]] == [c.chunk_id for c in first[:-1]]
    assert second[-1].chunk_id != first[-1].chunk_id
    other = Document(DocumentMeta("other-doc", "Other"), doc.text)
    assert not {c.chunk_id for c in first} & {c.chunk_id for c in chunk_document(other, COUNTER, 240, 1)}


_words = st.text(alphabet="abcdefghij", min_size=1, max_size=9)
_sentence = st.lists(_words, min_size=1, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
_para = st.lists(_sentence, min_size=1, max_size=6).map(" ".join)
_question = st.lists(_words, min_size=2, max_size=8).map(lambda ws: " ".join(ws).capitalize() + "?")
_heading = st.lists(_words, min_size=1, max_size=5).map(lambda ws: " ".join(ws).title())
_block = st.one_of(_para, _para, _question, _heading, _para.map(lambda p: "  • " + p))


@given(
    blocks=st.lists(_block, min_size=1, max_size=14),
    max_tokens=st.integers(24, 120),
    overlap=st.integers(0, 2),
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_chunk_invariants_hold_for_any_document(blocks: list[str], max_tokens: int, overlap: int) -> None:
    doc = make_doc("\n\n".join(blocks))
    chunks = chunk_document(doc, COUNTER, max_tokens, overlap)
    check_invariants(doc, chunks, COUNTER, max_tokens)
    assert [c.chunk_id for c in chunks] == [
        c.chunk_id for c in chunk_document(doc, COUNTER, max_tokens, overlap)
    ]


@pytest.mark.model
def test_corpus_chunks_fit_the_real_tokenizer_window(real_embedder: SentenceTransformerEmbedder) -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        doc = corpus_doc(path.stem)
        chunks = chunk_document(doc, real_embedder, 240, 1)
        check_invariants(doc, chunks, real_embedder, 240)
        assert max(real_embedder.count_tokens(embedding_text(c)[0]) for c in chunks) <= 240


def test_a_smaller_target_packs_fewer_paragraphs_but_keeps_questions_with_answers() -> None:
    doc = corpus_doc("ics-faq")
    default = chunk_document(doc, COUNTER, 240, 1)
    small = chunk_document(doc, COUNTER, 240, 1, target_tokens=60)
    check_invariants(doc, small, COUNTER, 240)
    assert len(small) > len(default)
    for qs, qe in questions_of(doc.text):
        first = next(c for c in small if c.start <= qs < c.end)
        assert first.end > doc.text.index("\n\n", qe) + 2  # the question still takes its first paragraph
