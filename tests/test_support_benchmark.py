"""Gate: the support check on a fixed sample of the planted-error benchmark, on every corpus.

A stand-in OpenAI-compatible model on loopback answers from the numbered sources in its prompt
(``tests/planted.py``); each case runs through the real pipeline (ingest, hybrid retrieval,
``Assistant`` with the ``openai`` generator, the claim check). The sample is the first
``SAMPLE`` rows per corpus of ``evals/support/triples.jsonl`` (written by someone who never saw
the check); the full run is ``benchmarks/support.py``. Thresholds are what the check reached
(README, "Support check"), so a regression fails here; they only go up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ics_assistant.backends.embedders import SentenceTransformerEmbedder

from .ingest_fixtures import real_embedder  # noqa: F401  (pytest fixture)
from .planted import MODES, load_triples
from .support_harness import corpora, run_corpus, summarise

TRIPLES = Path(__file__).resolve().parent.parent / "evals" / "support" / "triples.jsonl"
SAMPLE = 8
MIN_REACHED = 6  # rows whose passage the stand-in model found in its prompt
# what the check reached on this sample (keep rate for verbatim / faithful paraphrase, drop rate for
# the rest); the done-when targets are 0.95 (0.80 for unfaithful paraphrases): see the README
# (measured 2026-11-30 after alignment by meaning, seeds / northshire, 7-8 reached rows each;
# before it: faithful 0.62 / 0.86, invented clause 0.88 / 1.00, unfaithful 0.88 / 0.43)
FLOOR = {
    "verbatim": 1.0,
    "faithful_paraphrase": 0.85,  # 0.88 / 1.00
    "number": 1.0,
    "year": 1.0,
    "name": 1.0,
    "wrong_source": 0.75,  # 0.75 / 1.00
    "invented_clause": 0.95,  # 1.00 / 1.00
    "negation": 0.85,  # 1.00 / 0.86 (support3: polarity on the aligned clause; 1.00 / 0.71 before)
    "unfaithful_paraphrase": 0.55,  # 0.75 / 0.57
}

pytestmark = pytest.mark.model


WITH_ROWS = sorted(name for name in corpora() if TRIPLES.exists() and load_triples(TRIPLES, name))


@pytest.mark.parametrize("corpus", WITH_ROWS)
def test_support_check_on_planted_errors(
    corpus: str,
    tmp_path: Path,
    real_embedder: SentenceTransformerEmbedder,  # noqa: F811
) -> None:
    triples = load_triples(TRIPLES, corpus)[:SAMPLE]
    assert len(triples) == SAMPLE
    cases = run_corpus(corpus, corpora()[corpus], tmp_path / "data", triples, real_embedder)
    modes = summarise(cases)[corpus]["modes"]
    assert modes["verbatim"]["n"] >= MIN_REACHED and modes["verbatim"]["rate"] == 1.0
    low = {m: modes[m]["rate"] for m in MODES if modes[m]["n"] and modes[m]["rate"] < FLOOR[m]}
    assert not low
