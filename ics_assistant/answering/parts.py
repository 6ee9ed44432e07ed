"""Two-part questions: "What's the goal, and what's the deadline for it?" asks two things.

``question_parts`` splits a question where a second question starts: after a question mark, or at
"and"/"," or ";" followed by a question word or an auxiliary that opens a question ("and when",
"and is it"). Each part must keep at least two words; otherwise the question is one part. The
split is by English grammar only, so it holds for any corpus.
"""

from __future__ import annotations

import re

from ics_assistant.textnorm import WORD_EDGE

__all__ = ["carried_words", "question_parts", "with_context"]

_OPENERS = (
    r"what|what's|whats|when|how|who|whom|whose|where|why|which|is|are|was|were|does|do|did|can|"
    r"could|will|would|should|has|have|until"
)
# after a question mark only where another question starts: "Who said that? “Partnership working ...”"
# (a follow-up with the quote it points at) and "how do I refer? my dad is 80" ask one thing
_SPLIT = re.compile(
    rf"(?:\?\s+(?=[\"“‘']?(?:{_OPENERS})\b)|\s*[;,]?\s+and\s+(?=(?:{_OPENERS})\b)|\s*;\s*(?=(?:{_OPENERS})\b))",
    re.I,
)
_SPLIT_KEEP = re.compile(f"({_SPLIT.pattern})", _SPLIT.flags)  # the same, keeping what it splits at
MIN_WORDS = 2


def question_parts(question: str) -> list[str]:
    """The separate questions asked, in order (the whole question when it asks one thing)."""
    text = question.strip()
    pieces = _SPLIT_KEEP.split(text)  # the parts, with the words that join them between them
    parts: list[str] = []
    for i in range(0, len(pieces), 2):
        # a part too short to ask anything on its own opens the next ("Where and when does it meet")
        if i and len(parts[-1].strip(" ,;?").split()) < MIN_WORDS:
            parts[-1] += pieces[i - 1] + pieces[i]
        else:
            parts.append(pieces[i])
    parts = [p.strip(" ,;") for p in parts if p.strip(" ,;?")]
    if len(parts) < 2 or any(len(p.split()) < MIN_WORDS for p in parts):
        return [text]
    return [p if p.endswith("?") else p + "?" for p in parts]


def carried_words(question: str, condensed: str) -> str:
    """The words a condensed follow-up added to the question as asked ("when is it open? ... Stanmere
    Minor Injuries Unit" -> "Stanmere Minor Injuries Unit"), in order."""
    asked = {w.strip(WORD_EDGE).lower() for w in question.split()}
    added = (w.strip(WORD_EDGE) for w in condensed.split())
    return " ".join(w for w in added if w and w.lower() not in asked)


def with_context(parts: list[str], context: str) -> list[str]:
    """Each part with ``context`` (a follow-up's carried names) inside its question mark, unless it
    already says it: "when is it open?" -> "when is it open Stanmere Minor Injuries Unit?"."""
    if not context:
        return parts
    return [p if context.lower() in p.lower() else f"{p.rstrip(' ?')} {context}?" for p in parts]
