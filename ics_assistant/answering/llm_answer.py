"""Answers and follow-up rewriting by a language model, from the numbered retrieved passages.

``stream_llm_answer`` renders the grounded-answer prompt (``prompts/grounded_answer.*``) with the
hits numbered ``[1]..[n]`` in the order given, and yields the model's text deltas; ``[n]`` in the
text refers to ``hits[n - 1]``. Common variants of the marker (``[Source 2]``, ``[1, 3]``) are
rewritten to ``[2]`` / ``[1][3]`` as they stream, and a model that starts repeating itself is
stopped. Nothing here checks support: the caller's support check decides which sentences survive.

``llm_condense`` rewrites a follow-up into a standalone question, falling back to the question
unchanged when the model's reply is unusable (empty, an apology, an echo of a history line, or a
rewrite that loses the follow-up's own words, which must stay the main signal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from ics_assistant.prompts import PromptSource, render_chat
from ics_assistant.protocols import ChatMessage, ChatModel
from ics_assistant.textnorm import tokenize_words
from ics_assistant.types import Hit, Turn

__all__ = [
    "format_history",
    "format_sources",
    "grounded_messages",
    "llm_condense",
    "normalize_citation_markers",
    "stop_on_repetition",
    "stream_llm_answer",
]

_MARKER = re.compile(r"\s*\[\d+\]")
_VARIANT = re.compile(r"\[\s*(?:(?:sources?|refs?|references?)\s*)?(\d+(?:\s*(?:,|and|&)\s*\d+)*)\s*\]", re.I)
_MAX_PENDING = 40  # an unclosed "[" longer than this is plain text, not a marker


def format_sources(hits: Sequence[Hit]) -> str:
    """``[n] title (date): text`` per hit, numbered from 1 in the given order."""
    if not hits:
        return "(no sources)"
    blocks = []
    for n, hit in enumerate(hits, start=1):
        chunk = hit.chunk
        title = chunk.title or chunk.doc_id
        head = f"[{n}] {title} ({chunk.date})" if chunk.date else f"[{n}] {title}"
        text = " ".join(chunk.text.split()).replace("SOURCES>>>", "SOURCES> > >")  # cannot close the fence
        blocks.append(f"{head}: {text}")
    return "\n\n".join(blocks)


def format_history(history: Sequence[Turn], max_turns: int) -> str:
    """The last ``max_turns`` turns as ``User:`` / ``Assistant:`` lines, old citation markers removed.

    An earlier answer's ``[n]`` referred to that answer's sources, not this prompt's; left in, the
    model copies them onto the wrong passages.
    """
    turns = list(history)[-max_turns:] if max_turns > 0 else []
    if not turns:
        return "(none)"
    lines = []
    for turn in turns:
        who = "User" if turn.role == "user" else "Assistant"
        text = " ".join(_MARKER.sub("", turn.content).split())
        lines.append(f"{who}: {text}")
    return "\n".join(lines)


def grounded_messages(
    question: str,
    hits: Sequence[Hit],
    history: Sequence[Turn] = (),
    prompts: PromptSource = None,
    *,
    max_history_turns: int = 4,
) -> list[ChatMessage]:
    """The chat messages ``stream_llm_answer`` sends (exposed for tests and debugging)."""
    return render_chat(
        prompts,
        "grounded_answer",
        sources=format_sources(hits),
        history=format_history(history, max_history_turns),
        question=" ".join(question.split()),
    )


def stream_llm_answer(
    chat_model: ChatModel,
    question: str,
    hits: Sequence[Hit],
    history: Sequence[Turn] = (),
    prompts: PromptSource = None,
    *,
    max_tokens: int = 400,
    max_history_turns: int = 4,
) -> Iterator[str]:
    """Yield the model's answer as text deltas, with ``[n]`` markers referring to ``hits[n-1]``."""
    messages = grounded_messages(question, hits, history, prompts, max_history_turns=max_history_turns)
    deltas = chat_model.stream_chat(messages, max_tokens=max_tokens)
    yield from normalize_citation_markers(stop_on_repetition(deltas))


