"""Cap the size of request bodies under ``/api`` and ``/v1``: the JSON is parsed in memory.

A pure ASGI middleware. A declared ``Content-Length`` over the cap gets the JSON 413 envelope
before anything is read; a body sent without one (chunked) is counted as it arrives and stopped
with the same 413 once it passes the cap. Other paths (the Gradio app) are untouched.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ics_assistant.api.errors import error_body

__all__ = ["MAX_BODY_BYTES", "BodyLimit"]

# The largest legitimate body (a 20-turn history of 20,000-character turns, or a rated answer)
# is well under 2 MB even in 4-byte UTF-8.
MAX_BODY_BYTES = 4 * 1024 * 1024
_PREFIXES = ("/api/", "/v1/")


def _too_large(limit: int) -> str:
    return f"The request body is over the {limit:,}-byte limit."


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(_PREFIXES):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            body = error_body(413, "request_too_large", _too_large(self.max_bytes))
            await JSONResponse(body, status_code=413)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:  # answered as JSON by the app's HTTPException handler
                    raise HTTPException(413, _too_large(self.max_bytes))
            return message

        await self.app(scope, counted, send)
