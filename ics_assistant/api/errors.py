"""Every API error is JSON: ``{"error": {"code", "message", "status"}}`` (OpenAI-style envelope).

Handlers turn validation failures, ``ApiError`` and ``AssistantError`` into that shape; an
unexpected exception is logged with its traceback and answered with a plain 500 (no trace).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ics_assistant.errors import AssistantError, BackendError, GeneratorError, IndexStateError, InputError

__all__ = [
    "ApiError",
    "error_body",
    "install_error_handlers",
    "public_message",
    "status_for_assistant_error",
]

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error answered to the client as-is: HTTP status, machine code, human message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status, "type": code}}


def status_for_assistant_error(exc: AssistantError) -> tuple[int, str]:
    if isinstance(exc, InputError):
        return 422, "invalid_input"
    if isinstance(exc, IndexStateError):
        return 503, "index_unavailable"
    if isinstance(exc, GeneratorError):
        return 502, "generator_failed"
    if isinstance(exc, BackendError):
        return 503, "backend_unavailable"
    return 500, "assistant_error"


_SERVER_SIDE = {
    "index_unavailable": "The document index is not available right now (it may need "
    "`ics-assistant ingest`); the details are in the server log.",
    "backend_unavailable": "A service the assistant needs is unavailable right now; "
    "the details are in the server log.",
    "generator_failed": "The language model could not answer; the details are in the server log.",
    "assistant_error": "Something went wrong on our side.",
}


def public_message(exc: AssistantError) -> str:
    """What a client is told: the error itself when it is about the request (4xx); for a fault
    on the server's side, a fixed sentence (no paths, hosts or library messages), with the
    details logged."""
    status, code = status_for_assistant_error(exc)
    if status < 500:
        return str(exc)
    log.error("%s (%s): %s", code, type(exc).__name__, exc)
    return _SERVER_SIDE.get(code, _SERVER_SIDE["assistant_error"])


def _validation_message(exc: RequestValidationError) -> tuple[int, str, str]:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return 400, "malformed_json", "The request body is not valid JSON."
    if any(tuple(e.get("loc", ())) == ("body",) for e in errors):
        return (
            400,
            "malformed_json",
            "The request body must be a JSON object (Content-Type: application/json).",
        )
    parts = []
    for e in errors[:5]:
        loc = ".".join(str(p) for p in e.get("loc", ()) if p != "body")
        parts.append(f"{loc or 'body'}: {e.get('msg', 'invalid')}")
    return 422, "invalid_request", "; ".join(parts) or "The request is not valid."


def install_error_handlers(app: FastAPI) -> None:
    async def on_api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return JSONResponse(error_body(exc.status, exc.code, exc.message), exc.status, headers=exc.headers)

    async def on_validation(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        status, code, message = _validation_message(exc)
        return JSONResponse(error_body(status, code, message), status)

    async def on_assistant_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AssistantError)
        status, code = status_for_assistant_error(exc)
        return JSONResponse(error_body(status, code, public_message(exc)), status)

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = {404: "not_found", 405: "method_not_allowed", 413: "request_too_large"}.get(
            exc.status_code, "http_error"
        )
        return JSONResponse(
            error_body(exc.status_code, code, str(exc.detail)), exc.status_code, headers=exc.headers
        )

    async def on_unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error while answering a request", exc_info=exc)
        return JSONResponse(error_body(500, "internal_error", "Something went wrong on our side."), 500)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(AssistantError, on_assistant_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_unexpected)
