"""Maintainer sign-in: the token compared in constant time, attempts throttled, a signed cookie.

The session cookie holds the maintainer's name and an HMAC of it keyed with the token, so it
is checked without server-side state and stops working when the token changes. Scripts may
send ``Authorization: Bearer <token>`` instead. Without a valid session or token every console
page and action answers 401.
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import Request

from ics_assistant.api.ratelimit import RateLimiter

__all__ = ["COOKIE", "SIGN_IN_ATTEMPTS_PER_MINUTE", "ConsoleAuth"]

COOKIE = "ics_console"
SIGN_IN_ATTEMPTS_PER_MINUTE = 10
_MAX_NAME = 60


def _clean_name(name: str) -> str:
    cleaned = "".join(ch for ch in name if ch.isalnum() or ch in " .-_@").strip()[:_MAX_NAME]
    return cleaned or "maintainer"


class ConsoleAuth:
    def __init__(self, token: str) -> None:
        self._token = token.encode()
        self.limiter = RateLimiter(SIGN_IN_ATTEMPTS_PER_MINUTE)

    def token_ok(self, given: str) -> bool:
        return hmac.compare_digest((given or "").encode(), self._token)

    def _sign(self, name: str) -> str:
        return hmac.new(self._token, name.encode(), hashlib.sha256).hexdigest()

    def session_cookie(self, name: str) -> str:
        who = _clean_name(name)
        return f"{who}|{self._sign(who)}"

    def who(self, request: Request) -> str | None:
        """The signed-in maintainer's name, or ``None``."""
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() == "bearer" and token and self.token_ok(token.strip()):
            return "api-token"
        raw = request.cookies.get(COOKIE, "")
        name, _, sig = raw.rpartition("|")
        if name and hmac.compare_digest(sig.encode(), self._sign(name).encode()):
            return name
        return None
