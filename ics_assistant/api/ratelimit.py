"""Per-client rate limit: at most ``limit`` requests in any sliding 60-second window.

Pure apart from the clock (injectable for tests). ``check`` returns 0 when the request may go
ahead, else the whole seconds the client should wait (the ``Retry-After`` value). At most
``max_clients`` clients are tracked: idle ones are forgotten first, then the least recently seen.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

__all__ = ["RateLimiter"]

WINDOW_S = 60.0


class RateLimiter:
    def __init__(self, limit: int, *, clock: Callable[[], float] = time.monotonic, max_clients: int = 10_000):
        self.limit = limit
        self.clock = clock
        self.max_clients = max_clients
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.limit > 0

    def check(self, client: str) -> int:
        """Record a request from ``client``; return 0 if allowed, else seconds until it would be."""
        if not self.enabled:
            return 0
        now = self.clock()
        with self._lock:
            hits = self._hits.pop(client, None)  # re-inserted below: the dict is in recency order
            if hits is None:
                hits = deque()
                if len(self._hits) >= self.max_clients:
                    self._forget_idle(now)
                while len(self._hits) >= self.max_clients:  # all active (a flood of addresses)
                    del self._hits[next(iter(self._hits))]  # the least recently seen
            self._hits[client] = hits
            while hits and now - hits[0] >= WINDOW_S:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(1, math.ceil(WINDOW_S - (now - hits[0])))
            hits.append(now)
            return 0

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, v in self._hits.items() if not v or now - v[-1] >= WINDOW_S]:
            del self._hits[key]
