"""Per-answer metrics, as pure functions (aggregation lives in ``summary.py``).

- facts: ``fact_present`` matches one expected fact (``|`` alternatives) in the answer text,
  case-insensitively after normalising whitespace, quotes and dashes; citation markers are ignored.
  A fact that starts with a letter or digit must start at a word boundary, and one that ends with
  a digit must not run on into more digits, so ``18`` does not match ``2018`` and ``1 July 2022``
  does not match ``11 July 2022`` (but ``partnership`` does match ``partnerships``).
- retrieval: ``reciprocal_rank`` / ``hit_at_k`` by document, from the ranks in ``Answer.sources``.
- citations: ``check_citations`` (validity: the quote is verbatim in the cited document's cleaned
  text at its offsets; every ``[n]`` in the text has a citation) and ``citation_relevance``.
- faithfulness: an ``AnswerSupportFn`` says, per answer sentence, whether the text it cites
  supports it. The harness uses the answering pipeline's own check (``support.py``);
  ``per_sentence`` builds one from any ``(sentence, cited texts) -> bool`` function, splitting the
  answer with ``answer_sentences`` (a sentence without a citation is unsupported).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from ics_assistant.evaluation.dataset import fact_alternatives
from ics_assistant.sentences import split_sentences
from ics_assistant.textnorm import normalize_for_match
from ics_assistant.types import Answer, Citation, Source

__all__ = [
    "AnswerSupportFn",
    "CitationCheck",
    "DocText",
    "JudgeFn",
    "JudgeVerdict",
    "SentenceSupport",
    "SupportFn",
    "answer_sentences",
    "check_citations",
    "citation_relevance",
    "fact_present",
    "facts_missing",
    "first_relevant_rank",
    "hit_at_k",
    "per_sentence",
    "percentile",
    "reciprocal_rank",
    "sentence_support",
    "strip_markers",
]

DocText = Callable[[str], str | None]  # doc_id -> cleaned text, None when the document is unknown
SupportFn = Callable[[str, Sequence[str]], bool]  # (sentence, cited texts) -> supported?

_MARKER = re.compile(r"\[(\d+)\]")
_MARKERS_ONLY = re.compile(r"^[\s\[\]\d.,;:!?]*$")
_LEADING_MARKERS = re.compile(r"^(?:\s*\[\d+\])+")


def strip_markers(text: str) -> str:
    """Remove ``[n]`` citation markers (and the space before them)."""
    return re.sub(r"\s*\[\d+\]", "", text)


def _find_bounded(needle: str, hay: str) -> bool:
    start = hay.find(needle)
    while start != -1:
        end = start + len(needle)
        left_ok = not (needle[0].isalnum() and start > 0 and hay[start - 1].isalnum())
        right_ok = not (needle[-1].isdigit() and end < len(hay) and hay[end].isdigit())
        if left_ok and right_ok:
            return True
        start = hay.find(needle, start + 1)
    return False


def fact_present(fact: str, text: str) -> bool:
    """Whether any ``|`` alternative of ``fact`` occurs in ``text`` (see the module docstring)."""
    hay = normalize_for_match(strip_markers(text))
    return any(_find_bounded(normalize_for_match(alt), hay) for alt in fact_alternatives(fact))


def facts_missing(facts: Sequence[str], text: str) -> list[str]:
    """The expected facts that do not occur in ``text``, in order."""
    return [f for f in facts if not fact_present(f, text)]


# --- retrieval, by document ---------------------------------------------------------------


def first_relevant_rank(sources: Sequence[Source], expected: Collection[str]) -> int | None:
    """The best (lowest) rank of a source whose document is expected; ``None`` if there is none."""
    ranks = [s.rank for s in sources if s.doc_id in expected]
    return min(ranks) if ranks else None


def hit_at_k(sources: Sequence[Source], expected: Collection[str], k: int) -> bool:
    rank = first_relevant_rank(sources, expected)
    return rank is not None and rank <= k


def reciprocal_rank(sources: Sequence[Source], expected: Collection[str]) -> float:
    rank = first_relevant_rank(sources, expected)
    return 0.0 if rank is None else 1.0 / rank


# --- citations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CitationCheck:
    n: int
    doc_id: str
    valid: bool
    reason: str = ""  # why it is invalid


def _check_one(c: Citation, doc_text: DocText) -> CitationCheck:
    text = doc_text(c.doc_id)
    if text is None:
        return CitationCheck(c.n, c.doc_id, False, f"unknown document {c.doc_id!r}")
    if not c.quote.strip():
        return CitationCheck(c.n, c.doc_id, False, "empty quote")
    if c.quote not in text:
        return CitationCheck(c.n, c.doc_id, False, "quote is not verbatim in the document")
    if text[c.start : c.end] != c.quote:
        return CitationCheck(c.n, c.doc_id, False, f"offsets {c.start}:{c.end} do not hold the quote")
    return CitationCheck(c.n, c.doc_id, True)


def check_citations(answer: Answer, doc_text: DocText) -> list[CitationCheck]:
    """One check per citation, plus an invalid entry per ``[n]`` marker with no citation ``n``."""
    checks = [_check_one(c, doc_text) for c in answer.citations]
    known = {c.n for c in answer.citations}
    dangling = sorted({int(m) for m in _MARKER.findall(answer.text)} - known)
    checks += [CitationCheck(n, "", False, f"marker [{n}] has no citation") for n in dangling]
    return checks


def citation_relevance(citations: Sequence[Citation], expected_sources: Collection[str]) -> float | None:
    """Share of citations whose document is an expected source; ``None`` without citations."""
    if not citations:
        return None
    return sum(c.doc_id in expected_sources for c in citations) / len(citations)


# --- faithfulness ------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceSupport:
    sentence: str  # without its markers
    cited: tuple[int, ...]
    supported: bool
    reason: str = ""


AnswerSupportFn = Callable[[Answer], Sequence[SentenceSupport]]


@dataclass(frozen=True)
class JudgeVerdict:
    """An LLM judge's faithfulness verdict on one answer."""

    score: float | None  # supported claims / claims; None when there was nothing to judge
    claims: int = 0
    unparsed: int = 0  # claims whose verdict was neither SUPPORTED nor UNSUPPORTED (judge too weak)


