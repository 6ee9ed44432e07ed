"""The server's front door: one pure ASGI middleware in front of everything (API, /v1, Gradio).

In order, per HTTP request:
1. ``Host`` must be one of the configured names (``ICS_ALLOWED_HOSTS``), else 421: a page on
   another site cannot reach a loopback server through DNS rebinding.
2. Uploads are off: Gradio's upload routes answer 404 (nothing in the product takes files).
3. The client's address is worked out once (``ClientPolicy``; forwarded headers only from trusted
   proxies) and left in ``scope["state"]["client_address"]`` for the API's rate limit.
4. The staff chat's events and ``POST /login`` are rate-limited with the same limiter as the API.
No response is buffered, so streams pass through untouched.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ics_assistant.api.clients import ClientPolicy
from ics_assistant.api.errors import error_body
from ics_assistant.api.ratelimit import RateLimiter

__all__ = ["CLIENT_ADDRESS", "EdgeGuard"]

CLIENT_ADDRESS = "client_address"
_GRADIO = "/gradio_api"
_UPLOAD_PATHS = ("/upload", "/upload_progress", "/process_recording")
_CHAT_EVENTS = ("/queue/join", "/call/", "/run/", "/api/")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


def _kind(method: str, path: str) -> str | None:
    """Which rate-limit budget a request spends, if any (the API's is spent in its routes)."""
    if method != "POST":
        return None
    if path.rstrip("/") == "/login":
        return "signin"
    inner = path.removeprefix(_GRADIO)
    if inner != path and inner.startswith(_CHAT_EVENTS):
        return "chat"
    return None


class EdgeGuard:
    def __init__(self, app: ASGIApp, policy: ClientPolicy, limiter: RateLimiter) -> None:
        self.app = app
        self.policy = policy
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if not self.policy.host_allowed(_header(scope, b"host")):
            message = "This server does not answer to that Host name (see ICS_ALLOWED_HOSTS)."
            await self._reply(scope, receive, send, 421, "misdirected_request", message)
            return
        if path.removeprefix(_GRADIO).rstrip("/") in _UPLOAD_PATHS:
            await self._reply(scope, receive, send, 404, "not_found", "Uploads are turned off.")
            return
        peer = scope.get("client")
        address = self.policy.client_address(peer[0] if peer else None, _header(scope, b"x-forwarded-for"))
        scope.setdefault("state", {})[CLIENT_ADDRESS] = address
        kind = _kind(scope.get("method", ""), path)
        if kind is not None:
            wait = self.limiter.check(address, kind)
            if wait:
                code = "too_many_sign_ins" if kind == "signin" else "rate_limited"
                what = "sign-in attempts" if kind == "signin" else "requests"
                message = f"Too many {what}: try again in {wait} seconds."
                headers = {"Retry-After": str(wait)}
                await self._reply(scope, receive, send, 429, code, message, headers)
                return
        await self.app(scope, receive, send)

    @staticmethod
    async def _reply(
        scope: Scope,
        receive: Receive,
        send: Send,
        status: int,
        code: str,
        message: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        response = JSONResponse(error_body(status, code, message), status_code=status, headers=headers)
        await response(scope, receive, send)
