"""Value objects shared by every layer. All frozen; JSON forms via ``to_dict``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = [
    "AUDIENCES",
    "Answer",
    "Audience",
    "Chunk",
    "Citation",
    "Document",
    "DocumentMeta",
    "Dropped",
    "Hit",
    "Role",
    "Source",
    "Turn",
    "audiences_for",
    "cite",
]

Audience = Literal["public", "staff"]
Role = Literal["user", "assistant"]
AUDIENCES: tuple[Audience, ...] = ("public", "staff")


def audiences_for(chunk_audience: str) -> tuple[Audience, ...]:
    """Which reader audiences may see a chunk: staff see everything, public only public."""
    return ("public", "staff") if chunk_audience == "public" else ("staff",)


@dataclass(frozen=True)
class DocumentMeta:
    doc_id: str
    title: str
    kind: str = "other"
    date: str | None = None  # as stated in the text (ISO date), never invented
    audience: Audience = "staff"
    source: str = ""


@dataclass(frozen=True)
class Document:
    """A loaded and cleaned document. ``text`` is canonical: citations quote from it."""

    meta: DocumentMeta
    text: str
    path: str = ""
    content_hash: str = ""

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id


@dataclass(frozen=True)
class Chunk:
    """A passage of a document. ``document_text[start:end] == text`` always holds."""

    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    section: str = ""  # heading or FAQ question this chunk belongs to
    audience: Audience = "staff"
    title: str = ""
    date: str | None = None
    kind: str = "other"
    # Sentence spans relative to ``text`` ([start, end) pairs), used by the extractive answerer
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and rank (1-based)."""

    chunk: Chunk
    score: float
    rank: int
    dense_score: float | None = None
    lexical_score: float | None = None


@dataclass(frozen=True)
class Turn:
    role: Role
    content: str


@dataclass(frozen=True)
class Citation:
    """``[n]`` in the answer text. ``quote == cleaned_doc_text[start:end]``."""

    n: int
    doc_id: str
    title: str
    date: str | None
    chunk_id: str
    quote: str
    start: int
    end: int
    # currency (set by operations/currency.py from the manifest): past review, superseded or old
    stale: bool = False
    currency_note: str | None = None  # e.g. "published March 2021; may be out of date"


def cite(n: int, chunk: Chunk, start: int, end: int) -> Citation:
    """Citation ``[n]`` of ``chunk.text[start:end]``, with offsets into the cleaned document text."""
    return Citation(
        n=n,
        doc_id=chunk.doc_id,
        title=chunk.title or chunk.doc_id,
        date=chunk.date,
        chunk_id=chunk.chunk_id,
        quote=chunk.text[start:end],
        start=chunk.start + start,
        end=chunk.start + end,
    )


@dataclass(frozen=True)
class Source:
    """A retrieved chunk as shown to users and returned in the JSON answer."""

    doc_id: str
    chunk_id: str
    text: str
    score: float
    rank: int
    title: str = ""
    date: str | None = None
    section: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Dropped:
    """A generated sentence the support check removed, and why: ``unsupported_claim``,
    ``wrong_source``, ``negation``, ``number_mismatch``, ``date_mismatch``, ``name_mismatch``,
    ``modality``, ``quantity``, ``attribution``, ``direction`` or ``cause``. Staff only."""

    sentence: str
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Answer:
    """What ``Assistant.ask`` returns and every interface shows. JSON form: ``to_dict()``."""

    text: str
    refused: bool = False
    refusal_reason: str | None = None
    citations: tuple[Citation, ...] = ()
    sources: tuple[Source, ...] = ()
    dropped_sentences: tuple[str, ...] = ()
    dropped: tuple[Dropped, ...] = ()  # the same sentences with the reason (LLM generators)
    unanswered_parts: tuple[str, ...] = ()  # parts of the question the reply names as not found
    timings_ms: dict[str, float] = field(default_factory=dict)
    question: str = ""
    condensed_question: str = ""
    generator: str = ""
    audience: Audience = "public"
    safety: str = "none"  # the safety triage: none | note | emergency | crisis | urgent | advice

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["citations"] = [asdict(c) for c in self.citations]
        d["sources"] = [asdict(s) for s in self.sources]
        d["dropped_sentences"] = list(self.dropped_sentences)
        d["dropped"] = [asdict(x) for x in self.dropped]
        d["unanswered_parts"] = list(self.unanswered_parts)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Answer:
        return cls(
            text=d["text"],
            refused=bool(d.get("refused", False)),
            refusal_reason=d.get("refusal_reason"),
            citations=tuple(Citation(**c) for c in d.get("citations", [])),
            sources=tuple(Source(**s) for s in d.get("sources", [])),
            dropped_sentences=tuple(d.get("dropped_sentences", [])),
            dropped=tuple(Dropped(**x) for x in d.get("dropped", [])),
            unanswered_parts=tuple(d.get("unanswered_parts", [])),
            timings_ms=dict(d.get("timings_ms", {})),
            question=d.get("question", ""),
            condensed_question=d.get("condensed_question", ""),
            generator=d.get("generator", ""),
            audience=d.get("audience", "public"),
            safety=d.get("safety", "none"),
        )
