"""One server replica for the shared-database test: ``python -m tests.replica_app PORT DATA_DIR``
(``ICS_DATABASE_URL`` from the environment), serving the fake assistant with uvicorn."""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings

from .web_fixtures import CORPUS, FakeAssistant


def main() -> None:
    port, data_dir = int(sys.argv[1]), Path(sys.argv[2])
    settings = Settings(data_dir=data_dir, corpus_dir=CORPUS, port=port, rate_limit=0)
    uvicorn.run(create_app(settings, FakeAssistant()), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
