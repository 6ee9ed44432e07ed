"""Alignment by meaning for the claim check: the sentence embedder we already run, used on words
and clauses when their stems do not align (a paraphrase says "thorough" for "rigorous").

- ``word_aligned(words, candidates, embedder)``: which of a clause's unaligned content words
  have a word of the passage window close in meaning (cosine of their embeddings >=
  ``Thresholds.word``);
- ``clause_similarity(clause, texts, embedder)``: the best cosine of a clause with the window's
  sentences and clauses (a clause is compared with a clause, not diluted by a long sentence).

Names, numbers and the compared features (negation, modality, quantity, attribution, direction,
cause) never align by meaning: the callers only pass plain content words. Vectors are cached per
embedder and text. The two thresholds are fitted, not tuned: ``scripts/fit_support.py`` writes
``support_thresholds.json`` beside this module with the hash of the data it was fitted on and
its cross-corpus figures; ``use_thresholds`` lets that script try others.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ics_assistant.errors import ConfigError
from ics_assistant.protocols import Embedder

__all__ = [
    "THRESHOLDS_FILE",
    "Thresholds",
    "clause_similarity",
    "thresholds",
    "use_thresholds",
    "word_aligned",
]

THRESHOLDS_FILE = Path(__file__).resolve().parent / "support_thresholds.json"


@dataclass(frozen=True)
class Thresholds:
    """Cosines above which a word (``word``) or a clause (``clause``) aligns by meaning."""

    word: float
    clause: float


@lru_cache(maxsize=1)
def _fitted() -> Thresholds:
    try:
        data = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
        return Thresholds(float(data["word"]), float(data["clause"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"cannot read the support-check thresholds {THRESHOLDS_FILE}: {exc}; rerun scripts/fit_support.py"
        ) from exc


_OVERRIDE: list[Thresholds] = []


def thresholds() -> Thresholds:
    """The thresholds in force: the fitted ones, or those of an enclosing ``use_thresholds``."""
    return _OVERRIDE[-1] if _OVERRIDE else _fitted()


@contextmanager
def use_thresholds(value: Thresholds) -> Iterator[None]:
    """Check with ``value`` instead of the fitted thresholds (the fitting script only)."""
    _OVERRIDE.append(value)
    try:
        yield
    finally:
        _OVERRIDE.pop()


_LOCK = threading.Lock()
_VECS: dict[tuple[int, str], Any] = {}
_MAX_VECS = 50000


def embed_cached(embedder: Embedder, texts: Sequence[str]) -> Any:
    """Vectors of ``texts``, shape ``(len(texts), dim)`` (cached per embedder and text)."""
    key = id(embedder)
    with _LOCK:
        missing = list(dict.fromkeys(t for t in texts if (key, t) not in _VECS))
    if missing:
        vecs = embedder.embed(missing)
        with _LOCK:
            if len(_VECS) > _MAX_VECS:
                _VECS.clear()
            _VECS.update({(key, t): v for t, v in zip(missing, vecs, strict=True)})
    with _LOCK:
        return np.stack([_VECS[(key, t)] for t in texts])


def word_aligned(
    words: Sequence[str], candidates: Sequence[str], embedder: Embedder, minimum: float | None = None
) -> list[bool]:
    """For each of ``words``: is some word of ``candidates`` close enough in meaning?"""
    if not words or not candidates:
        return [False] * len(words)
    limit = thresholds().word if minimum is None else minimum
    sims = embed_cached(embedder, words) @ embed_cached(embedder, candidates).T
    return [bool(row.max() >= limit) for row in sims]


def clause_similarity(clause: str, texts: Sequence[str], embedder: Embedder) -> tuple[float, int]:
    """(best cosine, index of the best text) of ``clause`` against ``texts``."""
    if not texts:
        return 0.0, -1
    sims = embed_cached(embedder, texts) @ embed_cached(embedder, [clause])[0]
    i = int(np.argmax(sims))
    return float(sims[i]), i
