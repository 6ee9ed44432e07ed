"""Verify a generated answer against the numbered hits it cites, keep what is supported.

Unsupported sentences are dropped (and reported); the markers of the rest are renumbered 1..n in
order of appearance, and each citation quotes the sentence of its chunk that best matches the
answer sentences citing it (verbatim: ``quote == document_text[start:end]``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.support import CitedPassage, SentenceSupport, check_sentence_support
from ics_assistant.protocols import Embedder, Vectors
from ics_assistant.types import Citation, Hit, cite

__all__ = ["Verified", "verify_generated"]

_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")


@dataclass(frozen=True)
class Verified:
    text: str
    citations: tuple[Citation, ...]
    dropped: tuple[str, ...]
    checks: tuple[SentenceSupport, ...]


def _best_span(hit: Hit, claims: Sequence[str]) -> tuple[int, int]:
    chunk = hit.chunk
    if not chunk.sentences:
        return 0, len(chunk.text)
    want = set()
    for c in claims:
        want |= set(content_terms(c))
    best = max(
        chunk.sentences,
        key=lambda sp: (len(want & set(content_terms(chunk.text[sp[0] : sp[1]]))), -sp[0]),
    )
    return best


def verify_generated(
    text: str,
    hits: Sequence[Hit],
    sentence_vectors: Mapping[str, Vectors],
    *,
    embedder: Embedder | None,
    threshold: float,
) -> Verified:
    passages = {
        i: CitedPassage(
            n=i,
            text=h.chunk.text,
            title=h.chunk.title,
            date=h.chunk.date,
            # sentence vectors from ingest are pooled in context; a generated sentence is embedded
            # alone, so compare it with the cited sentences embedded alone too
            vectors=None if embedder is not None else sentence_vectors.get(h.chunk.chunk_id),
        )
        for i, h in enumerate(hits, start=1)
    }
    checks = check_sentence_support(text, passages, embedder=embedder, threshold=threshold)
    kept = [c for c in checks if c.supported]
    dropped = tuple(c.sentence for c in checks if not c.supported)
    order: dict[int, int] = {}
    for c in kept:
        for n in c.citations:
            order.setdefault(n, len(order) + 1)

    def renumber(m: re.Match[str]) -> str:
        nums = [order[int(x)] for x in m.group(1).split(",") if int(x) in order]
        return "".join(f"[{n}]" for n in dict.fromkeys(nums))

    lines: list[str] = []
    for c in kept:
        sentence = _MARKER.sub(renumber, c.sentence)
        if _BULLET.match(sentence):
            lines.append("\n" + sentence)
        else:
            lines.append((" " if lines else "") + sentence)
    new_text = "".join(lines).strip()
    citations: list[Citation] = []
    for old, new in sorted(order.items(), key=lambda kv: kv[1]):
        hit = hits[old - 1]
        claims = [c.claim for c in kept if old in c.citations]
        s, e = _best_span(hit, claims)
        chunk = hit.chunk
        citations.append(cite(new, chunk, s, e))
    return Verified(new_text, tuple(citations), dropped, tuple(checks))
