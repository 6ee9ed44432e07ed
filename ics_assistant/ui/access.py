"""Who may use the staff chat, and with which audience (the same rule as the HTTP API).

* ``ICS_STAFF_TOKEN`` set: the staff chat needs a Gradio sign-in (user ``staff``, password = the
  token, compared in constant time); Gradio then refuses its page config and every API route
  (``/gradio_api/...``) without the session cookie. Signed-in staff get the staff audience.
* No token, ``ICS_LOOPBACK_IS_STAFF=true`` and the server bound to a loopback host (127.0.0.0/8,
  ``::1``, ``localhost``): a maintainer's local use, turned on explicitly. The staff audience is
  used, but only for requests that come straight from a loopback address: a request with any
  relay header (``Forwarded``, ``X-Forwarded-*``, ``X-Real-IP``, ``*-Client-IP``, ``Via``, ...)
  or from a non-loopback client gets the public audience. A local reverse proxy that adds none
  of those would make every visitor staff, which is why this mode is off by default.
* Otherwise (the default without a token): public documents only, and the chat says so.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from ics_assistant.api.clients import is_relayed
from ics_assistant.config import Settings
from ics_assistant.types import Audience

__all__ = [
    "PUBLIC_ONLY_NOTICE",
    "STAFF_USER",
    "AccessMode",
    "StaffAccess",
    "is_loopback",
    "make_auth",
    "staff_access",
]

STAFF_USER = "staff"
PUBLIC_ONLY_NOTICE = (
    "Staff documents are off: set ICS_STAFF_TOKEN to turn on staff sign-in. "
    "This chat answers from public documents only."
)
AccessMode = Literal["token", "local", "public"]


def is_loopback(host: str | None) -> bool:
    """True for ``localhost`` and loopback addresses (``127.0.0.0/8``, ``::1``, ``[::1]``,
    ``::ffff:127.0.0.1``)."""
    if not host:
        return False
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # "::ffff:127.0.0.1" from a dual-stack socket
    return address.is_loopback


def make_auth(token: str) -> Callable[[str, str], bool]:
    """Gradio ``auth`` callable: user ``staff`` with the staff token, compared in constant time."""
    expected_user, expected_password = STAFF_USER.encode(), token.encode()

    def check(username: str, password: str) -> bool:
        user_ok = hmac.compare_digest((username or "").encode(), expected_user)
        password_ok = hmac.compare_digest((password or "").encode(), expected_password)
        return user_ok and password_ok

    return check


@dataclass(frozen=True)
class StaffAccess:
    mode: AccessMode
    auth: Callable[[str, str], bool] | None  # for ``gr.mount_gradio_app(auth=...)``
    notice: str | None  # shown at the top of the staff chat

    @property
    def audience(self) -> Audience:
        """The audience for requests that qualify (see ``audience_for``)."""
        return "public" if self.mode == "public" else "staff"

    def audience_for(self, client_host: str | None, headers: Mapping[str, str]) -> Audience:
        """The audience for one staff-chat request.

        In ``token`` mode Gradio has already checked the sign-in. In ``local`` mode only a direct
        loopback client (no proxy headers) gets staff documents.
        """
        if self.mode == "token":
            return "staff"
        if self.mode == "local":
            return "staff" if is_loopback(client_host) and not is_relayed(headers.keys()) else "public"
        return "public"


def staff_access(settings: Settings) -> StaffAccess:
    """Decide the staff chat's access from ``settings.staff_token`` and ``settings.host``."""
    if settings.staff_token:
        return StaffAccess("token", make_auth(settings.staff_token), None)
    if settings.loopback_is_staff and is_loopback(settings.host):
        return StaffAccess("local", None, None)
    return StaffAccess("public", None, PUBLIC_ONLY_NOTICE)
