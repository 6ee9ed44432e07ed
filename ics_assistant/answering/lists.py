"""Lists in a passage as the extractive answer reads them: which line introduces a list, its items,
the list an item belongs to, and whether a list is the answer to a question (pure, no model calls)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.evidence import Pool, Scored, term_coverage
from ics_assistant.answering.layout import BULLET, heading_text, item_line, line_of_a_run
from ics_assistant.answering.question import YES_NO, QuestionInfo
from ics_assistant.types import Chunk

__all__ = [
    "LIST_TYPES",
    "YES_NO",
    "asked_above",
    "best_list",
    "colon_intro",
    "context_terms",
    "expands",
    "heading_above",
    "intro_matches",
    "intro_of",
    "intro_start",
    "is_intro",
    "item_noun",
    "line_end",
    "list_block",
    "restates",
]

LIST_TYPES = ("list", "other", "definition")  # a yes/no question (``YES_NO``) is never answered by a list


def list_block(pool: Pool, sc: Scored) -> tuple[int, ...]:
    """Indices of the list items that follow intro sentence ``sc`` in its chunk (may be empty)."""
    if not is_intro(sc):
        return ()
    chunk = sc.hit.chunk
    sentences = pool.by_chunk[chunk.chunk_id]
    items: list[int] = []
    heading = not colon_intro(sc)  # a heading line: its block's lines, when all are items
    for nxt in sentences[sc.index + 1 :]:
        gap = chunk.text[sentences[nxt.index - 1].end : nxt.start]
        if "\n" not in gap and items and not nxt.item:
            continue  # further sentences on an item's line, any number of them (as the layout reads it)
        if "\n" not in gap or (heading and items and "\n\n" in gap):
            break  # a continuation of the same line, or the block under a heading ended
        if not nxt.item or not (
            item_line(chunk.text, nxt.start, nxt.end) or line_of_a_run(chunk.text, nxt.start)
        ):
            break  # (the passage's layout ends a numbered list at its first line without a number)
        items.append(nxt.index)
    return tuple(items) if len(items) >= 2 else ()


def line_end(sentences: Sequence[Scored], i: int, text: str) -> int:
    """Where item ``i``'s line ends: after the further sentences on its line ("You can keep the pump
    for up to 12 weeks. Call the Feeding Helpline if you need it for longer.")."""
    end = sentences[i].end
    for nxt in sentences[i + 1 :]:
        if "\n" in text[end : nxt.start]:
            break
        end = nxt.end
    return end


def colon_intro(sc: Scored) -> bool:
    return sc.text.rstrip().endswith((":", ";")) and BULLET.match(sc.text) is None


def is_intro(sc: Scored) -> bool:
    """A line that introduces a list: ends with ':' or ';' and is not itself a bullet item, or a
    heading line standing as its own block (its list, if any, is the block under it)."""
    return colon_intro(sc) or sc.heads_list


def item_noun(intro: str) -> str:
    m = re.search(r"\b\d+\s+(?:\w+\s+){0,3}?(\w+s)\b", intro)
    return m.group(1).lower() if m else "items"


def intro_of(pool: Pool, sc: Scored) -> Scored | None:
    """The intro sentence of the list that ``sc`` is an item of, if it is one."""
    sentences = pool.by_chunk[sc.hit.chunk.chunk_id]
    for prev in reversed(sentences[: sc.index]):
        items = list_block(pool, prev)
        if items:
            return prev if sc.index in items else None
        if prev.text.rstrip().endswith((".", "?", "!")) and not BULLET.match(prev.text):
            return None
    return None


def intro_start(pool: Pool, sc: Scored) -> int:
    """Where the quote of the list that ``sc`` introduces starts: at the intro, or, when the intro
    says little ("After that:"), at the sentence before it on its line ("Your GP can refer you.")."""
    sentences = pool.by_chunk[sc.hit.chunk.chunk_id]
    if (
        sc.index
        and len(sc.terms) < 2
        and "\n" not in sc.hit.chunk.text[sentences[sc.index - 1].end : sc.start]
    ):
        return sentences[sc.index - 1].start
    return sc.start


