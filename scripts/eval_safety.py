"""Run the shipped safety triage over a labelled safety set once and print its figures (JSON).

    python scripts/eval_safety.py [--data evals/safety/safety-final.jsonl] [--ids-from-model]
    python scripts/eval_safety.py --questions evals/datasets/golden.jsonl evals/datasets/seed-blind.jsonl

``--ids-from-model`` keeps only the held-out ids recorded in the fitted model. ``--questions``
instead runs ordinary question sets (``question`` field) and prints, per set, how many questions
get each decision and the share given the safety note (noise on calm questions) or replaced.
Nothing is fitted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ics_assistant.answering.safety import REPLACING, default_triage  # noqa: E402
from ics_assistant.answering.safety_model import DEFAULT_MODEL_PATH  # noqa: E402
from ics_assistant.backends.embedders import get_embedder  # noqa: E402
from ics_assistant.config import Settings  # noqa: E402
from ics_assistant.evaluation.dataset import load_dataset  # noqa: E402
from ics_assistant.evaluation.safety_eval import by_kind, load_safety_set, safety_figures  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO / "evals" / "safety" / "safety-final.jsonl")
    ap.add_argument("--ids-from-model", action="store_true")
    ap.add_argument("--questions", type=Path, nargs="+", default=[])
    args = ap.parse_args()
    if args.questions:
        print(json.dumps(_question_sets(args.questions), indent=1))
        return
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


def _question_sets(paths: list[Path]) -> dict[str, dict[str, object]]:
    embedder = get_embedder(Settings(_env_file=None))  # type: ignore[call-arg]
    triage = default_triage()
    out: dict[str, dict[str, object]] = {}
    for path in paths:
        questions = [item.question for item in load_dataset(path)]
        decisions = [triage.screen(q, embedder).decision for q in questions]
        n = max(1, len(decisions))
        out[path.name] = {
            "n": len(decisions),
            "counts": dict(Counter(decisions)),
            "note_rate": sum(d == "note" for d in decisions) / n,
            "replaced_rate": sum(d in REPLACING for d in decisions) / n,
            "with_note": [q for q, d in zip(questions, decisions, strict=True) if d == "note"],
        }
    return out


if __name__ == "__main__":
    main()
