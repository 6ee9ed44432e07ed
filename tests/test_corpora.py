"""Every fixture corpus in the repo through the same checks: it ingests cleanly, its text reads as
prose (no Markdown markers, no page furniture), and a verbatim quote of any sentence of any chunk
always passes the support check against that chunk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ics_assistant.answering.support import CitedPassage, check_sentence_support
from ics_assistant.config import Settings
from ics_assistant.index import Index
from ics_assistant.ingest.pipeline import run_ingest

from .conftest import CORPUS, REPO
from .fakes import FakeEmbedder


def fixture_corpora() -> list[Path]:
    """The seed corpus and every corpus under evals/corpora/*/corpus."""
    return [CORPUS, *sorted(p for p in (REPO / "evals" / "corpora").glob("*/corpus") if p.is_dir())]


@pytest.fixture(
    scope="module", params=fixture_corpora(), ids=lambda p: p.parent.name if p != CORPUS else "seeds"
)
def corpus_index(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Index:
    corpus: Path = request.param
    data = tmp_path_factory.mktemp("corpus-data")
    settings = Settings(data_dir=data, corpus_dir=corpus, _env_file=None)  # type: ignore[call-arg]
    report = run_ingest(settings, FakeEmbedder(), progress=False)
    assert not report.failed, report.summary()
    return Index.open(settings)


def test_there_is_more_than_one_corpus() -> None:
    assert len(fixture_corpora()) >= 2


def test_every_verbatim_sentence_of_every_chunk_passes_the_support_check(corpus_index: Index) -> None:
    failures: list[str] = []
    for chunk in corpus_index.all_chunks():
        passage = CitedPassage(1, chunk.text, title=chunk.title, date=chunk.date)
        for start, end in chunk.sentences or ((0, len(chunk.text)),):
            for line in chunk.text[start:end].splitlines():
                if not line.strip():
                    continue
                results = check_sentence_support(f"{line} [1]", [passage])
                if not all(r.supported for r in results):
                    failures.append(f"{chunk.doc_id}: {line[:80]!r} -> {[r.reason for r in results]}")
    assert not failures, "\n".join(failures[:20])


def test_quotable_text_has_no_markup_or_page_furniture(corpus_index: Index) -> None:
    marker = re.compile(r"^(?:#{1,6} |\*\*|\|.*\|$)|^page \d+( of \d+)?$", re.I | re.M)
    for doc in corpus_index.documents():
        text = corpus_index.document_text(doc.doc_id) or ""
        found = marker.search(text)
        assert found is None, f"{doc.doc_id}: {found.group(0)!r}"
