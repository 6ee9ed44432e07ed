"""What exactly a question asks for, and whether a passage holds one (pure, corpus-free).

"What's the email address for the helpline?" is not answered by a sentence about the helpline that
gives its phone number, however well it matches the words. These "slots" are kinds of value with a
recognisable form (an email address, a phone number, a web address, a time of day, a sum of money,
a percentage, a code, a length of time) or a person's name, read off the question's wording, and
found in text by their form (a person by spaCy's named-entity recogniser). Nothing here knows any
corpus: the patterns are English question forms and the written forms of the values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

__all__ = [
    "CUE_SLOTS",
    "FORM_SLOTS",
    "SLOT_WORDS",
    "Slot",
    "asked_slots",
    "has_slot",
    "names_other_person",
    "slots_in",
]

Slot = Literal[
    "email", "phone", "web", "time", "money", "percent", "code", "duration", "person", "place", "eligibility"
]

# Slots whose value has a written form: a reply without one does not answer the question.
FORM_SLOTS: frozenset[Slot] = frozenset({"email", "phone", "web", "time", "money", "percent", "code"})

# The words that only say which kind of value is asked for ("the email address", "what time"): what
# the question is about is the rest.
SLOT_WORDS = (
    "email e-mail address phone telephone number contact website web page link url time hours cost "
    "price fee charge money percentage proportion share code reference open close eligible eligibility "
    "age old"
)

# Slots that make a sentence the likelier answer when it holds one (a person needs the parser: not
# run on every candidate sentence).
CUE_SLOTS: frozenset[Slot] = FORM_SLOTS | {"duration", "place", "eligibility"}

_ASKS: tuple[tuple[Slot, re.Pattern[str]], ...] = (
    # (not someone's email, a message: "according to the chair's email", "in his email")
    (
        "email",
        re.compile(
            r"\be-?mail address\b|"
            r"(?<!'s )(?<!’s )(?<!s' )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bthat )(?<!\bthis )"
            r"\be-?mail\b(?! (?:me|us|them|you)\b)",
            re.I,
        ),
    ),
    (
        "phone",
        re.compile(
            r"\b(?:phone|telephone|contact|helpline|tel\.?) (?:number|no\.?)\b|"
            r"\bwhat(?:'s| is)? (?:the )?number\b(?=.*\b(?:call|ring|phone|text)\b)|"
            # "... and what's its number?": the number is the last thing asked, not "the number of"
            r"\bwhat(?:'s| is| are)? (?:the|its|their|your) (?:phone )?numbers?\s*[?.!]*\s*$|"
            r"\b(?:what|which) number (?:do|should|can|could|would) (?:i|we|you|they|people)\b|"
            r"\bwho (?:do|should|can) (?:i|we|you) (?:ring|phone|call)\b|\bnumber to (?:call|ring|phone)\b",
            re.I,
        ),
    ),
    # "link" as a web address ("the link to the form", "is there a link?"), not a "link worker"
    (
        "web",
        re.compile(r"\b(?:website|web ?site|web address|web page|url|link(?=\s*(?:to|for|\?|$)))\b", re.I),
    ),
    (
        "time",
        re.compile(
            r"\bwhat time\b|\b(?:opening|closing) (?:hours|times?)\b|\bwhat hours\b|\bhow late\b|"
            r"\bhow early\b|\b(?:open|close|shut)s? (?:at|until|till|til)\b|"
            # "when can I ring it?", "when are they open?": the hours, not a date
            r"\bwhen (?:can|could|do|should) (?:i|we|you|people) (?:ring|call|phone|visit|drop in)\b|"
            r"\bwhen (?:is|are) (?:it|they|the \w+(?: \w+)?) open\b",
            re.I,
        ),
    ),
    (
        "money",
        re.compile(
            r"\bhow much (?:money|funding|cash)\b|"
            r"\bhow much (?:does|do|will|would|is|are|did|was|were|has|have|can|should)\b.*\b(?:cost|costs|"
            r"charge|charged|pay|paid|spend|spent|worth|price|priced|fund|funded|invest|invested|budget\w*|"
            r"allocat\w*|receive|get|claim|earn)\b|"
            r"\bwhat(?:'s| is| are| was| were)? (?:the |its |their )?(?:\w+ )?"
            r"(?:cost|price|fee|charge|budget|salary)s?\b|"
            r"\bhow much (?:to|for)\b|"
            r"\b(?:does|do|will|would|did) (?:it|this|that|they|the \w+) cost\b|"
            r"\b(?:is|are) (?:it|this|that|they|there) (?:free|a charge|any charge)\b|"
            r"\b(?:have|need) to pay\b",
            re.I,
        ),
    ),
    (
        "percent",
        re.compile(
            r"\bwhat (?:percentage|proportion|share|per ?cent|fraction|%)\b|\bhow many per ?cent\b", re.I
        ),
    ),
    (
        "code",
        # (not a "code of conduct", nor a "code word/phrase": words to say, not a reference to quote)
        re.compile(
            r"\b(?:code|reference number|ref(?:erence)?)\b"
            r"(?!\s+of\s+(?:conduct|practice))(?!\s+(?:word|phrase)s?\b)",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            r"\bhow long (?:does|do|will|would|is|are|was|were|should|can|could|may|might|must|did|"
            r"have|has|had|before|until|till|after|to)\b|"
            r"\bhow many (?:days|weeks|months|hours|minutes|years)\b|"
            r"\bhow (?:far|long) (?:ahead|in advance)\b|"
            r"\bhow much (?:notice|warning|time)\b",  # "how much notice?": "two working days"
            re.I,
        ),
    ),
    (
        "place",
        re.compile(
            r"^\s*(?:when and )?where (?:and when )?(?:is|are|was|were|will|can|do|does|'s)\b|"
            # "where in the hospital will I find it?"
            r"^\s*where (?:in|at|on|inside|within|abouts?|exactly)\b|"
            r"\bwhat(?:'s| is| are)? (?:the |its |their |your |his |her )?"
            r"(?:(?!e-?mail\b|web\b|website\b)\w+ ){0,2}address(?!\w| to\b)",
            re.I,
        ),
    ),
    # "who is it for?", "who can use it?", "how old do you have to be?": who may use a service, a
    # group of people ("adults aged 16 and over"), not a name
    (
        "eligibility",
        re.compile(
            # "who is the course for?" (the question ends there), not "who is the lead for the service?"
            r"^\s*(?:and\s+)?who(?:'s| is| are)\s+(?:it|this|that|they|these|those|the\s+[\w' -]{1,40}?)"
            r"\s+for\b(?=\s*(?:[?.!,;]|$|and\b|exactly\b|then\b))|"
            r"\bwho\s+(?:can|could|may|is able to|should|will be able to)\s+(?:use|get|have|join|"
            r"attend|apply|refer|order|go|access|book|come|take part|sign up|self-refer)\b|"
            r"\bwho\s+(?:is|are)\s+(?:eligible|entitled)\b|\bwho qualifies\b|\bhow old\b|"
            r"\b(?:what|which) ages?\b|"
            r"\b(?:age limit|minimum age)\b",
            re.I,
        ),
    ),
    (
        "person",
        re.compile(
            r"^\s*who (?:is|was|'s) (?:the |their |its |our |your )(?:new |current |interim )?\w+|"
            r"\bname of the (?!\w+ (?:scheme|service|centre|center|hub|team|unit|app|course|programme))\w+|"
            r"^\s*who(?:'s| is| was)? (?:chairs|heads|manages|runs) (?:the |it)|"
            # "which consultant is the clinical lead?", "who took over from her?": one person, by name
            r"^\s*which (?:consultant|doctor|gp|nurse|surgeon|clinician|midwife|pharmacist|therapist|manager|"
            r"director|person|member of staff)\b|"
            r"^\s*who (?:took over|replaced|succeeded|will replace|will succeed|is replacing)\b",
            re.I,
        ),
    ),
)

_FORMS: dict[Slot, re.Pattern[str]] = {
    "email": re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
    "phone": re.compile(
        r"(?<![\d.,])(?:\+\d{1,3}[ -]?|0)\d{2,4}(?:[ -]?\d{3,4}){1,2}(?!\d|[.,]\d)|"
        r"\b(?:111|999|116 ?\d{3})\b|"
        r"\b(?:extension|ext\.?|bleep|x)\s?\d{3,5}\b",
        re.I,
    ),
    "web": re.compile(
        r"\bhttps?://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|example|nhs|gov)\b(?:/\S*)?",
        re.I,
    ),
    "time": re.compile(
        r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}[:.]\d{2}\b|\bnoon\b|\bmidday\b|"
        r"\bmidnight\b|\b24 hours\b|\b24/7\b|\bround the clock\b|\bany time\b|"
        # "how early will the car come?": "up to two hours before", a time relative to another
        r"\b(?:\d+|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty|forty-five)[- ]"
        r"(?:minutes?|hours?)\s+(?:before|after|early|late|beforehand)\b",
        re.I,
    ),
    "money": re.compile(
        r"[£$€]\s?\d|\b\d[\d,.]*\s?(?:pounds|pence|p)\b|\bfree\b|\bno charge\b|\bnothing\b|"
        r"\b(?:charged|pay) (?:in full|the full)\b|\bno cost\b",  # "do we still pay?": "charged in full"
        re.I,
    ),
    "percent": re.compile(
        r"\d(?:[\d.]*)\s?(?:%|per ?cent)|\b(?:half|a third|a quarter|two[- ]thirds|three[- ]quarters)\b|"
        r"\b\w+ (?:in|out of) (?:every )?\w+ (?:people|patients|adults|children)\b",
        re.I,
    ),
    "code": re.compile(
        r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+\b|\bcode\b\W+(?:\w+\W+){0,3}\w*\d"
    ),
    "duration": re.compile(
        r"\b(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"eighteen|twenty|thirty|forty|fifty|sixty|few|several)(?:[- ]\w+)?[- ](?:minutes?|hours?|days?|"
        r"weeks?|months?|years?|working days?)\b|\b(?:same|next) day\b|\bovernight\b",
        re.I,
    ),
    # who a service is for: "is for people aged 65 and over", "if you are:", "eligible", "anyone who ..."
    # (a bare "over-65s" or "for adults" may be a statistic or an aside, not who may use it)
    "eligibility": re.compile(
        r"\b(?:is|are)\s+(?:only\s+|also\s+)?(?:for|open to|available to|offered to)\b|"
        r"\bif you (?:are|have|live|were|turn)\b|\beligib\w*|\bentitled\b|\bregistered with\b|"
        r"\b(?:anyone|everyone|people|adults|children)\s+(?:who|aged)\b|"
        r"\bfor\s+(?:people|adults|children|anyone|those|patients|residents|women|men|young people)\s+"
        r"(?:who|aged|with|over|under|living|registered)\b|"
        r"\b(?:supports?|sees?|helps?|treats?|serves?)\s+(?:\w+\s+){0,3}?aged\s+\d{1,2}\s*(?:to|-|–)\s*\d{1,2}\b",
        re.I,
    ),
    # "at Quay Street Health Centre", "in Fenmarsh", "20 Ferry Lane", a postcode
    "place": re.compile(
        r"\b(?:at|in|on|near|opposite|behind|inside)\s+(?:the\s+)?[A-Z][a-z]+|"
        r"\b\d+[a-z]? [A-Z][a-z]+ [A-Z][a-z]+\b|"
        r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"
    ),
}


_WHICH_ROLE = re.compile(r"^\s*which\s+(\w+)", re.I)


def _asks_for_role_holder(question: str, match: re.Match[str]) -> bool:
    """A "which <role>" match names the person asked for only when the role word is what "which"
    picks ("which consultant is the lead?"), not a word describing it ("which GP surgery ...?",
    parsed with spaCy: a compound of the noun that "which" picks)."""
    which = _WHICH_ROLE.match(question)
    if which is None or match.start() != which.start():
        return True
    from ics_assistant.nlp import parse

    doc = parse(question)
    role = next((t for t in doc if t.idx >= which.start(1)), None)
    return role is None or role.dep_ != "compound"


def asked_slots(question: str) -> tuple[Slot, ...]:
    """The kinds of value ``question`` asks for, in the order of the patterns (often none)."""
    found = tuple(
        slot
        for slot, pattern in _ASKS
        if (m := pattern.search(question)) is not None
        and (slot != "person" or _asks_for_role_holder(question, m))
    )
    if "eligibility" in found:  # "who is the new service for?" asks for a group, not "who is the <role>"
        return tuple(s for s in found if s != "person")
    return found


# A name with an honorific ("Dr Amara Okafor"): the small English model often reads these as places.
_HONORIFICS = ("Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Professor", "Prof", "Dame", "Sir", "Lord", "Lady")
_HONORIFIC_NAME = re.compile(rf"\b(?:{'|'.join(_HONORIFICS)})\.? [A-Z][a-z]+")


@lru_cache(maxsize=4096)
def _persons(text: str) -> bool:
    if _HONORIFIC_NAME.search(text):
        return True
    return bool(_person_names(text))


@lru_cache(maxsize=4096)
def _person_names(text: str) -> tuple[str, ...]:
    from ics_assistant.nlp import load_spacy

    doc = load_spacy(exclude=("parser", "lemmatizer"))(text)
    # a person is named by at least a first name and a surname (or with a title, "Dr Farrow",
    # found apart): the small model tags many one-word places and services as people ("Linfield",
    # "the Wayfarer")
    return tuple(
        ent.text for ent in doc.ents if ent.label_ == "PERSON" and sum(t.text[:1].isupper() for t in ent) >= 2
    )


_TITLES = frozenset(h.lower() for h in _HONORIFICS)


def names_other_person(texts: Iterable[str], question: str) -> bool:
    """Whether one of ``texts`` names a person the question does not: "who took over from Simon
    Stevens?" is not answered by a sentence that names only Sir Simon Stevens."""
    asked = set(re.findall(r"[a-z'’]+", question.lower()))
    for text in texts:
        found = [*_person_names(text), *(m.group(0) for m in _HONORIFIC_NAME.finditer(text))]
        for name in found:
            words = [w for w in re.findall(r"[a-z'’]+", name.lower()) if w not in _TITLES]
            if words and not set(words) <= asked:
                return True
    return False


def has_slot(text: str, slot: Slot) -> bool:
    """Whether ``text`` holds a value of kind ``slot``."""
    if slot == "person":
        return _persons(text)
    return _FORMS[slot].search(text) is not None


def slots_in(texts: Iterable[str], slots: Iterable[Slot]) -> float:
    """Share of ``slots`` with a value in one of ``texts`` (1.0 when nothing is asked)."""
    wanted = list(dict.fromkeys(slots))
    if not wanted:
        return 1.0
    joined = list(texts)
    return sum(1 for s in wanted if any(has_slot(t, s) for t in joined)) / len(wanted)