def stop_on_repetition(deltas: Iterable[str], *, min_chars: int = 24) -> Iterator[str]:
    """Pass deltas through until the model completes a sentence it has already written.

    Small models (SmolLM2) fall into loops that repeat a sentence or list item until
    ``max_tokens``; stopping at the first repeat saves that time (tens of seconds on CPU). The
    model's stream is closed, which ends the HTTP response or releases the llama.cpp lock.
    Sentences are compared without list numbering, citation markers, case or spacing.
    """
    iterator = iter(deltas)
    seen: set[str] = set()
    pending = ""
    try:
        for delta in iterator:
            yield delta
            pending += delta
            while (end := _SENTENCE_END.search(pending)) is not None:
                sentence, pending = pending[: end.end()], pending[end.end() :]
                key = _sentence_key(sentence)
                if len(key) < min_chars:
                    continue
                if key in seen:
                    return
                seen.add(key)
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            close()


_SENTENCE_END = re.compile(r"[.!?](?:\s*\[\d+\])*(?=\s)|\n")
_LIST_NUMBER = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s*")


def _sentence_key(sentence: str) -> str:
    text = _MARKER.sub("", _LIST_NUMBER.sub("", sentence))
    return " ".join(text.lower().split()).rstrip(".!? ")


def normalize_citation_markers(deltas: Iterable[str]) -> Iterator[str]:
    """Rewrite ``[Source 2]`` / ``[1, 3]`` / ``[1 and 3]`` to ``[2]`` / ``[1][3]`` in a stream.

    Text from an unclosed ``[`` is held back until its ``]`` arrives (or it grows past a marker's
    length), so a marker split across deltas is still rewritten. Everything else passes through.
    """
    pending = ""
    for delta in deltas:
        pending += delta
        out, pending = _split_pending(pending)
        if out:
            yield out
    if pending:
        yield _rewrite(pending)


def _split_pending(text: str) -> tuple[str, str]:
    """(text safe to emit now, rewritten; the tail from an unclosed ``[`` to hold back)."""
    open_at = text.rfind("[")
    if open_at != -1 and "]" not in text[open_at:] and len(text) - open_at <= _MAX_PENDING:
        return _rewrite(text[:open_at]), text[open_at:]
    return _rewrite(text), ""


def _rewrite(text: str) -> str:
    return _VARIANT.sub(lambda m: "".join(f"[{n}]" for n in re.findall(r"\d+", m.group(1))), text)


_PREFIX = re.compile(r"^(?:standalone question|rewritten question|question|follow-up question)\s*:\s*", re.I)
_ROLE_LABEL = re.compile(r"^(?:user|assistant|human|ai|system)\s*:", re.I)
_NOT_A_QUESTION = re.compile(r"^(?:i'm sorry|i am sorry|sorry|i cannot|i can't|as an ai)\b", re.I)


def llm_condense(
    chat_model: ChatModel,
    question: str,
    history: Sequence[Turn],
    prompts: PromptSource = None,
    *,
    max_tokens: int = 64,
    max_history_turns: int = 6,
) -> str:
    """The follow-up rewritten as a standalone question; ``question`` itself when there is no
    history or the model's reply is not usable (see the module docstring)."""
    if not history or not question.strip():
        return question
    messages = render_chat(
        prompts,
        "condense",
        history=format_history(history, max_history_turns),
        question=" ".join(question.split()),
    )
    reply = "".join(chat_model.stream_chat(messages, max_tokens=max_tokens))
    candidate = _clean_condensed(reply)
    if candidate is None or len(candidate) > max(300, 4 * len(question)) or not _keeps(question, candidate):
        return question
    return candidate


_STOP_WORDS = (
    "a an the of to and or in on for is are was were be been it its this that these those they them "
    "what when where who whom which why how do does did can could would should will there their "
    "about with from by as at so than then any some"
)
_STOP = frozenset(_STOP_WORDS.split())


def _keeps(question: str, candidate: str) -> bool:
    """The rewrite must keep the follow-up as its main signal: at least half of the follow-up's
    content words (all of them when there are one or two), or, for a follow-up with none
    ("And then?"), still be a question. Rejects echoes of a history line and meta replies."""
    words = {w for w in tokenize_words(question) if w not in _STOP}
    if not words:
        return candidate.rstrip().endswith("?")
    kept = words & set(tokenize_words(candidate))
    return len(kept) >= (len(words) if len(words) <= 2 else (len(words) + 1) // 2)


def _clean_condensed(reply: str) -> str | None:
    for line in reply.splitlines():
        text = _PREFIX.sub("", line.strip()).strip().strip("\"'“”‘’").strip()
        if not text:
            continue
        if _NOT_A_QUESTION.match(text) or _ROLE_LABEL.match(text) or not re.search(r"[A-Za-z]{2}", text):
            return None
        return text
    return None
