"""Pure text renderings of an ``Answer`` shared by the API, the widget and the staff chat."""

from __future__ import annotations

from typing import Any

from ics_assistant.types import Answer, Citation

__all__ = ["answer_json", "answer_with_references", "citation_label", "references_text"]


def citation_label(citation: Citation) -> str:
    """``Title (2021-03-19)``, or ``Title (undated)`` when the document states no date."""
    return f"{citation.title or citation.doc_id} ({citation.date or 'undated'})"


def references_text(answer: Answer) -> str:
    """The numbered reference list: one ``[n] Title (date): "quote"`` line per citation."""
    lines = [f'[{c.n}] {citation_label(c)}: "{c.quote.strip()}"' for c in answer.citations]
    return "References:\n" + "\n".join(lines) if lines else ""


def answer_with_references(answer: Answer) -> str:
    """The answer text followed by its references written out (for copying and plain clients)."""
    refs = references_text(answer)
    return f"{answer.text.strip()}\n\n{refs}" if refs else answer.text.strip()


def answer_json(answer: Answer) -> dict[str, Any]:
    """The Answer JSON an API client gets: residents (``public``) never see the sentences the
    support check removed, only staff do."""
    d = answer.to_dict()
    if answer.audience != "staff":
        d["dropped_sentences"], d["dropped"] = [], []
    return d
