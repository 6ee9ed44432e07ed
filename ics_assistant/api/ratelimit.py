"""One rate limiter for the whole server, on the maintained ``limits`` library.

Each kind of request has its own budget per client (``api``: ``/api`` and ``/v1``; ``chat``: the
staff chat's Gradio events; ``signin``: ``POST /login``), all in one in-memory moving-window
store whose entries expire after the window. ``check`` returns 0 when the request may go ahead,
else the whole seconds the client should wait (the ``Retry-After`` value). Who "the client" is
comes from ``api/clients.py`` (forwarded headers only from trusted proxies).
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

__all__ = ["SIGN_IN_ATTEMPTS_PER_MINUTE", "RateLimiter"]

SIGN_IN_ATTEMPTS_PER_MINUTE = 10


class RateLimiter:
    """``limit`` requests per minute per client for ``api`` and ``chat``; sign-ins have their own."""

    def __init__(self, limit: int, *, sign_ins_per_minute: int = SIGN_IN_ATTEMPTS_PER_MINUTE) -> None:
        self.limit = limit
        self._strategy = MovingWindowRateLimiter(MemoryStorage())
        self._items: dict[str, RateLimitItem] = {}
        if limit > 0:
            self._items["api"] = RateLimitItemPerMinute(limit, namespace="api")
            self._items["chat"] = RateLimitItemPerMinute(limit, namespace="chat")
        if sign_ins_per_minute > 0:
            self._items["signin"] = RateLimitItemPerMinute(sign_ins_per_minute, namespace="signin")

    @property
    def enabled(self) -> bool:
        return self.limit > 0

    def check(self, client: str, kind: str = "api") -> int:
        """Record a request of ``kind`` from ``client``; 0 if allowed, else seconds to wait."""
        item = self._items.get(kind)
        if item is None:
            return 0
        if self._strategy.hit(item, client):
            return 0
        reset = self._strategy.get_window_stats(item, client).reset_time
        return max(1, math.ceil(reset - time.time()))
