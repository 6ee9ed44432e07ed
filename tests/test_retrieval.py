"""Fusion (pure, worked examples and properties) and the hybrid retriever over an in-memory index."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ics_assistant.config import Settings
from ics_assistant.errors import InputError
from ics_assistant.retrieval.fusion import reciprocal_rank_fusion
from ics_assistant.retrieval.hybrid import HybridRetriever
from ics_assistant.retrieval.spelling import Speller

from .answer_fixtures import STAFF_DOC_ID, MemoryIndex, memory_index
from .fakes import FakeEmbedder


def test_rrf_worked_example() -> None:
    # a: 1/(60+1) + 1/(60+3); b: 1/(60+2) + 1/(60+1); c: 1/(60+3); d: 1/(60+2)
    fused = dict(reciprocal_rank_fusion([["a", "b", "c"], ["b", "d", "a"]], k=60))
    assert fused["a"] == pytest.approx(1 / 61 + 1 / 63)
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["c"] == pytest.approx(1 / 63)
    assert fused["d"] == pytest.approx(1 / 62)
    order = [i for i, _ in reciprocal_rank_fusion([["a", "b", "c"], ["b", "d", "a"]], k=60)]
    assert order == ["b", "a", "d", "c"]


def test_rrf_ties_keep_first_seen_order_and_k_zero() -> None:
    assert [i for i, _ in reciprocal_rank_fusion([["x", "y"], ["y", "x"]], k=0)] == ["x", "y"]
    assert reciprocal_rank_fusion([["x"]], k=0) == [("x", 1.0)]


def test_rrf_duplicate_in_one_ranking_counts_once() -> None:
    assert dict(reciprocal_rank_fusion([["a", "a", "b"]], k=1))["a"] == pytest.approx(1 / 2)


def test_rrf_rejects_negative_k() -> None:
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([["a"]], k=-1)


@given(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=8), max_size=4), st.integers(0, 100))
def test_rrf_properties(rankings: list[list[str]], k: int) -> None:
    fused = reciprocal_rank_fusion(rankings, k=k)
    ids = [i for i, _ in fused]
    assert len(ids) == len(set(ids)) == len({x for r in rankings for x in r})
    scores = [s for _, s in fused]
    assert scores == sorted(scores, reverse=True)
    # an item ranked first everywhere it appears, and appearing everywhere, is first
    if rankings and all(r and r[0] == rankings[0][0] for r in rankings):
        assert ids[0] == rankings[0][0]


@pytest.fixture(scope="module")
def index() -> MemoryIndex:
    return memory_index(FakeEmbedder())


def _retriever(index: MemoryIndex, **update: object) -> HybridRetriever:
    settings = Settings(_env_file=None, **update)  # type: ignore[call-arg, arg-type]
    return HybridRetriever(index, FakeEmbedder(), settings)


def test_hybrid_returns_top_k_ranked_hits(index: MemoryIndex) -> None:
    result = _retriever(index, top_k=3).retrieve("When did ICSs become statutory?", "public")
    assert [h.rank for h in result.hits] == [1, 2, 3]
    assert any("1 July 2022" in h.chunk.text for h in result.hits)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert result.top_dense_score > 0


def test_hybrid_passes_the_audience_and_candidate_k_to_both_searches(index: MemoryIndex) -> None:
    index.searches.clear()
    _retriever(index, candidate_k=7).retrieve("zephyr rota", "staff")
    assert sorted(index.searches) == [("dense", "staff"), ("lexical", "staff")]


def test_public_never_sees_staff_chunks(index: MemoryIndex) -> None:
    retriever = _retriever(index, top_k=10)
    public = retriever.retrieve("zephyr rota board secretary Quentin Marlowe", "public")
    staff = retriever.retrieve("zephyr rota board secretary Quentin Marlowe", "staff")
    assert all(h.chunk.doc_id != STAFF_DOC_ID for h in public.hits)
    assert staff.hits[0].chunk.doc_id == STAFF_DOC_ID


def test_dense_and_lexical_modes(index: MemoryIndex) -> None:
    retriever = _retriever(index)
    dense = retriever.retrieve("statutory basis", "public", mode="dense")
    lexical = retriever.retrieve("statutory basis", "public", mode="lexical")
    assert all(h.lexical_score is None for h in dense.hits)
    assert all(h.dense_score is None for h in lexical.hits)
    assert lexical.top_dense_score == 0.0


def test_bm25_searches_the_lexical_query_when_given(index: MemoryIndex) -> None:
    # the assistant passes the question with its acronyms spelled out: a passage that only says the
    # long form is found by its words ("what is an XYZ?" -> "... (statutory basis)")
    retriever = _retriever(index)
    plain = retriever.retrieve("qqzz", "public", mode="lexical")
    spelled = retriever.retrieve("qqzz", "public", mode="lexical", lexical_query="qqzz (statutory basis)")
    assert plain.hits == ()
    assert spelled.hits and "statutory basis" in spelled.hits[0].chunk.text


def test_unknown_audience_is_an_input_error(index: MemoryIndex) -> None:
    with pytest.raises(InputError):
        _retriever(index).retrieve("anything", "everyone")  # type: ignore[arg-type]


def test_speller_fixes_typos_but_keeps_known_words_and_variants() -> None:
    speller = Speller(["ICSs become statutory on a statutory basis in England", "people covered"])
    assert speller.correct("wen did ics become statutry") == "wen did ics become statutory"
    assert speller.correct("how many peopel") == "how many people"
    assert speller.correct("Which ICS covers London") == "Which ICS covers London"  # "cover" variant kept
    assert speller.correct("Statutry") == "Statutory"
