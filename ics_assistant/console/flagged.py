"""The maintainers' list of flagged passages: indexed chunks that address an AI or its users
with instructions (``corpus/injection_patterns.yaml``).

They stay in the index for staff and are never quoted to the public (``Index.flagged()``); the
console shows each with its document, position, the rule it matched and an excerpt around the
match, so a maintainer can fix or remove the document. Read from the chunk store with the
same function as ``Index.flagged()`` (``flag_chunks``), so the two lists are the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from ics_assistant.config import Settings
from ics_assistant.index import store_errors
from ics_assistant.ingest.injection import InjectionRule, flag_chunks, fold_spaces, load_injection_rules
from ics_assistant.store import ChunkStore, store_path
from ics_assistant.types import Chunk

__all__ = ["EXCERPT_AFTER", "EXCERPT_BEFORE", "FlaggedPassage", "excerpt", "flagged_passages"]

EXCERPT_BEFORE = 120  # characters shown before the matched words
EXCERPT_AFTER = 240  # characters shown from the start of the match on


@dataclass(frozen=True)
class FlaggedPassage:
    doc_id: str
    title: str
    audience: str
    section: str
    passage: int  # 1-based position of the chunk in its document
    start: int  # character offsets in the cleaned document text
    end: int
    rule: str
    why: str
    excerpt: str  # plain text: the page escapes it


def excerpt(text: str, rule: InjectionRule | None) -> str:
    """The part of ``text`` around what ``rule`` matched (spaces folded, as the rules see it),
    with an ellipsis where it was cut. Without a match, the passage's beginning."""
    folded = fold_spaces(text).strip()
    found = rule.pattern.search(folded) if rule is not None else None
    at = found.start() if found else 0
    begin, end = max(0, at - EXCERPT_BEFORE), min(len(folded), at + EXCERPT_AFTER)
    return ("…" if begin else "") + folded[begin:end].strip() + ("…" if end < len(folded) else "")


def _passages(chunks: list[Chunk]) -> list[FlaggedPassage]:
    rules = {r.name: r for r in load_injection_rules()}
    flagged = flag_chunks(chunks)
    out: list[FlaggedPassage] = []
    seen: dict[str, int] = {}
    for chunk in chunks:  # in document order: the position counts every chunk of the document
        seen[chunk.doc_id] = position = seen.get(chunk.doc_id, 0) + 1
        name = flagged.get(chunk.chunk_id)
        if name is None:
            continue
        rule = rules.get(name)
        out.append(
            FlaggedPassage(
                doc_id=chunk.doc_id,
                title=chunk.title,
                audience=chunk.audience,
                section=chunk.section,
                passage=position,
                start=chunk.start,
                end=chunk.end,
                rule=name,
                why=rule.why if rule is not None else "",
                excerpt=excerpt(chunk.text, rule),
            )
        )
    return out


def flagged_passages(settings: Settings) -> list[FlaggedPassage] | None:
    """Every flagged passage of the built index, by document then position; ``None`` when
    nothing was ingested yet. A damaged chunk store raises ``IndexStateError``."""
    path = store_path(settings)
    if not path.is_file():
        return None
    with store_errors():
        store = ChunkStore(path)
        try:
            chunks = store.all_chunks()
        finally:
            store.close()
    return _passages(chunks)
