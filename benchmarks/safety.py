"""Safety triage latency: what the triage adds per message, against the bare message embedding.

For every message of the safety set (``evals/safety/safety.jsonl``), interleaved in one process:

- ``embed_p50_ms``: ``Embedder.embed([message])``, the embedding retrieval needs anyway;
- ``triage_p50_ms`` / ``_p95``: ``Triage.screen(message, embedder)`` (one batched embedding of the
  message and its sentences, the phrase rules, the classifier);
- ``rules_p50_ms``: the phrase rules alone;
- ``added_p50_ms``: per message, triage minus bare embedding (retrieval reuses the triage's
  vector for a message without history, so that embedding is not paid twice).

Usage: ``python benchmarks/safety.py [--repeats 3]``. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ics_assistant.answering.safety import default_triage  # noqa: E402
from ics_assistant.backends.embedders import get_embedder  # noqa: E402
from ics_assistant.config import Settings  # noqa: E402
from ics_assistant.evaluation.safety_eval import load_safety_set  # noqa: E402


def _ms(t: float) -> float:
    return (time.perf_counter() - t) * 1000.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO / "evals" / "safety" / "safety.jsonl")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    messages = [i.message for i in load_safety_set(args.data)]
    embedder = get_embedder(Settings(_env_file=None))  # type: ignore[call-arg]
    triage = default_triage()
    triage.screen("warm up", embedder)
    embed, screen, rules, added = [], [], [], []
    for _ in range(args.repeats):
        for m in messages:
            t = time.perf_counter()
            embedder.embed([m])
            e = _ms(t)
            t = time.perf_counter()
            triage.screen(m, embedder)
            s = _ms(t)
            t = time.perf_counter()
            triage.rules.match(m)
            rules.append(_ms(t))
            embed.append(e)
            screen.append(s)
            added.append(s - e)
    out = {
        "messages": len(messages),
        "repeats": args.repeats,
        "embed_p50_ms": round(float(np.percentile(embed, 50)), 2),
        "triage_p50_ms": round(float(np.percentile(screen, 50)), 2),
        "triage_p95_ms": round(float(np.percentile(screen, 95)), 2),
        "rules_p50_ms": round(float(np.percentile(rules, 50)), 3),
        "added_p50_ms": round(float(np.percentile(added, 50)), 2),
        "added_p95_ms": round(float(np.percentile(added, 95)), 2),
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
