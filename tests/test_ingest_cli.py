"""The `ingest` and `stats` commands: friendly errors, exit codes, and a real end-to-end run."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from ics_assistant.backends.embedders import SentenceTransformerEmbedder
from ics_assistant.cli import app
from ics_assistant.config import Settings
from ics_assistant.index import Index
from ics_assistant.ingest.chunking import embedding_text
from ics_assistant.ingest.lock import ingest_lock

from .ingest_fixtures import copy_corpus, real_embedder

__all__ = ["real_embedder"]

runner = CliRunner()


def test_stats_without_an_index_is_a_friendly_error() -> None:
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 1
    assert "no index" in result.output and "ics-assistant ingest" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [["stats"], ["ingest", "--no-progress"], ["ask", "hi"], ["serve"], ["feedback", "export", "--out", "x"]],
)
def test_a_bad_setting_is_a_one_line_error_not_a_traceback(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ICS_TOP_K", "many")
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "ICS_TOP_K" in result.output and "valid integer" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_strict_ingest_with_a_bad_file_exits_non_zero(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(app, ["ingest", "--corpus", str(corpus), "--strict", "--no-progress"])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "binary" in result.output


def test_missing_corpus_folder_exits_non_zero(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", "--corpus", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_ingest_while_another_is_running_is_refused() -> None:
    with ingest_lock(Settings().index_dir):
        result = runner.invoke(app, ["ingest", "--no-progress"])
    assert result.exit_code == 1
    assert "another ingest is already writing" in result.output


@pytest.mark.model
def test_ingest_then_stats_with_the_real_model(
    tmp_path: Path, real_embedder: SentenceTransformerEmbedder
) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    (corpus / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", "--corpus", str(corpus), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert (
        "added 6" in result.output
        and "failed 1" in result.output
        and "empty.txt: file is empty" in result.output
    )

    again = runner.invoke(app, ["ingest", "--corpus", str(corpus), "--no-progress"])
    assert again.exit_code == 0 and "unchanged 6" in again.output and "0 embedded this run" in again.output

    stats = runner.invoke(app, ["stats", "--json"])
    assert stats.exit_code == 0, stats.output
    info = json.loads(stats.output)
    assert info["embedding_model"] == "all-MiniLM-L6-v2"
    assert info["documents"] == 6 and info["chunks"] == sum(info["chunks_per_document"].values())
    assert info["index_location"] == str(Settings().index_dir)
    text = runner.invoke(app, ["stats"])
    assert "Last ingest:" in text.output and "ics-faq" in text.output

    # what was stored is what the model gives, and a question finds its passage
    index = Index.open(Settings())
    chunks = index.all_chunks()
    stored = index._store.vectors([c.chunk_id for c in chunks])
    assert np.abs(stored - real_embedder.embed([embedding_text(c)[0] for c in chunks])).max() < 1e-4
    sentence_vectors = index.sentence_vectors([c.chunk_id for c in chunks])
    assert all(sentence_vectors[c.chunk_id].shape == (len(c.sentences), 384) for c in chunks)
    question = real_embedder.embed(["How many people do the final 13 ICS areas serve?"])[0]
    top = index.chunks([cid for cid, _ in index.dense_search("public", question, 5)])
    assert top[0].doc_id == "final-13-ics-areas-announcement"
    assert any("14.9 million" in c.text for c in top)
