"""Text from outside (API bodies, the staff chat) checked and normalised once, at the edge.

``clean_text`` rejects what cannot be text (lone UTF-16 surrogates, which JSON allows as
``"\\ud800"`` but no tokenizer or encoder accepts) and normalises the rest: Unicode NFC, and
control characters other than tab and newline removed (``\\r\\n`` and ``\\r`` become ``\\n``).
The core (tokenizers, embedders, stores) therefore never sees them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a type only: the edge module imports nothing of the answering core
    from ics_assistant.answering.messages import RefusalReason

__all__ = ["InvalidTextError", "clean_nested", "clean_question", "clean_text"]

_KEEP = {"\n", "\t"}


class InvalidTextError(ValueError):
    """The text holds something that is not a Unicode character (a lone surrogate)."""


def _is_dropped(ch: str) -> bool:
    return ch not in _KEEP and unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u200d\u200c"


def clean_text(text: str) -> str:
    """``text`` normalised; ``InvalidTextError`` when it holds a lone surrogate."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise InvalidTextError("text contains an invalid character (a lone UTF-16 surrogate)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(_is_dropped(ch) for ch in text):
        text = "".join(ch for ch in text if not _is_dropped(ch))
    return unicodedata.normalize("NFC", text)


def clean_nested(value: Any) -> Any:
    """Every string inside a JSON value (keys too) cleaned; the structure kept."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_nested(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_nested(v) for k, v in value.items()}
    return value


_CONTROL = re.compile(
    r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]"
)


def clean_question(raw: object, max_chars: int) -> tuple[str, RefusalReason | None, int]:
    """Normalise a user message; returns (text, problem, original length)."""
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    length = len(text)
    if length > max_chars:
        return "", "too_long", length
    text = _CONTROL.sub(" ", unicodedata.normalize("NFKC", text))
    text = re.sub(r"[ \t]+", " ", text).strip()
    if not any(ch.isalnum() for ch in text):
        return "", "empty_question", length
    return text, None, length
