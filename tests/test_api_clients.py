"""``ClientPolicy``: forwarded headers only from trusted proxies; Host names checked."""

from __future__ import annotations

from ics_assistant.api.clients import ClientPolicy, is_relayed
from ics_assistant.config import Settings


def policy(settings: Settings, **update: object) -> ClientPolicy:
    return ClientPolicy.from_settings(settings.model_copy(update=update))


def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(settings: Settings) -> None:
    none = policy(settings, trusted_proxies="")
    assert none.client_address("127.0.0.1", "203.0.113.9") == "127.0.0.1"
    trusted = policy(settings, trusted_proxies="10.0.0.0/8, 127.0.0.1")
    assert trusted.client_address("10.1.2.3", "203.0.113.9") == "203.0.113.9"
    # a client's own (forged) entries sit left of what the proxy appended: the right-most wins
    assert trusted.client_address("10.1.2.3", "1.2.3.4, 203.0.113.9") == "203.0.113.9"
    assert trusted.client_address("10.1.2.3", "203.0.113.9, 10.9.9.9") == "203.0.113.9"
    assert trusted.client_address("10.1.2.3", "garbage") == "10.1.2.3"
    assert trusted.client_address("198.51.100.7", "203.0.113.9") == "198.51.100.7"  # not a proxy
    assert trusted.client_address(None, None) == "unknown"


def test_host_names(settings: Settings) -> None:
    loopback = policy(settings, allowed_hosts="", host="127.0.0.1")
    for ok in ("localhost:7860", "127.0.0.1", "[::1]:7860", "LOCALHOST"):
        assert loopback.host_allowed(ok), ok
    for bad in ("evil.example", "evil.example:7860", "", None, "localhost.evil.example"):
        assert not loopback.host_allowed(bad), bad
    named = policy(settings, allowed_hosts="ics.example.org", host="0.0.0.0")
    assert named.host_allowed("ics.example.org") and not named.host_allowed("localhost")
    assert policy(settings, allowed_hosts="*").host_allowed("anything.example")
    bound = policy(settings, allowed_hosts="", host="192.0.2.10")
    assert bound.host_allowed("192.0.2.10:7860") and not bound.host_allowed("evil.example")


def test_relay_headers() -> None:
    assert not is_relayed(["host", "user-agent", "authorization", "content-type"])
    for name in ("CF-Connecting-IP", "True-Client-IP", "X-Forwarded-Host", "Via", "Forwarded"):
        assert is_relayed([name]), name
