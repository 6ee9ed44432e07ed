"""The support check for generated sentences: claims, not word bags (the LLM path).

``check_claim(sentence, passages)`` decides one ``AnswerSentence`` against the passages its ``[n]``
markers cite, in this order:

1. a fact-free framing sentence passes; no citation, or a citation to no retrieved passage, fails;
2. a verbatim quote of a cited passage passes (always);
3. every number, date and name must occur in the cited text (``support.hard_check``);
4. every clause must be entailed by one cited passage (``entailment.entails``: aligned content
   words, then negation, modality, quantity, attribution, direction and cause compared).

A sentence that fails on what it cites is tried against the other retrieved passages, best first;
when one fully supports it (verbatim, or steps 3 and 4 both pass), it is re-cited to that passage
(``recited_from`` keeps the original markers) instead of being dropped. Otherwise the result says
why, as one of ``DROP_REASONS``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.entailment import entails
from ics_assistant.answering.support import (
    FRAMING_SENTENCES,
    AnswerSentence,
    CitedPassage,
    SentenceSupport,
    frame_split,
    hard_check,
    is_verbatim,
)
from ics_assistant.protocols import Embedder
from ics_assistant.textnorm import normalize_for_match

__all__ = ["DROP_REASONS", "check_claim"]

DROP_REASONS = (
    "unsupported_claim",
    "wrong_source",
    "negation",
    "number_mismatch",
    "date_mismatch",
    "name_mismatch",
    "modality",
    "quantity",
    "attribution",
    "direction",
    "cause",
)


RECITE_OVERLAP = 0.5


def _overlap(claim: str, passage: str) -> float:
    terms = content_terms(claim)
    if not terms:
        return 0.0
    have = set(content_terms(passage))
    return sum(t in have for t in terms) / len(terms)


def _hard_reason(problem: str) -> str:
    for kind in ("date", "number", "name"):
        if problem.startswith(kind):
            return f"{kind}_mismatch"
    return "unsupported_claim"


def _unpossessed(text: str) -> str:
    return text.replace("’s ", " ").replace("'s ", " ")


def _verdict(body: str, passage: CitedPassage, embedder: Embedder | None) -> tuple[str | None, str, float]:
    """(reason or None when supported, detail, score) of ``body`` against one passage."""
    if is_verbatim(body, [passage]):
        return None, "verbatim", 1.0
    plain = _unpossessed(body)  # "People Plan's" names the "People Plan"
    text = _unpossessed(passage.text)
    problem = hard_check(plain, text, normalize_for_match(text))
    if problem:
        return _hard_reason(problem), problem, 0.0
    result = entails(body, passage.text, embedder)
    return result.reason, result.detail, result.score


def check_claim(
    s: AnswerSentence, passages: Mapping[int, CitedPassage], embedder: Embedder | None = None
) -> SentenceSupport:
    """Whether one generated sentence is supported (see the module docstring)."""

    def result(
        ok: bool, score: float, detail: str, kind: str = "", cites: tuple[int, ...] | None = None
    ) -> SentenceSupport:
        recited = s.citations if cites is not None and cites != s.citations else ()
        return SentenceSupport(
            s.sentence, s.claim, cites if cites is not None else s.citations, ok, score, detail, kind, recited
        )

    if any(p.match(s.claim) for p in FRAMING_SENTENCES):
        return result(True, 1.0, "framing")
    if not s.citations:
        return result(False, 0.0, "no citation", "unsupported_claim")
    cited = [passages[n] for n in s.citations if n in passages]
    if not cited:
        return result(False, 0.0, f"unknown citation {list(s.citations)}", "wrong_source")
    body = frame_split(s.claim, cited)
    first: tuple[str | None, str, float] | None = None
    for p in cited:
        reason, detail, score = _verdict(body, p, embedder)
        if reason is None:
            return result(True, score, detail)
        first = first or (reason, detail, score)
    if len(cited) > 1:  # a claim may draw on all the passages it cites
        joined = CitedPassage(0, "\n".join(p.text for p in cited))
        reason, detail, score = _verdict(body, joined, embedder)
        if reason is None:
            return result(True, score, detail)
    for n, p in sorted(passages.items()):
        if n in s.citations or _overlap(body, p.text) < RECITE_OVERLAP:
            continue  # cheap word-overlap filter before parsing another passage
        reason, detail, score = _verdict(frame_split(s.claim, [p]), p, embedder)
        if reason is None:
            return result(True, score, f"re-cited: {detail}", cites=(n,))
    reason, detail, score = first if first is not None else ("unsupported_claim", "", 0.0)
    return result(False, score, detail, reason or "unsupported_claim")
