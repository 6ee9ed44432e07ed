"""The passage side of entailment (``entailment.py``): windows of one sentence or two adjacent
ones, parsed once and cached, and how a clause's content words align with a window: by word, lemma
or stem (an acronym and its long form are the same word), by a common WordNet sense
(``synonyms.py``), and, with an embedder, a plain content word by meaning (``meaning.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ics_assistant.answering.analysis import content_terms, glossary, stem
from ics_assistant.answering.claims import (
    Clause,
    Mark,
    Parsed,
    Tok,
    clauses,
    gives_reason,
    marks,
    parse_passage,
)
from ics_assistant.answering.lexicon import lexicon_cache
from ics_assistant.answering.meaning import word_aligned
from ics_assistant.answering.synonyms import phrase_senses, tok_senses
from ics_assistant.protocols import Embedder

__all__ = [
    "CONTENT_POS",
    "Window",
    "coverage",
    "folded",
    "hits",
    "lemmas",
    "passage_windows",
    "plain",
    "sentence_clauses",
    "window_of",
]

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})  # may align by meaning (never names, numbers)


@dataclass(frozen=True)
class Window:
    sents: tuple[Parsed, ...]
    clauses: tuple[Clause, ...]
    keys: frozenset[str]
    lowers: frozenset[str]
    actors: tuple[frozenset[str], ...]
    marks: tuple[Mark, ...]
    words: tuple[str, ...]  # lemmas of its content words (what a paraphrased word may mean)
    causal: bool  # links by cause or purpose ("because", "as", "in order to", "to improve")

    def has(self, kind: str) -> bool:
        return any(m.kind == kind for m in self.marks)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sents)

    @property
    def negations(self) -> int:
        return sum(m.kind in ("neg", "weak_neg") for m in self.marks)


@lexicon_cache(maxsize=8192)
def sentence_clauses(parsed: Parsed) -> tuple[Clause, ...]:
    return tuple(clauses(parsed))


def window_of(sents: tuple[Parsed, ...]) -> Window:
    toks = [t for s in sents for t in s.toks]
    keys: set[str] = set()
    for t in toks:
        keys |= t.keys
    keys |= set(content_terms(" ".join(s.text for s in sents)))
    cls = tuple(c for s in sents for c in sentence_clauses(s))
    actors = tuple(frozenset(k for t in a for k in t.keys) for c in cls for a in c.actors)
    mk = tuple(m for s in sents for m in marks(s))
    content = tuple(
        dict.fromkeys(t.lemma for t in toks if t.pos in CONTENT_POS and not t.stop and t.lemma.isalpha())
    )
    causal = any(c.causal for c in cls) or any(gives_reason(s) for s in sents)
    return Window(sents, cls, frozenset(keys), frozenset(t.lower for t in toks), actors, mk, content, causal)


@lexicon_cache(maxsize=2048)
def passage_windows(passage: str) -> tuple[Window, ...]:
    sents = parse_passage(passage)
    singles = [window_of((s,)) for s in sents]
    pairs = [window_of((a, b)) for a, b in pairwise(sents)]
    return tuple(singles + pairs)


def folded(clause: Clause, window: Window) -> set[str]:
    """Stems of the clause's long forms whose acronym the window uses (and the reverse)."""
    acronyms = set(content_terms(clause.text)) & window.keys
    out: set[str] = set()
    for phrase, short in glossary().items():
        if short in acronyms:
            out |= set(phrase)
    return out


def _aligned(t: Tok, window: Window, folded: set[str]) -> bool:
    return bool(t.keys & window.keys) or stem(t.lower) in folded


def coverage(
    clause: Clause, window: Window, embedder: Embedder | None = None, minimum: float | None = None
) -> float:
    """Share of the clause's content words aligned with the window: by word, lemma or stem, and
    (with an ``embedder``) a plain content word by meaning (``meaning.word_aligned``)."""
    if not clause.content:
        return 1.0
    return sum(hits(clause, clause.content, window, embedder, minimum)) / len(clause.content)


def hits(
    clause: Clause,
    toks: Sequence[Tok],
    window: Window,
    embedder: Embedder | None = None,
    minimum: float | None = None,
) -> list[bool]:
    """Which of ``toks`` (content words of ``clause``) align with the window (see ``coverage``)."""
    long_forms = folded(clause, window)
    found = [_aligned(t, window, long_forms) for t in toks]
    if not all(found):  # a synonym in one of its common senses (WordNet)
        said = _window_senses(window.sents)
        found = [ok or bool(tok_senses(t, clause.toks) & said) for t, ok in zip(toks, found, strict=True)]
    if embedder is not None and not all(found):
        loose = [i for i, (t, ok) in enumerate(zip(toks, found, strict=True)) if not ok and plain(t)]
        by_meaning = word_aligned([toks[i].lemma for i in loose], window.words, embedder, minimum)
        for i, ok in zip(loose, by_meaning, strict=True):
            found[i] = ok
    return found


@lru_cache(maxsize=2048)
def _window_senses(sents: tuple[Parsed, ...]) -> frozenset[str]:
    return frozenset().union(*(phrase_senses(s.toks) for s in sents))


def plain(t: Tok) -> bool:
    return t.pos in CONTENT_POS and t.lemma.isalpha()


def lemmas(window: Window) -> frozenset[str]:
    return frozenset(t.lemma for s in window.sents for t in s.toks)
