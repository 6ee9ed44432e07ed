"""What the probe scripts share: a check list that prints one line per check and a verdict."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Probe:
    name: str
    results: list[tuple[str, bool, str]] = field(default_factory=list)

    def check(self, what: str, ok: bool, detail: Any = "") -> None:
        self.results.append((what, bool(ok), str(detail)[:200]))
        print(f"  {'PASS' if ok else 'FAIL'}  {what}" + (f"  ({detail})" if detail != "" else ""), flush=True)

    def finish(self) -> int:
        failed = [w for w, ok, _ in self.results if not ok]
        print(json.dumps({"probe": self.name, "checks": len(self.results), "failed": failed}))
        return 1 if failed else 0
