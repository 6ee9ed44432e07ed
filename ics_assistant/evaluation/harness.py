"""Run a dataset through the assistant and score every answer.

``run_items`` is the engine: it takes the ``ask`` function, a ``doc_text`` look-up and an optional
support check, so tests drive it with a fake assistant. ``run_eval`` wires the real ones from
settings: ``Index.open`` + ``build_assistant``; the faithfulness check is the answering pipeline's
own ``check_sentence_support`` (see ``support.py``).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from tqdm import tqdm

from ics_assistant.config import GeneratorName, Settings
from ics_assistant.errors import ConfigError
from ics_assistant.evaluation.dataset import DatasetError, EvalItem, load_dataset
from ics_assistant.evaluation.metrics import AnswerSupportFn, DocText, JudgeFn
from ics_assistant.evaluation.scoring import ItemScore, score_item, summarize
from ics_assistant.types import Answer, Audience, Turn

__all__ = ["AskFn", "EvalRun", "ItemRun", "run_eval", "run_items"]

# ``ask(question, history)`` for public items; ``ask(question, history, audience)`` for the others.
AskFn = Callable[..., Answer]


@dataclass(frozen=True)
class ItemRun:
    item: EvalItem
    answer: Answer
    score: ItemScore


@dataclass(frozen=True)
class EvalRun:
    items: tuple[ItemRun, ...]
    summary: dict[str, Any]

    def failing(self) -> list[ItemRun]:
        return [r for r in self.items if not r.score.correct]


def run_items(
    items: Sequence[EvalItem],
    ask: AskFn,
    doc_text: DocText,
    *,
    support: AnswerSupportFn | None = None,
    judge: JudgeFn | None = None,
    progress: bool = True,
    meta: dict[str, Any] | None = None,
) -> EvalRun:
    """Ask every item's question (with its history), score the answers, summarise the run."""
    runs: list[ItemRun] = []
    for item in tqdm(items, desc="eval", unit="q", disable=not progress, dynamic_ncols=True):
        started = time.perf_counter()
        if item.audience == "public":
            answer = ask(item.question, item.history)
        else:
            answer = ask(item.question, item.history, item.audience)
        latency_ms = (time.perf_counter() - started) * 1000.0
        llm = judge(answer) if judge is not None and not answer.refused else None
        score = score_item(item, answer, latency_ms, doc_text, support, judged=llm)
        runs.append(ItemRun(item, answer, score))
    return EvalRun(tuple(runs), summarize([r.score for r in runs], meta=meta))


def run_eval(
    settings: Settings,
    dataset: Path,
    *,
    generator: str | None = None,
    k: int | None = None,
    only: Sequence[str] = (),
    progress: bool = True,
    corpus: Path | None = None,
) -> EvalRun:
    """Evaluate the configured assistant on a dataset file (needs a built index).

    With ``corpus``, the dataset is run against that corpus instead: it is ingested into a fresh
    temporary data dir (the configured index is left alone) and removed afterwards.

    ``only`` keeps the items whose id or category is listed (for quick iterations while tuning).
    """
    from ics_assistant.assistant import build_assistant
    from ics_assistant.backends.chat_models import load_chat_model
    from ics_assistant.evaluation.support import load_judge, load_support_check
    from ics_assistant.index import Index

    update: dict[str, Any] = {}
    if generator is not None:
        if generator not in get_args(GeneratorName):
            choices = ", ".join(get_args(GeneratorName))
            raise ConfigError(f"unknown generator {generator!r}: use one of {choices}")
        update["generator"] = generator
    if k is not None:
        update["top_k"] = k
    settings = settings.model_copy(update=update) if update else settings
    if corpus is not None:
        with tempfile.TemporaryDirectory(prefix="ics-eval-") as tmp:
            from ics_assistant.ingest.pipeline import run_ingest

            scratch = settings.model_copy(update={"corpus_dir": corpus, "data_dir": Path(tmp) / "data"})
            report = run_ingest(scratch, progress=False)
            if report.failed:
                raise ConfigError(f"the eval corpus {corpus} has unreadable files: {report.summary()}")
            return run_eval(scratch, dataset, only=only, progress=progress)
    items = load_dataset(dataset)
    if only:
        items = [i for i in items if i.id in only or i.category in only]
        if not items:
            raise DatasetError(str(dataset), 0, f"no item has an id or category in {list(only)}")
    index = Index.open(settings)
    try:
        chat_model = load_chat_model(settings)  # None for extractive; shared with the LLM judge
        assistant = build_assistant(settings, index=index, chat_model=chat_model)
        known = {m.doc_id for m in index.documents()}

        def doc_text(doc_id: str) -> str | None:
            return index.document_text(doc_id) if doc_id in known else None

        def ask(question: str, history: Sequence[Turn], audience: Audience = "public") -> Answer:
            answer: Answer = assistant.ask(question, history, audience)
            return answer

        meta = {"dataset": str(dataset), "generator": settings.generator, "k": settings.top_k}
        return run_items(
            items,
            ask,
            doc_text,
            support=load_support_check(settings),
            judge=load_judge(settings, chat_model),
            progress=progress,
            meta=meta,
        )
    finally:
        index.close()  # the chunk store's SQLite connection; the run holds everything it reports
