"""Text features shared by the answerer, the answerability check and the support check (pure).

Terms are lower-case word tokens, lightly stemmed, with the domain's acronyms folded in (so
"integrated care systems" and "ICSs" are the same term); dates, numbers and names are read off the
text. What a question asks (its answer type, terms and entities) is ``answering/question.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ics_assistant.answering.lexicon import active, lexicon_cache
from ics_assistant.textnorm import tokenize_words

__all__ = [
    "ACRONYM_RE",
    "MONTHS",
    "NUMBER_RE",
    "NUMBER_WORDS",
    "STOP_WORDS",
    "common_cap",
    "content_terms",
    "dates_in",
    "glossary",
    "has_date",
    "has_day_date",
    "has_name",
    "has_number",
    "names_in",
    "numbers_in",
    "plain_numbers",
    "stem",
    "stop_stems",
    "without_dates",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = _words(
    """a an the of to and or in on for is are was were be been being by with that this these those it
    its as at from what when where who whom whose which why how do does did done doing can could
    should would will shall may might must about into over under than then there their they them he
    she his her we our us you your i me my if so not no yes any all some such each every also just
    only very more most much many tell please explain describe give me list name say says said
    between after before since until during up out get got have has had make made put become became
    becomes happen happened mean means meant kind type sort one thing things like regarding re ok
    okay thanks thank hi hello according accord mention mentioned mentions stand stands wrote write
    written writes call called calls think thought know known tell told him mine yours hers ours
    theirs myself yourself yourselves himself herself itself ourselves themselves but too
    already actually honestly really though anyway maybe im ive hes shes whos dont doesnt didnt cant
    isnt arent wasnt werent havent hasnt hadnt couldnt wouldnt shouldnt don't doesn't didn't can't
    won't isn't aren't wasn't weren't haven't hasn't hadn't couldn't wouldn't shouldn't cannot
    wont gonna wanna gotta gon wan na wo nt ca nah"""
)
# Acronyms and the corpus's everyday capitalised words come from the active ``Lexicon`` (learned
# from the index when the assistant is built): nothing about any corpus is written here.

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTHS = _MONTHS  # alternation of English month names, for other modules' patterns
# a date in each month: "by the 5th of the following month", "the first Saturday of each month"
_EACH_MONTH = (
    r"\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?(?:the|each|every)\s+(?:following\s+|next\s+)?month"
    r"|(?:first|second|third|fourth|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"working\s+day|day)\s+of\s+(?:the|each|every)\s+(?:following\s+|next\s+)?month"
)
_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})(?:\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\s+\d{{4}}"
    r"|(?:19|20)\d{2}(?:/\d{2})?"
    rf"|{_EACH_MONTH}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
# A date that names a day, not only a month or a year: what "on what date ...?" asks for.
_DAY_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})"
    rf"|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)"
    rf"|{_EACH_MONTH}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b",
    re.IGNORECASE,
)
NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
NUMBER_WORDS = _words(
    """two three four five six seven eight nine ten eleven twelve thirteen twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion dozen"""
)
# Capitalised words that are not names on their own: sentence furniture of English, plus the words
# the corpus capitalises everywhere (learned at start-up by ``learn_common_capitals``: a word that
# half the documents capitalise, such as the system's own name, tells one passage from another no
# better than "The" does).
_ENGLISH_CAPS = _words(
    """The A An In On At For And Or But If This That These Those It Its They Their We Our I You Your He
    She What When Where Who Why How Which Today Yesterday Now Dear Yours Having Following Such Many
    Some All Both Each Every Most More Other Others"""
)
_NAME_RE = re.compile(
    r"\b(?:(?:Sir|Dame|Dr|Lord|Lady|Professor|Mr|Mrs|Ms)\s+)?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
    r"(?:\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)+"
)
ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9&/]{1,}[a-z]?\b")
_IRREGULAR = {
    "led": "lead",
    "held": "hold",
    "made": "make",
    "said": "say",
    "wrote": "write",
    "paid": "pay",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "chose": "choose",
    "chosen": "choose",
    "began": "begin",
    "begun": "begin",
    "met": "meet",
    "set": "set",
    "sent": "send",
    "spent": "spend",
    "kept": "keep",
    "built": "build",
    "brought": "bring",
    "thought": "think",
}


def stem(word: str) -> str:
    """A light, deterministic stemmer: enough to match plurals and verb forms."""
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'.")
    word = _IRREGULAR.get(word, word)
    if len(word) <= 3 or word[0].isdigit():
        return word
    if word.endswith("ss"):
        return word[:-1] if word[:-1] in active().acronyms else word
    for suffix, repl in (
        ("ations", ""),
        ("itions", ""),
        ("ation", ""),
        ("ition", ""),
        ("ated", ""),
        ("ating", ""),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
        ("ion", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= (4 if suffix[0] in "ai" else 3):
            if suffix == "es" and word.endswith(("sses", "ches", "shes", "xes", "zes")):
                repl = ""
            word = word[: -len(suffix)] + repl
            break
    if word.endswith("al") and len(word) >= 6:
        word = word[:-2]
    if word.endswith("ment") and len(word) > 7:
        word = word[:-4]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@lexicon_cache(maxsize=8)
def glossary() -> dict[tuple[str, ...], str]:
    """The active lexicon's long forms as stemmed tokens -> acronym, longest phrase first."""
    phrases = {tuple(stem(w) for w in phrase.split()): short for phrase, short in active().phrases.items()}
    return dict(sorted(phrases.items(), key=lambda kv: -len(kv[0])))