JudgeFn = Callable[[Answer], JudgeVerdict]


def answer_sentences(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Split an answer into ``(sentence, cited numbers)``; markers split off by the sentence
    splitter (``"... 2022. [1]"``) are given back to the sentence they follow."""
    parts: list[tuple[str, list[int]]] = []
    for start, end in split_sentences(text):
        raw = text[start:end]
        lead = _LEADING_MARKERS.match(raw)
        if lead and parts:
            parts[-1][1].extend(int(m) for m in _MARKER.findall(lead.group()))
            raw = raw[lead.end() :]
        if _MARKERS_ONLY.match(raw):
            if parts:
                parts[-1][1].extend(int(m) for m in _MARKER.findall(raw))
            continue
        parts.append((raw, [int(m) for m in _MARKER.findall(raw)]))
    out: list[tuple[str, tuple[int, ...]]] = []
    for raw, cited in parts:
        sentence = strip_markers(raw).strip()
        if any(ch.isalnum() for ch in sentence):
            out.append((sentence, tuple(dict.fromkeys(cited))))
    return out


def _cited_texts(answer: Answer, numbers: Sequence[int]) -> list[str]:
    by_n = {c.n: c for c in answer.citations}
    chunk_text = {s.chunk_id: s.text for s in answer.sources}
    texts: list[str] = []
    for n in numbers:
        c = by_n.get(n)
        if c is not None:
            texts.append(chunk_text.get(c.chunk_id, c.quote))
    return texts


def sentence_support(answer: Answer, is_supported: SupportFn) -> list[SentenceSupport]:
    """Each answer sentence and whether the text of the chunks it cites supports it."""
    result: list[SentenceSupport] = []
    for sentence, cited in answer_sentences(answer.text):
        texts = _cited_texts(answer, cited)
        ok = bool(texts) and is_supported(sentence, texts)
        result.append(SentenceSupport(sentence, cited, ok, "" if texts else "no citation"))
    return result


def per_sentence(is_supported: SupportFn) -> AnswerSupportFn:
    """An answer-level support check from a sentence-level one."""

    def check(answer: Answer) -> list[SentenceSupport]:
        return sentence_support(answer, is_supported)

    return check


# --- latency -----------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (``q`` in 0..100), as ``numpy.percentile`` computes it."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be within 0..100, got {q}")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)
