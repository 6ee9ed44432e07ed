"""Request bodies and their checks. Checks raise ``ApiError`` with a status the client can act on."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from ics_assistant.api.errors import ApiError
from ics_assistant.config import Settings
from ics_assistant.textinput import clean_nested, clean_text
from ics_assistant.types import Turn

__all__ = [
    "ChatRequest",
    "CleanText",
    "FeedbackRequest",
    "TurnIn",
    "check_feedback_answer",
    "check_history",
    "check_message",
    "turn_in",
]

MAX_TURN_CHARS = 20_000
MAX_FEEDBACK_ANSWER_CHARS = 200_000  # the rated Answer JSON, serialised; real answers are far smaller

# Text from clients: lone surrogates are a 422, control characters are removed (textinput.py).
CleanText = Annotated[str, AfterValidator(clean_text)]


def _strict_rating(value: Any) -> Any:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("rating must be the number 1 or -1")
    return value


class TurnIn(BaseModel):
    role: Literal["user", "assistant"]
    content: CleanText = Field(max_length=MAX_TURN_CHARS)

    def to_turn(self) -> Turn:
        return Turn(role=self.role, content=self.content)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: CleanText = Field(
        description="The question: at least one non-blank character, at most ICS_MAX_MESSAGE_CHARS "
        "(2,000 by default; longer is a 413).",
        json_schema_extra={"minLength": 1, "pattern": r"\S"},
    )
    history: list[TurnIn] = Field(default_factory=list, description="Earlier turns, oldest first.")
    audience: str | None = Field(
        default=None, description="'public' (default) or 'staff' (needs the staff bearer token)."
    )


class FeedbackRequest(BaseModel):
    question: CleanText = Field(max_length=MAX_TURN_CHARS)
    answer: Annotated[dict[str, Any], AfterValidator(clean_nested)] = Field(
        description="The Answer JSON being rated, as returned by /api/chat."
    )
    rating: Annotated[Literal[1, -1], BeforeValidator(_strict_rating)] = Field(
        description="1 = helpful, -1 = not helpful (a number: true/false are refused)."
    )
    comment: CleanText = Field(default="", max_length=2000)
    history: list[TurnIn] = Field(default_factory=list)
    audience: str | None = None


def check_message(settings: Settings, message: str) -> str:
    """The question, stripped; 422 when empty, 413 when longer than ``max_message_chars``."""
    text = message.strip()
    if not text:
        raise ApiError(422, "empty_message", "The message is empty: type a question.")
    if len(text) > settings.max_message_chars:
        raise ApiError(
            413,
            "message_too_long",
            f"The message has {len(text)} characters; the limit is {settings.max_message_chars}.",
        )
    return text


def turn_in(role: Literal["user", "assistant"], content: str) -> TurnIn:
    """A history turn built outside request parsing: 422 (not a 500) when it is too long."""
    if len(content) > MAX_TURN_CHARS:
        raise ApiError(
            422,
            "invalid_request",
            f"A {role} message has {len(content)} characters; the limit is {MAX_TURN_CHARS}.",
        )
    return TurnIn(role=role, content=content)


def check_feedback_answer(answer: dict[str, Any]) -> None:
    """The rated answer must look like the Answer JSON and stay small enough to store."""
    if not isinstance(answer.get("text"), str):
        raise ApiError(422, "invalid_answer", "answer must be the Answer JSON returned by /api/chat.")
    size = len(json.dumps(answer, ensure_ascii=False))
    if size > MAX_FEEDBACK_ANSWER_CHARS:
        raise ApiError(
            413,
            "answer_too_long",
            f"The rated answer has {size} characters of JSON; the limit is {MAX_FEEDBACK_ANSWER_CHARS}.",
        )


def check_history(settings: Settings, history: list[TurnIn]) -> tuple[Turn, ...]:
    if len(history) > settings.max_history_turns:
        raise ApiError(
            422,
            "history_too_long",
            f"The history has {len(history)} turns; the limit is {settings.max_history_turns}. "
            "Start a new conversation or send only the most recent turns.",
        )
    return tuple(t.to_turn() for t in history)
