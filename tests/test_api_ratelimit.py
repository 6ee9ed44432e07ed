"""``RateLimiter``: one moving-window limiter (the ``limits`` library), a budget per kind."""

from __future__ import annotations

from ics_assistant.api.ratelimit import SIGN_IN_ATTEMPTS_PER_MINUTE, RateLimiter


def test_each_client_gets_its_own_budget_and_a_retry_after() -> None:
    limiter = RateLimiter(2)
    assert limiter.check("a") == 0 and limiter.check("a") == 0
    wait = limiter.check("a")
    assert 1 <= wait <= 60
    assert limiter.check("b") == 0  # another client is not affected


def test_kinds_have_separate_budgets() -> None:
    limiter = RateLimiter(1)
    assert limiter.check("a", "api") == 0 and limiter.check("a", "api") > 0
    assert limiter.check("a", "chat") == 0 and limiter.check("a", "chat") > 0
    for _ in range(SIGN_IN_ATTEMPTS_PER_MINUTE):
        assert limiter.check("a", "signin") == 0
    assert limiter.check("a", "signin") > 0


def test_zero_turns_the_request_limit_off_but_not_the_sign_in_throttle() -> None:
    limiter = RateLimiter(0)
    assert not limiter.enabled
    assert all(limiter.check("a", "api") == 0 for _ in range(100))
    assert all(limiter.check("a", "chat") == 0 for _ in range(100))
    assert [limiter.check("a", "signin") == 0 for _ in range(SIGN_IN_ATTEMPTS_PER_MINUTE + 1)][-1] is False
