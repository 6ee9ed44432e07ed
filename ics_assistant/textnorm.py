"""Normalisation for *matching* only (never for display: cleaned text stays canonical)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["WORD_EDGE", "normalize_for_match", "tokenize_words"]

# punctuation that may cling to a word split on white space ("open?", "(ICS)", "“free”")
WORD_EDGE = "?!.,;:\"'()[]“”‘’"

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+(?:['.][a-z0-9]+)*")


def normalize_for_match(text: str) -> str:
    """NFKC, straight quotes, ASCII hyphens, collapsed whitespace, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return _SPACE.sub(" ", text).strip().lower()


def tokenize_words(text: str, *, keep_case: bool = False) -> list[str]:
    """Lower-case word tokens of the normalised text (numbers kept, e.g. ``14.9``); with
    ``keep_case`` the same tokens as written ("Ashby", "ICS")."""
    if not keep_case:
        return _WORD.findall(normalize_for_match(text))
    norm = normalize_for_match(text)
    cased = _SPACE.sub(" ", _DASHES.sub("-", unicodedata.normalize("NFKC", text).translate(_QUOTES))).strip()
    if len(cased) != len(norm):  # lower-casing changed the length (rare letters): no case to keep
        return _WORD.findall(norm)
    return [cased[m.start() : m.end()] for m in _WORD.finditer(norm)]
