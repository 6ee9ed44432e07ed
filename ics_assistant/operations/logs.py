"""Server logging: plain text by default, one JSON object per line with ``ICS_LOG_JSON=true``
(python-json-logger), for log collectors. uvicorn's own loggers go through the same handler."""

from __future__ import annotations

import logging

__all__ = ["TEXT_FORMAT", "configure_logging"]

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(json_logs: bool, level: int = logging.INFO) -> logging.Handler:
    """Replace the root logger's handlers with one stderr handler; returns it."""
    handler = logging.StreamHandler()
    if json_logs:
        from pythonjsonlogger.json import JsonFormatter

        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    return handler
