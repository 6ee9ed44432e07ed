"""Placeholder: replaced by the module's owner."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
