"""Pure conversions from ``Answer``s to what the staff chat shows. No Gradio imports.

A conversation is a list of records ``{"question": str, "answer": Answer JSON}``; each record
becomes exactly two chat messages (the question, then the answer), so message index ``i``
belongs to record ``i // 2``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from ics_assistant.api.formatting import answer_with_references, citation_label
from ics_assistant.types import Answer, Citation, Source, Turn

__all__ = [
    "REFUSAL_PREFIX",
    "answer_to_messages",
    "conversation_history",
    "conversation_messages",
    "copy_text",
    "highlight_in_context",
    "sources_html",
]

REFUSAL_PREFIX = "**Not answered from the sources.**"
CONTEXT_CHARS = 220
Message = dict[str, Any]


def answer_to_messages(answer: Answer) -> list[Message]:
    """The assistant's chat message: the answer text (refusals marked) and a short source line."""
    if answer.refused:
        return [{"role": "assistant", "content": f"{REFUSAL_PREFIX} {answer.text.strip()}"}]
    content = answer.text.strip()
    if answer.citations:
        refs = "; ".join(f"[{c.n}] {citation_label(c)}" for c in answer.citations)
        content += f"\n\n*Sources:* {refs}"
    return [{"role": "assistant", "content": content}]


def conversation_messages(
    records: Sequence[dict[str, Any]], pending: tuple[str, str] | None = None
) -> list[Message]:
    """All chat messages for ``records``, plus an in-progress (question, partial answer) if any."""
    messages: list[Message] = []
    for record in records:
        messages.append({"role": "user", "content": record["question"]})
        messages.extend(answer_to_messages(Answer.from_dict(record["answer"])))
    if pending is not None:
        messages.append({"role": "user", "content": pending[0]})
        messages.append({"role": "assistant", "content": pending[1] or "…"})
    return messages


def conversation_history(records: Sequence[dict[str, Any]], max_turns: int) -> tuple[Turn, ...]:
    """The turns to send with a follow-up question: the most recent ``max_turns`` of them."""
    turns: list[Turn] = []
    for record in records:
        turns.append(Turn(role="user", content=record["question"]))
        turns.append(Turn(role="assistant", content=str(record["answer"].get("text", ""))))
    return tuple(turns[-max_turns:]) if max_turns > 0 else ()


def copy_text(answer: Answer) -> str:
    """The answer with its numbered references written out, for the copy button."""
    return answer_with_references(answer)


def _source_for(citation: Citation, sources: Sequence[Source]) -> Source | None:
    return next((s for s in sources if s.chunk_id == citation.chunk_id), None)


def highlight_in_context(
    context: str, quote: str, hint: int | None = None, width: int = CONTEXT_CHARS
) -> str:
    """HTML: ``context`` around ``quote`` with the quote in ``<mark>``; everything escaped.

    ``hint`` is where the quote is expected in ``context`` (from the citation offsets); if the
    quote is not there it is searched for, and if absent it is shown on its own.
    """
    pos = hint if hint is not None and hint >= 0 and context[hint : hint + len(quote)] == quote else -1
    if pos < 0:
        pos = context.find(quote) if quote else -1
    if pos < 0:
        return f"<mark>{html.escape(quote)}</mark>"
    before, after = context[max(0, pos - width) : pos], context[pos + len(quote) : pos + len(quote) + width]
    lead = "…" if pos - width > 0 else ""
    tail = "…" if pos + len(quote) + width < len(context) else ""
    if lead and " " in before:  # cut at word boundaries
        before = before[before.index(" ") + 1 :]
    if tail and " " in after:
        after = after[: after.rindex(" ")]
    return f"{lead}{html.escape(before)}<mark>{html.escape(quote)}</mark>{html.escape(after)}{tail}"


def sources_html(answer: Answer | None) -> str:
    """The sources panel: per citation, its number, title, date and the highlighted quote."""
    if answer is None:
        return '<p class="ics-sources-empty">Sources for the latest answer appear here.</p>'
    if not answer.citations:
        note = "No sources: the documents do not answer this." if answer.refused else "No citations."
        return f'<p class="ics-sources-empty">{html.escape(note)}</p>'
    parts = []
    for c in answer.citations:
        source = _source_for(c, answer.sources)
        if source is not None:
            body = highlight_in_context(source.text, c.quote, c.start - source.start)
        else:
            body = f"<mark>{html.escape(c.quote)}</mark>"
        parts.append(
            f'<div class="ics-source" id="ics-source-{c.n}">'
            f'<div class="ics-source-head"><span class="ics-source-n">[{c.n}]</span> '
            f"<strong>{html.escape(c.title or c.doc_id)}</strong> "
            f'<span class="ics-source-date">{html.escape(c.date or "undated")}</span>'
            + (
                f' <span class="ics-source-stale">{html.escape(c.currency_note)}</span>'
                if c.stale and c.currency_note
                else ""
            )
            + "</div>"
            f'<blockquote class="ics-source-text">{body}</blockquote></div>'
        )
    return "\n".join(parts)