def common_cap(word: str) -> bool:
    """A capitalised word that names nothing: an English function word (also before an apostrophe:
    "I've", "It's"), or a word the corpus capitalises everywhere."""
    base = re.split(r"['’]", word, maxsplit=1)[0]
    return base in _ENGLISH_CAPS or word in active().common_caps


def _fold_glossary(stems: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(stems):
        for phrase, short in glossary().items():
            if tuple(stems[i : i + len(phrase)]) == phrase:
                out.append(short)
                i += len(phrase)
                break
        else:
            out.append(stems[i])
            i += 1
    return out


@lexicon_cache(maxsize=65536)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(_fold_glossary([stem(w) for w in tokenize_words(text)]))


def content_terms(text: str, *, keep: frozenset[str] = frozenset()) -> list[str]:
    """Stemmed content terms of ``text`` in order (stop words dropped, acronyms folded)."""
    stops = stop_stems()
    return [
        t
        for t in _stems(text)
        if t in keep
        # a contraction of a stop word ("i'm", "they've", "it'll") says no more than the word
        or (t not in stops and len(t) > 1 and re.split(r"['’]", t, maxsplit=1)[0] not in stops)
    ]


@lru_cache(maxsize=1)
def stop_stems() -> frozenset[str]:
    return frozenset(STOP_WORDS | {stem(w) for w in STOP_WORDS})


def dates_in(text: str) -> list[str]:
    return [m.group(0) for m in _DATE_RE.finditer(text)]


def without_dates(text: str, dates: Sequence[str]) -> str:
    """``text`` with each whole date that is one of ``dates`` blanked (a longer date that contains
    one is kept: "19 March 2021" stays when "March 2021" is given)."""
    given = {d.lower() for d in dates}
    if not given:
        return text
    return _DATE_RE.sub(lambda m: " " if m.group(0).lower() in given else m.group(0), text)


def has_date(text: str) -> bool:
    return _DATE_RE.search(text) is not None


def has_day_date(text: str) -> bool:
    """A date that names its day ("1 July 2022", "April 1st"), not only "July 2022" or "2022"."""
    return _DAY_DATE_RE.search(text) is not None


def numbers_in(text: str) -> list[str]:
    return [m.group(0) for m in NUMBER_RE.finditer(text)]


def plain_numbers(text: str) -> list[str]:
    """The numbers of ``text`` that are not part of a date ("on 1 April, 41 pharmacies" -> ["41"])."""
    date_text = " ".join(dates_in(text))
    return [n for n in numbers_in(text) if n not in date_text]


def has_number(text: str) -> bool:
    if NUMBER_RE.search(text):
        return True
    return any(w in NUMBER_WORDS for w in tokenize_words(text))


def names_in(text: str) -> list[str]:
    """Proper names: runs of capitalised words (not at a sentence start alone) and acronyms."""
    found: list[str] = []
    for m in _NAME_RE.finditer(text):
        words = m.group(0).split()
        # a capital inside a sentence names something even when the words after it are ones the
        # corpus capitalises everywhere ("delivered by Stepwise Health"); at a sentence start it may
        # only be the sentence's capital ("Local Health ...")
        first = not common_cap(words[0]) and not _starts_sentence(text, m.start())
        if first or not all(common_cap(w) for w in words[1:]):
            found.append(m.group(0))
    return found


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'“‘(*•–—-")
    return not before or before[-1] in ".!?:;\n"


_ROLE_RE = re.compile(
    r"\b(?:[A-Z]{2,}[a-z]?|(?:leaders?|executives?|officers?|clinicians?|chairs?|directors?|boards?|"
    r"partners?|organisations?|councils?|trusts?|government|providers?|commissioners?|professionals?|"
    r"authorities|leadership|staff|teams?|bodies|secretary|minister)\b)"
)


def has_name(text: str) -> bool:
    """A name, or who-answers that are roles and organisations ("local frontline leaders", "NHSE/I")."""
    return bool(names_in(text)) or _ROLE_RE.search(text) is not None
