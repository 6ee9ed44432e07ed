"""Normalisation for *matching* only (never for display: cleaned text stays canonical)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_for_match", "tokenize_words"]

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+(?:['.][a-z0-9]+)*")


def normalize_for_match(text: str) -> str:
    """NFKC, straight quotes, ASCII hyphens, collapsed whitespace, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return _SPACE.sub(" ", text).strip().lower()


def tokenize_words(text: str) -> list[str]:
    """Lower-case word tokens of the normalised text (numbers kept, e.g. ``14.9``)."""
    return _WORD.findall(normalize_for_match(text))
