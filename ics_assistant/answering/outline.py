"""Lists a document spells out as numbered headings, one section each (pure).

A plan's "five priorities" are often not a bulleted list but five sections, each under its own
heading: "Priority 1: Easier access to general practice" ... "Priority 5: Preventing ill health",
or "1. Start well" ... "4. Mind well" under "Our four priorities". No single passage holds that
list, so a list question ("what are the plan's priorities?") is answered from the document's
outline: its numbered heading lines, read from its chunks in reading order, each quoted from its
own chunk. A series matches a question when its label ("Priority") or the heading line just
before it ("Our four priorities") shares a term with the question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.evidence import Pool
from ics_assistant.answering.extractive import Composition, Quote, quoted_evidence
from ics_assistant.answering.layout import HEADING_ENDS, HEADING_WORDS
from ics_assistant.answering.question import QuestionInfo
from ics_assistant.answering.rendering import render_quotes
from ics_assistant.types import Chunk

__all__ = ["Series", "compose_series", "find_series", "list_intro", "numbered_series"]

_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")  # a run of non-blank lines
_NUMBERED = re.compile(r"^(?:(?P<label>[A-Za-z][A-Za-z-]*)\s+)?(?P<n>\d{1,2})\s*[.:)]\s+(?P<name>\S.*)$")
MIN_ITEMS = 3  # two numbered headings are a pair, not a list worth answering from the outline


@dataclass(frozen=True)
class Line:
    """A heading line: a block of one line, quoted from ``chunk`` at ``start:end``."""

    chunk: Chunk
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.chunk.text[self.start : self.end]


@dataclass(frozen=True)
class Series:
    """Numbered heading lines of one document, in order from 1, and the heading line before them."""

    label: str  # "priority", or "" for bare numbers
    items: tuple[Line, ...]
    intro: Line | None = None


def _heading_lines(chunks: Sequence[Chunk]) -> list[Line]:
    """The document's one-line blocks that read as headings, each once (chunks may overlap)."""
    seen: set[int] = set()
    out: list[Line] = []
    for chunk in sorted(chunks, key=lambda c: c.start):
        for m in _BLOCK.finditer(chunk.text):
            text = m.group().strip()
            at = chunk.start + m.start()
            if "\n" in text or at in seen:
                continue
            seen.add(at)
            if 0 < len(text.split()) <= HEADING_WORDS and not text.endswith(HEADING_ENDS):
                out.append(Line(chunk, m.start(), m.start() + len(m.group().rstrip())))
    return out


def numbered_series(chunks: Sequence[Chunk]) -> list[Series]:
    """Each run of numbered heading lines that counts 1, 2, 3 ... under one label."""
    lines = _heading_lines(chunks)
    found: list[Series] = []
    open_runs: dict[str, tuple[list[Line], Line | None]] = {}
    for k, line in enumerate(lines):
        m = _NUMBERED.match(line.text)
        if m is None:
            continue
        label = (m.group("label") or "").lower()
        n = int(m.group("n"))
        run, intro = open_runs.get(label, ([], None))
        if n == 1:
            if len(run) >= MIN_ITEMS:
                found.append(Series(label, tuple(run), intro))
            before = lines[k - 1] if k and _NUMBERED.match(lines[k - 1].text) is None else None
            open_runs[label] = ([line], before)
        elif run and n == len(run) + 1:
            run.append(line)
    found.extend(
        Series(label, tuple(run), intro) for label, (run, intro) in open_runs.items() if len(run) >= MIN_ITEMS
    )
    return found


def find_series(info: QuestionInfo, chunks: Sequence[Chunk]) -> tuple[Series, frozenset[str]] | None:
    """The numbered heading series of a document that a list question asks for, if any, with the
    question's terms that its label or intro names."""
    asked = set(info.terms)
    for series in numbered_series(chunks):
        named = set(content_terms(series.label)) if series.label else set()
        if series.intro is not None:
            named |= set(content_terms(series.intro.text))
        if named & asked:
            return series, frozenset(named & asked)
    return None


def list_intro(comp: Composition) -> str:
    """The intro line of the list a composition quotes ("" when it quotes none)."""
    for q in comp.quotes:
        if q.items:
            return q.chunk.text[q.start : q.items[0][0]]
    return ""


def compose_series(pool: Pool, series: Series, *, max_items: int = 12) -> Composition:
    """The series as a list, each heading cited to its own passage, led by its intro heading when
    that names something the question asks about."""
    quotes: list[Quote] = []
    info = pool.info
    intro = series.intro
    if intro is not None and set(content_terms(intro.text)) & set(info.terms):
        quotes.append(Quote(intro.chunk, intro.start, intro.end))
    lines = [*series.items, *([intro] if quotes and intro else [])]
    said = set().union(*(content_terms(f"{ln.text} {ln.chunk.section} {ln.chunk.title}") for ln in lines))
    missing = [e for e in info.entities if e not in said]
    if missing:  # "the ICB's priorities": the document's sentence that names the ICB sets the list
        doc = series.items[0].chunk.doc_id
        setting = next(
            (
                sc
                for sc in pool.ranked()
                if sc.hit.chunk.doc_id == doc
                and not (sc.heading or sc.item or sc.heads_list)
                and all(e in sc.terms for e in missing)
            ),
            None,
        )
        if setting is not None:
            quotes.insert(0, Quote(setting.hit.chunk, setting.start, setting.end))
    quotes.extend(Quote(line.chunk, line.start, line.end, listed=True) for line in series.items[:max_items])
    text, citations, _ = render_quotes(quotes)
    return Composition(text, citations, tuple(quotes), quoted_evidence(pool, quotes), True)
