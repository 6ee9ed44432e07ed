"""Sentence spans with exact character offsets (pure; pysbd inside lines).

Lines are split first (bullets, list items and headings are one per line in the corpus), then
pysbd splits each line into sentences. Spans are trimmed of surrounding whitespace, so
``text[start:end]`` is always the sentence itself.
"""

from __future__ import annotations

import re
import threading
from typing import Any

__all__ = ["LIST_MARK", "split_sentences"]

_local = threading.local()
_LINE = re.compile(r"[^\n]+")
LIST_MARK = re.compile(r"^\s*(?:[•\-*–·]|\d+[.)])\s+")  # a bullet or "1." opening a line
# a list mark or an FAQ's "Q4." label: it stays with the first sentence of its line
_BULLET = re.compile(r"^\s*(?:[•\-*–·]|[A-Z]?\d+[.)])\s+")


def _segmenter() -> Any:
    seg = getattr(_local, "segmenter", None)
    if seg is None:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        _local.segmenter = seg
    return seg


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` spans of the sentences of ``text``, in order, non-overlapping."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        ls, le = _trim(text, line.start(), line.end())
        if ls >= le:
            continue
        bullet = _BULLET.match(text[ls:le])  # (a pattern's "^" never matches at a ``pos`` past 0)
        body_start = ls + bullet.end() if bullet else ls
        body = text[body_start:le]
        if len(body) < 40 or not re.search(r"[.!?]\s+\S", body):
            spans.append((ls, le))
            continue
        first = True
        for seg in _segmenter().segment(body):
            s, e = _trim(text, body_start + seg.start, body_start + seg.end)
            if first and bullet:
                s = ls  # keep the bullet marker with its first sentence
            first = False
            if s < e:
                spans.append((s, e))
    return spans
