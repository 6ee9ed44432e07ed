"""A second, lexical look-up for questions about change over time ("Are ICSs still ...?").

The top hits often hold the earlier statement ("currently 18 areas ... voluntary partnerships")
but not the later one that settles it ("42 ICSs were established ... on 1 July 2022"). For a
question that asks about the current state or about a plan's outcome, this runs BM25 over the same
audience's index with the question and adds the chunk whose best sentence is a dated statement of
status about the question's subject, so the reply can quote both, each with its own source and
date. BM25 and in-memory work only: no model call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ics_assistant.answering.analysis import content_terms, dates_in
from ics_assistant.protocols import SearchIndex
from ics_assistant.types import Audience, Hit, audiences_for

__all__ = ["asks_about_change", "is_status_statement", "timeline_hits"]

# Wording that asks whether something still holds, or how a plan turned out.
_CHANGE = re.compile(
    r"\b(?:still|now|currently|today|yet|any ?more|any longer|at present|these days|as planned"
    r"|actually|in the end|(?:has|did) (?:it|that|this|anything) (?:change|happen)|changed)\b",
    re.IGNORECASE,
)
# A statement that reports a status or a change of status.
_STATUS = re.compile(
    r"\b(?:established|statutory|legislation|became|abolish\w*|replaced|came into|took effect"
    r"|launched|formally|currently|now)\b",
    re.IGNORECASE,
)
# Added to the second look-up's query: the words a statement of a change of status uses.
STATUS_QUERY = "established became statutory legislation formally"
_QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|‘[^’]*’|\"[^\"]*\"|“[^”]*”")
_FULL_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\s+\d{4}\b")


def asks_about_change(question: str) -> bool:
    """Whether the question asks about the current state or how a plan turned out (words inside
    quotes, such as a title "'still on track for 2021'", do not count)."""
    return _CHANGE.search(_QUOTED.sub(" ", question)) is not None


def is_status_statement(text: str) -> bool:
    """A sentence that says when something's status changed: a full date and a status word."""
    return _FULL_DATE.search(text) is not None and _STATUS.search(text) is not None


def _sentence_score(text: str, terms: set[str]) -> float:
    """How well one sentence states a dated status about the question's subject (0 = not at all)."""
    if not dates_in(text):
        return 0.0
    shared = terms & set(content_terms(text))
    if not shared:
        return 0.0
    score = float(len(shared))
    if _FULL_DATE.search(text):
        score += 1.0  # a day, month and year: a statement of when something happened
    if _STATUS.search(text):
        score += 1.0
    return score


def timeline_hits(
    index: SearchIndex,
    audience: Audience,
    question: str,
    hits: Sequence[Hit],
    *,
    k: int,
    limit: int = 2,
) -> list[Hit]:
    """Up to ``limit`` extra hits (ranked after ``hits``): chunks not already retrieved whose best
    sentence is a dated status statement about the question's subject."""
    terms = set(content_terms(question))
    if not terms or limit <= 0:
        return []
    have = {h.chunk.chunk_id for h in hits}
    lexical = [
        (cid, s)
        for cid, s in index.lexical_search(audience, f"{question} {STATUS_QUERY}", k)
        if cid not in have
    ]
    if not lexical:
        return []
    chunks = {c.chunk_id: c for c in index.chunks([cid for cid, _ in lexical])}
    scored: list[tuple[float, int, str, float]] = []
    for order, (cid, lex) in enumerate(lexical):
        chunk = chunks.get(cid)
        if chunk is None or audience not in audiences_for(chunk.audience):
            continue
        best = max((_sentence_score(chunk.text[s:e], terms) for s, e in chunk.sentences), default=0.0)
        if best >= 2.0:  # shares the subject and carries a full date or a status
            scored.append((best, -order, cid, lex))
    scored.sort(reverse=True)
    extra: list[Hit] = []
    floor = min((h.score for h in hits), default=0.0)
    for _, _, cid, lex in scored[:limit]:
        extra.append(Hit(chunk=chunks[cid], score=floor, rank=len(hits) + len(extra) + 1, lexical_score=lex))
    return extra
