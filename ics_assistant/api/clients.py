"""Who the client is, and which Host names the server answers to.

``client_address``: the TCP peer, unless the peer is a configured trusted proxy
(``ICS_TRUSTED_PROXIES``), in which case the right-most ``X-Forwarded-For`` address that is not
itself a trusted proxy. Nothing else (``X-Real-IP``, ``CF-Connecting-IP``, ...) is believed, and
nothing at all from an untrusted peer, so rotating headers cannot change a client's identity.
``host_allowed``: the ``Host`` header against ``ICS_ALLOWED_HOSTS`` (DNS-rebinding defence).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from ics_assistant.config import Settings

__all__ = ["ClientPolicy", "is_relayed"]

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_WILDCARD_BINDS = ("0.0.0.0", "::", "")
# Headers a proxy (or a client pretending to be one) adds to say who the "real" client is.
_RELAY_MARKERS = ("forwarded", "x-real-ip", "via", "client-ip", "connecting-ip", "x-original-forwarded")


def is_relayed(header_names: Iterable[str]) -> bool:
    """Whether any header claims the request was relayed for someone else."""
    return any(
        name.lower().startswith("x-forwarded") or any(m in name.lower() for m in _RELAY_MARKERS)
        for name in header_names
    )


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip().strip("[]")
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


@dataclass(frozen=True)
class ClientPolicy:
    proxies: tuple[Network, ...]
    hosts: frozenset[str] | None  # None: any Host

    @classmethod
    def from_settings(cls, settings: Settings) -> ClientPolicy:
        proxies = tuple(ipaddress.ip_network(p, strict=False) for p in _split(settings.trusted_proxies))
        names = [h.lower().strip("[]") for h in _split(settings.allowed_hosts)]
        if not names:
            names = [*LOOPBACK_NAMES, "[::1]"]
            if settings.host not in _WILDCARD_BINDS:
                names.append(settings.host.lower().strip("[]"))
        hosts = None if "*" in names else frozenset(names)
        return cls(proxies, hosts)

    def _trusted(self, text: str) -> bool:
        address = _address(text)
        return address is not None and any(address in net for net in self.proxies)

    def client_address(self, peer: str | None, forwarded_for: str | None) -> str:
        """The address to rate-limit and log: see the module docstring."""
        if not peer:
            return "unknown"
        if not forwarded_for or not self._trusted(peer):
            return peer
        for hop in reversed(_split(forwarded_for)):
            if not self._trusted(hop):
                address = _address(hop)
                return str(address) if address is not None else peer
        return peer

    def host_allowed(self, host_header: str | None) -> bool:
        if self.hosts is None:
            return True
        if not host_header:
            return False
        host = host_header.strip().lower()
        if host.startswith("["):  # [::1]:7860
            name = host[1 : host.find("]")] if "]" in host else host
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        return name in self.hosts
