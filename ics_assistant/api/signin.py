"""Throttle staff sign-in attempts: Gradio's ``POST /login`` has no limit of its own.

A pure ASGI middleware (no buffering of other responses, so SSE streams are untouched): each client
(by IP address, as for the API's rate limit) may try ``SIGN_IN_ATTEMPTS_PER_MINUTE`` sign-ins per
minute, successful or not; past that it gets the JSON 429 envelope with ``Retry-After``.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ics_assistant.api.errors import error_body
from ics_assistant.api.ratelimit import RateLimiter

__all__ = ["SIGN_IN_ATTEMPTS_PER_MINUTE", "SignInThrottle"]

SIGN_IN_ATTEMPTS_PER_MINUTE = 10


class SignInThrottle:
    def __init__(self, app: ASGIApp, limiter: RateLimiter | None = None) -> None:
        self.app = app
        self.limiter = limiter or RateLimiter(SIGN_IN_ATTEMPTS_PER_MINUTE)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"].rstrip("/") == "/login":
            client = scope.get("client")
            wait = self.limiter.check(client[0] if client else "unknown")
            if wait:
                body = error_body(
                    429, "too_many_sign_ins", f"Too many sign-in attempts: try again in {wait} seconds."
                )
                response = JSONResponse(body, status_code=429, headers={"Retry-After": str(wait)})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
