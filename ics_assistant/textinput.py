"""Text from outside (API bodies, the staff chat) checked and normalised once, at the edge.

``clean_text`` rejects what cannot be text (lone UTF-16 surrogates, which JSON allows as
``"\\ud800"`` but no tokenizer or encoder accepts) and normalises the rest: Unicode NFC, and
control characters other than tab and newline removed (``\\r\\n`` and ``\\r`` become ``\\n``).
The core (tokenizers, embedders, stores) therefore never sees them.
"""

from __future__ import annotations

import unicodedata
from typing import Any

__all__ = ["InvalidTextError", "clean_nested", "clean_text"]

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
