"""The layout of a passage's lines (pure): which lines are items of a list, which line introduces
them (a line ending ':' or ';', or a heading line standing over a block of items), and which
blocks of short lines are one record (a name, then its address and hours).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ics_assistant.sentences import LIST_MARK

__all__ = [
    "BULLET",
    "HEADING_ENDS",
    "HEADING_WORDS",
    "ITEM_CHARS",
    "LABEL_VALUE",
    "ListLayout",
    "heading_text",
    "heads_block",
    "intro_items",
    "item_line",
    "line_of_a_run",
    "list_layout",
    "record_lines",
]

BULLET = LIST_MARK  # a bullet or "1." opening a line
LABEL_VALUE = re.compile(r"^[^:\d]{2,60}:\s+\S*\d")  # "CRISIS LINE: 0306 999 0735" states a fact
_RECORD_LINES = (3, 8)  # a name and at least two fields; longer blocks are lists, not records
_RECORD_NAME_WORDS = 8
_RECORD_LINE_CHARS = 100


ITEM_CHARS = 300  # a line longer than this is a paragraph, never one item or entry of a list


def item_line(chunk_text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``chunk_text[start:end]`` reads as one item of a list: a bullet, or
    a line that ends no sentence ("approved the winter plan for 2026/27, including ...")."""
    text = chunk_text[start:end]
    if BULLET.match(text) is not None:
        return True
    body = text.rstrip().rstrip("\"'”’)]")  # a quoted sentence ends at its full stop, not its quote mark
    return len(text) <= ITEM_CHARS and not body.endswith((".", "?", "!"))


def line_of_a_run(chunk_text: str, start: int) -> bool:
    """Whether the line that opens at ``start`` is one of a run of lines with no blank line between
    them, each one item, as the Markdown and HTML loaders write a list whose marks they dropped ("1.
    Talk to your health visitor ..." / "2. An infant feeding specialist ..."): a line of at most
    ``ITEM_CHARS`` with a single line break before it or after it (a paragraph is set off by a blank
    line on both sides)."""
    if start and chunk_text[start - 1] != "\n":
        return False
    end = chunk_text.find("\n", start)
    end = len(chunk_text) if end < 0 else end
    if end - start > ITEM_CHARS:
        return False
    before = chunk_text[:start]
    after = chunk_text[end:]
    single_before = (
        before.endswith("\n") and not before[:-1].rstrip(" \t").endswith("\n") and bool(before[:-1].strip())
    )
    single_after = (
        after.startswith("\n") and not after[1:].lstrip(" \t").startswith("\n") and bool(after.strip())
    )
    return single_before or single_after


HEADING_WORDS = 12  # a heading line has at most this many words
HEADING_ENDS = (".", "!", "?", ",", ":", ";")  # and ends no sentence or clause


