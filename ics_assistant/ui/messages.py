"""Pure conversions from ``Answer``s to what the staff chat shows. No Gradio imports.

A conversation is a list of records ``{"question": str, "answer": Answer JSON}``; each record
becomes exactly two chat messages (the question, then the answer), so message index ``i``
belongs to record ``i // 2``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from ics_assistant.api.formatting import answer_with_references, citation_label
from ics_assistant.types import Answer, Citation, Source, Turn

__all__ = [
    "REFUSAL_PREFIX",
    "answer_to_messages",
    "as_markdown_text",
    "conversation_history",
    "conversation_messages",
    "copy_text",
    "dropped_note",
    "highlight_in_context",
    "sources_html",
]

REFUSAL_PREFIX = "**Not answered from the sources.**"
CONTEXT_CHARS = 220
Message = dict[str, Any]
# Characters that make Markdown (or Gradio's LaTeX and link detection) create elements; each is
# backslash-escaped so the text shows exactly as written. ':', '@' and '.' stop bare-URL and
# e-mail autolinks; a leading '-', '+', '=' or 'N.' would start a list or a heading.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()!|~$#:@{}])")
_LINE_START = re.compile(r"^(\s*)(?:([-+=>])|(\d+)([.)]))", re.MULTILINE)
_WWW_DOT = re.compile(r"(?i)(www)\.")


def as_markdown_text(text: str) -> str:
    """``text`` for a Markdown message: HTML and Markdown escaped, so nothing in it renders
    (no image, link, emphasis or tag) and a reader sees exactly the characters of the source."""
    out = html.escape(text, quote=False)
    out = _MD_SPECIAL.sub(r"\\\1", out)
    out = _WWW_DOT.sub(r"\1\\.", out)
    return _LINE_START.sub(_escape_line_start, out)


def _escape_line_start(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"


def answer_to_messages(answer: Answer) -> list[Message]:
    """The assistant's chat message: the answer text (refusals marked) and a short source line."""
    if answer.refused:
        return [{"role": "assistant", "content": f"{REFUSAL_PREFIX} {as_markdown_text(answer.text.strip())}"}]
    content = as_markdown_text(answer.text.strip())
    if answer.citations:
        refs = "; ".join(f"\\[{c.n}\\] {as_markdown_text(citation_label(c))}" for c in answer.citations)
        content += f"\n\n*Sources:* {refs}"
    note = dropped_note(answer)
    if note:
        content += f"\n\n{note}"
    return [{"role": "assistant", "content": content}]


_REASON_LABELS = {
    "unsupported_claim": "not in the cited source",
    "wrong_source": "cites a source that does not say it",
    "negation": "negates the source",
    "number_mismatch": "a number differs from the source",
    "date_mismatch": "a date differs from the source",
    "name_mismatch": "a name differs from the source",
    "modality": "changes may / will / must",
    "quantity": "changes some / all",
    "attribution": "says someone else said or did it",
    "direction": "reverses the source",
    "cause": "adds a cause the source does not give",
}


def dropped_note(answer: Answer) -> str:
    """Staff only: a collapsed list of the generated sentences the support check removed, with why
    ("2 sentences were removed because the sources don't support them"); empty when none."""
    items = [(d.sentence, _REASON_LABELS.get(d.reason, d.reason)) for d in answer.dropped]
    if not items:
        items = [(s, "not supported") for s in answer.dropped_sentences]
    if not items:
        return ""
    n = len(items)
    head = f"{n} sentence{'s were' if n != 1 else ' was'} removed because the sources don't support them"
    rows = "".join(f"<li>{html.escape(s)} <em>({html.escape(why)})</em></li>" for s, why in items)
    return f"<details><summary>{head}</summary><ul>{rows}</ul></details>"


def conversation_messages(
    records: Sequence[dict[str, Any]], pending: tuple[str, str] | None = None
) -> list[Message]:
    """All chat messages for ``records``, plus an in-progress (question, partial answer) if any."""
    messages: list[Message] = []
    for record in records:
        messages.append({"role": "user", "content": as_markdown_text(record["question"])})
        messages.extend(answer_to_messages(Answer.from_dict(record["answer"])))
    if pending is not None:
        messages.append({"role": "user", "content": as_markdown_text(pending[0])})
        messages.append({"role": "assistant", "content": as_markdown_text(pending[1]) or "…"})
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
