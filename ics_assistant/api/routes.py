"""``/api``: chat (JSON and Server-Sent Events), feedback, health.

The assistant is synchronous and CPU-bound: each call runs in the threadpool, so requests
proceed in parallel (no global lock) while the event loop keeps serving.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Depends, Header
from fastapi.responses import JSONResponse
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from ics_assistant.api.errors import ApiError, public_message, status_for_assistant_error
from ics_assistant.api.formatting import answer_json
from ics_assistant.api.schemas import (
    ChatRequest,
    FeedbackRequest,
    check_feedback_answer,
    check_history,
    check_message,
)
from ics_assistant.api.service import (
    WebContext,
    check_rate_limit,
    get_ctx,
    has_staff_token,
    resolve_audience,
)
from ics_assistant.errors import AssistantError
from ics_assistant.types import Answer, Audience, Turn

__all__ = ["ERROR_RESPONSES", "router", "sse_answer_events"]

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["chat"])

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed JSON, or a body that is not a JSON object"},
    403: {"description": "Staff audience without a valid staff token"},
    413: {"description": "Message too long, or request body over the size limit"},
    421: {"description": "Host header not among the server's names (ICS_ALLOWED_HOSTS)"},
    422: {"description": "Empty message, history too long, unknown audience or invalid body"},
    429: {"description": "Rate limited; see Retry-After"},
    503: {"description": "The document index or a backend is unavailable"},
}
_ERROR_RESPONSES = ERROR_RESPONSES


def _prepare(
    ctx: WebContext, body: ChatRequest, authorization: str | None
) -> tuple[str, tuple[Turn, ...], Audience]:
    question = check_message(ctx.settings, body.message)
    history = check_history(ctx.settings, body.history)
    audience = resolve_audience(ctx.settings, body.audience, authorization)
    return question, history, audience


@router.post("/chat", dependencies=[Depends(check_rate_limit)], responses=_ERROR_RESPONSES)
async def chat(
    body: ChatRequest,
    ctx: WebContext = Depends(get_ctx),
    authorization: str | None = Header(default=None),
) -> JSONResponse:
    """Answer a question; returns the Answer JSON (text with [n] citations, citations, sources)."""
    question, history, audience = _prepare(ctx, body, authorization)
    answer = await run_in_threadpool(ctx.assistant.ask, question, history, audience)
    return JSONResponse(answer_json(answer))


async def sse_answer_events(
    ctx: WebContext, question: str, history: tuple[Turn, ...], audience: Audience
) -> AsyncIterator[dict[str, str]]:
    """``delta`` events ``{"text"}``, then one ``answer`` event (the Answer JSON), or ``error``."""
    try:
        async for item in iterate_in_threadpool(ctx.assistant.stream(question, history, audience)):
            if isinstance(item, Answer):
                yield {"event": "answer", "data": json.dumps(answer_json(item), ensure_ascii=False)}
            else:
                yield {"event": "delta", "data": json.dumps({"text": item}, ensure_ascii=False)}
    except AssistantError as exc:
        status, code = status_for_assistant_error(exc)
        body = {"code": code, "message": public_message(exc), "status": status}
        yield {"event": "error", "data": json.dumps(body)}
    except Exception:  # the stream ends with an error event, never a cut-off reply
        log.exception("unexpected error while streaming an answer")
        message = "Something went wrong on our side."
        yield {
            "event": "error",
            "data": json.dumps({"code": "internal_error", "message": message, "status": 500}),
        }


@router.post(
    "/chat/stream",
    dependencies=[Depends(check_rate_limit)],
    responses={**_ERROR_RESPONSES, 200: {"content": {"text/event-stream": {}}}},
)
async def chat_stream(
    body: ChatRequest,
    ctx: WebContext = Depends(get_ctx),
    authorization: str | None = Header(default=None),
) -> EventSourceResponse:
    """Stream the answer as Server-Sent Events: `delta` events, then one `answer` event."""
    question, history, audience = _prepare(ctx, body, authorization)
    return EventSourceResponse(sse_answer_events(ctx, question, history, audience), ping=15)


@router.post(
    "/feedback",
    dependencies=[Depends(check_rate_limit)],
    tags=["feedback"],
    status_code=201,
    responses={k: v for k, v in ERROR_RESPONSES.items() if k != 503},
)
async def feedback(
    body: FeedbackRequest,
    ctx: WebContext = Depends(get_ctx),
    authorization: str | None = Header(default=None),
) -> dict[str, int]:
    """Store a thumbs up (1) or down (-1) on an answer, with an optional comment. It is recorded
    as staff feedback only with the staff token (as for `/api/chat`), else as public."""
    requested = body.audience or body.answer.get("audience") or "public"
    claimed = requested.strip().lower() if isinstance(requested, str) else ""
    if claimed not in ("public", "staff"):
        raise ApiError(422, "unknown_audience", f"Unknown audience {requested!r}: use 'public' or 'staff'.")
    staff = claimed == "staff" and has_staff_token(ctx.settings, authorization)
    audience: Audience = "staff" if staff else "public"
    check_feedback_answer(body.answer)
    history = tuple(t.to_turn() for t in body.history[-ctx.settings.max_history_turns :])
    new_id = await run_in_threadpool(
        lambda: ctx.feedback.add(
            question=body.question,
            answer=body.answer,
            rating=body.rating,
            history=history,
            comment=body.comment,
            audience=audience,
        )
    )
    return {"id": new_id}


@router.get("/health", tags=["health"], responses={k: ERROR_RESPONSES[k] for k in (421, 503)})
async def health(ctx: WebContext = Depends(get_ctx)) -> dict[str, Any]:
    """Whether the index is loaded, how many documents and chunks it holds, which generator answers."""
    status = await run_in_threadpool(ctx.status)
    return {"status": "ok", "generator": ctx.settings.generator, **status}
