"""The corpus manifest (per-document metadata) and the curated FAQ file.

``manifest.yaml`` maps a file stem to title/kind/date/audience/source, and optionally
``review_due`` (a date) and ``superseded_by`` (a document id), which mark citations as stale.
A file without an entry gets its stem as title, kind ``other``, no date and audience
``staff`` (nothing reaches the public without a maintainer deciding so). ``curated-faq.yaml``
holds structured Q/A entries, each of which becomes one chunk of the document ``curated-faq``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from ics_assistant.errors import CorpusError, LoadError
from ics_assistant.types import AUDIENCES, Audience, DocumentMeta

__all__ = [
    "CURATED_FAQ_FILE",
    "MANIFEST_FILE",
    "CuratedEntry",
    "CuratedFaq",
    "default_meta",
    "load_curated_faq",
    "load_manifest",
]

MANIFEST_FILE = "manifest.yaml"
CURATED_FAQ_FILE = "curated-faq.yaml"


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"cannot read {path}: {exc}") from exc


def _date(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise CorpusError(f"{where}: date {value!r} is not YYYY-MM-DD") from exc


def _audience(value: Any, where: str) -> Audience:
    if value not in AUDIENCES:
        raise CorpusError(f"{where}: audience must be one of {', '.join(AUDIENCES)}, got {value!r}")
    return cast(Audience, value)


def default_meta(doc_id: str) -> DocumentMeta:
    return DocumentMeta(doc_id=doc_id, title=doc_id, kind="other", date=None, audience="staff")


def load_manifest(corpus_dir: Path) -> dict[str, DocumentMeta]:
    """Per-document metadata keyed by doc id (file stem). Missing file: empty manifest."""
    path = corpus_dir / MANIFEST_FILE
    if not path.is_file():
        return {}
    data = _read_yaml(path) or {}
    docs = data.get("documents", {}) if isinstance(data, dict) else None
    if not isinstance(docs, dict):
        raise CorpusError(f"{path}: expected a top-level 'documents:' mapping")
    metas: dict[str, DocumentMeta] = {}
    for doc_id, entry in docs.items():
        where = f"{path} [{doc_id}]"
        if not isinstance(entry, dict):
            raise CorpusError(f"{where}: expected a mapping of fields")
        _date(entry.get("review_due"), where)  # currency fields: read by operations/currency.py
        if not isinstance(entry.get("superseded_by") or "", str):
            raise CorpusError(f"{where}: superseded_by must be a document id")
        metas[str(doc_id)] = DocumentMeta(
            doc_id=str(doc_id),
            title=str(entry.get("title") or doc_id),
            kind=str(entry.get("kind") or "other"),
            date=_date(entry.get("date"), where),
            audience=_audience(entry.get("audience", "staff"), where),
            source=str(entry.get("source") or ""),
        )
    return metas


@dataclass(frozen=True)
class CuratedEntry:
    question: str
    answer: str
    audience: Audience
    last_reviewed: str | None
    source: str = ""


@dataclass(frozen=True)
class CuratedFaq:
    doc_id: str
    title: str
    entries: tuple[CuratedEntry, ...]
    failures: tuple[LoadError, ...]  # entries that could not be used, reported by the pipeline


def load_curated_faq(path: Path) -> CuratedFaq:
    """Read the curated FAQ. A malformed entry is reported (``failures``); the rest are kept."""
    data = _read_yaml(path) or {}
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list):
        raise LoadError(str(path), "expected 'title' and an 'entries:' list")
    entries: list[CuratedEntry] = []
    failures: list[LoadError] = []
    for i, entry in enumerate(data.get("entries") or [], 1):
        where = f"{path}#{i}"
        try:
            if not isinstance(entry, dict):
                raise CorpusError("entry is not a mapping")
            question = " ".join(str(entry.get("question") or "").split())
            answer = str(entry.get("answer") or "").strip()
            if not question or not answer:
                raise CorpusError("entry needs both 'question' and 'answer'")
            entries.append(
                CuratedEntry(
                    question=question,
                    answer=answer,
                    audience=_audience(entry.get("audience", "staff"), where),
                    last_reviewed=_date(entry.get("last_reviewed"), where),
                    source=str(entry.get("source") or ""),
                )
            )
        except CorpusError as exc:
            failures.append(LoadError(where, str(exc).removeprefix(f"{where}: ")))
    return CuratedFaq(
        doc_id=path.stem,
        title=str(data.get("title") or path.stem),
        entries=tuple(entries),
        failures=tuple(failures),
    )
