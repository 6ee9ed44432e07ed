"""The safety replies, read from ``prompts/safety_replies.yaml``: the one place they are rendered.

``safety_reply(kind)`` gives the reply for ``emergency``, ``crisis``, ``urgent``, ``advice`` or
``prompt_injection``; ``SAFETY_NOTE`` is the one line put before a normal answer (``note``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Final

import yaml

from ics_assistant.errors import ConfigError
from ics_assistant.prompts import DEFAULT_PROMPTS_DIR

__all__ = ["REPLY_KINDS", "SAFETY_NOTE", "load_replies", "safety_reply", "with_note", "without_note"]

REPLY_KINDS: Final = ("note", "emergency", "crisis", "urgent", "advice", "prompt_injection")
_PATH: Final = DEFAULT_PROMPTS_DIR / "safety_replies.yaml"


@lru_cache(maxsize=4)
def load_replies(path: Path = _PATH) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        replies = {kind: str(data["replies"][kind]["text"]).strip() for kind in REPLY_KINDS}
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read the safety replies {path}: {exc}") from exc
    empty = [k for k, v in replies.items() if not v]
    if empty:
        raise ConfigError(f"{path}: empty safety replies {empty}")
    return replies


def safety_reply(kind: str) -> str:
    """The reply for a safety decision (``advice`` also answers to ``medical_advice``)."""
    key = "advice" if kind == "medical_advice" else kind
    replies = load_replies()
    if key not in replies or key == "note":
        raise ConfigError(f"no safety reply for {kind!r}")
    return replies[key]


SAFETY_NOTE: Final = load_replies()["note"]


def with_note(text: str) -> str:
    """The safety note, then a blank line, then ``text``."""
    return f"{SAFETY_NOTE}\n\n{text}"


def without_note(text: str) -> str:
    """``text`` without a leading safety note (for checks that judge only the document answer)."""
    prefix = f"{SAFETY_NOTE}\n\n"
    return text[len(prefix) :] if text.startswith(prefix) else text
