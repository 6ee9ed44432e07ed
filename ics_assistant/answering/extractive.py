"""The default generator: a short reply built from verbatim source sentences with ``[n]`` markers.

It leads with the sentence that best answers the question (its answer-type cue decides ties: a
date for "when", a number for "how many", a speaker for "who"), adds at most two more sentences
that bring new information (for "when" questions, preferably dated statements from other sources,
so a change over time shows), and frames each source once: "According to <title>[, dated <date>]:".
A list question gets the list as the source gives it, items verbatim, led by a list intro that
matches the question (and, when the intro lacks an entity the question names, the sentence of the
same document that names it); when the source announces more items than it names, the reply says
it names only those. A list is never expanded for a yes/no question, nor when its intro is not about
what is asked; a document's title line is never the lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ics_assistant.answering.analysis import has_date
from ics_assistant.answering.evidence import Pool, Scored
from ics_assistant.answering.layout import BULLET
from ics_assistant.answering.lists import (
    LIST_TYPES,
    asked_above,
    best_list,
    context_terms,
    expands,
    intro_of,
    intro_start,
    is_intro,
    line_end,
    list_block,
    restates,
)
from ics_assistant.answering.parts import question_parts
from ics_assistant.answering.question import QuestionInfo
from ics_assistant.answering.quote_reach import (
    entry_line,
    gives_value,
    is_title_sentence,
    same_paragraph,
    speaker_before,
    value_after,
)
from ics_assistant.answering.rendering import format_date, render_quotes
from ics_assistant.retrieval.timeline import asks_about_change, is_status_statement
from ics_assistant.types import Chunk, Citation

__all__ = [
    "PRONOUN_START",
    "Composition",
    "Quote",
    "compose_extractive",
    "format_date",
    "quoted_evidence",
    "render_quotes",
    "select_quotes",
]


EXTRA_RATIO = 0.75  # a further sentence must score at least this share of the lead's score
NEIGHBOUR_RATIO = 0.6  # the lead's next sentence in its paragraph is quoted with it from this share
PRONOUN_START = re.compile(r"^(?:They|It|This|These|That|Those|He|She|Such)\b")
# A sentence that carries on from the one before it ("So they can ...", "This support should ...").
_CONTINUES = re.compile(r"^(?:So|Therefore|Thus|As a result|This|These|They|It|That means)\b")
_NOW = re.compile(r"\b(still|now|currently|today|yet|any ?more|any longer|at present|these days)\b", re.I)
_AFTER_LEAD = 3  # a list intro at most this many sentences after the lead, in its paragraph
# "what equipment do patients get?", "where are the clinics?": a list may be the answer
# (not "what is X?" / "what was her role?": one thing, asked by its name)
_ASKS_WHAT = re.compile(
    r"^\s*(?:where\b|(?:what|which)\s+(?!(?:is|was|are|were|'s|do|does|did|will|would|can|could|should|"
    r"has|have|had)\b)\w)",
    re.I,
)
LIST_LEAD_RATIO = 0.6  # a matching list intro may lead a list question from this share of the best score
STATUS_RATIO = 0.4  # a dated status statement may follow the lead of a "still / as planned" question


@dataclass(frozen=True)
class Quote:
    """A verbatim span of a chunk that the reply quotes."""

    chunk: Chunk
    start: int  # relative to the chunk text
    end: int
    items: tuple[tuple[int, int], ...] = ()  # list items (chunk-relative spans) after an intro
    truncated: bool = False  # the source's list goes on past the items kept
    listed: bool = False  # one item of a list spread over the document (a numbered heading)
    record: bool = False  # a record of short lines (a name, then its phone, email, hours): kept as lines

    @property
    def text(self) -> str:
        return self.chunk.text[self.start : self.end]


@dataclass(frozen=True)
class Composition:
    text: str
    citations: tuple[Citation, ...]
    quotes: tuple[Quote, ...]
    evidence: tuple[Scored, ...]  # the sentences the reply stands on (for the answerability check)
    is_list: bool = False
    unanswered_parts: tuple[str, ...] = ()  # parts of the question the documents do not answer


def _item_with_value(info: QuestionInfo, pool: Pool, sc: Scored) -> bool:
    """A bare list item that names what the question names and whose next line gives the value
    asked for: "when are the clinics at Ashby Leisure Centre?" over a list of places, each with
    its hours on the line below. Such an item may lead a question that is not a list question."""
    if not any(e in sc.terms for e in info.entities):
        return False
    return value_after(info, pool.by_chunk[sc.hit.chunk.chunk_id], sc) is not None


def _item_states_value(info: QuestionInfo, sc: Scored) -> bool:
    """A list item that itself gives the value asked for, about a thing the question names:
    "mental health services: £298 million" answers "how much went on mental health services?"."""
    return gives_value(info, sc.text) is True and any(t in sc.terms for t in info.terms)


def _lead(info: QuestionInfo, pool: Pool, ranked: list[Scored]) -> Scored:
    list_ok = info.answer_type in LIST_TYPES
    if info.answer_type in ("list", "name") or _ASKS_WHAT.match(info.text):
        # a list intro that names what is asked leads over prose
        # about it ("who can have a free flu vaccine?" -> "You can have a free flu vaccine if you are:")
        intros = [s for s in ranked[:12] if is_intro(s) and expands(info, pool, s)]
        if intros and intros[0].score >= LIST_LEAD_RATIO * ranked[0].score:
            return intros[0]
    usable = [
        s
        for s in ranked
        if (not is_intro(s) or expands(info, pool, s))
        and (list_ok or not s.bare_item or _item_with_value(info, pool, s) or _item_states_value(info, s))
        and not is_title_sentence(s)
    ]
    if info.entities:  # the lead must itself name what the question names, when any sentence does
        named = {
            id(s): sum(
                pool.weights.get(e, 1.0)
                for e in info.entities
                if e in s.terms or e in context_terms(s.hit.chunk)
            )
            for s in usable
        }
        most = max(named.values(), default=0.0)
        # every named thing if one sentence names them all, else the most telling of them (none: any)
        usable = [s for s in usable if named[id(s)] == most] if most else usable
    best = usable[0] if usable else ranked[0]
    # the kind of answer asked for wins a near tie, if it is about the same things; so does a list in
    # a line ("the five conditions are: ...") or the value asked for (the places for "where", the
    # number for "what number do I ring"), with less of the lead's overlap, in a one-part question
    share = None
    if info.answer_type in ("date", "number", "name", "definition"):
        share = 0.6
    elif (info.answer_type == "list" or info.slots) and len(question_parts(info.text)) == 1:
        share = 0.35
    if share is not None:
        for sc in usable[:8]:
            if sc.cue >= 1.0 and sc.score >= best.score - 0.15 and sc.overlap >= share * best.overlap:
                return sc
    return best


def _setting(info: QuestionInfo, ranked: list[Scored], intro: Scored) -> Scored | None:
    """For a list whose intro lacks some of the question's entities ("the 13 areas ... from April"):
    the best sentence of the same document that names them, quoted before the list."""
    have = intro.terms | context_terms(intro.hit.chunk)
    missing = [e for e in info.entities if e not in have]
    if not missing:
        return None
    for sc in ranked:
        same_doc = sc.hit.chunk.doc_id == intro.hit.chunk.doc_id
        if same_doc and not (sc.heading or sc.item or is_intro(sc)) and all(e in sc.terms for e in missing):
            return sc
    return None


def _list_after(info: QuestionInfo, pool: Pool, lead: Scored) -> Scored | None:
    """A list intro that closes the lead's own paragraph, within a few sentences, and shares a
    key term with the question: its list is what the lead is about."""
    chunk = lead.hit.chunk
    for nxt in pool.by_chunk[chunk.chunk_id][lead.index + 1 : lead.index + 1 + _AFTER_LEAD]:
        if not same_paragraph(lead, nxt) or nxt.item:
            return None
        if is_intro(nxt):  # "These include:" points back at the lead; otherwise a shared term
            shared = PRONOUN_START.match(nxt.text) is not None or any(t in nxt.terms for t in info.terms)
            return nxt if shared and list_block(pool, nxt) else None
    return None


def select_quotes(
    info: QuestionInfo, pool: Pool, max_sentences: int, *, neighbour: bool = True
) -> list[Quote]:
    """The quotes that answer ``info`` from ``pool``, the lead first. ``neighbour``: the lead may
    bring its paragraph's next sentence (off for a later part of a question, whose quote answers
    that part alone)."""
    ordered = pool.ranked()
    ranked = [s for s in ordered if not s.is_question]
    if not ranked:
        return []
    # a heading or an FAQ's question line that asks the question again ("Where the clinics are",
    # "9. What is being done about air pollution?") leads with the list under it
    again = next(
        (s for s in ordered if (restates(info, s) and expands(info, pool, s)) or asked_above(info, pool, s)),
        None,
    )
    lead = again if again is not None else _lead(info, pool, ranked)
    items = list_block(pool, lead) if again is not None or expands(info, pool, lead) else ()
    if not items and info.answer_type in LIST_TYPES:
        intro = intro_of(pool, lead)
        if intro is not None and expands(info, pool, intro):
            lead, items = intro, list_block(pool, intro)
    if not items and info.answer_type in LIST_TYPES:
        intro = _list_after(info, pool, lead)
        if intro is not None:  # "Hubs offer evening appointments. ... There are three hubs:" + list
            items = list_block(pool, intro)
    if not items and (listed := best_list(info, pool, lead, lead.score * EXTRA_RATIO)) is not None:
        lead, items = listed, list_block(pool, listed)  # "what are the steps after ...?": the steps
    if items:
        chunk = lead.hit.chunk
        spans = pool.by_chunk[chunk.chunk_id]
        kept = tuple((spans[i].start, line_end(spans, i, chunk.text)) for i in items)
        block = Quote(chunk, intro_start(pool, lead), kept[-1][1], kept)
        setting = _setting(info, ranked, lead)
        return [Quote(setting.hit.chunk, setting.start, setting.end), block] if setting else [block]
    quotes: list[Quote] = []
    used: set[tuple[str, int]] = set()

    def add(sc: Scored) -> None:
        chunk = sc.hit.chunk
        start = sc.start
        prev: Scored | None = None
        if info.answer_type == "name":
            prev = speaker_before(pool, sc)
        if prev is None and PRONOUN_START.match(sc.text) and sc.index > 0:
            prev = pool.by_chunk[chunk.chunk_id][sc.index - 1]
            if prev.is_question or (chunk.chunk_id, prev.index) in used:
                prev = None
        if prev is not None:
            start = prev.start
            used.update((chunk.chunk_id, i) for i in range(prev.index, sc.index))
        used.add((chunk.chunk_id, sc.index))
        end = sc.end
        sentences = pool.by_chunk[chunk.chunk_id]
        entry: list[Scored] = []
        if sc.record >= 0:  # a line of a record (a name, its address, its hours): the whole record
            entry = [s for s in sentences if s.record == sc.record]
        elif not quotes:  # a lead inside one entry of a list of lines: the whole entry
            entry = entry_line(chunk.text, sentences, sc)
        if entry:
            start, end = min(start, entry[0].start), entry[-1].end
            used.update((chunk.chunk_id, s.index) for s in entry)
        value = value_after(info, sentences, sc) if not quotes and not entry else None
        if value is not None:
            end = value.end
            used.add((chunk.chunk_id, value.index))
        elif not quotes and not entry and sc.index + 1 < len(sentences) and max_sentences > 1:  # lead only
            nxt = sentences[sc.index + 1]
            # a name or label line: its next line says what it is (a salutation "Dear colleague," does not)
            # (two items of one list are two things: "prescribing: £189 million" stands alone)
            short = (
                len(sc.text.split()) < 5
                and not nxt.text.rstrip().endswith(",")
                and not (sc.item and nxt.item)
            )
            # the next sentence of the lead's paragraph, when it is about the question nearly as much
            # ("The hub is staffed from 8am to 8pm." + "Outside these hours, call NHS 111.")
            near = (
                neighbour
                and nxt.score >= NEIGHBOUR_RATIO * sc.score
                and not (nxt.heading or nxt.item or sc.item)
                and same_paragraph(sc, nxt)
            )
            # never a list intro ("These include:") without its list
            if (short or near or _CONTINUES.match(BULLET.sub("", nxt.text))) and not (
                nxt.is_question or is_intro(nxt)
            ):
                end = nxt.end
                used.add((chunk.chunk_id, nxt.index))
        quotes.append(Quote(chunk, start, end, record=sc.record >= 0 and len(entry) >= 2))

    add(lead)
    seen_terms = set(lead.terms)
    seen_docs = {lead.hit.chunk.doc_id}
    floor = lead.score * EXTRA_RATIO
    candidates = [s for s in ranked if s is not lead]
    change = _NOW.search(info.text) is not None or asks_about_change(info.text)
    temporal = info.answer_type == "date" or change
    if temporal:  # dated statements from other sources first: shows change over time
        candidates.sort(
            key=lambda s: (
                not (has_date(s.text) and s.hit.chunk.doc_id not in seen_docs),
                not (change and is_status_statement(s.text)),
                -s.score,
            )
        )
        if info.answer_type != "date":
            floor = lead.score * 0.5
    for sc in candidates:
        if len(quotes) >= max_sentences:
            break
        # a dated statement of a change of status may settle a "still / as planned" question
        status_floor = lead.score * STATUS_RATIO if change and is_status_statement(sc.text) else floor
        if (
            sc.score < min(floor, status_floor)
            or sc.heading
            or sc.item  # a list item is quoted with its list, never on its own
            or (sc.hit.chunk.chunk_id, sc.index) in used
        ):
            continue
        if is_intro(sc):
            continue  # a list intro without its list
        if temporal and not has_date(sc.text):
            continue
        new = sc.terms - seen_terms
        if len(new) < max(2, len(sc.terms) // 3):
            continue  # says little the reply does not already say
        add(sc)
        seen_terms |= sc.terms
        seen_docs.add(sc.hit.chunk.doc_id)
    return quotes


def compose_extractive(pool: Pool, *, max_sentences: int = 3, max_items: int = 12) -> Composition:
    """Pick and render the reply. Returns an empty composition when there is nothing to quote."""
    quotes = select_quotes(pool.info, pool, max_sentences)
    quotes = [
        Quote(q.chunk, q.start, q.items[:max_items][-1][1], q.items[:max_items], len(q.items) > max_items)
        if q.items
        else q
        for q in quotes
    ]
    if not quotes:
        return Composition("", (), (), ())
    text, citations, is_list = render_quotes(quotes)
    return Composition(text, citations, tuple(quotes), quoted_evidence(pool, quotes), is_list)


def quoted_evidence(pool: Pool, quotes: Sequence[Quote]) -> tuple[Scored, ...]:
    """The scored sentences that ``quotes`` quote, in quote order (what the reply stands on)."""
    return tuple(
        sc
        for q in quotes
        for sc in pool.by_chunk[q.chunk.chunk_id]
        if sc.start >= q.start and sc.end <= q.end
    )
