"""Adding a document from the console: checked like ``ingest`` before anything changes.

The file is written to a staging folder inside the data dir, loaded and cleaned with the same
loaders and cleaning rules as ``ingest``; only when that succeeds is it moved into the corpus
folder (an atomic rename) and its manifest entry written. A bad upload (unsafe name, unknown
type, empty, binary, corrupt, too big, a name already taken) raises ``UploadError`` with a
message for the maintainer and leaves the corpus and manifest untouched.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ics_assistant.config import Settings
from ics_assistant.console.manifest_file import update_entry
from ics_assistant.errors import CorpusError, InputError, LoadError
from ics_assistant.ingest.cleaning import clean_text, load_rules, rules_path_for
from ics_assistant.ingest.loaders import SUPPORTED_SUFFIXES, load_file
from ics_assistant.ingest.manifest import CURATED_FAQ_FILE, MANIFEST_FILE

__all__ = ["UploadError", "Uploaded", "accept_upload", "safe_filename"]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


class UploadError(InputError):
    """An upload was refused; nothing was changed."""


@dataclass(frozen=True)
class Uploaded:
    doc_id: str
    path: Path
    characters: int


def safe_filename(name: str) -> str:
    """The name as given, if it is a plain file name we accept; else ``UploadError``."""
    if not name or "/" in name or "\\" in name or ".." in name or not _NAME.match(name):
        raise UploadError(
            f"The file name {name!r} is not allowed: use letters, digits, '-', '_' and one extension "
            "(no folders or '..')."
        )
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UploadError(f"{name}: {suffix or 'no extension'} files are not supported (use {kinds}).")
    if name in (MANIFEST_FILE, CURATED_FAQ_FILE):
        raise UploadError(f"{name} is a corpus control file; edit documents through the table instead.")
    return name


def accept_upload(settings: Settings, filename: str, data: bytes, fields: dict[str, str]) -> Uploaded:
    name = safe_filename(filename)
    if len(data) > settings.max_upload_bytes:
        raise UploadError(
            f"{name} is {len(data):,} bytes, over the {settings.max_upload_bytes:,}-byte upload limit."
        )
    corpus = settings.corpus_dir
    doc_id = Path(name).stem
    if any(p.stem == doc_id for p in corpus.iterdir() if p.is_file()):
        raise UploadError(f"A document called {doc_id!r} already exists; remove it first or rename the file.")
    staging = settings.data_dir / "uploads"
    staging.mkdir(parents=True, exist_ok=True)
    tmpdir = Path(tempfile.mkdtemp(dir=staging))
    try:
        staged = tmpdir / name
        staged.write_bytes(data)
        try:
            text = clean_text(
                load_file(staged, settings.max_upload_bytes, max_unpacked=settings.max_unpacked_bytes),
                load_rules(rules_path_for(corpus)),
            )
        except LoadError as exc:
            raise UploadError(f"{name}: {exc.reason}. Nothing was changed.") from exc
        if not text.strip():
            raise UploadError(f"{name}: no text is left after cleaning. Nothing was changed.")
        meta = {k: v for k, v in fields.items() if v.strip()}
        meta.setdefault("title", doc_id)
        meta.setdefault("audience", "staff")
        # check the fields first (a bad date must not leave a file behind), then move, then record
        try:
            update_entry(tmpdir, doc_id, meta)
        except CorpusError as exc:
            raise UploadError(f"{exc}. Nothing was changed.") from exc
        target = corpus / name
        shutil.move(str(staged), str(target))
        try:
            update_entry(corpus, doc_id, meta)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return Uploaded(doc_id, target, len(text))
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
