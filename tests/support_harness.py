"""Runs the planted-error stand-in model (``tests/planted.py``) through the real pipeline.

For each corpus: ingest it into a data dir, serve the stand-in model on loopback
(``OpenAIStub``), build ``Assistant`` with the ``openai`` generator pointed at it, and ask, for
every row of the triples table and every mode, the row's source sentence as the question. The
outcome of each case is read from the returned ``Answer`` only:

- ``kept``: the planted sentence is in the answer, citing the passage the model cited;
- ``recited``: it is in the answer, citing another retrieved passage (the check moved it);
- ``dropped``: it was removed (or nothing survived and the extractive answer was given);
- ``unreached``: the question was refused or the row's passage was not retrieved;
- ``na``: the mode does not apply to the row (no number, year or person to change).

Used by ``benchmarks/support.py`` (all rows, real embedding model) and the gate test
``tests/test_support_benchmark.py`` (a fixed sample, the fake embedder).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ics_assistant.answering.support import strip_markers
from ics_assistant.assistant import build_assistant
from ics_assistant.config import Settings
from ics_assistant.index import Index
from ics_assistant.ingest.pipeline import run_ingest
from ics_assistant.protocols import Embedder
from ics_assistant.textnorm import normalize_for_match
from ics_assistant.types import Answer

from .openai_stub import OpenAIStub
from .planted import KEEP_MODES, MODES, Record, Triple, corpus_person_names, responder

__all__ = ["Case", "corpora", "run_corpus", "summarise"]

REPO = Path(__file__).resolve().parent.parent


def corpora() -> dict[str, Path]:
    """Every corpus in the repo: the seeds in ``corpus/`` and each ``evals/corpora/NAME/corpus``."""
    found = {"seeds": REPO / "corpus"}
    for manifest in sorted((REPO / "evals" / "corpora").glob("*/corpus/manifest.yaml")):
        found[manifest.parent.parent.name] = manifest.parent
    return found


@dataclass(frozen=True)
class Case:
    corpus: str
    triple_id: str
    mode: str
    outcome: str
    sentence: str = ""
    reason: str = ""
    verify_ms: float = 0.0
    kind: str = ""  # the unfaithful paraphrase's kind (scope, modality, ...)


def _norm(text: str) -> str:
    return normalize_for_match(strip_markers(text)).strip(" .")


def _reason(answer: Answer, sentence: str) -> str:
    for d in getattr(answer, "dropped", ()):
        if _norm(sentence) in _norm(d.sentence):
            return str(d.reason)
    return "fallback" if answer.generator == "extractive" else ""


def _outcome(answer: Answer, planted: Any) -> str:
    if answer.refused:
        return "unreached"
    want = _norm(planted.sentence)
    if answer.generator == "extractive" or want not in _norm(answer.text):
        return "dropped"
    sources = {i: s.chunk_id for i, s in enumerate(answer.sources, start=1)}
    cited = {c.chunk_id for c in answer.citations}
    return "kept" if sources.get(planted.cited) in cited else "recited"


def _settings(data_dir: Path, corpus_dir: Path, stub: OpenAIStub) -> Settings:
    return Settings(  # type: ignore[call-arg]
        data_dir=data_dir,
        corpus_dir=corpus_dir,
        generator="openai",
        openai_base_url=stub.base_url,
        openai_model="stub-model",
        openai_max_retries=0,
        _env_file=None,
    )


def run_corpus(
    name: str,
    corpus_dir: Path,
    data_dir: Path,
    triples: Sequence[Triple],
    embedder: Embedder,
    modes: Iterable[str] = MODES,
) -> list[Case]:
    """Every (row, mode) case of one corpus through ``Assistant.ask`` with the stand-in model."""
    modes = tuple(modes)
    with OpenAIStub(models=("stub-model",)) as stub:
        settings = _settings(data_dir, corpus_dir, stub)
        run_ingest(settings, embedder, progress=False)
        index = Index.open(settings)
        names = corpus_person_names([c.text for c in index.all_chunks()])
        assistant = build_assistant(settings, embedder=embedder, index=index)
        cases: list[Case] = []
        for triple in triples:
            for mode in modes:
                record = Record()
                stub.enqueue_fn(responder(mode, triple, names, record))
                answer = assistant.ask(" ".join(triple.source_sentence.split()), audience="staff")
                if not record.planted:  # refused before the model was asked
                    stub.clear_queue()
                    cases.append(Case(name, triple.id, mode, "unreached"))
                    continue
                planted = record.planted[0]
                if planted is None:
                    cases.append(Case(name, triple.id, mode, "na" if record.reached[0] else "unreached"))
                    continue
                outcome = _outcome(answer, planted)
                cases.append(
                    Case(
                        name,
                        triple.id,
                        mode,
                        outcome,
                        planted.sentence,
                        _reason(answer, planted.sentence) if outcome == "dropped" else "",
                        float(answer.timings_ms.get("verify", 0.0)),
                        triple.unfaithful_kind if mode == "unfaithful_paraphrase" else "",
                    )
                )
        return cases


def _rate(cases: Sequence[Case], good: Iterable[str]) -> dict[str, Any]:
    counted = [c for c in cases if c.outcome not in ("unreached", "na")]
    ok = sum(c.outcome in set(good) for c in counted)
    return {"rate": round(ok / len(counted), 3) if counted else None, "handled": ok, "n": len(counted)}


def summarise(cases: Sequence[Case]) -> dict[str, Any]:
    """Per corpus: keep-rate of the faithful modes, drop-rate of each error mode (``wrong_source``
    counts a re-citation to a passage that says it as handled), unfaithful paraphrases by kind,
    drop reasons, and the check's cost per sentence (``verify`` ms; one sentence per reply)."""
    out: dict[str, Any] = {}
    by_corpus: dict[str, list[Case]] = defaultdict(list)
    for c in cases:
        by_corpus[c.corpus].append(c)
    for corpus, cs in by_corpus.items():
        per_mode: dict[str, Any] = {}
        for mode in MODES:
            mc = [c for c in cs if c.mode == mode]
            if mode in KEEP_MODES:
                good: tuple[str, ...] = ("kept",)
            elif mode == "wrong_source":
                good = ("dropped", "recited")
            else:
                good = ("dropped",)
            per_mode[mode] = {
                **_rate(mc, good),
                "unreached": sum(c.outcome == "unreached" for c in mc),
                "na": sum(c.outcome == "na" for c in mc),
                "outcomes": dict(Counter(c.outcome for c in mc)),
            }
        kinds: dict[str, Any] = {}
        for kind in sorted({c.kind for c in cs if c.kind}):
            kinds[kind] = _rate([c for c in cs if c.kind == kind], ("dropped",))
        times = [c.verify_ms for c in cs if c.outcome not in ("unreached", "na")]
        out[corpus] = {
            "modes": per_mode,
            "unfaithful_by_kind": kinds,
            "drop_reasons": dict(Counter(c.reason for c in cs if c.outcome == "dropped" and c.reason)),
            "verify_ms_per_sentence": {
                "p50": round(statistics.median(times), 2) if times else None,
                "p95": round(sorted(times)[int(0.95 * (len(times) - 1))], 2) if times else None,
                "mean": round(statistics.fmean(times), 2) if times else None,
                "n": len(times),
            },
        }
    return out
