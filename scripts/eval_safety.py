"""Run the shipped safety triage over a labelled safety set once and print its figures (JSON).

    python scripts/eval_safety.py [--data evals/safety/safety-final.jsonl] [--ids-from-model]

``--ids-from-model`` keeps only the held-out ids recorded in the fitted model. Nothing is fitted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ics_assistant.answering.safety import default_triage  # noqa: E402
from ics_assistant.answering.safety_model import DEFAULT_MODEL_PATH  # noqa: E402
from ics_assistant.backends.embedders import get_embedder  # noqa: E402
from ics_assistant.config import Settings  # noqa: E402
from ics_assistant.evaluation.safety_eval import by_kind, load_safety_set, safety_figures  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO / "evals" / "safety" / "safety-final.jsonl")
    ap.add_argument("--ids-from-model", action="store_true")
    args = ap.parse_args()
    items = load_safety_set(args.data)
    if args.ids_from_model:
        keep = set(json.loads(DEFAULT_MODEL_PATH.read_text(encoding="utf-8"))["test_ids"])
        items = [i for i in items if i.id in keep]
    embedder = get_embedder(Settings(_env_file=None))  # type: ignore[call-arg]
    triage = default_triage()
    decisions = [triage.screen(i.message, embedder).decision for i in items]
    figures = safety_figures([i.label for i in items], decisions)
    figures["by_kind"] = by_kind(items, decisions)
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
