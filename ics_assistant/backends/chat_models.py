"""Choose the language model from ``settings.generator`` (``ICS_GENERATOR``)."""

from __future__ import annotations

from ics_assistant.config import Settings
from ics_assistant.errors import ConfigError
from ics_assistant.protocols import ChatModel

__all__ = ["load_chat_model"]


def load_chat_model(settings: Settings) -> ChatModel | None:
    """The configured ``ChatModel``; ``None`` for ``extractive`` (no language model at all).

    Backends are imported only when chosen, so the default needs neither llama-cpp-python nor a
    server. Raises ``ConfigError`` when the chosen backend cannot be set up.
    """
    if settings.generator == "extractive":
        return None
    if settings.generator == "llamacpp":
        from ics_assistant.backends.llamacpp_chat import LlamaCppChatModel

        return LlamaCppChatModel(settings)
    if settings.generator == "openai":
        from ics_assistant.backends.openai_chat import OpenAIChatModel

        return OpenAIChatModel(settings)
    raise ConfigError(f"unknown ICS_GENERATOR {settings.generator!r}: use extractive, llamacpp or openai")
