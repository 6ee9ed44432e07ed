"""Incremental ingestion: add / modify / delete, failures, strict mode, the lock, rebuild, crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ics_assistant.backends.chroma_store import ChromaStore
from ics_assistant.config import Settings
from ics_assistant.errors import CorpusError, IndexNotBuiltError, IndexStateError, IngestLockedError
from ics_assistant.index import Index, index_exists
from ics_assistant.ingest.lock import ingest_lock
from ics_assistant.ingest.pipeline import run_ingest
from ics_assistant.store import ChunkStore, store_path
from ics_assistant.types import AUDIENCES

from .fakes import FakeEmbedder
from .ingest_fixtures import FailingEmbedder, copy_corpus, settings_for

ALL_DOCS = [
    "curated-faq",
    "final-13-ics-areas-announcement",
    "ics-consultation-response",
    "ics-faq",
    "ics-on-track-for-2021",
    "ics-stakeholder-update-march-2021",
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_corpus(tmp_path / "corpus")


@pytest.fixture
def cfg(tmp_path: Path, corpus: Path) -> Settings:
    return settings_for(tmp_path, corpus)


def assert_consistent(settings: Settings) -> Index:
    """Chroma, BM25 and the chunk store agree exactly, with no duplicates."""
    index = Index.open(settings)
    chunks = index.all_chunks()
    ids = [c.chunk_id for c in chunks]
    assert len(ids) == len(set(ids))
    chroma = ChromaStore(settings)
    for audience in AUDIENCES:
        wanted = {c.chunk_id for c in chunks if audience == "staff" or c.audience == "public"}
        assert chroma.ids(audience) == wanted
        assert set(index._lexical[audience].ids) == wanted
    vectors = index.sentence_vectors(ids)
    assert set(vectors) == set(ids)
    for c in chunks:
        assert vectors[c.chunk_id].shape == (len(c.sentences), 64)
        assert index.document_text(c.doc_id)[c.start : c.end] == c.text
    return index


def test_first_ingest_builds_a_consistent_index(cfg: Settings, fake_embedder: FakeEmbedder) -> None:
    assert not index_exists(cfg)
    with pytest.raises(IndexNotBuiltError, match="ics-assistant ingest"):
        Index.open(cfg)
    report = run_ingest(cfg, fake_embedder, progress=False)
    assert sorted(report.added) == ALL_DOCS
    assert report.failed == [] and report.updated == report.removed == report.unchanged == []
    assert report.embedded == report.chunk_count == sum(fake_embedder.calls)
    index = assert_consistent(cfg)
    stats = index.stats()
    assert stats["documents"] == 6 and stats["chunks"] == report.chunk_count
    assert stats["embedding_model"] == "fake-bow" and stats["last_ingest"]
    assert sum(stats["chunks_per_document"].values()) == report.chunk_count
    assert {d.doc_id for d in index.documents()} == set(ALL_DOCS)


def test_no_change_reingest_embeds_nothing(cfg: Settings, fake_embedder: FakeEmbedder) -> None:
    first = run_ingest(cfg, fake_embedder, progress=False)
    calls = list(fake_embedder.calls)
    second = run_ingest(cfg, fake_embedder, progress=False)
    assert fake_embedder.calls == calls
    assert sorted(second.unchanged) == ALL_DOCS and second.embedded == 0 and second.repaired == 0
    assert not second.lexical_rebuilt and second.chunk_count == first.chunk_count


def test_add_modify_delete_touch_only_what_changed(cfg: Settings, corpus: Path) -> None:
    embedder = FakeEmbedder()
    run_ingest(cfg, embedder, progress=False)
    before = {c.chunk_id: c for c in Index.open(cfg).all_chunks()}
    faq_before = {cid for cid, c in before.items() if c.doc_id == "ics-faq"}

    (corpus / "new-guidance.md").write_text(
        "New guidance\n\nICS boards publish a joint forward plan every year.", encoding="utf-8"
    )
    faq = corpus / "ics-faq.txt"
    faq.write_text(
        faq.read_text(encoding="utf-8") + "\nA closing sentence added by the editor.\n", encoding="utf-8"
    )
    (corpus / "ics-on-track-for-2021.txt").unlink()
    embedder.calls.clear()

    report = run_ingest(cfg, embedder, progress=False)
    assert report.added == ["new-guidance"]
    assert report.updated == ["ics-faq"]
    assert report.removed == ["ics-on-track-for-2021"]
    assert sorted(report.unchanged) == [
        "curated-faq",
        "final-13-ics-areas-announcement",
        "ics-consultation-response",
        "ics-stakeholder-update-march-2021",
    ]
    index = assert_consistent(cfg)
    after = {c.chunk_id: c for c in index.all_chunks()}
    new_ids = set(after) - set(before)
    # only the new document's chunk and the edited FAQ chunk were embedded
    assert sum(embedder.calls) == report.embedded == len(new_ids) == 2
    assert {after[i].doc_id for i in new_ids} == {"new-guidance", "ics-faq"}
    assert len(faq_before - set(after)) == 1  # the edited chunk was replaced, the others kept
    assert not any(c.doc_id == "ics-on-track-for-2021" for c in after.values())
    # the new document has no manifest entry: staff only, so not in the public collection
    assert after[next(i for i in new_ids if after[i].doc_id == "new-guidance")].audience == "staff"
    public_ids = {
        cid for cid, _ in index.dense_search("public", embedder.embed(["joint forward plan"])[0], 50)
    }
    assert not any(after[i].doc_id == "new-guidance" for i in public_ids)
    top_staff = index.dense_search("staff", embedder.embed(["joint forward plan"])[0], 1)[0][0]
    assert after[top_staff].doc_id == "new-guidance"
    assert index.lexical_search("staff", "joint forward plan", 1)[0][0] == top_staff


def test_manifest_change_updates_records_without_reembedding(cfg: Settings, corpus: Path) -> None:
    embedder = FakeEmbedder()
    run_ingest(cfg, embedder, progress=False)
    manifest = corpus / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace('title: "Frequently asked questions – ICSs"', 'title: "ICS FAQ"').replace(
            "    kind: faq\n    date: null\n    audience: public",
            "    kind: faq\n    date: null\n    audience: staff",
        ),
        encoding="utf-8",
    )
    embedder.calls.clear()
    report = run_ingest(cfg, embedder, progress=False)
    assert report.updated == ["ics-faq"] and embedder.calls == []
    index = assert_consistent(cfg)
    faq_chunks = [c for c in index.all_chunks() if c.doc_id == "ics-faq"]
    assert {(c.title, c.audience) for c in faq_chunks} == {("ICS FAQ", "staff")}
    assert report.repaired == len(faq_chunks)  # removed from the public collection only


def test_bad_files_are_reported_skipped_and_strict_fails(cfg: Settings, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.md").write_bytes(bytes(range(256)) * 8)
    (corpus / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.7 not really")
    big = corpus / "huge.txt"
    big.write_text("word " * 4000, encoding="utf-8")
    small_limit = settings_for(cfg.data_dir.parent, corpus, max_file_bytes=10_000)

    with pytest.raises(CorpusError, match="strict mode") as info:
        run_ingest(small_limit, FakeEmbedder(), strict=True, progress=False)
    for name in ("empty.txt", "binary.md", "latin1.txt", "broken.pdf", "huge.txt"):
        assert name in str(info.value)
    assert not index_exists(small_limit)  # strict: nothing written

    report = run_ingest(small_limit, FakeEmbedder(), progress=False)
    reasons = {Path(name).name: reason for name, reason in report.failed}
    assert set(reasons) == {"empty.txt", "binary.md", "latin1.txt", "broken.pdf", "huge.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.md"]
    assert "UTF-8" in reasons["latin1.txt"] and "PDF" in reasons["broken.pdf"]
    assert "limit" in reasons["huge.txt"]
    assert sorted(report.added) == ALL_DOCS
    assert_consistent(small_limit)


def test_a_file_that_becomes_unreadable_keeps_its_previous_version(cfg: Settings, corpus: Path) -> None:
    run_ingest(cfg, FakeEmbedder(), progress=False)
    n_before = len([c for c in Index.open(cfg).all_chunks() if c.doc_id == "ics-faq"])
    (corpus / "ics-faq.txt").write_bytes(b"\xff\xfe broken now")
    report = run_ingest(cfg, FakeEmbedder(), progress=False)
    assert [Path(n).name for n, _ in report.failed] == ["ics-faq.txt"]
    assert report.removed == []
    assert len([c for c in assert_consistent(cfg).all_chunks() if c.doc_id == "ics-faq"]) == n_before


def test_second_writer_gets_a_clear_lock_error(cfg: Settings) -> None:
    with (
        ingest_lock(cfg.index_dir),
        pytest.raises(IngestLockedError, match="another ingest is already writing"),
    ):
        run_ingest(cfg, FakeEmbedder(), progress=False)
    run_ingest(cfg, FakeEmbedder(), progress=False)  # the lock is free again
    assert index_exists(cfg)


def test_rebuild_starts_from_scratch(cfg: Settings) -> None:
    embedder = FakeEmbedder()
    first = run_ingest(cfg, embedder, progress=False)
    embedder.calls.clear()
    report = run_ingest(cfg, embedder, rebuild=True, progress=False)
    assert sorted(report.added) == ALL_DOCS and report.embedded == first.chunk_count == sum(embedder.calls)
    assert_consistent(cfg)


def test_changing_the_embedding_model_reembeds_everything(cfg: Settings) -> None:
    run_ingest(cfg, FakeEmbedder(), progress=False)
    other = FakeEmbedder(dim=32)
    other.name = "fake-bow-32"
    report = run_ingest(cfg, other, progress=False)
    assert report.embedded == report.chunk_count and sorted(report.added) == ALL_DOCS
    index = Index.open(cfg)
    assert index.stats()["embedding_model"] == "fake-bow-32"
    assert len(index.dense_search("public", other.embed(["ICS"])[0], 3)) == 3


def test_crash_mid_embedding_is_completed_by_the_next_run(cfg: Settings) -> None:
    settings = cfg.model_copy(update={"embedding_batch_size": 4})
    crashing = FailingEmbedder(fail_on=3)
    with pytest.raises(RuntimeError, match="simulated crash"):
        run_ingest(settings, crashing, progress=False)
    assert not index_exists(settings)
    store = ChunkStore(store_path(settings))
    saved = store.vector_ids()
    store.close()
    assert len(saved) == 8  # two batches of four were committed before the crash

    embedder = FakeEmbedder()
    report = run_ingest(settings, embedder, progress=False)
    assert report.embedded == report.chunk_count - 8 == sum(embedder.calls)
    assert sorted(report.added) == ALL_DOCS
    assert_consistent(settings)


def test_crash_after_the_store_commit_is_repaired(cfg: Settings) -> None:
    """Chroma lost entries (as if killed after the chunk store was committed): the next run
    notices, re-adds them from the stored vectors without embedding, and Index.open refuses
    the inconsistent state meanwhile."""
    run_ingest(cfg, FakeEmbedder(), progress=False)
    chroma = ChromaStore(cfg)
    victims = sorted(chroma.ids("public"))[:3]
    chroma.delete("public", victims)
    chroma.add("staff", ["ghost:1"], FakeEmbedder().embed(["stale"]), ["ghost"])
    with pytest.raises(IndexStateError, match="ics-assistant ingest"):
        Index.open(cfg)
    embedder = FakeEmbedder()
    report = run_ingest(cfg, embedder, progress=False)
    assert embedder.calls == [] and report.repaired == 4
    assert_consistent(cfg)


def test_stale_lexical_index_is_rebuilt_on_open(cfg: Settings) -> None:
    run_ingest(cfg, FakeEmbedder(), progress=False)
    pointer = cfg.index_dir / "lexical" / "bm25.json"
    pointer.unlink()
    index = Index.open(cfg)
    assert index.lexical_search("public", "thirteen final areas 14.9 million", 1)
    assert index.lexical_search("public", "", 3) == []
    assert index.lexical_search("public", "zzzz qqqq", 3) == []
    report = run_ingest(cfg, FakeEmbedder(), progress=False)
    assert report.lexical_rebuilt and pointer.exists()


def test_every_supported_format_is_ingested(tmp_path: Path) -> None:
    from .test_loaders import make_docx, make_pdf

    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "notes.md").write_text("# Notes\n\nMarkdown says ICS boards meet monthly.", encoding="utf-8")
    (corpus / "page.html").write_text(
        "<html><body><nav>Menu</nav><main><p>HTML says partnerships plan services.</p></main></body></html>",
        encoding="utf-8",
    )
    (corpus / "paper.pdf").write_bytes(make_pdf(["PDF says systems cover England."]))
    make_docx(corpus / "memo.docx", ["DOCX says staff are consulted."])
    settings = settings_for(tmp_path, corpus)
    report = run_ingest(settings, FakeEmbedder(), progress=False)
    assert sorted(report.added) == ["memo", "notes", "page", "paper"] and report.failed == []
    index = assert_consistent(settings)
    texts = {c.doc_id: c.text for c in index.all_chunks()}
    assert "partnerships plan services" in texts["page"] and "Menu" not in texts["page"]
    assert "systems cover England" in texts["paper"]
    assert "staff are consulted" in texts["memo"]
    assert "ICS boards meet monthly" in texts["notes"]


def test_summary_names_every_category() -> None:
    from ics_assistant.ingest.report import IngestReport

    report = IngestReport(
        added=["a"],
        updated=["b"],
        removed=["c"],
        unchanged=[f"doc-{i}" for i in range(15)],
        failed=[("corpus/bad.txt", "file is empty")],
        chunk_count=7,
        embedded=2,
    )
    text = report.summary()
    assert "added 1 (a)" in text and "updated 1 (b)" in text and "removed 1 (c)" in text
    assert "unchanged 15 (doc-0, doc-1" in text and "… and 3 more" in text
    assert "failed 1" in text and "corpus/bad.txt: file is empty" in text
    assert "7 chunks in the index, 2 embedded this run" in text


def test_a_failed_vector_write_rolls_back_and_the_store_stays_usable(tmp_path: Path) -> None:
    store = ChunkStore(tmp_path / "store.sqlite")
    vectors = FakeEmbedder().embed(["one", "two"])
    sentences = [vectors[:1], vectors[1:]]
    with pytest.raises(Exception, match="type"):  # an id sqlite cannot bind, in the second row
        store.put_vectors(["a", {"not": "an id"}], vectors, sentences)  # type: ignore[list-item]
    assert store.vector_ids() == set()  # the first row was rolled back too
    store.put_vectors(["a", "b"], vectors, sentences)  # no transaction left open
    assert store.vector_ids() == {"a", "b"}
    store.close()


def test_hostile_files_are_reported_and_every_good_document_kept(tmp_path: Path, corpus: Path) -> None:
    from .hostile_fixtures import entity_bomb_docx, huge_text_node_docx, outside_link, zip_bomb_docx

    entity_bomb_docx(corpus / "entities.docx")
    huge_text_node_docx(corpus / "node.docx", megabytes=12)
    zip_bomb_docx(corpus / "zip.docx", megabytes=60)
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    outside_link(corpus, secret, "x.txt")
    (corpus / "forged\nfailed 0\nadded 999.txt").write_text(
        "Name with newlines about ICSs.", encoding="utf-8"
    )
    settings = settings_for(tmp_path, corpus)
    report = run_ingest(settings, FakeEmbedder(), progress=False)
    failed = {Path(name).name: reason for name, reason in report.failed}
    assert set(failed) == {"entities.docx", "node.docx", "zip.docx", "x.txt"}
    assert "unpacks to" in failed["zip.docx"] and "link" in failed["x.txt"]
    assert set(ALL_DOCS) <= set(report.added)
    summary = report.summary()
    assert not any(line.startswith(("failed 0", "added 999")) for line in summary.splitlines())
    assert "forged\\nfailed 0\\nadded 999" in summary
    index = assert_consistent(settings)
    assert all("root:x" not in c.text for c in index.all_chunks())


def test_documents_unpacking_past_the_limit_fail_alone_and_the_rest_is_indexed(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    from .hostile_fixtures import pdf_stream_bomb, zip_bomb_docx

    monkeypatch.setenv("ICS_MAX_UNPACKED_BYTES", "3000000")
    zip_bomb_docx(corpus / "bomb.docx", megabytes=200)
    pdf_stream_bomb(corpus / "scan.pdf", megabytes=20)
    minutes = docx.Document()
    minutes.add_paragraph("The board met in May and agreed the winter plan.")
    minutes.save(str(corpus / "minutes.docx"))
    settings = settings_for(tmp_path, corpus)
    assert settings.max_unpacked_bytes == 3_000_000
    report = run_ingest(settings, FakeEmbedder(), progress=False)
    failed = {Path(name).name: reason for name, reason in report.failed}
    assert set(failed) == {"bomb.docx", "scan.pdf"}
    for reason in failed.values():
        assert "over the 3,000,000-byte limit" in reason
    assert set(ALL_DOCS) | {"minutes"} == set(report.added)
    assert "bomb.docx" in report.summary() and "unpacks to" in report.summary()
    assert_consistent(settings)
