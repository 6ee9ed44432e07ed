"""A reply to a question in several parts ("When does it open, and can anyone go?"): the first
part's answer (``extractive.compose_extractive``), then for each further part the best quote the
reply does not already hold; when that quote neither says the part's own words ("anyone", "go")
nor gives a value the part asks for, the sentence among the part's best that says them is quoted
instead ("Anyone can attend."), if there is one. A part that asks for a value with a written form
(a date, a number, a phone number ...) that no quote gives is named as not found ("I couldn't find
the answer to “What number do I call” in the documents I have.") rather than answered loosely."""

from __future__ import annotations

from collections.abc import Sequence

from ics_assistant.answering.evidence import Pool
from ics_assistant.answering.extractive import (
    EXTRA_RATIO,
    PRONOUN_START,
    Composition,
    Quote,
    compose_extractive,
    quoted_evidence,
    render_quotes,
    select_quotes,
)
from ics_assistant.answering.messages import NOT_FOUND
from ics_assistant.answering.question import QuestionInfo
from ics_assistant.answering.quote_reach import gives_value
from ics_assistant.answering.slots import FORM_SLOTS, has_slot

__all__ = ["compose_parts", "not_found", "not_found_lines"]


def _overlaps(quote: Quote, chunk_id: str, start: int, end: int) -> bool:
    return quote.chunk.chunk_id == chunk_id and quote.start < end and start < quote.end


def compose_parts(
    pools: Sequence[Pool],
    parts: Sequence[str] = (),
    *,
    max_sentences: int = 3,
    max_items: int = 12,
) -> Composition:
    """One reply to a question in several parts (one pool per part, see ``parts.question_parts``):
    the first part's answer, then the lead quote for each further part that the reply does not
    already hold, so that every part is answered."""
    first = compose_extractive(
        pools[0], max_sentences=max(1, max_sentences - (len(pools) - 1)), max_items=max_items
    )
    if len(pools) == 1 or not first.quotes or first.is_list:
        return first
    quotes = list(first.quotes)
    evidence = list(first.evidence)
    unanswered: list[str] = []
    for i, pool in enumerate(pools[1:], start=1):
        fresh = [
            q
            for q in select_quotes(pool.info, pool, max_sentences, neighbour=False)
            if not q.items and not any(_overlaps(x, q.chunk.chunk_id, q.start, q.end) for x in quotes)
        ]
        q = fresh[0] if fresh else None
        # a quote that neither says what the part adds nor gives the value it asks for: another
        # sentence among the part's best may say it ("..., and can anyone go?": "Anyone can attend.")
        if pool.info.own_terms and (
            q is None
            or (not _says(pool, q, pool.info.own_terms) and gives_value(pool.info, q.text) is not True)
        ):
            q = _own_answer(pool, quotes) or q
        if _value_missing(pool.info, [*(x.text for x in quotes), *([q.text] if q else [])]):
            unanswered.extend(parts[i : i + 1])  # a loose quote is not offered as its answer
            continue
        if q is None:
            continue  # the reply already answers this part
        quotes.append(q)
        evidence.extend(quoted_evidence(pool, [q]))
    if len(quotes) == len(first.quotes) and not unanswered:
        return first
    if len(quotes) > len(first.quotes) and _value_missing(pools[0].info, [x.text for x in quotes]):
        # the first part asks for a value no quote gives ("what is its number, and is it free?"
        # answered by "It is free" and a line with no number): its quotes go, and it is named
        quotes, evidence = quotes[len(first.quotes) :], evidence[len(first.evidence) :]
        unanswered[:0] = parts[:1]
    text, citations, is_list = render_quotes(quotes)
    if unanswered:
        text += "\n\n" + not_found_lines(unanswered)
    return Composition(text, citations, tuple(quotes), tuple(evidence), is_list, tuple(unanswered))


def not_found_lines(parts: Sequence[str]) -> str:
    """The lines that name the parts of the question the documents do not answer, as one paragraph
    (what follows the quotes of a reply, whichever generator wrote them)."""
    return " ".join(not_found(p) for p in parts)


def not_found(part: str) -> str:
    """The line that names a part of the question the documents do not answer."""
    asked = " ".join(part.replace("“", '"').replace("”", '"').split()).strip(" ?,.;")  # one pair of quotes
    return NOT_FOUND.format(part=asked[:1].upper() + asked[1:])


def _value_missing(info: QuestionInfo, texts: Sequence[str]) -> bool:
    """Whether a later part asks for a value with a form of its own (a date for "when", a number for
    "how many", a phone number, an email address, a time, a sum ...) and none of ``texts`` (the
    reply's quotes with the part's best) holds one. A place, a person or a duration is written in
    too many ways to say it is absent, so such a part is never named."""
    formed = [s for s in info.slots if s in FORM_SLOTS]
    text = " ".join(texts)
    if info.answer_type == "date" and has_slot(text, "time"):
        return False  # "when does the group meet?": "on Wednesdays, 11am to 12 noon" may answer it
    if formed:
        return not any(has_slot(text, s) for s in formed)
    return not info.slots and gives_value(info, text) is False  # a date for "when", a number ...


def _says(pool: Pool, quote: Quote, terms: Sequence[str]) -> bool:
    """Whether a sentence that ``quote`` quotes says one of ``terms``."""
    return any(set(terms) & sc.terms for sc in quoted_evidence(pool, [quote]))


def _own_answer(pool: Pool, quotes: Sequence[Quote]) -> Quote | None:
    """For a later part whose own words the reply does not say ("..., and can anyone go?"), the
    sentence among the part's best not yet quoted that says one of them ("Anyone can attend.")."""
    own = set(pool.info.own_terms)
    unquoted = [
        sc
        for sc in pool.ranked()
        if not sc.is_question
        and not sc.heading
        and not any(_overlaps(x, sc.hit.chunk.chunk_id, sc.start, sc.end) for x in quotes)
    ]
    if not unquoted:
        return None
    floor = unquoted[0].score * EXTRA_RATIO
    for sc in unquoted:
        if sc.score < floor:
            return None
        if own & sc.terms:
            start = sc.start
            if PRONOUN_START.match(sc.text) and sc.index > 0:  # "It will be based at ...": and what "it" is
                start = pool.by_chunk[sc.hit.chunk.chunk_id][sc.index - 1].start
            return Quote(sc.hit.chunk, start, sc.end)
    return None
