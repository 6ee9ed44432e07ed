"""Support-check benchmark: how often the check keeps faithful sentences and drops planted errors.

A stand-in OpenAI-compatible model on loopback (``tests/planted.py`` behind ``tests/openai_stub.py``)
answers from the numbered sources in its prompt, one sentence per reply: verbatim, a faithful
paraphrase, or one planted error (number, year, person's name, wrong source, invented clause,
negation, unfaithful paraphrase), built from the tables in ``evals/support/``. Each case goes through
the real pipeline (``Assistant`` with the ``openai`` generator, the real embedding model, an index
ingested from the corpus) on every corpus in the repo. Prints JSON (keep/drop rates per mode and
corpus, unfaithful paraphrases by kind, drop reasons, the check's cost per sentence).

    .venv/bin/python benchmarks/support.py [--corpus seeds] [--limit N] [--out F.json] [--cases F.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from _common import emit, machine_label  # noqa: E402

from ics_assistant.backends.embedders import get_embedder  # noqa: E402
from ics_assistant.config import Settings  # noqa: E402
from tests.planted import KEEP_MODES, MODES, TABLES, load_tables  # noqa: E402
from tests.support_harness import corpora, run_corpus, summarise  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=Path, action="append", help="default: every table in evals/support")
    parser.add_argument("--corpus", action="append", help="seeds, northshire (default: every corpus)")
    parser.add_argument("--mode", action="append", choices=MODES, help="default: every mode")
    parser.add_argument("--limit", type=int, default=0, help="first N rows per corpus (0: all)")
    parser.add_argument("--data-dir", type=Path, default=REPO / "data" / "bench-support")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--cases", type=Path, help="write every case as JSONL here")
    parser.add_argument("--markdown", action="store_true", help="also print the figures as a Markdown table")
    args = parser.parse_args()

    embedder = get_embedder(Settings(_env_file=None))  # type: ignore[call-arg]
    found = corpora()
    cases = []
    skipped = []
    started = time.perf_counter()
    for name in args.corpus or sorted(found):
        triples = load_tables(name, args.triples or TABLES)
        if not triples:
            skipped.append(name)
            continue
        if args.limit:
            triples = triples[: args.limit]
        cases += run_corpus(name, found[name], args.data_dir / name, triples, embedder, args.mode or MODES)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False
    ).stdout.strip()
    result = {
        "benchmark": "support",
        "machine": machine_label(),
        "commit": commit,
        "embedder": embedder.name,
        "triples": [
            str(p.relative_to(REPO) if p.is_relative_to(REPO) else p) for p in args.triples or TABLES
        ],
        "corpora": {name: str(path.relative_to(REPO)) for name, path in found.items()},
        "no_rows_in_the_table": skipped,
        "seconds": round(time.perf_counter() - started, 1),
        "results": summarise(cases),
    }
    if args.cases:
        args.cases.write_text("".join(json.dumps(asdict(c)) + "\n" for c in cases), encoding="utf-8")
    emit(result, args.out)
    if args.markdown:
        print(markdown(result["results"]))


def _cell(m: dict[str, Any]) -> str:
    return f"{m['rate']:.2f} ({m['handled']}/{m['n']})" if m["rate"] is not None else "-"


def markdown(results: dict[str, Any]) -> str:
    """Rates per mode (rows) and corpus (columns), then unfaithful paraphrases by kind and cost."""
    names = sorted(results)
    lines = ["| case | right outcome | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for mode in MODES:
        want = (
            "kept" if mode in KEEP_MODES else ("dropped or re-cited" if mode == "wrong_source" else "dropped")
        )
        lines.append(
            f"| {mode} | {want} | " + " | ".join(_cell(results[n]["modes"][mode]) for n in names) + " |"
        )
    kinds = sorted({k for n in names for k in results[n]["unfaithful_by_kind"]})
    for kind in kinds:
        cells = [
            _cell(results[n]["unfaithful_by_kind"][kind]) if kind in results[n]["unfaithful_by_kind"] else "-"
            for n in names
        ]
        lines.append(f"| unfaithful: {kind} | dropped | " + " | ".join(cells) + " |")
    cost = [results[n]["verify_ms_per_sentence"] for n in names]
    lines.append(
        "| check ms / sentence (p50 / p95) | | " + " | ".join(f"{c['p50']} / {c['p95']}" for c in cost) + " |"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
