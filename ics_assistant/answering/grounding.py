"""What an answer shows of its grounding: the retrieved passages as ``Source`` records, the guard
that every quote of an extractive answer is what it claims to be, and the honest near-miss line
that names the nearest documents when the reply refuses.
"""

from __future__ import annotations

from collections.abc import Sequence

from ics_assistant.answering.support import CitedPassage, check_sentence_support
from ics_assistant.prompts import load_prompt
from ics_assistant.types import Citation, Hit, Source

__all__ = ["NEAR_MISS_REASONS", "near_miss", "sources_of", "unsupported_quotes"]


def unsupported_quotes(citations: Sequence[Citation], hits: Sequence[Hit]) -> tuple[str, ...]:
    """Quotes of an extractive answer that are not what they claim to be (no model call).

    The check runs on each quoted source text, never on the "According to ..." frame around it:
    a quote must be verbatim in a retrieved chunk at its offsets, and pass the support check
    against that chunk. Quotes are verbatim by construction, so a failure means a bug upstream.
    """
    chunks = {h.chunk.chunk_id: h.chunk for h in hits}
    bad: list[str] = []
    for c in citations:
        chunk = chunks.get(c.chunk_id)
        if chunk is None or chunk.text[c.start - chunk.start : c.end - chunk.start] != c.quote:
            bad.append(c.quote)
            continue
        passage = CitedPassage(c.n, chunk.text, title=c.title, date=c.date)
        for line in c.quote.splitlines():
            if line.strip() and not all(
                r.supported for r in check_sentence_support(f"{line} [{c.n}]", [passage])
            ):
                bad.append(line)
    return tuple(bad)


NEAR_MISS_REASONS = frozenset({"not_covered", "missing_entity", "no_answer_of_type"})


def near_miss(hits: Sequence[Hit], limit: int = 2) -> str | None:
    """An honest near-miss: the titles of the nearest documents that were retrieved but do not answer
    (what the documents do cover), so a refusal is never a dead end and no quote is offered as the answer."""
    titles: list[str] = []
    for h in hits:
        title = h.chunk.title or h.chunk.doc_id
        if title not in titles:
            titles.append(title)
        if len(titles) == limit:
            break
    if not titles:
        return None
    quoted = [f"“{t}”" for t in titles]
    return load_prompt("near_miss").render(titles=" and ".join(quoted))


def sources_of(hits: Sequence[Hit]) -> tuple[Source, ...]:
    return tuple(
        Source(
            doc_id=h.chunk.doc_id,
            chunk_id=h.chunk.chunk_id,
            text=h.chunk.text,
            score=round(h.score, 6),
            rank=h.rank,
            title=h.chunk.title,
            date=h.chunk.date,
            section=h.chunk.section,
            start=h.chunk.start,
            end=h.chunk.end,
        )
        for h in hits
    )
