"""Replay the support-check benchmark without the HTTP round trip: retrieve once, check many times.

``benchmarks/support.py`` asks every (row, mode) case through the whole pipeline, which takes
minutes per corpus. The check itself only sees the retrieved passages and the stand-in model's
reply, and retrieval depends only on the question (the row's source sentence), so:

- ``capture`` retrieves once per row (``Assistant.prepare``, the real embedding model), plants
  every mode's reply exactly as the stand-in model does (``tests/planted.plant`` over the same
  numbered sources) and writes both as JSON;
- ``replay`` runs the claim check (``check_sentence_support(..., claims=True)``) on every captured
  reply and prints the keep / drop rates per corpus and mode (``--failures``: each wrong outcome
  with the check's reason), as the benchmark counts them.

Replayed figures match the benchmark's whenever the pipeline is deterministic; the benchmark
stays the figure of record. Also used by ``scripts/fit_support.py``.

    .venv/bin/python benchmarks/support_replay.py capture --out data/support-capture.json
    .venv/bin/python benchmarks/support_replay.py replay data/support-capture.json [--limit 20]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from ics_assistant.answering.support import CitedPassage, check_sentence_support  # noqa: E402
from ics_assistant.assistant import build_assistant  # noqa: E402
from ics_assistant.backends.embedders import get_embedder  # noqa: E402
from ics_assistant.config import Settings  # noqa: E402
from ics_assistant.index import Index  # noqa: E402
from ics_assistant.ingest.pipeline import run_ingest  # noqa: E402
from ics_assistant.protocols import Embedder  # noqa: E402
from tests.planted import KEEP_MODES, MODES, TABLES, corpus_person_names, load_tables, plant  # noqa: E402
from tests.support_harness import corpora  # noqa: E402

TRIPLES = REPO / "evals" / "support" / "triples.jsonl"


def capture(
    data_dir: Path, names: Sequence[str] | None, embedder: Embedder, tables: Sequence[Path] | None = None
) -> dict[str, Any]:
    """Per corpus and row: the numbered passages the model is sent, and each mode's reply
    (``tables``: the support tables to read, default every table in ``tests/planted.TABLES``)."""
    out: dict[str, Any] = {}
    found = corpora()
    for name in names or sorted(found):
        triples = load_tables(name, tables or TABLES)
        if not triples:
            continue
        settings = Settings(data_dir=data_dir / name, corpus_dir=found[name], _env_file=None)  # type: ignore[call-arg]
        run_ingest(settings, embedder, progress=False)
        index = Index.open(settings)
        people = corpus_person_names([c.text for c in index.all_chunks()])
        assistant = build_assistant(settings, embedder=embedder, index=index)
        rows = []
        for t in triples:
            prep = assistant.prepare(" ".join(t.source_sentence.split()), [], "staff")
            sources = {n: " ".join(h.chunk.text.split()) for n, h in enumerate(prep.hits, start=1)}
            cases = []
            for mode in MODES:
                p = plant(mode, t, sources, people) if prep.decision.answerable else None
                cases.append({"mode": mode, "reply": p.reply if p else None, "cited": p.cited if p else None})
            rows.append(
                {
                    "id": t.id,
                    "kind": t.unfaithful_kind,
                    "answerable": prep.decision.answerable,
                    "passages": [h.chunk.text for h in prep.hits],
                    "cases": cases,
                }
            )
        out[name] = rows
    return out


def outcome(reply: str, cited: int, passages: Sequence[str], embedder: Embedder | None) -> tuple[str, str]:
    """(kept / recited / dropped, the check's detail) of one captured reply."""
    by_n = {n: CitedPassage(n=n, text=text) for n, text in enumerate(passages, start=1)}
    results = check_sentence_support(reply, by_n, claims=True, embedder=embedder)
    if all(r.supported for r in results):
        recited = any(r.recited_from for r in results)
        return ("recited" if recited else "kept"), "; ".join(r.reason for r in results)
    bad = next(r for r in results if not r.supported)
    return "dropped", f"{bad.kind}: {bad.reason}"


def replay(
    captured: dict[str, Any],
    embedder: Embedder | None,
    limit: int = 0,
    skip: int = 0,
    only: set[tuple[str, str, str]] | None = None,
) -> list[dict[str, Any]]:
    """Every captured case with its outcome (``unreached``/``na`` as the benchmark counts them);
    ``only``: just these (corpus, row id, mode) cases."""
    out = []
    for corpus, rows in captured.items():
        for row in rows[skip : (skip + limit) if limit else None]:
            for case in row["cases"]:
                if only is not None and (corpus, row["id"], case["mode"]) not in only:
                    continue
                rec = {"corpus": corpus, "id": row["id"], "mode": case["mode"], "kind": row["kind"]}
                if not row["answerable"] or case["reply"] is None:
                    rec |= {"outcome": "unreached" if not row["answerable"] else "na", "detail": ""}
                else:
                    t = time.perf_counter()
                    got, detail = outcome(case["reply"], case["cited"], row["passages"], embedder)
                    rec |= {"outcome": got, "detail": detail, "reply": case["reply"]}
                    rec["ms"] = round((time.perf_counter() - t) * 1000, 3)
                out.append(rec)
    return out


def right(rec: dict[str, Any]) -> bool:
    if rec["mode"] in KEEP_MODES:
        return bool(rec["outcome"] == "kept")
    return rec["outcome"] in (("dropped", "recited") if rec["mode"] == "wrong_source" else ("dropped",))


def rates(recs: Sequence[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """``{corpus: {mode or 'unfaithful: kind': 'rate (ok/n)'}}``."""
    table: dict[str, dict[str, str]] = {}
    for corpus in sorted({r["corpus"] for r in recs}):
        mine = [r for r in recs if r["corpus"] == corpus and r["outcome"] not in ("unreached", "na")]
        groups = {m: [r for r in mine if r["mode"] == m] for m in MODES}
        for kind in sorted({r["kind"] for r in mine}):
            groups[f"unfaithful: {kind}"] = [
                r for r in mine if r["mode"] == "unfaithful_paraphrase" and r["kind"] == kind
            ]
        row = {}
        for key, rs in groups.items():
            ok = sum(right(r) for r in rs)
            row[key] = f"{ok / len(rs):.2f} ({ok}/{len(rs)})" if rs else "-"
        times = [r["ms"] for r in mine if "ms" in r]
        row["ms p50 / mean"] = (
            f"{statistics.median(times):.1f} / {statistics.fmean(times):.1f}" if times else "-"
        )
        table[corpus] = row
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cap = sub.add_parser("capture")
    cap.add_argument("--out", type=Path, required=True)
    cap.add_argument("--corpus", action="append")
    cap.add_argument("--data-dir", type=Path, default=REPO / "data" / "bench-support")
    cap.add_argument("--triples", type=Path, action="append", help="default: tests/planted.TABLES")
    rep = sub.add_parser("replay")
    rep.add_argument("captured", type=Path)
    rep.add_argument("--limit", type=int, default=0, help="first N rows per corpus (0: all)")
    rep.add_argument("--skip", type=int, default=0, help="skip the first N rows per corpus")
    rep.add_argument("--failures", action="store_true", help="print every wrong outcome")
    rep.add_argument("--mode", action="append", help="print failures of these modes only")
    rep.add_argument("--out", type=Path, help="write every case as JSONL here")
    args = parser.parse_args()
    embedder = get_embedder(Settings(_env_file=None))  # type: ignore[call-arg]
    if args.command == "capture":
        args.out.write_text(
            json.dumps(capture(args.data_dir, args.corpus, embedder, args.triples)), encoding="utf-8"
        )
        return
    recs = replay(json.loads(args.captured.read_text(encoding="utf-8")), embedder, args.limit, args.skip)
    if args.out:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    if args.failures:
        for r in recs:
            if (
                r["outcome"] not in ("unreached", "na")
                and not right(r)
                and (not args.mode or r["mode"] in args.mode)
            ):
                print(f"{r['corpus']} {r['id']} {r['mode']} {r['kind']}: {r['outcome']} | {r['detail']}")
                print(f"    {r['reply']}")
    print(json.dumps(rates(recs), indent=1))


if __name__ == "__main__":
    main()
