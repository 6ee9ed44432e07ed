"""Lexical index (bm25s), one per audience, saved next to a fingerprint of the chunk set.

The index directory is written under a new name and then published by atomically replacing
a small pointer file, so a reader never sees half an index and a killed ingest leaves the
previous one intact. The fingerprint lets ``Index.open`` detect a stale lexical index.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from ics_assistant.textnorm import tokenize_words

__all__ = ["Bm25Index", "analyze", "load_bm25", "save_bm25", "stored_fingerprint"]

_STOP_WORDS = """
a an the of to and or in on for is are was were be been being by with that this these those it its
as at from what when who which how why do does did will would can could should may might i you we
they he she our your their there here about into than then so not no if but
"""
_STOP = frozenset(_STOP_WORDS.split())
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")
POINTER = "bm25.json"


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def analyze(text: str) -> list[str]:
    """Lexical tokens: words (acronym plurals folded: ICSs -> ICS), no stop words, light stemming."""
    return [_stem(w) for w in tokenize_words(_ACRONYM_PLURAL.sub(r"\1", text)) if w not in _STOP]


class Bm25Index:
    """BM25 over a fixed list of chunk ids."""

    def __init__(self, ids: Sequence[str], model: object | None) -> None:
        self.ids = list(ids)
        self._model = model

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str]) -> Bm25Index:
        if not ids:
            return cls([], None)
        import bm25s

        model = bm25s.BM25()
        model.index([analyze(t) or ["\u2205"] for t in texts], show_progress=False)
        return cls(ids, model)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        if self._model is None or k <= 0:
            return []
        vocab: Mapping[str, int] = self._model.vocab_dict  # type: ignore[attr-defined]
        token_ids = [vocab[t] for t in analyze(query) if t in vocab]
        if not token_ids:
            return []
        scores = np.asarray(self._model.get_scores(token_ids), dtype=np.float32)  # type: ignore[attr-defined]
        k = min(k, len(self.ids))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]


def save_bm25(root: Path, fingerprint: str, indexes: Mapping[str, Bm25Index]) -> None:
    """Write all audiences' indexes to a fresh folder, then publish it atomically."""
    root.mkdir(parents=True, exist_ok=True)
    folder = root / f"bm25-{fingerprint[:16]}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for audience, index in indexes.items():
        sub = folder / audience
        sub.mkdir()
        (sub / "ids.json").write_text(json.dumps(index.ids), encoding="utf-8")
        if index._model is not None:
            index._model.save(str(sub / "bm25"), show_progress=False)  # type: ignore[attr-defined]
    tmp = root / f"{POINTER}.tmp"
    tmp.write_text(json.dumps({"fingerprint": fingerprint, "folder": folder.name}), encoding="utf-8")
    os.replace(tmp, root / POINTER)
    for old in root.glob("bm25-*"):
        if old.is_dir() and old.name != folder.name:
            shutil.rmtree(old, ignore_errors=True)


def stored_fingerprint(root: Path) -> str | None:
    try:
        return str(json.loads((root / POINTER).read_text(encoding="utf-8"))["fingerprint"])
    except (OSError, ValueError, KeyError):
        return None


def load_bm25(root: Path, audiences: Sequence[str]) -> tuple[str, dict[str, Bm25Index]] | None:
    """The published indexes and their fingerprint, or ``None`` when missing or unreadable."""
    try:
        pointer = json.loads((root / POINTER).read_text(encoding="utf-8"))
        folder = root / str(pointer["folder"])
        out: dict[str, Bm25Index] = {}
        for audience in audiences:
            sub = folder / audience
            ids = json.loads((sub / "ids.json").read_text(encoding="utf-8"))
            model = None
            if ids:
                import bm25s

                model = bm25s.BM25.load(str(sub / "bm25"))
            out[audience] = Bm25Index(ids, model)
        return str(pointer["fingerprint"]), out
    except (OSError, ValueError, KeyError):
        return None
