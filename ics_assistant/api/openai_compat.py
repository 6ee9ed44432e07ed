"""``/v1/chat/completions``: the assistant as an OpenAI-compatible "model" (``ics-assistant``).

The last user message is the question, earlier user/assistant messages the history (system
messages are ignored: the assistant's behaviour is not promptable). The reply's content is the
answer with its numbered references written out; the structured citations ride along in the
extra top-level field ``citations`` (and ``refused``). Same auth, limits and audience rules as
``/api/chat``; the audience is the extra body field ``audience``.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from ics_assistant.api.errors import ApiError, error_body, public_message, status_for_assistant_error
from ics_assistant.api.formatting import answer_with_references, references_text
from ics_assistant.api.routes import ERROR_RESPONSES
from ics_assistant.api.schemas import TurnIn, check_history, check_message, turn_in
from ics_assistant.api.service import WebContext, check_rate_limit, get_ctx, resolve_audience
from ics_assistant.errors import AssistantError
from ics_assistant.textinput import clean_nested
from ics_assistant.types import Answer, Audience, Turn

__all__ = ["MODEL_NAME", "CompletionRequest", "router", "split_messages"]

MODEL_NAME = "ics-assistant"
log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1", tags=["openai-compatible"])


class CompletionMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: Annotated[str | list[dict[str, Any]] | None, AfterValidator(clean_nested)] = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class CompletionRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str = MODEL_NAME
    messages: list[CompletionMessage] = Field(min_length=1)
    stream: bool = False
    audience: str | None = Field(default=None, description="'public' (default) or 'staff'.")


def split_messages(messages: list[CompletionMessage]) -> tuple[str, list[TurnIn]]:
    """(question, history): the last message must come from the user."""
    turns = [m for m in messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user":
        raise ApiError(422, "no_question", "The last message must be a user message with the question.")
    history = [turn_in("user" if m.role == "user" else "assistant", m.text()) for m in turns[:-1]]
    return turns[-1].text(), history


def _extras(answer: Answer) -> dict[str, Any]:
    return {"citations": [asdict(c) for c in answer.citations], "refused": answer.refused}


def _chunk(cid: str, created: int, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": created,
        "model": MODEL_NAME,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


async def _stream_chunks(
    ctx: WebContext, question: str, history: tuple[Turn, ...], audience: Audience
) -> AsyncIterator[dict[str, str]]:
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    yield {"data": json.dumps(_chunk(cid, created, {"role": "assistant", "content": ""}))}
    streamed = ""
    try:
        async for item in iterate_in_threadpool(ctx.assistant.stream(question, history, audience)):
            if isinstance(item, Answer):
                final = item.text.strip()
                # The verified answer normally extends what was streamed; if verification changed
                # it, say so and give the verified text in full rather than leave a wrong one.
                rest = (
                    final[len(streamed.strip()) :]
                    if final.startswith(streamed.strip())
                    else ("\n\nVerified answer: " + final)
                )
                refs = references_text(item)
                tail = rest + (f"\n\n{refs}" if refs else "")
                if tail:
                    yield {"data": json.dumps(_chunk(cid, created, {"content": tail}))}
                last = _chunk(cid, created, {}, finish="stop") | _extras(item)
                yield {"data": json.dumps(last, ensure_ascii=False)}
            else:
                streamed += item
                yield {"data": json.dumps(_chunk(cid, created, {"content": item}), ensure_ascii=False)}
    except AssistantError as exc:
        status, code = status_for_assistant_error(exc)
        yield {"data": json.dumps(error_body(status, code, public_message(exc)))}
    except Exception:  # the stream ends with an error chunk and [DONE], never cut off
        log.exception("unexpected error while streaming a completion")
        yield {"data": json.dumps(error_body(500, "internal_error", "Something went wrong on our side."))}
    yield {"data": "[DONE]"}


@router.get("/models", responses={421: ERROR_RESPONSES[421]})
async def models() -> dict[str, Any]:
    """The one model this server offers."""
    return {
        "object": "list",
        "data": [{"id": MODEL_NAME, "object": "model", "created": 0, "owned_by": "ics"}],
    }


@router.post(
    "/chat/completions",
    dependencies=[Depends(check_rate_limit)],
    response_model=None,
    responses={**ERROR_RESPONSES, 200: {"content": {"text/event-stream": {}}}},
)
async def chat_completions(
    body: CompletionRequest,
    ctx: WebContext = Depends(get_ctx),
    authorization: str | None = Header(default=None),
) -> dict[str, Any] | EventSourceResponse:
    """OpenAI-compatible chat completion (set `stream: true` for SSE chunks)."""
    raw_question, raw_history = split_messages(body.messages)
    question = check_message(ctx.settings, raw_question)
    history = check_history(ctx.settings, raw_history)
    audience = resolve_audience(ctx.settings, body.audience, authorization)
    if body.stream:
        return EventSourceResponse(_stream_chunks(ctx, question, history, audience), ping=15)
    answer = await run_in_threadpool(ctx.assistant.ask, question, history, audience)
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL_NAME,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": answer_with_references(answer)},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        **_extras(answer),
    }
