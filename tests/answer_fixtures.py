"""An in-memory ``SearchIndex`` for answering tests, built from documents with ``FakeEmbedder``.

Chunks are paragraphs (blank-line separated, short ones merged with the next), so a chunk never
crosses a paragraph; sentence spans come from ``split_sentences`` like the real ingest.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import yaml

from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.evidence import Pool, score_sentences
from ics_assistant.answering.lexicon import Lexicon
from ics_assistant.answering.question import analyze_question
from ics_assistant.protocols import Vectors
from ics_assistant.sentences import split_sentences
from ics_assistant.types import Audience, Chunk, DocumentMeta, Hit, audiences_for

from .fakes import FakeEmbedder

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"

STAFF_DOC_ID = "staff-only-briefing"
STAFF_DOC_TEXT = (
    "Staff briefing on the zephyr rota\n\n"
    "The zephyr rota for ICS board papers was agreed on 3 February 2021. "
    "Only staff may see the zephyr rota, which is kept by the board secretary Quentin Marlowe.\n"
)


def load_corpus_docs(corpus: Path = CORPUS) -> list[tuple[DocumentMeta, str]]:
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
    docs: list[tuple[DocumentMeta, str]] = []
    for path in sorted(corpus.glob("*.txt")):
        entry = manifest.get(path.stem, {})
        meta = DocumentMeta(
            doc_id=path.stem,
            title=entry.get("title", path.stem),
            kind=entry.get("kind", "other"),
            date=entry.get("date"),
            audience=entry.get("audience", "staff"),
        )
        docs.append((meta, path.read_text(encoding="utf-8")))
    return docs


@lru_cache(maxsize=1)
def corpus_lexicon() -> Lexicon:
    """What the seed corpus teaches (its acronyms and everyday capitals), as an assistant over it
    learns at start-up: for tests that call the analysis functions without an assistant."""
    return Lexicon.learn({meta.doc_id: text for meta, text in load_corpus_docs()})


def staff_doc() -> tuple[DocumentMeta, str]:
    meta = DocumentMeta(
        doc_id=STAFF_DOC_ID, title="Staff briefing", kind="other", date=None, audience="staff"
    )
    return meta, STAFF_DOC_TEXT


def chunk_document(meta: DocumentMeta, text: str, max_chars: int = 900) -> list[Chunk]:
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    chunks: list[Chunk] = []
    cur: tuple[int, int] | None = None
    section = ""
    for s, e in paragraphs:
        para = text[s:e]
        if para.rstrip().endswith("?") and len(para) < 300:
            section = para.strip()
        if cur is None:
            cur = (s, e)
        elif e - cur[0] <= max_chars and (cur[1] - cur[0] < 200 or len(para) < 120):
            cur = (cur[0], e)
        else:
            chunks.append(_chunk(meta, text, cur, section, len(chunks)))
            cur = (s, e)
    if cur is not None:
        chunks.append(_chunk(meta, text, cur, section, len(chunks)))
    return chunks


def _chunk(meta: DocumentMeta, text: str, span: tuple[int, int], section: str, i: int) -> Chunk:
    s, e = span
    body = text[s:e]
    return Chunk(
        chunk_id=f"{meta.doc_id}#{i}",
        doc_id=meta.doc_id,
        text=body,
        start=s,
        end=e,
        section=section,
        audience=meta.audience,
        title=meta.title,
        date=meta.date,
        kind=meta.kind,
        sentences=tuple(split_sentences(body)),
    )


class MemoryIndex:
    """``SearchIndex`` over chunks: exact cosine search and a small BM25, one view per audience."""

    def __init__(
        self,
        docs: Sequence[tuple[DocumentMeta, str]],
        embedder: FakeEmbedder,
        chunker: Callable[[DocumentMeta, str], list[Chunk]] = chunk_document,
    ) -> None:
        self.texts = {meta.doc_id: text for meta, text in docs}
        self._all = [c for meta, text in docs for c in chunker(meta, text)]
        self.by_id = {c.chunk_id: c for c in self._all}
        vecs, per = embedder.embed_with_spans([c.text for c in self._all], [c.sentences for c in self._all])
        self.vectors = {c.chunk_id: v for c, v in zip(self._all, vecs, strict=True)}
        self.sent_vecs = {c.chunk_id: p for c, p in zip(self._all, per, strict=True)}
        self.terms = {c.chunk_id: content_terms(c.text) for c in self._all}
        self.searches: list[tuple[str, str]] = []  # (kind, audience) of every search, for tests

    def _visible(self, audience: str) -> list[Chunk]:
        return [c for c in self._all if audience in audiences_for(c.audience)]

    def dense_search(self, audience: str, vector: Vectors, k: int) -> list[tuple[str, float]]:
        self.searches.append(("dense", audience))
        scored = [(c.chunk_id, float(self.vectors[c.chunk_id] @ vector)) for c in self._visible(audience)]
        return sorted(scored, key=lambda x: -x[1])[:k]

    def lexical_search(self, audience: str, query: str, k: int) -> list[tuple[str, float]]:
        self.searches.append(("lexical", audience))
        visible = self._visible(audience)
        q = set(content_terms(query))
        n = len(visible)
        avg = sum(len(self.terms[c.chunk_id]) for c in visible) / max(n, 1)
        out: list[tuple[str, float]] = []
        for c in visible:
            terms = self.terms[c.chunk_id]
            score = 0.0
            for t in q:
                tf = terms.count(t)
                if not tf:
                    continue
                df = sum(t in self.terms[o.chunk_id] for o in visible)
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(terms) / avg))
            if score > 0:
                out.append((c.chunk_id, score))
        return sorted(out, key=lambda x: -x[1])[:k]

    def chunks(self, chunk_ids: Sequence[str]) -> list[Chunk]:
        return [self.by_id[i] for i in chunk_ids if i in self.by_id]

    def sentence_vectors(self, chunk_ids: Sequence[str]) -> dict[str, Vectors]:
        return {i: self.sent_vecs[i] for i in chunk_ids if i in self.sent_vecs}

    def document_text(self, doc_id: str) -> str:
        return self.texts[doc_id]

    def document_chunks(self, audience: str, doc_id: str) -> list[Chunk]:
        return sorted((c for c in self._visible(audience) if c.doc_id == doc_id), key=lambda c: c.start)

    def all_chunks(self) -> list[Chunk]:
        return list(self._all)


def memory_index(embedder: FakeEmbedder, *, with_staff: bool = True) -> MemoryIndex:
    docs = load_corpus_docs()
    if with_staff:
        docs.append(staff_doc())
    return MemoryIndex(docs, embedder)


def audience_of(index: MemoryIndex, chunk_id: str) -> Audience:
    return index.by_id[chunk_id].audience


def one_chunk_pool(question: str, text: str, *, title: str = "Guide", section: str = "") -> Pool:
    """The scored pool of ``question`` over one public chunk holding ``text`` (fake embedder)."""
    chunk = Chunk(
        "g:1",
        "g",
        text,
        0,
        len(text),
        section=section,
        audience="public",
        title=title,
        sentences=tuple(split_sentences(text)),
    )
    return score_sentences(
        analyze_question(question),
        [Hit(chunk=chunk, score=1.0, rank=1)],
        {},
        FakeEmbedder().embed([question])[0],
    )