def context_terms(chunk: Chunk) -> frozenset[str]:
    """Terms a chunk's sentences inherit: its heading and its document's title ("the March 2021 update")."""
    return frozenset(content_terms(f"{chunk.section} {chunk.title}"))


def intro_matches(info: QuestionInfo, pool: Pool, sc: Scored) -> bool:
    """Whether list intro ``sc`` is about what the question asks: it shares a distinctive question term
    (one weighing at least half the heaviest), or two terms for a question that asks for a list."""
    shared = [t for t in info.terms if t in sc.terms]
    if info.answer_type == "list" and len(shared) >= 2:
        return True
    if restates(info, sc):
        return True
    if info.answer_type == "list":
        # "what tests will the centre do?" / "the centre will provide:" + "blood tests", "lung function
        # tests": the intro (or, when it says only "The team can help with:", its heading) names one
        # thing asked about and its items another
        sentences = pool.by_chunk[sc.hit.chunk.chunk_id]
        heading = set(content_terms(sc.hit.chunk.section)) | heading_above(pool, sc)
        items = set().union(*(sentences[i].terms for i in list_block(pool, sc)))
        named = set(info.terms) & (heading | set(sc.terms))
        around = heading | items | set(sc.terms) | context_terms(sc.hit.chunk)  # with the document's title
        if named and len(set(info.terms) & around) >= 2:
            return True
    top = max((pool.weights.get(t, 0.0) for t in info.terms), default=0.0)
    return any(pool.weights.get(t, 0.0) >= 0.5 * top for t in shared)


_HEADING_LOOKBACK = 3  # sentences above a list's intro searched for its heading line
HEADING_SAYS = 0.5  # weighted share of a question's terms that a heading line with the title must say


def heading_above(pool: Pool, sc: Scored) -> frozenset[str]:
    """The terms of the heading line just above a list's intro, inside the passage, where the
    document's layout gave no section (a PDF's "Section 3: What will happen after you are referred" /
    "Your GP can refer you. After that:" / "1. A clinician will phone you ...")."""
    sentences = pool.by_chunk[sc.hit.chunk.chunk_id]
    for prev in reversed(sentences[max(0, sc.index - _HEADING_LOOKBACK) : sc.index]):
        if _own_line(sc.hit.chunk.text, sentences, prev.index) and heading_text(prev.text.strip()):
            return frozenset(prev.terms)
    return frozenset()


def _own_line(text: str, sentences: Sequence[Scored], i: int) -> bool:
    """Whether sentence ``i`` of a passage stands on a line of its own (a line break before and
    after it)."""
    before = text[sentences[i - 1].end : sentences[i].start] if i else "\n"
    after = text[sentences[i].end : sentences[i + 1].start] if i + 1 < len(sentences) else "\n"
    return "\n" in before and "\n" in after


# the question word, with the word after "how" ("how long" asks something else than "how do I")
_WH = re.compile(r"^\s*(what|which|where|when|who|how\s+\w+)\b", re.I)
_HOW_VERBS = frozenset(
    ["do", "does", "did", "can", "could", "should", "will", "would", "is", "are", "was", "were", "to"]
)


def _asked_word(wh: str) -> str:
    """ "how long", "how much", "how soon": what it asks for; "how do", "how can": "how" (the way)."""
    words = wh.lower().split()
    return "how" if words[0] == "how" and words[-1] in _HOW_VERBS else " ".join(words)


# an FAQ's "9. What ...?", "Q9. What ...?", a plan's "Section 4: What happens after your scan"
_NUMBERED = re.compile(r"^\s*(?:(?:section|part|chapter)\s+\d{1,2}[.:)]?|Q\d{0,2}[.:)]|\d{1,2}[.)])\s+", re.I)


