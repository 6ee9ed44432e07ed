"""What one corpus teaches the text analysis: its acronyms and its everyday capitalised words.

A ``Lexicon`` is learned from an index's chunks when the assistant is built (``Lexicon.learn``) and
belongs to that assistant: two assistants over two corpora in one process never see each other's
acronyms. The assistant makes its lexicon the *active* one for each step of answering
(``using``); the analysis functions read it with ``active()``. Caches whose results depend on
it are keyed by the active lexicon too (``lexicon_cache``), so a cached result from one corpus is
never served for another.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from typing import Any, ParamSpec, TypeVar

from ics_assistant.answering.acronyms import find_acronym_definitions

__all__ = ["EMPTY", "Lexicon", "active", "lexicon_cache", "using"]

_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+\b")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cache key, cheap to hash
class Lexicon:
    """``phrases``: long form -> acronym, lower case ("care quality commission" -> "cqc").
    ``common_caps``: capitalised words most documents use (the corpus's furniture, not names)."""

    phrases: Mapping[str, str] = field(default_factory=dict)
    common_caps: frozenset[str] = frozenset()
    # acronyms a question may write in lower case ("ics"): the corpus never uses them as a word
    lower_case_ok: frozenset[str] = frozenset()
    acronyms: frozenset[str] = field(init=False)
    _spelled: re.Pattern[str] | None = field(init=False)
    _long_forms: Mapping[str, str] = field(init=False)  # acronym -> its first long form

    def __post_init__(self) -> None:
        object.__setattr__(self, "acronyms", frozenset(self.phrases.values()))
        object.__setattr__(self, "_spelled", _acronym_pattern(self.acronyms, self.lower_case_ok))
        long_forms: dict[str, str] = {}
        for phrase, short in self.phrases.items():
            long_forms.setdefault(short, phrase)
        object.__setattr__(self, "_long_forms", long_forms)

    @classmethod
    def learn(cls, documents: Mapping[str, str], share: float = 0.5) -> Lexicon:
        """From ``{doc_id: text}``: every acronym a document defines ("Long Name (ABBR)"), and the
        capitalised words at least ``share`` of the documents (and two or more) use."""
        phrases = acronyms_in(documents.values())
        as_words = " ".join(documents.values())
        lower_ok = frozenset(
            a
            for a in phrases.values()
            if not re.search(rf"\b{re.escape(a)}\b", as_words)  # never a word
        )
        return cls(phrases=phrases, common_caps=_common_capitals(documents, share), lower_case_ok=lower_ok)

    def spell_out(self, text: str) -> str:
        """``text`` with each learned acronym followed by its long form, for the sentence embedder,
        which does not know what "ICS" stands for: "what is an ICS?" -> "what is an ICS (integrated
        care system)?". A long form the text already says is not added again."""
        if self._spelled is None:
            return text

        def add(m: re.Match[str]) -> str:
            phrase = self._long_forms[m.group(1).lower()]
            said = r"\s+".join(re.escape(w.rstrip("s")) + "s?" for w in phrase.split())
            return m.group(0) if re.search(rf"\b{said}\b", text, re.I) else f"{m.group(0)} ({phrase})"

        return self._spelled.sub(add, text)


def _acronym_pattern(acronyms: frozenset[str], lower_ok: frozenset[str]) -> re.Pattern[str] | None:
    """Each acronym as written in capitals ("ICS", "ICSs", "ICS's"), or in any case when the
    corpus never uses its letters as a word."""
    if not acronyms:
        return None
    alts = [
        f"(?i:{re.escape(a)})" if a in lower_ok else re.escape(a.upper())
        for a in sorted(acronyms, key=len, reverse=True)
    ]
    return re.compile(rf"\b({'|'.join(alts)})(?:s|'s|’s)?\b")


def acronyms_in(texts: Iterable[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for text in texts:
        for phrase, abbr in find_acronym_definitions(text).items():
            found.setdefault(phrase.lower(), abbr.lower())
    return found


def _common_capitals(documents: Mapping[str, str], share: float) -> frozenset[str]:
    if len(documents) < 2:
        return frozenset()
    df: dict[str, int] = {}
    for text in documents.values():
        for word in set(_CAPITALISED.findall(text)):
            df[word] = df.get(word, 0) + 1
    need = max(2, math.ceil(share * len(documents)))
    return frozenset(w for w, n in df.items() if n >= need)


EMPTY = Lexicon()
_ACTIVE: ContextVar[Lexicon] = ContextVar("ics_lexicon", default=EMPTY)


def active() -> Lexicon:
    """The lexicon of the assistant answering in this context (``EMPTY`` outside one)."""
    return _ACTIVE.get()


@contextmanager
def using(lexicon: Lexicon) -> Iterator[Lexicon]:
    """Make ``lexicon`` active for the block (restored after, in the same context). Not for a
    block that yields to a caller in another thread: the assistant sets it around each step."""
    token = _ACTIVE.set(lexicon)
    try:
        yield lexicon
    finally:
        _ACTIVE.reset(token)


P = ParamSpec("P")
R = TypeVar("R")


def lexicon_cache(maxsize: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """``functools.lru_cache`` for a function whose result depends on the active lexicon: the
    lexicon is part of the key. ``cache_clear`` is kept on the wrapper."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @lru_cache(maxsize=maxsize)
        def keyed(lexicon: Lexicon, *args: Any) -> R:
            return func(*args)  # type: ignore[call-arg]

        @wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            if kwargs:  # positional arguments only: keywords would split the cache
                raise TypeError(f"{func.__name__} takes positional arguments only")
            return keyed(_ACTIVE.get(), *args)

        wrapper.cache_clear = keyed.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
