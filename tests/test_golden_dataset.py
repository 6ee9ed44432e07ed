"""The eval datasets themselves: schema, coverage of the corpus and of each kind of question
(golden set), and every expected fact literally present in one of its expected (cleaned) source
documents (golden and hold-out sets)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ics_assistant.config import DEFAULT_TOP_K
from ics_assistant.evaluation.dataset import EvalItem, fact_alternatives, load_dataset
from ics_assistant.evaluation.metrics import fact_present
from ics_assistant.ingest.cleaning import load_rules, rules_path_for
from ics_assistant.ingest.corpus import load_corpus

from .conftest import CORPUS, REPO

GOLDEN = REPO / "evals" / "datasets" / "golden.jsonl"
HOLDOUT = REPO / "evals" / "datasets" / "holdout.jsonl"
HOLDOUT2 = REPO / "evals" / "datasets" / "holdout2.jsonl"
HOLDOUT3 = REPO / "evals" / "datasets" / "holdout3.jsonl"
SEED_BLIND = REPO / "evals" / "datasets" / "seed-blind.jsonl"
SEED_FRESH = REPO / "evals" / "datasets" / "seed-fresh.jsonl"
# every seed-corpus set, the blind fresh ones included (their writers' checkers stayed outside the repo)
DATASETS = pytest.mark.parametrize(
    "path",
    [GOLDEN, HOLDOUT, HOLDOUT2, HOLDOUT3, SEED_BLIND, SEED_FRESH],
    ids=["golden", "holdout", "holdout2", "holdout3", "seed-blind", "seed-fresh"],
)
# the later blind fresh sets (their writers' checkers stayed outside the repo): sources exist, facts
# occur verbatim, unanswerable items expect nothing (some facts are long titles, as their writers chose)
FRESH_SETS = sorted((REPO / "evals" / "datasets").glob("seed-fresh?*.jsonl"))
WRITTEN_BLIND = pytest.mark.parametrize(
    "path", [SEED_FRESH, *FRESH_SETS], ids=["seed-fresh", *(p.stem for p in FRESH_SETS)]
)
CORPUS_DOC_IDS = {p.stem for p in CORPUS.glob("*.txt")}


@pytest.fixture(scope="module")
def items() -> list[EvalItem]:
    return load_dataset(GOLDEN)


@pytest.fixture(scope="module")
def cleaned_docs() -> dict[str, str]:
    loaded = load_corpus(CORPUS, load_rules(rules_path_for(CORPUS)), 20_000_000)
    assert not loaded.failures
    return {d.doc_id: d.document.text for d in loaded.docs}


def test_schema_loads_with_unique_ids_and_enough_items(items: list[EvalItem]) -> None:
    assert len(items) >= 80
    assert len({i.id for i in items}) == len(items)
    assert all(i.question.strip() and i.category for i in items)
    assert not any(i.needs_label for i in items)


def test_required_kinds_of_question_are_covered(items: list[EvalItem]) -> None:
    by_cat = Counter(i.category for i in items)
    assert sum(not i.answerable for i in items) >= 15
    assert sum(bool(i.history) for i in items) >= 10
    assert by_cat["followup"] >= 10
    assert by_cat["paraphrase"] >= 10
    assert by_cat["temporal"] >= 5
    assert by_cat["list"] >= 5
    assert by_cat["emergency"] >= 1
    for cat in ("out_of_scope", "medical", "injection", "unanswerable"):
        assert by_cat[cat] >= 1, cat
    # every emergency item requires 999, every medical item NHS 111
    assert all("999" in i.expected_facts for i in items if i.category == "emergency")
    assert all("111" in i.expected_facts for i in items if i.category == "medical")
    assert all(not i.answerable for i in items if i.category in {"emergency", "medical", "injection"})


def test_every_corpus_document_is_an_expected_source(items: list[EvalItem]) -> None:
    used = Counter(s for i in items for s in i.expected_sources)
    assert set(used) >= CORPUS_DOC_IDS, CORPUS_DOC_IDS - set(used)
    assert min(used[d] for d in CORPUS_DOC_IDS) >= 8


@DATASETS
def test_expected_sources_exist_in_the_corpus(path: Path, cleaned_docs: dict[str, str]) -> None:
    items = load_dataset(path)
    unknown = {(i.id, s) for i in items for s in i.expected_sources if s not in cleaned_docs}
    assert not unknown


@DATASETS
def test_answerable_facts_occur_literally_in_an_expected_source(
    path: Path, cleaned_docs: dict[str, str]
) -> None:
    items = load_dataset(path)
    problems = [
        (i.id, fact)
        for i in items
        if i.answerable
        for fact in i.expected_facts
        if not any(fact_present(fact, cleaned_docs[s]) for s in i.expected_sources)
    ]
    assert not problems
    assert all(i.expected_facts for i in items if i.answerable)


@DATASETS
def test_facts_are_short_and_distinctive(path: Path) -> None:
    items = load_dataset(path)
    alternatives = [a for i in items for f in i.expected_facts for a in fact_alternatives(f)]
    assert all(len(a) <= 60 for a in alternatives)
    # an answerable item must not need more sources than an answer can cite from top-k
    assert all(len(i.expected_sources) <= DEFAULT_TOP_K for i in items)


@DATASETS
def test_unanswerable_items_expect_no_sources(path: Path) -> None:
    items = load_dataset(path)
    assert all(not i.expected_sources for i in items if not i.answerable)


@DATASETS
def test_dataset_file_is_plain_utf8_jsonl(path: Path) -> None:
    raw = path.read_bytes()
    assert raw.endswith(b"\n") and b"\r" not in raw
    assert all(line.startswith(b"{") for line in raw.splitlines())


def test_holdout_questions_are_not_golden_questions(items: list[EvalItem]) -> None:
    holdout = load_dataset(HOLDOUT)
    assert len(holdout) >= 25
    golden_questions = {i.question.lower() for i in items}
    assert not {i.question.lower() for i in holdout} & golden_questions
    assert not {i.id for i in holdout} & {i.id for i in items}


@WRITTEN_BLIND
def test_blind_fresh_sets_hold_what_their_writers_checked(path: Path, cleaned_docs: dict[str, str]) -> None:
    test_expected_sources_exist_in_the_corpus(path, cleaned_docs)
    test_answerable_facts_occur_literally_in_an_expected_source(path, cleaned_docs)
    test_unanswerable_items_expect_no_sources(path)
    test_dataset_file_is_plain_utf8_jsonl(path)