def _asks_again(info: QuestionInfo, line: Scored) -> bool:
    """Does ``line`` ask the question again: it opens with the question's own question word (after
    an FAQ's number) and every key term of it is one of the question's?"""
    asked = _NUMBERED.sub("", line.text)
    q, h = _WH.match(info.text), _WH.match(asked)
    if q is None or h is None or _asked_word(q.group(1)) != _asked_word(h.group(1)):
        return False
    terms = set(content_terms(asked)) if asked != line.text else set(line.terms)
    return bool(terms) and terms <= set(info.terms)


def restates(info: QuestionInfo, sc: Scored) -> bool:
    """A heading over a list that asks the question again ("Where are the four new clinics?" /
    "Where the clinics are"), as an FAQ's question line does."""
    return sc.heads_list and _asks_again(info, sc)


def asked_above(info: QuestionInfo, pool: Pool, sc: Scored) -> bool:
    """A list intro that answers an FAQ question line, or a heading line, asking the question again,
    the line just above it: "Q8. Where and when are the courses held?" / "Courses run at these places
    and times:" for "Where are the pain courses held?", "Section 4: What happens after your scan" /
    "... this is what happens next:" for "What happens after I have my lung scan?" (the intro's own
    words need not match the question's)."""
    if not colon_intro(sc) or sc.index == 0 or not list_block(pool, sc) or YES_NO.match(info.text):
        return False
    chunk = sc.hit.chunk
    sentences = pool.by_chunk[chunk.chunk_id]
    above = sentences[sc.index - 1]
    if "\n" not in chunk.text[above.end : sc.start] or not _asks_again(info, above):
        return False
    if above.text.rstrip().endswith("?"):
        return True
    # a heading line asks fewer words than an FAQ's question: with the document's title, it must
    # say most of what the question asks ("What happens after your scan" in a plan on lung health
    # checks, for "what happens after my lung scan?"; not "Who can have a test" for "who is the
    # clinical lead for the testing programme?")
    heading = heading_text(_NUMBERED.sub("", above.text.strip()))
    if not heading or not _own_line(chunk.text, sentences, above.index):
        return False
    said = set(above.terms) | context_terms(chunk)
    return term_coverage(info.terms, said, pool.weights) >= HEADING_SAYS


def expands(info: QuestionInfo, pool: Pool, sc: Scored) -> bool:
    """Whether the list that ``sc`` introduces is the answer: the question asks for a list (or a
    "what/which" question whose answer the list is), never a yes/no question, and the intro matches."""
    if not list_block(pool, sc):
        return False
    if info.answer_type == "name" and info.terms:  # "who can get it free?": the list of who, when the
        around = context_terms(sc.hit.chunk)  # intro (with its heading and title) says everything asked
        return all(t in sc.terms or t in around for t in info.terms)
    if info.answer_type not in LIST_TYPES:
        return False
    if info.answer_type != "list" and YES_NO.match(info.text):
        return False
    return intro_matches(info, pool, sc)


def best_list(info: QuestionInfo, pool: Pool, lead: Scored, floor: float) -> Scored | None:
    """For a question that asks for a list ("what are the steps after ...?"), the intro of the list
    that answers it when the best sentence, ``lead``, does not lead into one: the intro in ``lead``'s
    document that ``expands`` and whose list (intro or items) scores at least ``floor``, the best
    such (another document's list is about something else than the prose that leads)."""
    if info.answer_type != "list" or YES_NO.match(info.text):
        return None
    best: tuple[float, Scored] | None = None
    for sc in pool.sentences:
        if sc.hit.chunk.doc_id != lead.hit.chunk.doc_id or not is_intro(sc) or not expands(info, pool, sc):
            continue
        sentences = pool.by_chunk[sc.hit.chunk.chunk_id]
        top = max([sc.score, *(sentences[i].score for i in list_block(pool, sc))])
        if top >= floor and (best is None or top > best[0]):
            best = (top, sc)
    return best[1] if best else None
