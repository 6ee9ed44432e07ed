"""What the web layer needs from the core, and the per-app context the routes share.

``AssistantLike`` is the slice of ``ics_assistant.assistant.Assistant`` the interfaces call;
tests pass a fake that satisfies it. ``WebContext`` is stored on ``app.state.ctx``.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from fastapi import Request

from ics_assistant.api.errors import ApiError
from ics_assistant.api.ratelimit import RateLimiter
from ics_assistant.config import Settings
from ics_assistant.feedback import FeedbackStore
from ics_assistant.types import Answer, Audience, Turn

__all__ = [
    "AssistantLike",
    "StatusProvider",
    "WebContext",
    "check_rate_limit",
    "get_ctx",
    "has_staff_token",
    "resolve_audience",
]

StatusProvider = Callable[[], dict[str, Any]]


class AssistantLike(Protocol):
    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer: ...

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]: ...


@dataclass(frozen=True)
class WebContext:
    settings: Settings
    assistant: AssistantLike
    feedback: FeedbackStore
    limiter: RateLimiter
    status: StatusProvider


def get_ctx(request: Request) -> WebContext:
    ctx = request.app.state.ctx
    assert isinstance(ctx, WebContext)
    return ctx


def client_key(request: Request) -> str:
    """The client's address as the front door worked it out (``api/edge.py``), else the peer."""
    address = request.scope.get("state", {}).get("client_address")
    if isinstance(address, str):
        return address
    return request.client.host if request.client else "unknown"


def check_rate_limit(request: Request) -> None:
    """FastAPI dependency: 429 with ``Retry-After`` once a client passes the per-minute limit."""
    wait = get_ctx(request).limiter.check(client_key(request))
    if wait:
        raise ApiError(
            429,
            "rate_limited",
            f"Too many requests: try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )


def _bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def resolve_audience(settings: Settings, requested: str | None, authorization: str | None) -> Audience:
    """``public`` unless asked otherwise; ``staff`` needs ``Authorization: Bearer <staff_token>``."""
    audience = (requested or "public").strip().lower()
    if audience == "public":
        return "public"
    if audience != "staff":
        raise ApiError(422, "unknown_audience", f"Unknown audience {requested!r}: use 'public' or 'staff'.")
    if not settings.staff_token:
        raise ApiError(403, "staff_disabled", "Staff access over the API is turned off on this server.")
    if not has_staff_token(settings, authorization):
        raise ApiError(
            403, "forbidden", "Staff answers need a valid staff token (Authorization: Bearer ...)."
        )
    return "staff"


def has_staff_token(settings: Settings, authorization: str | None) -> bool:
    """Whether ``Authorization: Bearer <token>`` carries this server's staff token."""
    if not settings.staff_token:
        return False
    given = _bearer(authorization) or ""
    return hmac.compare_digest(given.encode(), settings.staff_token.encode())  # constant time
