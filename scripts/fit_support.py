"""Fit the support check's two meaning thresholds (``answering/support_thresholds.json``).

A paraphrased clause may align with the cited passage by meaning (``answering/meaning.py``): a
content word whose embedding is within ``word`` (cosine) of a word of the passage window, or a
whole clause within ``clause`` of a sentence or clause of the passage. Too low and invented
clauses pass; too high and faithful paraphrases are dropped. This script picks both on the
support table (``evals/support/triples.jsonl``) by grid search, replaying the benchmark's cases
(``benchmarks/support_replay.py``: retrieval captured once, the check run per grid point):

- objective: the keep-rate of the sentences the check should keep (verbatim, faithful
  paraphrase), among the points whose drop-rate of planted errors (every kind pooled) is no lower
  than with alignment by meaning off: a missed error costs more than a withheld true sentence;
  ties go to the better balanced accuracy, then to the stricter (higher) thresholds;
- cross-corpus figures: fitted on the seed rows and tested on the Northshire rows, and the reverse
  (corpora with rows only in the table written after reading the check are tested, never fitted on);
- the file gets the thresholds fitted on every row, the table's SHA-256 and those figures
  (``tests/test_support_thresholds.py`` fails when the table changes and the file does not).

    .venv/bin/python scripts/fit_support.py [--capture data/support-capture.json] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from itertools import product
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from support_replay import TRIPLES, capture, replay, right  # noqa: E402

from ics_assistant.answering.meaning import THRESHOLDS_FILE, Thresholds, use_thresholds  # noqa: E402
from ics_assistant.backends.embedders import get_embedder  # noqa: E402
from ics_assistant.config import Settings  # noqa: E402
from ics_assistant.protocols import Embedder  # noqa: E402
from tests.planted import KEEP_MODES, load_triples  # noqa: E402

OFF = 1.01  # a cosine never reaches it: that kind of alignment is off
GRID = (0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, OFF)


def table_hash(path: Path = TRIPLES) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def score(recs: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Keep-rate, drop-rate and their mean (balanced accuracy) over reached cases."""
    done = [r for r in recs if r["outcome"] not in ("unreached", "na")]
    keep = [right(r) for r in done if r["mode"] in KEEP_MODES]
    drop = [right(r) for r in done if r["mode"] not in KEEP_MODES]
    k = sum(keep) / len(keep) if keep else 0.0
    d = sum(drop) / len(drop) if drop else 0.0
    faithful = [right(r) for r in done if r["mode"] == "faithful_paraphrase"]
    unfaithful = [right(r) for r in done if r["mode"] == "unfaithful_paraphrase"]
    return {
        "balanced_accuracy": round((k + d) / 2, 4),
        "keep": round(k, 4),
        "drop": round(d, 4),
        "faithful_kept": round(sum(faithful) / len(faithful), 4) if faithful else 0.0,
        "unfaithful_dropped": round(sum(unfaithful) / len(unfaithful), 4) if unfaithful else 0.0,
        "n": len(done),
    }


Key = tuple[str, str, str]


def _key(r: dict[str, Any]) -> Key:
    return (r["corpus"], r["id"], r["mode"])


def evaluate(
    captured: dict[str, Any],
    embedder: Embedder,
    t: Thresholds,
    fixed: dict[Key, dict[str, Any]],
    varying: set[Key],
) -> dict[str, dict[str, float]]:
    """Scores per corpus at ``t``: the ``varying`` cases replayed, the rest as in ``fixed``."""
    with use_thresholds(t):
        recs = {_key(r): r for r in replay(captured, embedder, only=varying)}
    merged = [recs.get(k, r) for k, r in fixed.items()]
    return {corpus: score([r for r in merged if r["corpus"] == corpus]) for corpus in captured}


def best(grid: dict[Thresholds, dict[str, dict[str, float]]], corpora: Sequence[str]) -> Thresholds:
    """The grid point that keeps the most sentences it should keep on ``corpora`` among those that
    drop every planted error the check drops without alignment by meaning (a threshold that lets
    one more error through is not taken, whatever it keeps); ties go to the stricter point."""

    def pooled(t: Thresholds, key: str) -> float:
        total = sum(grid[t][c][key] * grid[t][c]["n"] for c in corpora)
        return round(total / sum(grid[t][c]["n"] for c in corpora), 4)

    floor = pooled(Thresholds(OFF, OFF), "drop")
    allowed = [t for t in grid if pooled(t, "drop") >= floor]
    return max(allowed, key=lambda t: (pooled(t, "keep"), pooled(t, "balanced_accuracy"), t.word, t.clause))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--capture", type=Path, help="a capture from support_replay.py (else made now)")
    parser.add_argument("--data-dir", type=Path, default=REPO / "data" / "bench-replay")
    parser.add_argument("--out", type=Path, default=THRESHOLDS_FILE)
    args = parser.parse_args()
    embedder = get_embedder(Settings(_env_file=None))  # type: ignore[call-arg]
    if args.capture and args.capture.exists():
        captured = json.loads(args.capture.read_text(encoding="utf-8"))
    else:
        captured = capture(args.data_dir, None, embedder)
        if args.capture:
            args.capture.write_text(json.dumps(captured), encoding="utf-8")
    # the loosest and the strictest grid points bound what the thresholds can change: a case with
    # the same outcome at both is not replayed at the points between (the grid stays minutes long)
    with use_thresholds(Thresholds(OFF, OFF)):
        strict = {_key(r): r for r in replay(captured, embedder)}
    with use_thresholds(Thresholds(GRID[0], GRID[0])):
        loose = {_key(r): r for r in replay(captured, embedder)}
    varying = {k for k in strict if strict[k]["outcome"] != loose[k]["outcome"]}
    print(f"{len(varying)} of {len(strict)} cases change between the grid's ends", flush=True)
    grid: dict[Thresholds, dict[str, dict[str, float]]] = {}
    for word, clause in product(GRID, GRID):
        t = Thresholds(word, clause)
        grid[t] = evaluate(captured, embedder, t, strict, varying)
        print(json.dumps({"word": word, "clause": clause, **grid[t]}), flush=True)
    # fitted on the blind table's corpora only; rows written after reading the check are test-only
    names = sorted(n for n in captured if load_triples(TRIPLES, n))
    cross = {}
    for train in names:
        test = [n for n in sorted(captured) if n != train]
        t = best(grid, [train])
        cross[f"fit on {train}"] = {
            "thresholds": {"word": t.word, "clause": t.clause},
            "train": grid[t][train],
            "test": {n: grid[t][n] for n in test},
            "off (no alignment by meaning)": {n: grid[Thresholds(OFF, OFF)][n] for n in test},
        }
    final = best(grid, names)
    result = {
        "word": final.word,
        "clause": final.clause,
        "why": "fitted by scripts/fit_support.py: grid search for the best balanced accuracy "
        "(keep faithful / drop planted errors) on evals/support/triples.jsonl",
        "data": str(TRIPLES.relative_to(REPO)),
        "data_sha256": table_hash(),
        "fitted_on_every_row": {n: grid[final][n] for n in names},
        "not_fitted_on": {n: grid[final][n] for n in sorted(captured) if n not in names},
        "cross_corpus": cross,
    }
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
