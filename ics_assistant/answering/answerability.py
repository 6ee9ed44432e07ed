"""Should we answer? A similarity threshold alone is not enough on this corpus: on-topic questions
the documents do not answer score as high as answerable ones. So the evidence the reply would
stand on must also
1. reach ``settings.min_dense_score`` (best cosine of the question with a candidate chunk or one of
   its sentences), unless the key terms are covered almost entirely (``strong_term_coverage``:
   names the embedding model does not know, such as a person's name, score low on similarity),
2. contain every entity the question names (capitalised words, acronyms, numbers),
3. cover at least ``settings.min_term_coverage`` of the question's weighted key terms
   (the quoted sentences plus their chunk's heading and document title), and
4. contain the kind of answer asked for: a date for "when", a number for "how many", a name for
   "who".
The thresholds live in ``Settings`` and were calibrated on the golden eval set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ics_assistant.answering.analysis import (
    QuestionInfo,
    content_terms,
    has_date,
    has_name,
    has_number,
    names_in,
)
from ics_assistant.answering.evidence import Pool, Scored, counts_focus, term_coverage
from ics_assistant.answering.messages import RefusalReason
from ics_assistant.config import Settings
from ics_assistant.retrieval.timeline import asks_about_change

__all__ = ["Decision", "decide", "names_place"]

_ASKS_FOR_ABSENT = re.compile(
    r"\b(?:does ?n[o']t|do ?n[o']t|did ?n[o']t|not) (?:name|list|mention|include|say|give|cover|state)\b|"
    r"\b(?:not (?:named|listed|mentioned|included|given)|unnamed|left out|missing from)\b",
    re.I,
)


_ROLE = re.compile(r"\b(?:Chair\w*|Chief|Director|Officer|Executive|Secretary|Minister|Leader|Head|Lead)\b")


# A place after a locative word: "in the Midlands", "across Kent" (capitalised, not an acronym).
_LOCATED = re.compile(
    r"\b(?:in|across|of|for|from|covering) (?:the )?([A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*)"
)


@dataclass(frozen=True)
class Decision:
    answerable: bool
    reason: RefusalReason | None
    dense: float
    coverage: float
    has_answer_type: bool


# "still", "now", "currently": when the question is set, not what it is about (not key terms).
_TIME_WORDS = frozenset(
    content_terms("still now currently current today yet anymore longer present presently nowadays")
)


def _evidence_terms(evidence: Sequence[Scored]) -> set[str]:
    terms: set[str] = set()
    seen_chunks: set[str] = set()
    for sc in evidence:
        terms |= sc.terms
        chunk = sc.hit.chunk
        if chunk.chunk_id not in seen_chunks:
            seen_chunks.add(chunk.chunk_id)
            terms |= set(content_terms(chunk.section)) | set(content_terms(chunk.title))
    return terms


def names_place(info: QuestionInfo, evidence: Sequence[Scored]) -> bool:
    """For "which area/place" questions: a quoted sentence that names what the question names also
    names something the question does not (a place), other than a role ("Prem Singh, Independent Chair"
    names a person and a role, no place)."""
    asked = set(info.terms)
    for sc in evidence:
        if not all(e in sc.terms for e in info.entities):
            continue
        located = [m.group(1) for m in _LOCATED.finditer(sc.text)]
        for name in [*names_in(sc.text), *located]:
            terms = set(content_terms(name))
            if terms and not terms <= asked and not _ROLE.search(name):
                return True
    return False


def _has_type(info: QuestionInfo, evidence: Sequence[Scored]) -> bool:
    if info.place and not names_place(info, evidence):
        return False
    text = " ".join(sc.text for sc in evidence)
    if info.answer_type == "date":
        return has_date(text)
    if info.answer_type == "number":
        if (
            info.focus is not None
        ):  # "how many staff": a number that counts staff ("18 areas", "3 million people")
            return any(counts_focus(sc.text, info.focus) for sc in evidence)
        return has_number(text)
    if info.answer_type == "name":
        return has_name(text)
    return True


def _states_action(info: QuestionInfo, evidence: Sequence[Scored]) -> bool:
    """For "how do I ..." questions: one quoted sentence itself holds every key term of the request
    (the action and its object), not merely the topic somewhere in the chunk."""
    return any(all(t in sc.terms for t in info.terms) for sc in evidence)


def decide(pool: Pool, evidence: Sequence[Scored], top_dense: float, settings: Settings) -> Decision:
    info = pool.info
    dense = max(top_dense, max((sc.semantic for sc in pool.sentences), default=0.0))
    if not evidence:
        return Decision(False, "no_evidence", dense, 0.0, False)
    if _ASKS_FOR_ABSENT.search(info.text):  # "the other three areas it doesn't name": by definition not there
        return Decision(False, "not_covered", dense, 0.0, False)
    terms = _evidence_terms(evidence)
    subject = list(info.terms)
    if asks_about_change(info.text):
        subject = [t for t in info.terms if t not in _TIME_WORDS] or subject
    coverage = term_coverage(subject, terms, pool.weights)
    typed = _has_type(info, evidence)
    reason: RefusalReason | None = None
    if dense < settings.min_dense_score and coverage < settings.strong_term_coverage:
        reason = "low_similarity"
    elif any(e not in terms for e in info.entities):
        reason = "missing_entity"
    elif coverage < settings.min_term_coverage:
        reason = "not_covered"
    elif not typed:
        reason = "no_answer_of_type"
    elif info.personal and not _states_action(info, evidence):
        reason = "personal_service"
    return Decision(reason is None, reason, dense, coverage, typed)
