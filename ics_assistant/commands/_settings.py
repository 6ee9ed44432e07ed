"""``load_settings()``: the settings for a command, with a bad ``ICS_*`` value as a ``ConfigError``
(one readable line per problem) instead of a pydantic traceback."""

from __future__ import annotations

from pydantic import ValidationError

from ics_assistant.config import Settings
from ics_assistant.errors import ConfigError

__all__ = ["load_settings"]


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            (f"ICS_{'_'.join(str(p) for p in e['loc']).upper()}: " if e["loc"] else "") + e["msg"]
            for e in exc.errors()
        )
        raise ConfigError(f"invalid setting: {problems}") from exc
