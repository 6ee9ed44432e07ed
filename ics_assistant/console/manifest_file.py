"""Edits to ``corpus/manifest.yaml`` from the console: validated, atomic, with a backup.

The file stays the source of truth (a git-managed corpus keeps working): each change reads it,
changes one entry, writes a temporary file in the same folder and renames it over the old one,
after copying the old one to ``.manifest.yaml.bak`` (hidden, so ``ingest`` skips it).
Comments at the top of the file are kept.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ics_assistant.errors import CorpusError
from ics_assistant.ingest.manifest import MANIFEST_FILE
from ics_assistant.types import AUDIENCES

__all__ = ["EDITABLE", "backup_path", "remove_entry", "update_entry"]

EDITABLE = ("title", "kind", "date", "audience", "review_due", "superseded_by", "source")


def backup_path(corpus_dir: Path) -> Path:
    """Where the manifest before the latest console change is kept."""
    return corpus_dir / f".{MANIFEST_FILE}.bak"


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    if not path.is_file():
        return "", {"documents": {}}
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or not isinstance(data.get("documents", {}), dict):
        raise CorpusError(f"{path}: expected a top-level 'documents:' mapping")
    data.setdefault("documents", {})
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    return header, data


def _check(field: str, value: str) -> str | None:
    value = value.strip()
    if field in ("date", "review_due"):
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError as exc:
            raise CorpusError(f"{field} must be a date like 2025-03-31, not {value!r}") from exc
    if field == "audience" and value not in AUDIENCES:
        raise CorpusError(f"audience must be one of {', '.join(AUDIENCES)}, not {value!r}")
    if field == "title" and not value:
        raise CorpusError("a document needs a title")
    return value or None


def _write(path: Path, header: str, data: dict[str, Any]) -> None:
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    if path.is_file():
        shutil.copy2(path, backup_path(path.parent))
    fd, tmp = tempfile.mkstemp(prefix=".manifest-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(header + body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update_entry(corpus_dir: Path, doc_id: str, fields: dict[str, str]) -> dict[str, Any]:
    """Set ``fields`` (a subset of ``EDITABLE``) on ``doc_id``'s entry; returns the new entry."""
    path = corpus_dir / MANIFEST_FILE
    header, data = _read(path)
    entry = dict(data["documents"].get(doc_id) or {"title": doc_id, "kind": "other", "audience": "staff"})
    for field, value in fields.items():
        if field not in EDITABLE:
            raise CorpusError(f"{field!r} cannot be edited")
        entry[field] = _check(field, value)
    data["documents"][doc_id] = entry
    _write(path, header, data)
    return entry


def remove_entry(corpus_dir: Path, doc_id: str) -> None:
    path = corpus_dir / MANIFEST_FILE
    header, data = _read(path)
    if data["documents"].pop(doc_id, None) is not None:
        _write(path, header, data)
