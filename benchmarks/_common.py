"""What every benchmark script shares: a label for the machine and how results are written."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any


def machine_label() -> str:
    return f"{platform.machine()} {platform.python_version()} cpus={os.cpu_count()}"


def emit(result: dict[str, Any], out: Path | None) -> None:
    """Print the result as JSON, and also write it to ``out`` when given."""
    text = json.dumps(result, indent=2)
    print(text)
    if out:
        out.write_text(text + "\n", encoding="utf-8")
