"""JSON logs: one parseable object per line with time, level, logger and message."""

from __future__ import annotations

import io
import json
import logging

from ics_assistant.operations.logs import configure_logging


def test_json_lines() -> None:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        handler = configure_logging(True)
        assert isinstance(handler, logging.StreamHandler)
        buffer = io.StringIO()
        handler.setStream(buffer)
        logging.getLogger("ics.test").warning("index reloaded after %s", "an ingest")
        record = json.loads(buffer.getvalue().strip().splitlines()[-1])
        assert record["level"] == "WARNING" and record["logger"] == "ics.test"
        assert record["message"] == "index reloaded after an ingest" and record["time"]
        text = configure_logging(False)
        text.setStream(buffer := io.StringIO())
        logging.getLogger("ics.test").info("plain")
        assert buffer.getvalue().rstrip().endswith("INFO ics.test: plain")
    finally:
        for h in list(root.handlers):
            root.removeHandler(h)
        for h in saved[0]:
            root.addHandler(h)
        root.setLevel(saved[1])
