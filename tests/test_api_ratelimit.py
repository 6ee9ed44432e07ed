"""``RateLimiter``: per-client sliding window with a bounded client table."""

from __future__ import annotations

from ics_assistant.api.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_flood_of_active_addresses_keeps_the_table_bounded() -> None:
    clock = Clock()
    limiter = RateLimiter(5, clock=clock, max_clients=100)
    for i in range(5000):  # all within one window: none is idle
        clock.now += 0.001
        assert limiter.check(f"10.0.{i // 256}.{i % 256}") == 0
    assert len(limiter._hits) <= 100


def test_the_least_recently_seen_client_is_evicted_and_busy_clients_keep_their_limit() -> None:
    clock = Clock()
    limiter = RateLimiter(2, clock=clock, max_clients=3)
    assert limiter.check("busy") == 0 and limiter.check("busy") == 0
    limiter.check("a")
    limiter.check("b")
    assert limiter.check("busy") > 0  # refused, and seen most recently
    limiter.check("c")  # table full of active clients: "a" goes
    assert set(limiter._hits) == {"busy", "b", "c"}
    assert limiter.check("busy") > 0  # its window survived the eviction


def test_idle_clients_are_forgotten_first() -> None:
    clock = Clock()
    limiter = RateLimiter(2, clock=clock, max_clients=2)
    limiter.check("old")
    clock.now += 61
    limiter.check("recent")
    limiter.check("new")
    assert set(limiter._hits) == {"recent", "new"}
