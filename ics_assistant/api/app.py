"""``create_app(settings)``: the one server: staff chat at ``/``, API under ``/api`` and ``/v1``,
the resident widget at ``/widget.js`` (demo at ``/widget-demo``), OpenAPI docs at ``/docs``."""

from __future__ import annotations

import logging
from typing import Any

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware

from ics_assistant.api import openai_compat, routes, widget
from ics_assistant.api.bodylimit import BodyLimit
from ics_assistant.api.clients import ClientPolicy
from ics_assistant.api.edge import EdgeGuard
from ics_assistant.api.errors import ApiError, install_error_handlers
from ics_assistant.api.ratelimit import RateLimiter
from ics_assistant.api.service import AssistantLike, StatusProvider, WebContext
from ics_assistant.config import Settings
from ics_assistant.console.routes import install_console
from ics_assistant.operations.wiring import build_operations, install_operations
from ics_assistant.ui.access import staff_access
from ics_assistant.ui.chat import CSS, build_demo

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def _no_status() -> dict[str, Any]:
    return {"index_loaded": False, "documents": 0, "chunks": 0}


def _add_json_fallbacks(app: FastAPI) -> None:
    """Unknown paths (or wrong methods, HEAD/OPTIONS/TRACE included) under /api and /v1 get JSON
    errors with ``Allow`` on a 405, not the Gradio app."""
    allowed: dict[str, set[str]] = {}
    for router in (routes.router, openai_compat.router):
        for r in router.routes:
            allowed.setdefault(getattr(r, "path", ""), set()).update(getattr(r, "methods", None) or ())

    async def fallback(request: Request) -> None:
        methods = allowed.get(request.url.path)
        if methods:
            raise ApiError(
                405,
                "method_not_allowed",
                f"{request.method} is not allowed on {request.url.path}; use {', '.join(sorted(methods))}.",
                headers={"Allow": ", ".join(sorted(methods))},
            )
        raise ApiError(404, "not_found", f"No such endpoint: {request.url.path}.")

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"]
    for prefix in ("/api", "/v1"):
        app.add_api_route(prefix + "/{rest:path}", fallback, methods=methods, include_in_schema=False)


def create_app(
    settings: Settings,
    assistant: AssistantLike | None = None,
    *,
    status: StatusProvider | None = None,
) -> FastAPI:
    """Build the server. With ``assistant=None`` the real one is built (ingesting first if needed).

    ``status`` reports index health for ``/api/health``; when an assistant is passed without one,
    its ``health()`` method is used if it has one.
    """
    if assistant is None:
        from ics_assistant.api.bootstrap import load_assistant

        assistant, status = load_assistant(settings)
    if status is None:
        status = getattr(assistant, "health", None) or _no_status
    # every interface gets the observed assistant: kill switch, metrics, redacted question log
    ops = build_operations(settings, assistant, status)
    assistant, feedback = ops.assistant, ops.feedback
    app = FastAPI(
        title="ICS Assistant API",
        version="0.1.0",
        description=(
            "Answers questions about England's Integrated Care Systems from curated documents, "
            "always with citations. `/api/chat` (JSON), `/api/chat/stream` (Server-Sent Events), "
            "`/v1/chat/completions` (OpenAI-compatible), `/api/feedback`, `/api/health`."
        ),
    )
    limiter = RateLimiter(settings.rate_limit)
    app.state.ctx = WebContext(
        settings=settings,
        assistant=assistant,
        feedback=feedback,
        limiter=limiter,
        status=status,
    )
    install_error_handlers(app)
    install_operations(app, ops)
    install_console(app, settings, ops)
    app.add_middleware(BodyLimit)  # inside CORS, so a browser can read the 413
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.widget_origin_list,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Authorization"],
        expose_headers=["Retry-After"],
        max_age=600,
    )
    app.include_router(routes.router)
    app.include_router(openai_compat.router)
    app.include_router(widget.router)
    _add_json_fallbacks(app)
    # outermost: Host check, no uploads, one rate limiter for the chat and sign-in too
    policy = ClientPolicy.from_settings(settings)
    if not settings.allowed_hosts.strip() and settings.host in ("0.0.0.0", "::"):
        log.warning(
            "bound to all interfaces but ICS_ALLOWED_HOSTS is not set: only loopback Host names "
            "are answered (others get 421); set it to the names clients use"
        )
    app.add_middleware(EdgeGuard, policy=policy, limiter=limiter)
    access = staff_access(settings)
    log.info("staff chat access: %s (bound to %s)", access.mode, settings.host)
    if access.mode == "public":
        log.warning("ICS_STAFF_TOKEN is not set and the server is not on loopback: %s", access.notice)
    demo = build_demo(
        assistant,
        feedback,
        max_history_turns=settings.max_history_turns,
        max_message_chars=settings.max_message_chars,
        access=access,
    )
    # Mounted last: "/" would otherwise shadow the routes above. With ``auth`` Gradio serves a
    # sign-in form at "/" and refuses its config, queue and API routes without the session cookie.
    mounted: FastAPI = gr.mount_gradio_app(
        app,
        demo,
        path="/",
        css=CSS,
        footer_links=["api"],
        run_history=False,
        show_error=False,
        server_name=settings.host,
        server_port=settings.port,
        auth=access.auth,
        auth_message="ICS Assistant staff chat: user name staff, password the staff token.",
    )
    return mounted