def heads_block(chunk_text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``chunk_text[start:end]`` is a heading line standing as its own block
    (blank lines around it, short, ending no sentence): "What MSK Direct can help with"; an FAQ's
    question line heads its block too: "9. What is being done about it?"."""
    body = chunk_text[start:end].strip()
    before = chunk_text[:start].rstrip(" ")
    after = chunk_text[end:].lstrip(" ")
    question = body.endswith("?")  # an FAQ's numbered question ("9. What ...?") is no item
    return (
        (not before or before.endswith("\n\n"))
        and after.startswith("\n\n")
        and 0 < len(body.split()) <= HEADING_WORDS
        and (question or not body.endswith(HEADING_ENDS))
        and (question or BULLET.match(body) is None)
        and LABEL_VALUE.match(body) is None  # "COUNTY HELPLINE: 01632 960735" states a fact
    )


@dataclass(frozen=True)
class ListLayout:
    """The lists of a passage, by sentence index."""

    colon_items: frozenset[int]  # lines after an intro ending ':' or ';'
    headed: frozenset[int]  # heading lines standing over a block whose every line is an item
    items: frozenset[int]  # every item: the colon lists' and the blocks under those headings


def list_layout(chunk_text: str, spans: Sequence[tuple[int, int]]) -> ListLayout:
    """The items of a passage's lists: lines after an intro ending ':' or ';', and the lines of a
    block under a heading line when every line of that block is an item (at least two): "What MSK
    Direct can help with" / "back and neck pain" / "sprains, strains and sports injuries"."""
    colon: set[int] = set()
    spoken: set[int] = set()  # sentences that go on an item's line, not items of their own
    in_list = marked = False
    intro_block = run_block = -2  # the blocks of the last intro, and of its list's first item
    blocks: list[list[int]] = []
    for i, (s, e) in enumerate(spans):
        text = chunk_text[s:e]
        gap = chunk_text[spans[i - 1][1] : s] if i else "\n\n"
        new_line = "\n" in gap
        if "\n\n" in gap:
            blocks.append([])
        blocks[-1].append(i)
        bullet = BULLET.match(text) is not None
        # a whole sentence on a line of its own is an item only in a block of such lines set off from
        # its intro by a blank line (how the Markdown and HTML loaders write a list; in a PDF's text,
        # lines and paragraphs alike end with one line break)
        in_run = len(blocks) - 1 in (intro_block + 1, run_block) and line_of_a_run(chunk_text, s)
        itemish = item_line(chunk_text, s, e) or in_run
        # a list whose first item has a bullet or a number ends at its first line without one
        if in_list and i and new_line and itemish and (bullet or not marked):
            if i - 1 not in colon:  # its first item
                marked = bullet
                run_block = len(blocks) - 1
            colon.add(i)
        elif in_list and not new_line and i - 1 in colon | spoken:
            spoken.add(i)  # a further sentence on an item's line ("... 12 weeks. Call us if ...")
        else:
            in_list = marked = False
        if text.rstrip().endswith((":", ";")):
            in_list, marked = True, False
            intro_block, run_block = len(blocks) - 1, -1
    headed: set[int] = set()
    under: set[int] = set()
    for head, body in itertools.pairwise(blocks):
        # a heading line, or an FAQ's question line, over a block of items: that list's intro
        if len(head) != 1 or len(body) < 2 or not heads_block(chunk_text, *spans[head[0]]):
            continue
        lines = all("\n" in chunk_text[spans[i - 1][1] : spans[i][0]] for i in body[1:])
        if lines and all(item_line(chunk_text, *spans[i]) for i in body):
            headed.add(head[0])
            under.update(body)
    for i, run in _bullets_under_lines(chunk_text, spans).items():
        if i not in colon and i not in under:
            headed.add(i)
            under.update(run)
    return ListLayout(frozenset(colon), frozenset(headed), frozenset(colon | under))


def heading_text(body: str, *, question: bool = False) -> bool:
    """Whether a line's text reads as a heading: a few words, no bullet, ending no sentence or clause
    and stating no "LABEL: value" fact; with ``question``, an FAQ's question line ("Q4. What can a
    nurse help with?") too."""
    if not 0 < len(body.split()) <= HEADING_WORDS or BULLET.match(body) is not None:
        return False
    if question and body.endswith("?"):
        return True
    return not body.endswith(HEADING_ENDS) and LABEL_VALUE.match(body) is None


def _bullets_under_lines(chunk_text: str, spans: Sequence[tuple[int, int]]) -> dict[int, list[int]]:
    """Lines that stand over a run of bulleted lines straight below them (no blank line between),
    mapped to that run: an FAQ's question line ("Q4. What can a nurse help with?" / "- school
    visits" / "- advice on medicines") or a heading line. Each line of the run opens with a bullet."""
    out: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(spans):
        before = chunk_text[spans[i - 1][1] : s] if i else "\n"
        if "\n" not in before or not heading_text(chunk_text[s:e].strip(), question=True):
            continue
        run: list[int] = []
        for j in range(i + 1, len(spans)):
            gap = chunk_text[spans[j - 1][1] : spans[j][0]]
            if "\n" not in gap and run:
                continue  # a further sentence on an item's line ("3. ... takes photos. It takes 20 minutes.")
            if "\n" not in gap or "\n\n" in gap:
                break
            if BULLET.match(chunk_text[spans[j][0] : spans[j][1]]) is None:
                break
            run.append(j)
        if len(run) >= 2:
            out[i] = run
    return out


def intro_items(items: frozenset[int], n: int) -> dict[int, list[int]]:
    """Each list's intro sentence (the one before a run of items) mapped to its items."""
    out: dict[int, list[int]] = {}
    for i in range(n):
        if i not in items and i + 1 in items:
            run = []
            j = i + 1
            while j in items:
                run.append(j)
                j += 1
            out[i] = run
    return out


def record_lines(chunk_text: str, spans: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Sentences that are lines of a record, mapped to the record's first line: a block of short
    lines set off by blank lines, a short name first, then fields that end no sentence
    ("The Haven" / "27 Bridge Street, Dalesford" / "For adults aged 18 and over" / "Open 5pm to 11pm")."""
    out: dict[int, int] = {}
    block: list[int] = []

    def close() -> None:
        lines = [chunk_text[spans[i][0] : spans[i][1]].strip() for i in block]
        # the fields run until a line that is no field (a long or a finished line: a postal address
        # joined from two wrapped lines ends the record "Team" / "Phone: ..." / "Email: ...")
        fields = next(
            (
                k
                for k, ln in enumerate(lines)
                if len(ln) > _RECORD_LINE_CHARS or ln.endswith((".", "?", ":", ";"))
            ),
            len(lines),
        )
        if (
            _RECORD_LINES[0] <= fields
            and len(block) <= _RECORD_LINES[1]
            and len(lines[0].split()) <= _RECORD_NAME_WORDS
        ):
            out.update(dict.fromkeys(block[:fields], block[0]))

    for i, (s, _e) in enumerate(spans):
        gap = chunk_text[spans[i - 1][1] : s] if i else "\n\n"
        if gap.count("\n") == 1 and block:
            block.append(i)
        else:
            if block:
                close()
            block = [i] if "\n" in gap else []
    if block:
        close()
    return out
