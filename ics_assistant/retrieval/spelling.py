"""Spelling correction of queries against the corpus vocabulary (built once, cheap per query).

A word of five or more letters that the corpus never uses is replaced by the most frequent corpus
word within one edit (two for words of eight or more letters) sharing its first letter, so
"statutry" finds "statutory". A word that is ordinary English (``wordfreq``'s Zipf frequency of at
least ``REAL_WORD_ZIPF``: "stone", "scrapped") is never "corrected" to a corpus word ("shone"): it
is what the person meant. Lookups go through a delete-index (SymSpell's idea), so a query costs a
few dictionary probes, not a scan of the vocabulary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ics_assistant.answering.analysis import STOP_WORDS, stem
from ics_assistant.textnorm import tokenize_words

__all__ = ["Speller"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
MIN_LEN = 5
REAL_WORD_ZIPF = 3.0  # about once per million words of English: a real word, not a typo


def is_english_word(word: str) -> bool:
    """Whether ``word`` is common English (wordfreq's Zipf scale; its data ships in the package)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= REAL_WORD_ZIPF


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (an adjacent swap counts as one edit)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


class Speller:
    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(w for w in tokenize_words(text) if w.isalpha())
        self.counts = counts
        self._stems = {stem(w) for w in counts}
        self._index: dict[str, list[str]] = {}
        for word in counts:
            if len(word) < MIN_LEN - 1:
                continue
            for d in _deletes(word) | {word}:
                self._index.setdefault(d, []).append(word)

    def suggest(self, word: str) -> str | None:
        """The corpus word to use for ``word`` (lower case), or ``None`` to keep it."""
        if len(word) < MIN_LEN or word in self.counts or not word.isalpha() or stem(word) in self._stems:
            return None
        if word in STOP_WORDS or is_english_word(word):  # "stone" is not a misspelling of "shone"
            return None
        limit = 2 if len(word) >= 8 else 1
        candidates: set[str] = set()
        for d in _deletes(word) | {word}:
            candidates.update(self._index.get(d, ()))
        best: tuple[int, int, str] | None = None
        for c in candidates:
            if c[0] != word[0]:
                continue
            dist = _distance(word, c)
            if dist <= limit:
                key = (dist, -self.counts[c], c)
                best = key if best is None or key < best else best
        return best[2] if best else None

    def correct(self, text: str) -> str:
        """``text`` with misspelt words replaced (case of the first letter kept)."""

        def fix(m: re.Match[str]) -> str:
            raw = m.group(0)
            found = self.suggest(raw.lower())
            if found is None:
                return raw
            return found.capitalize() if raw[0].isupper() else found

        return _WORD.sub(fix, text)
