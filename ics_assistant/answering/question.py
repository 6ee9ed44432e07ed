"""What a question asks, read off its wording (pure): the kind of answer ("when" wants a date, "how
many" a number, "who" a name, "which/list" items), its key terms and the entities its answer must
name, the kinds of value it asks for (``slots``), and the same for each part of a question in parts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ics_assistant.answering.analysis import (
    ACRONYM_RE,
    NUMBER_RE,
    common_cap,
    content_terms,
    stem,
    stop_stems,
)
from ics_assistant.answering.slots import Slot, asked_slots
from ics_assistant.textnorm import WORD_EDGE, normalize_for_match

__all__ = [
    "YES_NO",
    "AnswerType",
    "QuestionInfo",
    "analyze_part",
    "analyze_parts",
    "analyze_question",
    "asks_when_usually",
    "fix_question_words",
]

AnswerType = Literal["date", "number", "name", "list", "reason", "definition", "other"]

# Words a "said" attribution keeps: "who said that?" still wants the speaker.
_KEEP_FOR_WHO = frozenset({"said", "say", "says"})

_TYPE_PATTERNS: tuple[tuple[AnswerType, re.Pattern[str]], ...] = (
    (
        "date",
        re.compile(
            r"^\s*(when|by when|since when|until when)\b|\bwhen (did|was|were|will|is|are|do|does|"
            r"should|could|would|can|has|have|must)\b|\b(what|which|on what|from what) (date|year|month|"
            r"day)\b|\bhow long ago\b|\bby what (date|time)\b|\b\w+ when\?\s*$"
        ),
    ),
    (
        "number",
        re.compile(
            r"\b(how many|how much|how big|how large|what number|(?<!\ba )number of|no\. of|"
            r"what percentage|what proportion|how old|how long|(phone|telephone|contact) number|"
            r"what(?: is|'s| are) (?:the |its |their )?(?:\w+ )?(budget|cost|funding|salary|price|spend))\b"
        ),
    ),
    (
        "name",
        re.compile(
            r"^\s*(who|whom|whose)\b|\b(who (said|says|is|was|were|chairs|leads|announced|"
            r"confirmed|wrote|signed)|which person|which organisation|by whom|name of the)\b"
        ),
    ),
    (
        "list",
        re.compile(
            r"^\s*list\b|\b(list (the|all|of)|name the|name all|which (\w+ ){0,2}(are|were|will)|"
            r"what are the|"
            r"what (\w+ ){0,2}(are|were) (included|named|listed)|enumerate)\b|^\s*which \w+s\b"
        ),
    ),
    ("reason", re.compile(r"^\s*why\b|\bwhat is the (reason|purpose|point)\b|\bwhat for\b")),
    (
        "definition",
        re.compile(
            r"^\s*what (is|are) (an? |the )?[\w'-]+( [\w'-]+){0,3}\??$|\bdefine\b|\bdefinition\b|"
            r"\bmeaning of\b|^\s*what does .+ (mean|stand for)\??$"
        ),
    ),
)


# Misspelt or texted question words, so "wen did ..." is still a "when" question.
_QUESTION_TYPOS = {
    "wen": "when",
    "whn": "when",
    "wat": "what",
    "wot": "what",
    "hw": "how",
    "wich": "which",
    "whic": "which",
    "b4": "before",
    "bfore": "before",
    "y": "why",
}


def fix_question_words(text: str) -> str:
    return re.sub(r"\b[a-z0-9]+\b", lambda m: _QUESTION_TYPOS.get(m.group(0), m.group(0)), text)


# Words that only say which kind of answer is wanted ("what date ...", "what number of ...").
_TYPE_WORDS: dict[str, frozenset[str]] = {
    "date": frozenset({"date", "year", "month", "day"}),
    "number": frozenset({"number", "no"}),
}


_HOW_MANY = re.compile(
    # "how many of the 41 pharmacies": the pharmacies are counted
    r"\b(?:how many|how much|(?<!\ba )number of|no\. of)\s+(?:of\s+(?:the|these|those|our|its|their)\s+"
    r"(?:\d[\d,]*\s+)?)?([a-z][\w'-]*)|\b(phone|telephone|contact) number|"
    r"\b(budget|cost|funding|salary|price|spend)\b"
)


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    answer_type: AnswerType
    terms: tuple[str, ...]  # stemmed content terms, de-duplicated, in order
    entities: tuple[str, ...]  # stemmed terms from capitalised words / acronyms / numbers in the question
    focus: str | None = None  # "how many <focus>": the thing counted must sit next to the number
    personal: bool = False  # "how do I ...", "where is my nearest ...": a request to use a service
    place: bool = False  # "which area's ICS ...": the answer is a place name
    slots: tuple[Slot, ...] = ()  # kinds of value asked for ("email", "phone", "time"...; see slots.py)
    # a later part's own terms, those the first part does not say ("..., and can anyone go?": anyone, go)
    own_terms: tuple[str, ...] = ()


# "When the blog was written, how many areas had an ICS?": the question proper is the last clause.
_LAST_CLAUSE = re.compile(r",\s*((?:what|which|who|whom|whose|when|how|why|where)\b[^,]*)$")


def _main_clause(norm: str) -> str:
    m = _LAST_CLAUSE.search(norm)
    return m.group(1) if m else ""


def _answer_type(text: str) -> AnswerType | None:
    for kind, pattern in _TYPE_PATTERNS:
        if text and pattern.search(text):
            return kind
    return None


_WHO_TO_CONTACT = re.compile(
    r"^\s*(?:and )?who (?:do|can|should|shall|could|would|must) (?:i|we|you|they|he|she) (?:call|ring|phone|"
    r"contact|speak to|talk to|ask|go to|get in touch with|email|write to)\b"
)


# "I work in NHS HR - by when ...", "im a nurse, ...": who is asking is not what is asked (its words
# are no key terms). Only a role is dropped: "I'm on pension credit, ..." or "im 72 and never had the
# scan, ..." says what the answer turns on, and keeps its words.
_ABOUT_ME = re.compile(
    r"^\s*(?:(?:i am|i'm|im) an?|i work (?:in|for|on|at|as)|as an?)\b[^-–—,.:?]{0,60}?\s*[-–—,.:]\s+", re.I
)


def _counted_noun(text: str, span: tuple[int, int], word: str) -> str:
    """The noun that the "how many" at ``span`` of ``text`` counts: "how many flexible working
    requests" counts requests, not "flexible" (the noun "many" describes, parsed with spaCy); else
    ``word``, the word after it."""
    from ics_assistant.nlp import parse

    for t in parse(text):
        inside = span[0] <= t.idx < span[1]
        if inside and t.lower_ in ("many", "much") and t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN"):
            return str(t.head.text)
    return word


def _is_noun_in(text: str, word: str) -> bool:
    """Whether ``word`` is a noun where it stands in ``text`` (parsed with spaCy)."""
    from ics_assistant.nlp import parse

    doc = parse(text)
    return any(t.text == word and t.pos_ in ("NOUN", "PROPN") for t in doc)


def analyze_question(question: str) -> QuestionInfo:
    asked = _ABOUT_ME.sub("", question, count=1)
    question_body = asked if asked.strip() else question
    norm = fix_question_words(normalize_for_match(question_body))
    answer_type = _answer_type(_main_clause(norm)) or _answer_type(norm) or "other"
    slots = asked_slots(norm)
    if answer_type == "date" and "time" in slots:
        answer_type = "other"  # "when can I ring it?": the hours it is open, not a date
    if answer_type == "name" and _WHO_TO_CONTACT.match(norm):
        answer_type = "other"  # "who do we call when it's shut?": a service or line ("NHS 111"), not a person
    if "eligibility" in slots and answer_type in ("name", "number"):
        answer_type = "other"  # "who is it for?", "how old do you have to be?": a group, not a name
    if answer_type == "other" and not slots and _PLURAL_WHAT.search(norm):
        answer_type = "list"  # "what kinds of help ...?", "what tests will it do?": several things
    keep = _KEEP_FOR_WHO if answer_type == "name" else frozenset()
    drop = _TYPE_WORDS.get(answer_type, frozenset())
    terms = tuple(
        dict.fromkeys(t for t in content_terms(fix_question_words(question_body), keep=keep) if t not in drop)
    )
    entities = tuple(dict.fromkeys(_entity_terms(question_body)))
    focus = None
    m = _HOW_MANY.search(norm)
    if m and answer_type == "number" and "duration" not in slots:  # "how much notice": a time, not notices
        word = _counted_noun(norm, m.span(), m.group(1)) if m.group(1) else next(g for g in m.groups() if g)
        counted = content_terms(word)
        # a common noun is still what is counted: "how many calls" wants a number of calls (but "how
        # much has to be saved" counts nothing named)
        focus = counted[0] if counted else (stem(word) if _is_noun_in(norm, word) else None)
    return QuestionInfo(
        text=question,
        answer_type=answer_type,
        terms=terms,
        entities=entities,
        focus=focus,
        personal=_PERSONAL.search(norm) is not None,
        place=answer_type != "list" and _PLACE.search(norm) is not None,
        slots=slots,
    )


# "What kinds of help ...?", "what tests will the centre do?": the answer is several things.
_PLURAL_WHAT = re.compile(
    r"^\s*what (?:kinds?|types?|sorts?) of\b|"
    r"^\s*(?:what|which) (?:\w+ )?\w+s (?:will|do|does|can|could|are|were|should|would|did)\b"
)


_OWN_KIND = frozenset({"eligibility", "phone", "email", "web", "code"})
# "..., and what is its address?": a place, not the first part's date
_ADDRESS = re.compile(r"\baddress\b", re.I)
# "..., and where in the hospital is it?", "..., and which company runs it?": a question word of its
# own asks its own kind of answer, not the first part's date
_OWN_WH = re.compile(r"^\s*(?:where|which|who|whose)\b", re.I)
# "is it free?", "..., and can anyone go?": a yes/no question, which asks for no list and no "when"
YES_NO = re.compile(r"^\s*(?:are|is|was|were|do|does|did|can|could|will|would|should|has|have|had)\b", re.I)


def analyze_part(part: str, first: str) -> QuestionInfo:
    """A later part of a question ("... and do I need a referral?"): it keeps the first part's
    subject, but the kind of value it asks for is its own (the first part's "what hours" is not), and
    so are the names its answer must say: the second detail about a subject is often written of "the
    centre" or "it" ("When will Marbury Health Centre open, and what are its hours?")."""
    own = analyze_question(part)
    whole = analyze_question(f"{part} {first}")
    # the first part's "when" carries over ("what are its hours, and when can I have a blood test?"
    # wants hours again), but not onto who may use it ("when does it start, and who is it for?")
    # nor onto a value with a form of its own ("when will the line open, and what is its number?")
    mine = (
        _OWN_KIND.intersection(own.slots)
        or ("place" in own.slots and _ADDRESS.search(part))
        or YES_NO.match(part) is not None
        or _OWN_WH.match(part) is not None
    )
    kind = own.answer_type if mine else whole.answer_type
    said = set(analyze_question(first).terms)
    added = tuple(t for t in own.terms if t not in said)
    return replace(whole, answer_type=kind, slots=own.slots, entities=own.entities, own_terms=added)


def analyze_parts(question: str, parts: Sequence[str]) -> list[QuestionInfo]:
    """One analysis per part of ``question`` (``parts.question_parts``): the first reads the whole
    question but asks for its own part's kind of answer and value ("what hours ..., and is it
    free?" wants a time first, a sum second); each later part as ``analyze_part``."""
    info = analyze_question(question)
    if len(parts) <= 1:
        return [info]
    first = analyze_question(parts[0])
    # "how long have I got to post it back, and when will I hear?": the first part wants a length of
    # time, not the date that the whole question's later "when" asks for
    return [replace(info, slots=first.slots, answer_type=first.answer_type)] + [
        analyze_part(part, parts[0]) for part in parts[1:]
    ]


# "Which area's ICS ...", "in what region ...": one place is asked for (a list of areas is a list question).
_PLACE = re.compile(r"\b(?:which|what)\s+(?:area|place|region|county|city|town|locality)(?:'s|s')?(?!\w)")


# A resident asking how to use a service ("how do I register with a GP?", "where is my nearest
# pharmacy?"): the ICS documents answer that only if a sentence states the very action asked.
_PERSONAL = re.compile(
    r"^\s*(?:how|where|when|who)\s+(?:do|can|should|could|would|shall|will|must)\s+i\b|"
    r"\bwhere(?:'s| is| are| can i find)\s+(?:my|the|a)\s+(?:nearest|closest|local)\b|"
    r"\bmy (?:nearest|closest)\b|^\s*(?:can|could|may) i\b"
)


# "im 38", "my daughter is 15", "he's 8 months", "a 70 year old": the asker's facts about someone,
# which the documents state as a rule ("aged 40 or over"), never as that number
_AGE_BEFORE = re.compile(r"^(?:i'?m|am|is|are|s?he'?s|they'?re|aged?|turned|turning)$", re.I)
_AGE_AFTER = re.compile(r"^(?:years?|yrs?|yo|months?|weeks?)\b", re.I)
_WH = re.compile(r"^(?:what|which|who|where|when|how|why)(?:'s)?$", re.I)
_PERSONS = frozenset({"i", "he", "she", "they", "we", "you"})


def _own_age(words: Sequence[str], i: int) -> bool:
    before = words[i - 1].strip('?!.,;:"()').replace("’", "'") if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    asked = i > 1 and _WH.match(words[i - 2]) is not None  # "what is 111?" asks about the number
    # "when i was 37", "since she was 12": an age the asker tells, after a person and "was"
    was = before.lower() in ("was", "were") and i > 1 and words[i - 2].lower() in _PERSONS
    return (bool(_AGE_BEFORE.match(before)) and not asked) or was or bool(_AGE_AFTER.match(after))


def _entity_terms(question: str) -> list[str]:
    """Terms the evidence must contain: capitalised words past the first word, acronyms, numbers.

    Runs of adjacent capitalised words are read as one phrase, so a spelt-out name folds into its
    acronym ("Care Quality Commission's" -> "cqc", as the evidence's "Care Quality Commission (CQC)").
    """
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            common = {stem(w.lower()) for w in run if common_cap(w)}
            out.extend(t for t in content_terms(" ".join(run)) if t not in stop_stems() and t not in common)
            run.clear()

    words = question.split()
    for i, raw in enumerate(words):
        word = raw.strip(WORD_EDGE)
        is_cap = bool(word) and word[0].isupper() and (i > 0 or ACRONYM_RE.fullmatch(word) is not None)
        if is_cap:
            run.append(word)
        else:
            flush()
            if word and NUMBER_RE.fullmatch(word) and not _own_age(words, i):
                out.extend(t for t in content_terms(word) if t not in stop_stems())
        if raw.rstrip().endswith((",", ";", ":", "?", ")")):
            flush()
    flush()
    return out


# "when can I use the online form?", "when do they visit?": a habit or an opening time as much as a
# date (a "when will ..." or "when did ..." question wants the date)
_WHEN_USUALLY = re.compile(
    # "where and when do I collect it?", "when and where does it meet?": a day and a time
    r"^\s*(?:and\s+)?(?:where\s+and\s+)?when\s+(?:and\s+where\s+)?(?:can|could|do|does|should|may)\s+"
    r"(?:i|we|you|they|he|she|it|people|patients|my\s+\w+)\b|"
    # "when and where is the breastfeeding cafe?": an occasion's day and time
    r"^\s*(?:where\s+and\s+when|when\s+and\s+where)\s+(?:is|are|was|were)\b",
    re.I,
)


def asks_when_usually(question: str) -> bool:
    """Whether a "when" question may be answered by a time of day or a day of the week."""
    return _WHEN_USUALLY.search(question) is not None
