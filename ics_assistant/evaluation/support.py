"""Adapters from the answering pipeline's checks to the eval's faithfulness metrics.

- ``answering_support_check``: the very support check the pipeline runs after generation
  (``ics_assistant.answering.support.check_answer_support``: hard checks on numbers, dates and
  names, then verbatim / semantic support against the cited chunk), one result per sentence.
- ``llm_judge``: the RAGAS-style LLM judge (``ics_assistant.answering.llm_judge``): claims are
  extracted from the answer and each is verified against the cited texts.

Both are imported lazily so the evaluation package loads without the answering stack.
"""

from __future__ import annotations

from ics_assistant.config import Settings
from ics_assistant.evaluation.metrics import AnswerSupportFn, JudgeFn, JudgeVerdict, SentenceSupport
from ics_assistant.protocols import ChatModel, Embedder
from ics_assistant.types import Answer

__all__ = [
    "answering_support_check",
    "cited_texts",
    "llm_judge",
    "load_judge",
    "load_support_check",
]


def cited_texts(answer: Answer) -> list[str]:
    """The text of each cited chunk (from ``answer.sources``; the quote when it is not there)."""
    chunk_text = {s.chunk_id: s.text for s in answer.sources}
    return list(dict.fromkeys(chunk_text.get(c.chunk_id, c.quote) for c in answer.citations))


def answering_support_check(embedder: Embedder | None, threshold: float) -> AnswerSupportFn:
    from ics_assistant.answering.support import check_answer_support

    def check(answer: Answer) -> list[SentenceSupport]:
        results = check_answer_support(answer, embedder=embedder, threshold=threshold)
        return [SentenceSupport(r.claim, r.citations, r.supported, r.reason) for r in results]

    return check


def load_support_check(settings: Settings, embedder: Embedder | None = None) -> AnswerSupportFn:
    """The pipeline's support check with the configured embedder and threshold."""
    if embedder is None:
        from ics_assistant.backends.embedders import get_embedder

        embedder = get_embedder(settings)
    return answering_support_check(embedder, settings.support_threshold)


def llm_judge(chat_model: ChatModel) -> JudgeFn:
    from ics_assistant.answering.llm_judge import judge_faithfulness

    def judge(answer: Answer) -> JudgeVerdict:
        result = judge_faithfulness(chat_model, answer.text, cited_texts(answer))
        unparsed = sum(not v.parsed for v in result.verdicts)
        return JudgeVerdict(result.score, result.total, unparsed)

    return judge


def load_judge(settings: Settings, chat_model: ChatModel | None = None) -> JudgeFn | None:
    """The LLM judge when a language model is configured: ``chat_model`` (the generator's own),
    or an OpenAI-compatible server (``ICS_OPENAI_BASE_URL``) next to the extractive generator."""
    from ics_assistant.backends.chat_models import load_chat_model

    if chat_model is not None:
        return llm_judge(chat_model)
    if settings.generator == "extractive":
        if not settings.openai_base_url:
            return None
        settings = settings.model_copy(update={"generator": "openai"})
    chat_model = load_chat_model(settings)
    return None if chat_model is None else llm_judge(chat_model)
