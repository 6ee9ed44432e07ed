"""What can be quoted from a document: its cleaned text and the chunks the index holds."""

from __future__ import annotations

from dataclasses import dataclass

from ics_assistant.config import Settings
from ics_assistant.errors import LoadError
from ics_assistant.ingest.cleaning import clean_text, load_rules, rules_path_for
from ics_assistant.ingest.loaders import load_file
from ics_assistant.store import ChunkStore, store_path
from ics_assistant.types import Chunk

__all__ = ["Preview", "preview"]


@dataclass(frozen=True)
class Preview:
    doc_id: str
    text: str
    chunks: tuple[Chunk, ...]
    source: str  # "index" or "file"
    problem: str = ""


def preview(settings: Settings, doc_id: str) -> Preview | None:
    path = store_path(settings)
    if path.is_file():
        store = ChunkStore(path)
        try:
            text = store.document_text(doc_id)
            if text is not None:
                chunks = tuple(
                    sorted((c for c in store.all_chunks() if c.doc_id == doc_id), key=lambda c: c.start)
                )
                return Preview(doc_id, text, chunks, "index")
        finally:
            store.close()
    corpus = settings.corpus_dir
    for file in sorted(corpus.iterdir()):
        if (
            file.is_file()
            and file.stem == doc_id
            and not file.name.startswith(".")
            and file.suffix != ".yaml"
        ):
            try:
                text = clean_text(
                    load_file(file, settings.max_file_bytes, max_unpacked=settings.max_unpacked_bytes),
                    load_rules(rules_path_for(corpus)),
                )
            except LoadError as exc:
                return Preview(doc_id, "", (), "file", exc.reason)
            return Preview(doc_id, text, (), "file", "not ingested yet: no chunks")
    return None
