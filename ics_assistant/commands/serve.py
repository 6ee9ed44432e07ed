"""``ics-assistant serve``: staff chat, HTTP API and resident widget in one uvicorn server."""

from __future__ import annotations

import contextlib
import faulthandler
import logging

import typer

from ics_assistant.commands._settings import load_settings

__all__ = ["register", "serve"]


def serve(
    host: str | None = typer.Option(None, help="Interface to bind (default: ICS_HOST or 127.0.0.1)."),
    port: int | None = typer.Option(None, help="Port (default: ICS_PORT or 7860)."),
) -> None:
    """Serve the staff chat at /, the API under /api and /v1, and the widget at /widget.js."""
    import uvicorn

    from ics_assistant.api.app import create_app
    from ics_assistant.errors import AssistantError
    from ics_assistant.operations.logs import configure_logging

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(ValueError, OSError):  # stderr without a file descriptor (tests)
        faulthandler.enable()  # a fatal signal (SIGBUS from a truncated SQLite -shm file) leaves a log line
    try:
        settings = load_settings()
        configure_logging(settings.log_json)  # ICS_LOG_JSON=true: one JSON object per line
        # the bind address is part of the settings: the staff chat's access depends on it
        settings = settings.model_copy(update={"host": host or settings.host, "port": port or settings.port})
        app = create_app(settings)
    except AssistantError as exc:
        typer.echo(f"Error: cannot start the server: {exc}", err=True)
        raise typer.Exit(1) from exc
    bind_host, bind_port = settings.host, settings.port
    typer.echo(
        f"ICS Assistant: staff chat http://{bind_host}:{bind_port}/ · widget demo /widget-demo · API /docs"
    )
    from uvicorn.config import LOGGING_CONFIG

    # with JSON logs uvicorn's loggers propagate to the root handler configured above;
    # proxy_headers off: uvicorn would otherwise believe X-Forwarded-For from 127.0.0.1; the app
    # reads it itself, only from ICS_TRUSTED_PROXIES (api/clients.py)
    log_config = None if settings.log_json else LOGGING_CONFIG
    uvicorn.run(
        app, host=bind_host, port=bind_port, log_level="info", log_config=log_config, proxy_headers=False
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
