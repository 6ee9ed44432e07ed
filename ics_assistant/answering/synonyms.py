"""Words that mean the same in one of their common senses, by WordNet (``backends/wordnet.py``).

Single-word embeddings cannot tell "collect" / "pick up" (the same act) from "increase" /
"decrease" (opposites, close in every embedding space); a lexical database can. A content word
aligns with a passage when one of its first ``DEPTH`` senses is a sense of a passage word, of two
adjacent passage words ("two weeks" is a sense of "fortnight") or of a verb with its particle
("pick up"). Without the WordNet data installed nothing aligns this way (``available``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from ics_assistant.answering.claims import Tok
from ics_assistant.backends import wordnet

__all__ = ["DEPTH", "enabled", "phrase_senses", "tok_senses"]

DEPTH = 3  # senses per word, most frequent first
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


@lru_cache(maxsize=1)
def enabled() -> bool:
    return wordnet.available()


def _phrases(tok: Tok, toks: Sequence[Tok]) -> Iterator[tuple[str, str]]:
    """(words, part of speech) that ``tok`` may stand for: its lemma, with its particle ("pick
    up"), and with the word before it ("two weeks", "family member")."""
    yield tok.lemma.lower(), tok.pos
    for other in toks:
        if other.dep == "prt" and other.head == tok.i:
            yield f"{tok.lemma.lower()} {other.lower}", "VERB"
    prev = next((t for t in toks if t.i == tok.i - 1), None)
    if prev is not None and tok.pos == "NOUN" and prev.pos in ("NUM", "NOUN", "ADJ") and prev.text.isalpha():
        yield f"{prev.lower} {tok.lemma.lower()}", "NOUN"
        yield f"{prev.lower} {tok.lower}", "NOUN"


def tok_senses(tok: Tok, toks: Sequence[Tok]) -> frozenset[str]:
    """Senses of a content word of a sentence ``toks`` (empty for names, numbers, other words)."""
    if not enabled() or tok.pos not in _CONTENT_POS or not tok.lemma.isalpha():
        return frozenset()
    out: set[str] = set()
    for words, pos in _phrases(tok, toks):
        out |= wordnet.senses(words, pos, DEPTH)  # cached there
    return frozenset(out)


def phrase_senses(toks: Sequence[Tok]) -> frozenset[str]:
    """Every sense of the content words and two-word phrases of a sentence ``toks``."""
    out: set[str] = set()
    for t in toks:
        out |= tok_senses(t, toks)
    return frozenset(out)
