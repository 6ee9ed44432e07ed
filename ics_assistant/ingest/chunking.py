"""Structure-aware chunking (pure).

A cleaned document is read as blocks (runs of non-blank lines). A one-line block ending in
``?`` is a *question* and a short title-like line between paragraphs is a *heading*; each
starts a section, so a FAQ question stays with its answer. Sections are packed into chunks
of whole paragraphs; an oversized paragraph is split into sentences (``split_sentences``),
an oversized sentence into word runs. Consecutive chunks of one section share
``overlap`` sentences. A chunk that does not itself contain its section title is embedded
as ``title + "\\n" + text`` (``embedding_text``), and that whole string fits
``max_tokens`` by the embedding model's own tokenizer.

Invariants (tested): ``doc.text[c.start:c.end] == c.text``; ids depend only on the doc id,
section and text, so unchanged text keeps its id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ics_assistant.protocols import TokenCounter
from ics_assistant.sentences import LIST_MARK, split_sentences
from ics_assistant.types import Audience, Chunk, Document

__all__ = [
    "CHUNKER_VERSION",
    "Block",
    "EntrySpan",
    "Section",
    "build_sections",
    "chunk_curated",
    "chunk_document",
    "chunk_id_for",
    "embedding_text",
    "parse_blocks",
]

CHUNKER_VERSION = "2"  # bump when chunking changes, so every document is re-chunked
_TERMINAL = tuple(".!?,;:\"”')’")
_SPECIAL_TOKENS = 2  # [CLS] and [SEP]


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: str = "text"  # "question" | "heading" | "text"


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    has_body: bool = False


@dataclass(frozen=True)
class EntrySpan:
    """A curated FAQ entry inside the curated document's text."""

    start: int
    end: int
    question: str
    audience: Audience
    date: str | None


