"""A list that runs past the end of its passage: the passages it runs over, read as one.

Chunks are cut by size, so a long list of steps ("1." to "9.") can end one passage and go on in the
next. Read apart, a list answer from the first passage stops at its fifth step, and the second
passage's steps, whose intro is in the first, read as stray sentences. So a retrieved passage whose
list runs on into the document's next passage, or that opens in the middle of a list begun in the
passage before, is read joined with them (``window``, then ``join``; pure, no model calls).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from ics_assistant.answering.layout import BULLET, item_line
from ics_assistant.protocols import Vectors
from ics_assistant.types import Chunk

__all__ = ["following", "join", "may_run_on", "runs_to_end", "window"]


def runs_to_end(chunk: Chunk, end: int) -> bool:
    """Whether a quote (or its last list item) that ends at ``end`` (chunk-relative) reaches the end
    of its passage: nothing but white space after it."""
    return not chunk.text[end:].strip()


def _continues(chunk: Chunk, nxt: Chunk) -> int | None:
    """Index of ``nxt``'s first sentence past ``chunk``'s end, when ``nxt`` overlaps or touches
    ``chunk`` in the same document and that sentence is a list line; else None."""
    if nxt.doc_id != chunk.doc_id or nxt.start > chunk.end or nxt.end <= chunk.end:
        return None
    for i, (s, e) in enumerate(nxt.sentences):
        if nxt.start + s >= chunk.end:
            if item_line(nxt.text, s, e):
                return i
            # the passage ended inside its last item, which goes on, on the same line, with a second
            # sentence ("3. ... takes photos. The appointment takes about 20 minutes."), then the list
            on_same_line = "\n" not in nxt.text[max(chunk.end - nxt.start, 0) : s]
            then = nxt.sentences[i + 1 : i + 2]
            return i if on_same_line and then and item_line(nxt.text, *then[0]) else None
    return None


def following(chunk: Chunk, document: Sequence[Chunk], limit: int = 3) -> list[Chunk]:
    """The passages after ``chunk`` in ``document`` (the document's chunks in reading order) that its
    list goes on into: each goes on with list lines past the one before it, and the next is taken
    only while the list still reaches the end of the passage; at most ``limit``."""
    ids = [c.chunk_id for c in document]
    if chunk.chunk_id not in ids or not chunk.sentences:
        return []
    at = ids.index(chunk.chunk_id)
    out: list[Chunk] = []
    cur = chunk
    for nxt in document[at + 1 : at + 1 + limit]:
        if not _ends_in_list(cur) or _continues(cur, nxt) is None:
            break
        out.append(nxt)
        cur = nxt
    return out


def _ends_in_list(chunk: Chunk) -> bool:
    """Whether ``chunk``'s last sentence is a list line that runs to its end."""
    if not chunk.sentences:
        return False
    s, e = chunk.sentences[-1]
    return item_line(chunk.text, s, e) and runs_to_end(chunk, e)


def join(chunk: Chunk, more: Sequence[Chunk], vectors: Mapping[str, Vectors]) -> tuple[Chunk, Vectors | None]:
    """``chunk`` and the passages ``following`` it read as one, with the joined sentence vectors when
    every passage has its own in ``vectors``. The joined chunk keeps ``chunk``'s id, section and
    metadata; its text is still the document's text from ``chunk.start`` (``document_text[start:end]
    == text`` holds)."""
    joined, vecs = chunk, vectors.get(chunk.chunk_id)
    if vecs is not None and len(vecs) != len(chunk.sentences):
        vecs = None
    for nxt in more:
        first = _continues(joined, nxt)
        if first is None:
            raise ValueError(f"{nxt.chunk_id} does not go on from {joined.chunk_id}")
        shift = nxt.start - chunk.start
        text = joined.text + nxt.text[joined.end - nxt.start :]
        spans = joined.sentences + tuple((s + shift, e + shift) for s, e in nxt.sentences[first:])
        joined = replace(joined, text=text, end=nxt.end, sentences=spans)
        theirs = vectors.get(nxt.chunk_id)
        if vecs is None or theirs is None or len(theirs) != len(nxt.sentences):
            vecs = None
        else:
            vecs = np.concatenate([vecs, theirs[first:]]).astype(np.float32)
    return joined, vecs


_BACK = 3  # passages read back to find where a list begins


def _opens_in_list(chunk: Chunk) -> bool:
    """Whether ``chunk`` opens with a list line (a bullet or a number)."""
    return bool(chunk.sentences) and BULLET.match(chunk.text[slice(*chunk.sentences[0])]) is not None


def may_run_on(chunk: Chunk) -> bool:
    """Whether a list may run past ``chunk`` (it ends or opens with a list line): the cheap test that
    spares looking up its document when ``window`` could only say None."""
    return _ends_in_list(chunk) or _opens_in_list(chunk)


def window(chunk: Chunk, document: Sequence[Chunk]) -> tuple[Chunk, tuple[Chunk, ...]] | None:
    """The passages ``chunk``'s list runs over, when it runs past ``chunk`` (see the module's
    docstring): the passage before it, when ``chunk`` opens in the middle of that passage's list, or
    ``chunk`` itself, then the passages after; None when no list runs past it. ``document``: the
    document's chunks in reading order."""
    ids = [c.chunk_id for c in document]
    if chunk.chunk_id not in ids:
        return None
    at = ids.index(chunk.chunk_id)
    more = following(chunk, document)
    back = at
    while at - back < _BACK and back and _opens_in_list(document[back]):
        if following(document[back - 1], document, limit=1) != [document[back]]:
            break
        back -= 1
    more = [*document[back + 1 : at + 1], *more] if back < at else more
    return (document[back], tuple(more)) if more else None
