"""The fixed replies: refusals and safety advice (plain data; no facts about ICSs of their own).

Every refusal ends by signposting health needs to NHS 111 and 999, and none reveals or discusses
the assistant's instructions.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["RefusalReason", "refusal_text", "safety_text"]

RefusalReason = Literal[
    "empty_question",
    "too_long",
    "bad_audience",
    "emergency",
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
    "prompt_injection": (
        "I can only answer questions about England's integrated care systems from the documents I hold, "
        "and I can't share or change my instructions. Try asking, for example, "
        "“What is an integrated care system?”. " + SIGNPOST
    ),
    "medical_advice": (
        "I can't give personal medical advice. Please speak to your GP or a pharmacist, or contact NHS 111 "
        "(call 111 or visit 111.nhs.uk); in an emergency call 999. I can answer questions about "
        "integrated care systems from the documents I hold."
    ),
    "unsupported": _NOT_COVERED,
    "personal_service": (
        "The ICS documents I hold describe how integrated care systems work; they don't explain how to "
        "use a particular local service. To find or register with a GP, pharmacy or other service, see "
        "the NHS website (www.nhs.uk) or your local integrated care system's website. " + SIGNPOST
    ),
}
_SAFETY: Final[dict[str, str]] = {
    "emergency": (
        "If this is an emergency, call 999 now.\n"
        "Call 999 (or go to A&E) for chest pain, difficulty breathing, signs of a stroke (face drooping, "
        "arm weakness, slurred speech), severe bleeding, or if someone's life is at risk. If you are "
        "thinking about ending your life, call 999 or Samaritans free on 116 123, any time. "
        "I'm an information service about integrated care systems and can't help in an emergency."
    ),
    "urgent": (
        "If you need medical help fast but it's not life-threatening, contact NHS 111 (call 111 or visit "
        "111.nhs.uk); call 999 if it is an emergency.\n"
        "I'm an information service about integrated care systems and can't give medical advice."
    ),
}


def refusal_text(reason: RefusalReason, **details: object) -> str:
    """The reply for a refusal ``reason`` (``too_long`` takes ``length`` and ``limit``)."""
    if reason in _SAFETY:
        return _SAFETY[reason]
    template = _TEXTS.get(reason, _NOT_COVERED)
    return template.format(**details) if details else template


def safety_text(kind: str) -> str:
    """Safety reply for an emergency/urgent message; first line is the 999 / NHS 111 advice."""
    return _SAFETY[kind] if kind in _SAFETY else refusal_text("medical_advice")
