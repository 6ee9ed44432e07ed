"""The extractive answer as text: each source framed once ("According to <title>[, dated <date>]:"),
each quote verbatim with its ``[n]`` marker, a list's items as lines (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as _date
from typing import TYPE_CHECKING

from ics_assistant.answering.analysis import numbers_in
from ics_assistant.answering.layout import BULLET
from ics_assistant.answering.lists import item_noun
from ics_assistant.types import Chunk, Citation, cite

if TYPE_CHECKING:
    from ics_assistant.answering.extractive import Quote

__all__ = ["format_date", "render_quotes"]


def format_date(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        d = _date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _frame(chunk: Chunk) -> str:
    title = chunk.title or chunk.doc_id
    when = format_date(chunk.date)
    return f"According to {title}, dated {when}: " if when else f"According to {title}: "


def _with_marker(text: str, n: int) -> str:
    body = text.rstrip()
    tail = ""
    while body and body[-1] in "”\"’'":
        tail = body[-1] + tail
        body = body[:-1]
    if body.endswith((".", "!", "?")) and not tail:
        return f"{body[:-1]} [{n}]{body[-1]}"
    return f"{body}{tail} [{n}]"


def render_quotes(quotes: Sequence[Quote]) -> tuple[str, tuple[Citation, ...], bool]:
    parts: list[str] = []
    citations: list[Citation] = []
    last_doc: str | None = None
    is_list = broken = False
    for n, q in enumerate(quotes, start=1):
        chunk = q.chunk
        citations.append(cite(n, chunk, q.start, q.end))
        frame = _frame(chunk) if chunk.doc_id != last_doc else ""
        last_doc = chunk.doc_id
        if q.listed:
            is_list = True
            # "4. Ashcombe CDC" as an item, not a sentence "4." then another
            line = f"- {' '.join(BULLET.sub('', q.text).split())} [{n}]"
            parts.append(f"{frame.rstrip()}\n{line}" if frame else line)
        elif q.items:
            is_list = True
            intro_end = q.items[0][0]
            intro = chunk.text[q.start : intro_end].rstrip()
            lines = [f"{frame}{intro} [{n}]"]
            for s, e in q.items:
                lines.append("- " + BULLET.sub("", chunk.text[s:e]).strip())
            last = re.split(r"(?<=[.!?])\s+", intro)[-1]  # the intro sentence, not the lead before it
            announced = [int(x) for x in numbers_in(last) if x.isdigit()]
            if q.truncated:
                lines.append("The source's list goes on beyond these.")
            elif announced and max(announced) > len(q.items):
                lines.append(f"The source names only the {item_noun(intro)} listed above.")
            parts.append("\n".join(lines))
        elif q.record:  # "Team" / "Phone: ..." / "Email: ...": its name, then its fields as lines
            broken = True
            name, *fields = [" ".join(BULLET.sub("", ln).split()) for ln in q.text.splitlines() if ln.strip()]
            parts.append("\n".join([f"{frame}{_with_marker(name, n)}", *(f"- {f}" for f in fields)]))
        else:
            parts.append(frame + _with_marker(" ".join(BULLET.sub("", q.text).split()), n))
    joiner = "\n" if is_list or broken else " "
    return joiner.join(parts), tuple(citations), is_list
