"""Acronyms the documents define themselves: "Care Quality Commission (CQC)".

Read once when the assistant is built (over the index's chunks, into its ``lexicon.Lexicon``),
so a question that spells a name out matches a source that abbreviates it and the other way round,
for any document added later. A definition counts only when the initials of the words before the
brackets spell the acronym (small joining words may be skipped:
"Voluntary, Community and Social Enterprise (VCSE)").
"""

from __future__ import annotations

import re

from ics_assistant.textnorm import tokenize_words

__all__ = ["find_acronym_definitions"]

_DEFINITION = re.compile(r"([A-Za-z][\w,'’&\- ]{2,120}?)\s*\(\s*([A-Z]{2,8})(?:s)?\s*\)")
_JOINERS = frozenset({"and", "of", "for", "the", "in", "on", "&", "to"})
_MAX_EXTRA_WORDS = 3  # joining words allowed inside the long form


def find_acronym_definitions(text: str) -> dict[str, str]:
    """``{"care quality commission": "cqc", ...}`` for each "Long Name (ABBR)" in ``text``."""
    found: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        abbr = m.group(2).lower()
        words = tokenize_words(m.group(1))
        phrase = _long_form(words, abbr)
        if phrase is not None:
            found.setdefault(phrase, abbr)
    return found


def _long_form(words: list[str], abbr: str) -> str | None:
    """The shortest tail of ``words`` whose initials (joiners skipped) spell ``abbr``."""
    for size in range(len(abbr), len(abbr) + _MAX_EXTRA_WORDS + 1):
        if size > len(words):
            break
        tail = words[-size:]
        if tail[0] in _JOINERS:
            continue
        initials = "".join(w[0] for w in tail if w not in _JOINERS)
        if initials == abbr:
            return " ".join(tail)
    return None