def _raw_blocks(text: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(start, end, n_lines) of each run of non-blank lines in ``text[lo:hi]``, trimmed."""
    blocks: list[tuple[int, int, int]] = []
    cur: list[int] | None = None
    pos = lo
    for line in text[lo:hi].split("\n"):
        line_end = pos + len(line)
        stripped = line.strip()
        if stripped:
            s = pos + (len(line) - len(line.lstrip()))
            e = pos + len(line.rstrip())
            if cur is None:
                cur = [s, e, 1]
            else:
                cur[1], cur[2] = e, cur[2] + 1
        elif cur is not None:
            blocks.append((cur[0], cur[1], cur[2]))
            cur = None
        pos = line_end + 1
    if cur is not None:
        blocks.append((cur[0], cur[1], cur[2]))
    return blocks


def _is_question(line: str, n_lines: int) -> bool:
    return n_lines == 1 and line.endswith("?") and len(line) <= 300 and not LIST_MARK.match(line)


def _is_short_line(line: str, n_lines: int) -> bool:
    return (
        n_lines == 1
        and len(line) <= 100
        and len(line.split()) <= 12
        and not line.endswith(_TERMINAL)
        and not LIST_MARK.match(line)
    )


def parse_blocks(text: str, lo: int = 0, hi: int | None = None) -> list[Block]:
    """Blocks of ``text[lo:hi]`` classified as question, heading or text."""
    raw = _raw_blocks(text, lo, len(text) if hi is None else hi)
    short = [_is_short_line(text[s:e], n) for s, e, n in raw]
    blocks: list[Block] = []
    for i, (s, e, n) in enumerate(raw):
        line = text[s:e]
        if (
            _is_question(line, n)
            and i + 1 < len(raw)
            and not _is_question(text[raw[i + 1][0] : raw[i + 1][1]], 1)
        ):
            kind = "question"
        elif short[i] and (i == 0 or not short[i - 1]) and i + 1 < len(raw) and not short[i + 1]:
            kind = "heading"
        else:
            kind = "text"
        blocks.append(Block(s, e, kind))
    return blocks


def build_sections(text: str, blocks: Sequence[Block]) -> list[Section]:
    """Group blocks under the question or heading before them. A header with no body of its
    own (a page title straight before a question) joins the next section."""
    sections: list[Section] = [Section(title="")]
    for block in blocks:
        if block.kind in ("question", "heading"):
            current = sections[-1]
            title = text[block.start : block.end]
            if current.blocks and not current.has_body:
                current.title = title  # the earlier header becomes part of this section
                current.blocks.append(block)
            else:
                sections.append(Section(title=title, blocks=[block]))
        else:
            sections[-1].blocks.append(block)
            sections[-1].has_body = True
    return [s for s in sections if s.blocks]


def embedding_text(chunk: Chunk) -> tuple[str, int]:
    """The text embedded for ``chunk`` and the offset of ``chunk.text`` inside it."""
    if chunk.section and chunk.section not in chunk.text:
        prefix = chunk.section + "\n"
        return prefix + chunk.text, len(prefix)
    return chunk.text, 0


def chunk_id_for(doc_id: str, section: str, text: str) -> str:
    digest = hashlib.sha256(f"{doc_id}\x00{section}\x00{text}".encode()).hexdigest()[:16]
    return f"{doc_id}:{digest}"


class _Packer:
    """Packs spans of one document into token-bounded windows."""

    def __init__(
        self,
        text: str,
        counter: TokenCounter,
        max_tokens: int,
        overlap: int,
        target_tokens: int | None = None,
    ) -> None:
        self.text = text
        self.counter = counter
        self.max_tokens = max_tokens
        self.target_tokens = min(max_tokens, target_tokens or max_tokens)
        self.overlap = overlap
        self._cache: dict[tuple[int, int], int] = {}
        self._sentences: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def sentences(self, s: int, e: int) -> list[tuple[int, int]]:
        """Sentence spans of ``text[s:e]`` relative to ``s`` (memoised: pysbd is slow)."""
        key = (s, e)
        if key not in self._sentences:
            self._sentences[key] = split_sentences(self.text[s:e])
        return self._sentences[key]

    def tokens(self, s: int, e: int) -> int:
        """Content tokens (no special tokens) of ``text[s:e]``."""
        key = (s, e)
        if key not in self._cache:
            self._cache[key] = max(0, self.counter.count_tokens(self.text[s:e]) - _SPECIAL_TOKENS)
        return self._cache[key]

    def fits(self, s: int, e: int, title: str, limit: int | None = None) -> bool:
        chunk_text = self.text[s:e]
        prefix = title + "\n" if title and title not in chunk_text else ""
        return self.counter.count_tokens(prefix + chunk_text) <= (limit or self.max_tokens)

    def units(self, blocks: Sequence[Block], budget: int) -> list[tuple[int, int]]:
        """Blocks, with any block over ``budget`` tokens split into sentences or word runs."""
        out: list[tuple[int, int]] = []
        for b in blocks:
            if self.tokens(b.start, b.end) <= budget:
                out.append((b.start, b.end))
                continue
            for s, e in split_sentences(self.text[b.start : b.end]):
                s, e = b.start + s, b.start + e
                if self.tokens(s, e) <= budget:
                    out.append((s, e))
                else:
                    out.extend(self._word_runs(s, e, budget))
        return out

    def _word_runs(self, s: int, e: int, budget: int) -> list[tuple[int, int]]:
        runs: list[tuple[int, int]] = []
        run_start: int | None = None
        run_end = s
        used = 0
        for m in re.finditer(r"\S+", self.text[s:e]):
            ws, we = s + m.start(), s + m.end()
            n = self.tokens(ws, we)
            if run_start is not None and used + n > budget:
                runs.append((run_start, run_end))
                run_start, used = None, 0
            if run_start is None:
                run_start = ws
            run_end, used = we, used + n
        if run_start is not None:
            runs.append((run_start, run_end))
        return runs

    def _overlap_start(self, s: int, e: int, floor: int) -> int | None:
        """Start of the last ``overlap`` sentences of ``text[s:e]`` (never at or before ``floor``)."""
        if self.overlap <= 0:
            return None
        spans = self.sentences(s, e)
        if len(spans) <= self.overlap:
            return None
        start = s + spans[-self.overlap][0]
        return start if start > floor else None

    def pack(self, section: Section) -> list[tuple[int, int]]:
        title = section.title
        title_tokens = self.counter.count_tokens(title + "\n") - _SPECIAL_TOKENS if title else 0
        budget = max(8, self.max_tokens - _SPECIAL_TOKENS - title_tokens)
        units = self.units(section.blocks, budget)
        header_end = section.blocks[0].end if section.blocks[0].kind != "text" else -1
        windows: list[tuple[int, int]] = []
        cur_start, cur_end = units[0]
        for s, e in units[1:]:
            # grow to the target size; a bare header always takes its first paragraph (up to the max)
            limit = self.max_tokens if cur_end <= header_end else self.target_tokens
            if self.fits(cur_start, e, title, limit):
                cur_end = e
                continue
            windows.append((cur_start, cur_end))
            ov = self._overlap_start(cur_start, cur_end, max(cur_start, header_end))
            cur_start, cur_end = (ov, e) if ov is not None and self.fits(ov, e, title) else (s, e)
        windows.append((cur_start, cur_end))
        return windows


def _chunks_from_windows(
    doc: Document,
    windows: Sequence[tuple[int, int, str, Audience, str | None]],
    packer: _Packer,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for start, end, section, audience, date in windows:
        text = doc.text[start:end]
        cid = chunk_id_for(doc.doc_id, section, text)
        n = 2
        while cid in seen:  # identical text repeated in one document
            cid = f"{chunk_id_for(doc.doc_id, section, text)}-{n}"
            n += 1
        seen.add(cid)
        chunks.append(
            Chunk(
                chunk_id=cid,
                doc_id=doc.doc_id,
                text=text,
                start=start,
                end=end,
                section=section,
                audience=audience,
                title=doc.meta.title,
                date=date,
                kind=doc.meta.kind,
                sentences=tuple(packer.sentences(start, end)),
            )
        )
    return chunks


def chunk_document(
    doc: Document, counter: TokenCounter, max_tokens: int, overlap: int = 1, target_tokens: int | None = None
) -> list[Chunk]:
    """Chunks of a cleaned document, in reading order. Paragraphs are packed up to
    ``target_tokens`` (default: ``max_tokens``); no chunk exceeds ``max_tokens``."""
    packer = _Packer(doc.text, counter, max_tokens, overlap, target_tokens)
    windows: list[tuple[int, int, str, Audience, str | None]] = []
    for section in build_sections(doc.text, parse_blocks(doc.text)):
        for s, e in packer.pack(section):
            windows.append((s, e, section.title, doc.meta.audience, doc.meta.date))
    return _chunks_from_windows(doc, windows, packer)


def chunk_curated(
    doc: Document, entries: Sequence[EntrySpan], counter: TokenCounter, max_tokens: int, overlap: int = 1
) -> list[Chunk]:
    """One chunk per curated entry (split only if an answer exceeds the token window)."""
    packer = _Packer(doc.text, counter, max_tokens, overlap)
    windows: list[tuple[int, int, str, Audience, str | None]] = []
    for entry in entries:
        blocks = parse_blocks(doc.text, entry.start, entry.end)
        blocks[0] = Block(blocks[0].start, blocks[0].end, "question")
        section = Section(title=entry.question, blocks=blocks, has_body=len(blocks) > 1)
        for s, e in packer.pack(section):
            windows.append((s, e, entry.question, entry.audience, entry.date))
    return _chunks_from_windows(doc, windows, packer)
