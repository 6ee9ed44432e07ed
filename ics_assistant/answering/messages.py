"""The fixed replies: refusals (plain data; no facts about ICSs of their own). Safety replies
(emergency, crisis, urgent, medical advice, prompt injection) come from ``safety_replies``.

Every refusal ends by signposting health needs to NHS 111 and 999, and none reveals or discusses
the assistant's instructions.
"""

from __future__ import annotations

from typing import Final, Literal

from ics_assistant.answering.safety_replies import safety_reply

__all__ = ["NOT_FOUND", "RefusalReason", "refusal_text", "safety_text"]

RefusalReason = Literal[
    "empty_question",
    "too_long",
    "bad_audience",
    "emergency",
    "crisis",
    "urgent",
    "medical_advice",
    "prompt_injection",
    "not_covered",
    "low_similarity",
    "missing_entity",
    "no_answer_of_type",
    "no_evidence",
    "unsupported",
    "personal_service",
]

SIGNPOST: Final = (
    "For a health need, contact NHS 111 (call 111 or visit 111.nhs.uk), or call 999 in an emergency."
)
_NOT_COVERED: Final = (
    "I couldn't find an answer to that in the ICS documents I have, so I won't guess. "
    "Your local integrated care system's website or the NHS website (www.nhs.uk) may help. " + SIGNPOST
)
_TEXTS: Final[dict[str, str]] = {
    "empty_question": (
        "Please type a question about England's integrated care systems (ICSs), for example "
        "“What is an integrated care system?”. " + SIGNPOST
    ),
    "too_long": (
        "That message is longer than I can take ({length} characters; the limit is {limit}). "
        "Please send just the question you'd like answered. " + SIGNPOST
    ),
    "bad_audience": "This assistant can't answer for that audience. " + SIGNPOST,
    "unsupported": _NOT_COVERED,
    "personal_service": (
        "I couldn't find how to do that in the documents I hold. To find or use a local NHS service, "
        "see the NHS website (www.nhs.uk) or your local integrated care system's website. " + SIGNPOST
    ),
}
# A part of a question in parts that the documents do not answer (``part_replies``); the support
# check reads the line as framing (``support.FRAMING_SENTENCES``), so it cites and claims nothing.
NOT_FOUND: Final = "I couldn't find the answer to “{part}” in the documents I have."
_SAFETY: Final = frozenset({"emergency", "crisis", "urgent", "medical_advice", "prompt_injection"})


def refusal_text(reason: RefusalReason, **details: object) -> str:
    """The reply for a refusal ``reason`` (``too_long`` takes ``length`` and ``limit``)."""
    if reason in _SAFETY:
        return safety_reply(reason)
    template = _TEXTS.get(reason, _NOT_COVERED)
    return template.format(**details) if details else template


def safety_text(kind: str) -> str:
    """Safety reply for a triage decision; its first line is the 999 / NHS 111 advice."""
    return safety_reply(kind if kind in _SAFETY or kind == "advice" else "medical_advice")
