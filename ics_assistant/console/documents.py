"""The documents table: what the corpus holds, what the index holds, and what needs attention.

Status is ``failed`` (the loader's message) when the file cannot be loaded, ``overdue`` when its
``review_due`` date has passed, ``not ingested`` when the index has no chunks for it yet, else
``ok``. Reads the corpus with the same loader and cleaning rules as ``ingest``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ics_assistant.config import Settings
from ics_assistant.ingest.cleaning import load_rules, rules_path_for
from ics_assistant.ingest.corpus import load_corpus
from ics_assistant.ingest.manifest import MANIFEST_FILE
from ics_assistant.ingest.pipeline import META_LAST_INGEST
from ics_assistant.store import ChunkStore, store_path

__all__ = ["DocRow", "document_rows", "overdue_ranked", "raw_manifest"]


@dataclass(frozen=True)
class DocRow:
    doc_id: str
    title: str
    kind: str
    date: str | None
    audience: str
    chunks: int
    last_ingested: str | None
    review_due: str | None
    status: str  # ok | overdue | failed | not ingested
    message: str = ""
    path: str = ""


def raw_manifest(corpus_dir: Path) -> dict[str, dict[str, Any]]:
    path = corpus_dir / MANIFEST_FILE
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    docs = data.get("documents") if isinstance(data, dict) else None
    return {str(k): dict(v or {}) for k, v in docs.items()} if isinstance(docs, dict) else {}


def _stored(settings: Settings) -> tuple[dict[str, int], str | None]:
    path = store_path(settings)
    if not path.is_file():
        return {}, None
    store = ChunkStore(path)
    try:
        return {d.meta.doc_id: d.chunk_count for d in store.documents()}, store.get_meta(META_LAST_INGEST)
    finally:
        store.close()


def overdue_ranked(rows: list[DocRow], cited_doc_ids: list[tuple[str, ...]]) -> list[tuple[DocRow, int]]:
    """Overdue documents with how many of the given answers cited them, most cited first."""
    counts: dict[str, int] = {}
    for cited in cited_doc_ids:
        for doc_id in set(cited):
            counts[doc_id] = counts.get(doc_id, 0) + 1
    overdue = [(r, counts.get(r.doc_id, 0)) for r in rows if r.status == "overdue"]
    return sorted(overdue, key=lambda pair: (-pair[1], pair[0].doc_id))


def document_rows(
    settings: Settings, today: dt.date | None = None, stale: set[str] | None = None
) -> list[DocRow]:
    """One row per document; ``stale`` holds ids past review, superseded or too old."""
    today = today or dt.date.today()
    stale = stale or set()
    corpus = settings.corpus_dir
    loaded = load_corpus(
        corpus,
        load_rules(rules_path_for(corpus)),
        settings.max_file_bytes,
        max_unpacked=settings.max_unpacked_bytes,
    )
    manifest = raw_manifest(corpus)
    chunks, last = _stored(settings)
    rows: list[DocRow] = []
    for doc in loaded.docs:
        meta = doc.document.meta
        review = manifest.get(meta.doc_id, {}).get("review_due")
        review_s = str(review) if review else None
        status = "ok"
        if meta.doc_id not in chunks:
            status = "not ingested"
        if (review_s and review_s < today.isoformat()) or meta.doc_id in stale:
            status = "overdue"
        rows.append(
            DocRow(
                meta.doc_id,
                meta.title,
                meta.kind,
                meta.date,
                meta.audience,
                chunks.get(meta.doc_id, 0),
                last if meta.doc_id in chunks else None,
                review_s,
                status,
                path=doc.document.path,
            )
        )
    for failure in loaded.failures:
        doc_id = Path(failure.path).stem
        entry = manifest.get(doc_id, {})
        rows.append(
            DocRow(
                doc_id,
                str(entry.get("title") or doc_id),
                str(entry.get("kind") or "other"),
                entry.get("date"),
                str(entry.get("audience") or "staff"),
                chunks.get(doc_id, 0),
                None,
                entry.get("review_due"),
                "failed",
                failure.reason,
                failure.path,
            )
        )
    return sorted(rows, key=lambda r: r.doc_id)
