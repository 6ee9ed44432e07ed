"""An LLM judge of faithfulness, in the RAGAS style (for evals, not the answering hot path).

1. Claim extraction (``prompts/claim_extraction.*``): the answer, citation markers removed, is
   split into short self-contained factual claims. If the model returns no usable claim, the
   answer's sentences are used as claims instead (recorded in ``claims_from``).
2. Claim verification (``prompts/claim_verification.*``): each claim is checked on its own
   against the cited texts; the reply must start with SUPPORTED or UNSUPPORTED (or yes/no).
   A reply that is neither counts as unsupported and is flagged ``parsed=False``.

``score = supported / total``; ``None`` when there is nothing to judge (empty answer, no claims).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ics_assistant.answering.llm_answer import stop_on_repetition
from ics_assistant.prompts import PromptSource, render_chat
from ics_assistant.protocols import ChatModel
from ics_assistant.sentences import split_sentences

__all__ = [
    "ClaimVerdict",
    "JudgeResult",
    "extract_claims",
    "judge_faithfulness",
    "parse_claims",
    "parse_verdict",
]

_MARKER = re.compile(r"\s*\[\d+\]")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")
_HEADING = re.compile(r"^(?:claims?|here are the claims)\s*:?\s*$", re.I)
_MAX_CLAIMS = 20


@dataclass(frozen=True)
class ClaimVerdict:
    claim: str
    supported: bool
    parsed: bool  # False: the judge's reply was neither SUPPORTED nor UNSUPPORTED
    raw: str  # the judge's reply, for the eval report


@dataclass(frozen=True)
class JudgeResult:
    score: float | None  # supported / total; None when there was nothing to judge
    verdicts: tuple[ClaimVerdict, ...]
    claims_from: Literal["model", "sentences", "none"]
    judge: str  # the chat model's name

    @property
    def supported(self) -> int:
        return sum(v.supported for v in self.verdicts)

    @property
    def total(self) -> int:
        return len(self.verdicts)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["verdicts"] = [asdict(v) for v in self.verdicts]
        d["supported"] = self.supported
        d["total"] = self.total
        return d


def parse_claims(reply: str) -> list[str]:
    """One claim per non-empty line, bullets and headings removed, duplicates dropped."""
    claims: list[str] = []
    for line in reply.splitlines():
        text = _BULLET.sub("", line).strip()
        if not text or _HEADING.match(text) or not re.search(r"[A-Za-z]{2}", text):
            continue
        if text not in claims:
            claims.append(text)
    return claims[:_MAX_CLAIMS]


def parse_verdict(reply: str) -> bool | None:
    """True for SUPPORTED/yes, False for UNSUPPORTED/NOT SUPPORTED/no, None for anything else."""
    words = re.findall(r"[a-z]+", reply.lower())[:2]
    if not words:
        return None
    first = words[0]
    if first in ("unsupported", "no") or (first == "not" and words[1:2] == ["supported"]):
        return False
    if first in ("supported", "yes"):
        return True
    return None


def extract_claims(
    chat_model: ChatModel, answer_text: str, prompts: PromptSource = None
) -> tuple[list[str], Literal["model", "sentences", "none"]]:
    """The answer's claims and where they came from (the model, or the sentence fallback)."""
    text = " ".join(_MARKER.sub("", answer_text).split())
    if not text:
        return [], "none"
    messages = render_chat(prompts, "claim_extraction", answer=text)
    claims = parse_claims("".join(stop_on_repetition(chat_model.stream_chat(messages, max_tokens=300))))
    if claims:
        return claims, "model"
    sentences = [text[s:e] for s, e in split_sentences(text)][:_MAX_CLAIMS]
    return sentences, "sentences" if sentences else "none"


def judge_faithfulness(
    chat_model: ChatModel,
    answer_text: str,
    cited_texts: Sequence[str],
    prompts: PromptSource = None,
) -> JudgeResult:
    """Share of the answer's claims that the cited texts support, with the verdict per claim.

    An answer with claims but no cited text scores 0.0: nothing can support it.
    """
    claims, claims_from = extract_claims(chat_model, answer_text, prompts)
    context = "\n\n".join(" ".join(t.split()) for t in cited_texts if t.strip())
    verdicts: list[ClaimVerdict] = []
    for claim in claims:
        if not context:
            verdicts.append(ClaimVerdict(claim=claim, supported=False, parsed=True, raw="(no cited text)"))
            continue
        messages = render_chat(prompts, "claim_verification", context=context, claim=claim)
        raw = "".join(chat_model.stream_chat(messages, max_tokens=8)).strip()
        verdict = parse_verdict(raw)
        verdicts.append(
            ClaimVerdict(claim=claim, supported=bool(verdict), parsed=verdict is not None, raw=raw)
        )
    score = sum(v.supported for v in verdicts) / len(verdicts) if verdicts else None
    return JudgeResult(score=score, verdicts=tuple(verdicts), claims_from=claims_from, judge=chat_model.name)
