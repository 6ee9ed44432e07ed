"""Reading a corpus folder: discover files, load, clean, attach manifest metadata.

Every readable file becomes a ``SourceDoc`` (a cleaned ``Document`` plus, for the curated FAQ,
the span of each entry). Unreadable files are collected as ``LoadError``s, never raised, so
one bad file cannot stop an ingest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ics_assistant.errors import CorpusError, LoadError
from ics_assistant.ingest.chunking import EntrySpan
from ics_assistant.ingest.cleaning import RULES_FILE, CleaningRules, clean_text
from ics_assistant.ingest.injection import PATTERNS_FILE
from ics_assistant.ingest.loaders import SUPPORTED_SUFFIXES, load_file
from ics_assistant.ingest.manifest import (
    CURATED_FAQ_FILE,
    MANIFEST_FILE,
    CuratedFaq,
    default_meta,
    load_curated_faq,
    load_manifest,
)
from ics_assistant.types import Audience, Document, DocumentMeta

__all__ = ["LoadedCorpus", "SourceDoc", "curated_document", "load_corpus"]

_RESERVED = frozenset({MANIFEST_FILE, CURATED_FAQ_FILE, RULES_FILE, PATTERNS_FILE})


@dataclass(frozen=True)
class SourceDoc:
    document: Document
    entries: tuple[EntrySpan, ...] | None = None  # curated FAQ entries; None for ordinary files

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    def fingerprint(self, *parts: object) -> str:
        """Changes whenever the chunks of this document could change."""
        payload = json.dumps(
            [
                self.document.meta.__dict__,
                self.document.content_hash,
                [e.__dict__ for e in self.entries or ()],
                [str(p) for p in parts],
            ],
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode()).hexdigest()


@dataclass
class LoadedCorpus:
    docs: list[SourceDoc] = field(default_factory=list)
    failures: list[LoadError] = field(default_factory=list)
    failed_doc_ids: set[str] = field(default_factory=set)  # keep their previous version
    ignored: list[str] = field(default_factory=list)  # unsupported file types, not errors


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def curated_document(faq: CuratedFaq, path: Path, rules: CleaningRules) -> SourceDoc | None:
    """The curated FAQ as one document: ``question\\n\\nanswer`` per entry, blank-line separated."""
    parts: list[str] = []
    spans: list[EntrySpan] = []
    pos = 0
    for entry in faq.entries:
        question = clean_text(entry.question, rules)
        answer = clean_text(entry.answer, rules)
        if not question or not answer:
            continue
        block = f"{question}\n\n{answer}"
        if parts:
            pos += 2
        spans.append(EntrySpan(pos, pos + len(block), question, entry.audience, entry.last_reviewed))
        parts.append(block)
        pos += len(block)
    if not spans:
        return None
    text = "\n\n".join(parts)
    audience: Audience = "public" if any(s.audience == "public" for s in spans) else "staff"
    meta = DocumentMeta(
        doc_id=faq.doc_id,
        title=faq.title,
        kind="curated_faq",
        date=max((s.date for s in spans if s.date), default=None),
        audience=audience,
        source="Curated FAQ entries maintained by the ICS Assistant team.",
    )
    return SourceDoc(Document(meta, text, str(path), _hash(text)), tuple(spans))


def _candidates(corpus_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in corpus_dir.rglob("*")
        if (p.is_file() or p.is_symlink())
        and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
        and p.name not in _RESERVED
    )


def load_corpus(
    corpus_dir: Path, rules: CleaningRules, max_file_bytes: int, *, max_unpacked: int | None = None
) -> LoadedCorpus:
    """Load every document under ``corpus_dir``. Raises ``CorpusError`` only for a missing
    folder or an unusable manifest; single bad files (too large as stored or unpacked,
    unreadable, hostile) are reported in ``failures``."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist")
    manifest: dict[str, DocumentMeta] = load_manifest(corpus_dir)
    root = corpus_dir.resolve()
    out = LoadedCorpus()
    seen: dict[str, Path] = {}
    for path in _candidates(corpus_dir):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            out.ignored.append(str(path))
            continue
        doc_id = path.stem
        if doc_id in seen:
            out.failures.append(
                LoadError(str(path), f"duplicate document id {doc_id!r} (also {seen[doc_id]})")
            )
            continue
        seen[doc_id] = path
        try:
            if not path.resolve().is_relative_to(root):  # never read outside the corpus
                raise LoadError(str(path), "outside the corpus folder (through a link): not read")
            text = clean_text(load_file(path, max_file_bytes, max_unpacked=max_unpacked), rules)
            if not text:
                raise LoadError(str(path), "nothing left after removing page furniture")
        except LoadError as exc:
            out.failures.append(exc)
            out.failed_doc_ids.add(doc_id)
            continue
        meta = manifest.get(doc_id, default_meta(doc_id))
        out.docs.append(SourceDoc(Document(meta, text, str(path), _hash(text))))
    faq_path = corpus_dir / CURATED_FAQ_FILE
    if faq_path.is_symlink():
        out.failures.append(LoadError(str(faq_path), "symbolic link: links are not followed"))
        out.failed_doc_ids.add(faq_path.stem)
    elif faq_path.is_file():
        try:
            faq = load_curated_faq(faq_path)
        except (LoadError, CorpusError) as exc:
            err = exc if isinstance(exc, LoadError) else LoadError(str(faq_path), str(exc))
            out.failures.append(err)
            out.failed_doc_ids.add(faq_path.stem)
        else:
            out.failures.extend(faq.failures)
            curated = curated_document(faq, faq_path, rules)
            if curated is not None:
                if curated.doc_id in seen:
                    out.failures.append(LoadError(str(faq_path), f"duplicate document id {curated.doc_id!r}"))
                else:
                    out.docs.append(curated)
    return out
