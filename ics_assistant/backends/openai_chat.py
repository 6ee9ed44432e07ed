"""Any OpenAI-compatible chat server (vLLM, Ollama, llama.cpp server, a hosted API) as a ``ChatModel``.

Configured by ``ICS_OPENAI_BASE_URL`` (e.g. ``http://127.0.0.1:8000/v1``), ``ICS_OPENAI_MODEL`` and
``ICS_OPENAI_API_KEY``; talks Chat Completions through ``langchain_openai.ChatOpenAI``. Only the
callbacks ChatOpenAI itself needs run: we pass none and read the streamed chunks directly.
Failures become ``GeneratorError`` with a message that says which setting to look at.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import openai
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from ics_assistant.config import Settings
from ics_assistant.errors import ConfigError, GeneratorError
from ics_assistant.protocols import ChatMessage

__all__ = ["OpenAIChatModel", "describe_openai_error"]

# Local servers (vLLM, Ollama, llama.cpp) ignore the key, but the client insists on one.
_PLACEHOLDER_KEY = "not-needed"


def _to_langchain(messages: Sequence[ChatMessage]) -> list[BaseMessage]:
    out: list[BaseMessage] = []
    for m in messages:
        role, content = m["role"], m["content"]
        if role == "system":
            out.append(SystemMessage(content=content))
        elif role == "user":
            out.append(HumanMessage(content=content))
        elif role == "assistant":
            out.append(AIMessage(content=content))
        else:
            raise GeneratorError(f"unknown chat role {role!r} (expected system, user or assistant)")
    return out


def describe_openai_error(exc: Exception, *, base_url: str, model: str, timeout_s: float) -> str:
    """A message a user can act on, naming the setting that is probably wrong."""
    where = f"the OpenAI-compatible server at {base_url}"
    if isinstance(exc, openai.APITimeoutError | TimeoutError):
        return f"{where} did not answer within {timeout_s:g} s (ICS_OPENAI_TIMEOUT_S)"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot reach {where}: is it running, and is ICS_OPENAI_BASE_URL right? ({exc})"
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return f"{where} rejected the API key (ICS_OPENAI_API_KEY): {_server_message(exc)}"
    if isinstance(exc, openai.NotFoundError):
        return (
            f"{where} has no model {model!r}, or the URL is not an OpenAI API "
            f"(check ICS_OPENAI_MODEL and that ICS_OPENAI_BASE_URL ends in /v1): {_server_message(exc)}"
        )
    if isinstance(exc, openai.RateLimitError):
        return f"{where} is rate-limiting requests; try again later: {_server_message(exc)}"
    if isinstance(exc, openai.BadRequestError):
        return f"{where} refused the request (model {model!r}): {_server_message(exc)}"
    if isinstance(exc, openai.APIStatusError):
        return f"{where} failed with HTTP {exc.status_code}: {_server_message(exc)}"
    return f"{where} failed: {exc}"


def _server_message(exc: openai.APIError) -> str:
    return str(getattr(exc, "message", "") or exc)


class OpenAIChatModel:
    """``ChatModel`` over ``ChatOpenAI(...).stream()``: one HTTP request per reply, streamed (SSE)."""

    def __init__(self, settings: Settings) -> None:
        if settings.openai_base_url is None and settings.openai_api_key is None:
            raise ConfigError(
                "ICS_GENERATOR=openai needs ICS_OPENAI_BASE_URL (e.g. http://127.0.0.1:8000/v1 for vLLM, "
                "http://127.0.0.1:11434/v1 for Ollama) or ICS_OPENAI_API_KEY for api.openai.com"
            )
        self.base_url = settings.openai_base_url or "https://api.openai.com/v1"
        self.model = settings.openai_model
        self.timeout_s = settings.openai_timeout_s
        self.name = f"openai:{self.model}"
        self.compatible_server = settings.openai_base_url is not None
        self._llm = ChatOpenAI(
            model=self.model,
            base_url=settings.openai_base_url,
            api_key=SecretStr(settings.openai_api_key or _PLACEHOLDER_KEY),
            temperature=settings.temperature,
            timeout=settings.openai_timeout_s,
            max_retries=settings.openai_max_retries,
            streaming=True,
            use_responses_api=False,  # compatible servers speak Chat Completions only
        )

    def stream_chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 400) -> Iterator[str]:
        lc_messages = _to_langchain(messages)
        # ChatOpenAI sends the limit as ``max_completion_tokens``; Ollama, LM Studio and older
        # llama.cpp servers read only ``max_tokens``, so a compatible server gets both.
        extra: dict[str, Any] = {"extra_body": {"max_tokens": max_tokens}} if self.compatible_server else {}
        try:
            for chunk in self._llm.stream(lc_messages, max_tokens=max_tokens, **extra):
                text = _chunk_text(chunk.content)
                if text:
                    yield text
        except (openai.APIError, TimeoutError) as exc:
            raise GeneratorError(
                describe_openai_error(exc, base_url=self.base_url, model=self.model, timeout_s=self.timeout_s)
            ) from exc


def _chunk_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content blocks
        return "".join(
            b if isinstance(b, str) else str(b.get("text", ""))
            for b in content
            if isinstance(b, str) or (isinstance(b, dict) and b.get("type") == "text")
        )
    return ""
