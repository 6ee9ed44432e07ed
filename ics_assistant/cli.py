"""``ics-assistant``: the command line. Each command group lives in ``ics_assistant/commands``."""

from __future__ import annotations

import typer

from ics_assistant.commands import ask, evaluate, ingest, serve
from ics_assistant.config import quiet_third_parties

__all__ = ["app", "main"]

app = typer.Typer(
    name="ics-assistant",
    help="Answers questions about England's Integrated Care Systems, with citations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
for module in (ingest, ask, serve, evaluate):
    module.register(app)


def main() -> None:
    quiet_third_parties()
    app()


if __name__ == "__main__":
    main()
