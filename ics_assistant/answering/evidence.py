"""Score every sentence of the retrieved chunks against the question (pure, no model calls).

A sentence's score mixes
- semantic similarity: the question vector against the sentence vectors precomputed at ingest;
- weighted term overlap: a term weighs more the rarer it is among the retrieved sentences, and a
  share of the credit comes from the chunk's heading and document title (so "according to the
  stakeholder update" counts);
- an answer-type cue: a date for "when", a number next to the thing counted for "how many", a
  name (ideally with "said") for "who", a defining "X is/are" for "what is";
- small bonuses for the chunk's rank and for the first sentence after a matching FAQ question.
Headings, titles and questions score half: they are not answers. Misspelt question terms are
first corrected to the closest word of the retrieved text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ics_assistant.answering.analysis import (
    MONTHS,
    NUMBER_WORDS,
    content_terms,
    dates_in,
    has_date,
    has_number,
    names_in,
    plain_numbers,
    stem,
)
from ics_assistant.answering.layout import LABEL_VALUE, intro_items, list_layout, record_lines
from ics_assistant.answering.question import QuestionInfo, asks_when_usually
from ics_assistant.answering.slots import CUE_SLOTS, SLOT_WORDS, has_slot
from ics_assistant.protocols import Vectors
from ics_assistant.retrieval.spelling import is_english_word
from ics_assistant.textnorm import tokenize_words
from ics_assistant.types import Hit

__all__ = [
    "Pool",
    "Scored",
    "correct_terms",
    "counts_focus",
    "is_title_line",
    "score_sentences",
    "slot_subject",
    "term_coverage",
]

W_SEMANTIC = 0.5
W_OVERLAP = 0.4
W_CUE = 0.2
W_ANSWER_START = 0.1  # first sentence after a heading/question that matches the question
W_CONTEXT_SHARE = 0.35  # share of the overlap credited from the chunk's heading and document title
W_RANK = 0.05
# "What was X called?", "the name of the White Paper": a title, which sources quote.
_ASKS_TITLE = re.compile(r"\b(?:called|titled|entitled|name of the|title of the)\b", re.IGNORECASE)
_QUOTED_TITLE = re.compile(r"[‘“\"][A-Z][^’”\"]{10,}[’”\"]")
_SAID = re.compile(r"\b(said|says|confirmed|announced|wrote|stated)\b")
_DEFINES = re.compile(r"^((?:\S+\s+){0,7}?\S+)\s+(?:is|are|means|refers to)\s+(?:a|an|the)?\b", re.I)
_PAST_QUESTION = re.compile(r"\b(did|was|were|happened|became)\b", re.I)
_INTENT = re.compile(
    rf"\b(will|would|should|shall|propos\w*|plans?|planned|expected|aims?|await\w*|intend\w*|by (?:{MONTHS}|"
    r"the end of) \d{4})\b",
    re.I,
)
# A role held by a named person: capitalised, as in a signature or byline.
_ROLE_TITLE = re.compile(
    r"\b(?:Chair(?:man|woman|person)?|Chief Executive|Chief Officer|Director|Secretary of State|Minister|"
    r"President|Leader|Head of|Lead for|Accountable Officer)\b"
)
_REASON = re.compile(
    r"\b(because|so that|given that|as a result|due to|in order to|to improve|to help|allow|allowing|means|"
    r"enable|help|since)\b"
)


@dataclass(frozen=True)
class Scored:
    hit: Hit
    index: int  # sentence index within the chunk
    start: int  # span relative to the chunk text
    end: int
    text: str
    terms: frozenset[str]
    semantic: float
    overlap: float
    cue: float
    score: float
    heading: bool = False  # a heading, title or question line: never quoted as an answer on its own
    item: bool = False  # a short list item (a name, an area): quoted only with its list
    record: int = -1  # in a record of short lines (a name, then its address, hours ...): its first line
    heads_list: bool = False  # a heading line whose block below is a list: that list's intro

    @property
    def bare_item(self) -> bool:
        return self.item and len(self.text.split()) <= 8

    @property
    def is_question(self) -> bool:
        if self.text.rstrip().endswith("?"):
            return True
        # "Q11. I paid for a prescription I should have had free. Can I get a refund?": a sentence of
        # an FAQ's question line (the line that heads its chunk) is part of the question, not an answer
        chunk = self.hit.chunk
        line_start = chunk.text.rfind("\n", 0, self.start) + 1
        line_end = chunk.text.find("\n", self.end)
        line = chunk.text[line_start : line_end if line_end >= 0 else len(chunk.text)].strip()
        return line.endswith("?") and line == chunk.section.strip()


@dataclass(frozen=True)
class Pool:
    """All scored sentences (chunk order kept per hit) and the term weights used."""

    info: QuestionInfo  # the question as scored (misspelt terms corrected to the evidence's words)
    sentences: tuple[Scored, ...]
    weights: Mapping[str, float]
    by_chunk: Mapping[str, tuple[Scored, ...]]

    def ranked(self) -> list[Scored]:
        return sorted(self.sentences, key=lambda s: -s.score)


def _close(a: str, b: str) -> bool:
    """One edit apart (two for long words): enough for the typos people make in questions."""
    if abs(len(a) - len(b)) > 2 or a[:1] != b[:1]:
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return False
        prev = cur
    return prev[-1] <= limit


def correct_terms(info: QuestionInfo, vocabulary: set[str]) -> QuestionInfo:
    """Replace question terms missing from ``vocabulary`` by a close spelling that is in it (never
    a term that is itself an English word, as the query speller does)."""
    fixed: list[str] = []
    changed = False
    for t in (*info.terms, *([info.focus] if info.focus and info.focus not in info.terms else [])):
        if t in vocabulary or len(t) < 5 or t[0].isdigit() or is_english_word(t):
            fixed.append(t)  # an English word is what the person meant ("plain" is not "plan")
            continue
        match = next((v for v in sorted(vocabulary) if _close(t, v)), None)
        fixed.append(match or t)
        changed = changed or match is not None
    if not changed:
        return info
    mapping = dict(
        zip(
            (*info.terms, *([info.focus] if info.focus and info.focus not in info.terms else [])),
            fixed,
            strict=True,
        )
    )
    return replace(
        info,
        terms=tuple(dict.fromkeys(fixed[: len(info.terms)])),
        entities=tuple(dict.fromkeys(mapping.get(e, e) for e in info.entities)),
        focus=mapping.get(info.focus, info.focus) if info.focus else None,
    )


def _is_heading(text: str, title: str) -> bool:
    body = text.strip()
    if LABEL_VALUE.match(body):  # "CRISIS LINE: 0306 999 0735" states a fact, it is not only a heading
        return False
    # under four words is a heading, but a sentence ("Anyone can attend.") is not
    short = len(body.split()) < 4 and not (len(body.split()) > 1 and body.endswith("."))
    if body.endswith("?") or short or body == title.strip():
        return True
    return not body.endswith((".", "!", ":", ";", "”", '"', "’", ")")) and len(body.split()) <= 12


def is_title_line(text: str, title: str) -> bool:
    """Whether ``text`` restates the document title (the title line, or the title before a bracket),
    or opens with the whole of a long title: a PDF's first line runs the title into the publisher
    ("Onward: our plan for ... 2027 to 2028 NHS Tollmarsh ... Board, with ...")."""
    whole = " ".join(title.split()).lower()
    if len(whole.split()) >= 5 and " ".join(text.split()).lower().startswith(whole):
        return True
    body = set(content_terms(text))
    head = set(content_terms(title.split("(")[0]))
    return bool(body) and not text.rstrip().endswith((".", "!", "?")) and (body <= head or head <= body)


def slot_subject(info: QuestionInfo) -> frozenset[str]:
    """What a question that asks for a value is about: its key terms less the words that only name
    the kind of value ("the helpline's email address" is about the helpline)."""
    return frozenset(info.terms) - _SLOT_WORDS


def _cue(info: QuestionInfo, text: str, title: str, terms: frozenset[str], unnamed: bool = False) -> float:
    """How well ``text`` (whose terms, with any record's name, are ``terms``) holds the kind of answer
    asked for (0..1). ``unnamed``: neither the sentence nor its heading and title hold the question's
    most telling name."""
    formed = [s for s in info.slots if s in CUE_SLOTS]
    if formed and terms & slot_subject(info) and any(has_slot(text, s) for s in formed):
        # "the helpline's email address?": an email address, in a sentence about the helpline; "the
        # MSK Direct phone number?": the MSK Direct line's number, less another service's booking line
        return 0.5 if unnamed else 1.0
    return _type_cue(info, text, title)


def most_telling_name(info: QuestionInfo, weights: Mapping[str, float]) -> str | None:
    """The question's entity that weighs most among the evidence (on a tie the later word: a
    name's head noun)."""
    entities = info.entities
    best = max(range(len(entities)), key=lambda i: (weights.get(entities[i], 0.0), i), default=None)
    return None if best is None else entities[best]


def _type_cue(info: QuestionInfo, text: str, title: str) -> float:
    kind = info.answer_type
    if _ASKS_TITLE.search(info.text) and _QUOTED_TITLE.search(text):
        return 1.0  # "what was the paper called?": a quoted title is the answer
    if kind == "date":
        if title and is_title_line(text, title):
            return 0.0  # "Onward: our plan ... 2027 to 2028": a document's title line dates nothing asked
        if not has_date(text):
            return 1.0 if asks_when_usually(info.text) and has_slot(text, "time") else 0.0
        # "when did it happen?" is best answered by a statement that it happened, not a plan
        if _PAST_QUESTION.search(info.text) and _INTENT.search(text):
            return 0.5
        return 1.0
    if kind == "number":
        if info.focus is not None and counts_focus(text, info.focus):
            return 1.0  # a number that counts the thing asked about ("up to four times a day", too)
        plain = plain_numbers(text)
        if plain and info.focus is not None:
            return 0.5  # a number, but of something else
        return 1.0 if plain else (0.2 if has_number(text) else 0.0)
    if kind == "name":
        if is_title_line(text, title):
            return 0.0  # a document's title line names no one, whatever its capitals
        # a name the question gives is what it asks about, not the answer ("which organisation
        # delivers Healthier Futures?": "Healthier Futures is the local name for ..." names no one new)
        names = [n for n in names_in(text) if not set(content_terms(n)) <= set(info.terms)]
        if names and "person" in info.slots and not has_slot(text, "person"):
            return 0.3  # "who is the chair?" wants a person: "Chair of the ... Board" names a body only
        if names and (_SAID.search(text) or _ROLE_TITLE.search(text)):
            return 1.0  # a speaker, or a name with the role it holds ("Prem Singh, Independent Chair")
        return 0.6 if names else 0.0
    if kind == "list":  # "The seven conditions are: sinusitis, sore throat, earache ...": a list in a line
        return 1.0 if _INLINE_LIST.search(text) else 0.0
    if kind == "reason":
        return 0.5 if _REASON.search(text) else 0.0
    if kind == "definition":
        m = _DEFINES.search(text)
        return 1.0 if m and set(content_terms(m.group(1))) & set(info.terms) else 0.0
    return 0.0


_SLOT_WORDS = frozenset(content_terms(SLOT_WORDS))
# A colon, then at least three items separated by commas or semicolons (the last may follow "and").
# A lead-in of three words or more ("The seven conditions are:"), not a label ("A:", "Carrow hub:").
_INLINE_LIST = re.compile(r"^\W*(?:\w+\W+){2,}\w+:\s+[^:;,.]+(?:[,;]\s+[^:;,]+){2,}")
_PHONE_FOCUS = frozenset(content_terms("phone telephone contact"))
_PHONE = re.compile(r"(?<![\d.,])(?:\+\d{1,3}[ -]?|0)\d{2,4}(?:[ -]?\d{3,4}){2}(?!\d|[.,]\d)")
_NUM_TOKEN = re.compile(r"^\d+(?:[.,]\d+)*$")


def counts_focus(text: str, focus: str) -> bool:
    """Whether a number in ``text`` counts ``focus`` ("18 areas", "1 to 3 million people"); for a
    phone number, whether ``text`` holds one ("0306 999 0735", "+44 20 7946 0000")."""
    if focus in _PHONE_FOCUS:
        return _PHONE.search(text) is not None
    words = tokenize_words(text)
    in_dates = {t for d in dates_in(text) for t in tokenize_words(d)}  # "the 2021 deadline" counts nothing
    for i, w in enumerate(words):
        counts = (_NUM_TOKEN.match(w) and w not in in_dates) or w in NUMBER_WORDS
        if counts and any(content_terms(x) == [focus] or stem(x) == focus for x in words[i + 1 : i + 4]):
            return True
    return False


def term_coverage(
    terms: Sequence[str], have: set[str] | frozenset[str], weights: Mapping[str, float]
) -> float:
    """Weighted share of ``terms`` found in ``have`` (1.0 when there are no terms)."""
    if not terms:
        return 1.0
    top = max(weights.values(), default=1.0)
    total = sum(weights.get(t, top) for t in terms)
    got = sum(weights.get(t, top) for t in terms if t in have)
    return got / total if total else 1.0


def score_sentences(
    info: QuestionInfo,
    hits: Sequence[Hit],
    sentence_vectors: Mapping[str, Vectors],
    query_vector: Vectors,
) -> Pool:
    raw: list[tuple[Hit, int, int, int, str, frozenset[str], float, bool, int, bool]] = []
    inherited: dict[tuple[str, int], frozenset[str]] = {}
    df: dict[str, int] = {}
    for hit in hits:
        chunk = hit.chunk
        spans = chunk.sentences or ((0, len(chunk.text)),)
        vecs = sentence_vectors.get(chunk.chunk_id)
        sims: Vectors | None = None
        if vecs is not None and len(vecs) == len(spans):
            sims = vecs @ query_vector
        lists = list_layout(chunk.text, spans)
        items = lists.items
        # the lines of a list after its "...:" intro are items, each its own thing, not one record's
        # fields (a block of short lines under a heading may still be a record: a name, an address)
        records = {i: r for i, r in record_lines(chunk.text, spans).items() if i not in lists.colon_items}
        owned = intro_items(items, len(spans))
        for i, (s, e) in enumerate(spans):
            text = chunk.text[s:e]
            terms = said = frozenset(content_terms(text))
            if i in records and records[i] != i:  # a record's line is about the record's name
                head = spans[records[i]]
                terms = said | frozenset(content_terms(chunk.text[head[0] : head[1]]))
            if i in owned:  # a list's intro is about its items ("the centre will provide:" + "blood tests"),
                # as a sentence is about its heading: they count as its context, not as what it says
                inherited[(chunk.chunk_id, i)] = frozenset().union(
                    *(content_terms(chunk.text[spans[j][0] : spans[j][1]]) for j in owned[i])
                )
            for term in said:  # how rare a term is counts what the text says, not what it inherits
                df[term] = df.get(term, 0) + 1
            sem = float(sims[i]) if sims is not None else 0.0
            raw.append((hit, i, s, e, text, terms, sem, i in items, records.get(i, -1), i in lists.headed))
    n = len(raw)
    info = correct_terms(info, set(df))
    weights = {t: math.log(1.0 + (n + 1) / (df.get(t, 0) + 0.5)) for t in info.terms}
    context: dict[str, frozenset[str]] = {
        hit.chunk.chunk_id: frozenset(content_terms(f"{hit.chunk.section} {hit.chunk.title}")) for hit in hits
    }
    heading_cov = {
        cid: term_coverage(info.terms, terms, weights) if terms else 0.0
        for cid, terms in ((h.chunk.chunk_id, frozenset(content_terms(h.chunk.section))) for h in hits)
    }
    name = most_telling_name(info, weights)
    scored: list[Scored] = []
    prev_text = ""
    for hit, i, s, e, text, terms, sem, is_item, record, headed in raw:
        after_heading = i > 0 and prev_text.rstrip().endswith("?")
        prev_text = text
        own = term_coverage(info.terms, terms, weights)
        around = context[hit.chunk.chunk_id] | inherited.get((hit.chunk.chunk_id, i), frozenset())
        in_context = term_coverage(info.terms, terms | around, weights)
        overlap = (1.0 - W_CONTEXT_SHARE) * own + W_CONTEXT_SHARE * in_context
        unnamed = name is not None and name not in terms | context[hit.chunk.chunk_id]
        cue = _cue(info, text, hit.chunk.title, terms, unnamed)
        score = (
            W_SEMANTIC * max(sem, 0.0)
            + W_OVERLAP * overlap
            + W_CUE * cue
            + W_RANK / hit.rank
            + (W_ANSWER_START * heading_cov[hit.chunk.chunk_id] if after_heading else 0.0)
        )
        field = record >= 0 and record != i  # a record's fields are its facts, not headings
        heading = not is_item and not field and _is_heading(text, hit.chunk.title)
        # a heading line over a block of items is that list's intro, not a heading to pass over
        heads_list = headed and (hit.chunk.chunk_id, i) in inherited
        if heading and not heads_list and not (cue >= 0.6 and len(text.split()) >= 2):
            score *= 0.5  # headings, titles and questions are not answers
        scored.append(
            Scored(hit, i, s, e, text, terms, sem, overlap, cue, score, heading, is_item, record, heads_list)
        )
    by_chunk: dict[str, list[Scored]] = {}
    for sc in scored:
        by_chunk.setdefault(sc.hit.chunk.chunk_id, []).append(sc)
    return Pool(
        info=info,
        sentences=tuple(scored),
        weights=weights,
        by_chunk={k: tuple(v) for k, v in by_chunk.items()},
    )
