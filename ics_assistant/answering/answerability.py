"""Should we answer? Similarity alone is not enough: on-topic questions the documents do not answer
score as high as answerable ones. So the evidence the reply would stand on is described by a few
features (similarity of the question to the retrieved text and to the quoted sentences, weighted
key-term and entity coverage, whether the kind of answer asked for is there, ...), and a logistic
regression fitted on labelled eval sets by ``scripts/fit_answerability.py`` (cross-validated across
corpora) decides. Its weights and threshold live in ``answerability_model.json`` with the hash of
the data they were fitted on; nothing here is tuned by hand. A question that asks for what the
documents leave out ("the areas it doesn't name") is refused by definition.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ics_assistant.answering.analysis import (
    content_terms,
    dates_in,
    has_date,
    has_day_date,
    has_name,
    has_number,
    names_in,
    numbers_in,
    plain_numbers,
    without_dates,
)
from ics_assistant.answering.answerability_model import AnswerabilityModel, load_model
from ics_assistant.answering.evidence import (
    Pool,
    Scored,
    counts_focus,
    most_telling_name,
    slot_subject,
    term_coverage,
)
from ics_assistant.answering.lexicon import lexicon_cache
from ics_assistant.answering.messages import RefusalReason
from ics_assistant.answering.parts import question_parts
from ics_assistant.answering.question import QuestionInfo, asks_when_usually
from ics_assistant.answering.roles import role_named
from ics_assistant.answering.slots import FORM_SLOTS, has_slot, names_other_person, slots_in
from ics_assistant.retrieval.timeline import asks_about_change

__all__ = ["FEATURES", "Decision", "decide", "features", "names_place"]

_ASKS_FOR_ABSENT = re.compile(
    r"\b(?:does ?n[o']t|do ?n[o']t|did ?n[o']t|not) (?:name|list|mention|include|say|give|cover|state)\b|"
    r"\b(?:not (?:named|listed|mentioned|included|given)|unnamed|left out|missing from)\b",
    re.I,
)


_ROLE = re.compile(r"\b(?:Chair\w*|Chief|Director|Officer|Executive|Secretary|Minister|Leader|Head|Lead)\b")


# A place after a locative word: "in the Midlands", "across Kent" (capitalised, not an acronym).
_LOCATED = re.compile(
    r"\b(?:in|across|of|for|from|covering) (?:the )?([A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*)"
)


@dataclass(frozen=True)
class Decision:
    answerable: bool
    reason: RefusalReason | None
    dense: float
    coverage: float
    has_answer_type: bool
    features: Mapping[str, float] = field(default_factory=dict)


# "still", "now", "currently": when the question is set, not what it is about (not key terms).
_TIME_WORDS = frozenset(
    content_terms("still now currently current today yet anymore longer present presently nowadays")
)


def _evidence_terms(evidence: Sequence[Scored]) -> set[str]:
    terms: set[str] = set()
    seen_chunks: set[str] = set()
    for sc in evidence:
        terms |= sc.terms
        chunk = sc.hit.chunk
        if chunk.chunk_id not in seen_chunks:
            seen_chunks.add(chunk.chunk_id)
            terms |= set(content_terms(chunk.section)) | set(content_terms(chunk.title))
    return terms


def names_place(info: QuestionInfo, evidence: Sequence[Scored]) -> bool:
    """For "which area/place" questions: a quoted sentence that names what the question names also
    names something the question does not (a place), other than a role ("Prem Singh, Independent Chair"
    names a person and a role, no place)."""
    asked = set(info.terms)
    for sc in evidence:
        if not all(e in sc.terms for e in info.entities):
            continue
        located = [m.group(1) for m in _LOCATED.finditer(sc.text)]
        for name in [*names_in(sc.text), *located]:
            terms = set(content_terms(name))
            if terms and not terms <= asked and not _ROLE.search(name):
                return True
    return False


# Questions that ask for a sum of money, and the amounts that answer them.
_MONEY_QUESTION = re.compile(
    r"\bhow much\b.*\b(?:paid|pay|pays|earn\w*|cost\w*|spen[dt]\w*|charge\w*|price\w*|fund\w*|"
    r"budget\w*|allocat\w*|salary|worth|invest\w*)\b|\b(?:salary|price|fee)\b",
    re.I,
)
_MONEY = re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s?(?:pounds|pence|p)\b|\bfree\b", re.I)
# A year or a financial year the figure is for: "2026", "2026/27", "2024-25".
_PERIOD = re.compile(r"\b(?:19|20)\d\d(?:[/-]\d\d)?\b")


_WHAT_DATE = re.compile(r"\b(?:what|which)\s+date\b", re.I)
_ACRONYM_LETTERS = (3, 5)  # two letters would be spelt by chance too often
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    names = [*calendar.day_name, *(f"{d}s" for d in calendar.day_name)]
    return frozenset(t for n in names for t in content_terms(n))


def _entity_named(entity: str, terms: set[str], evidence: Sequence[Scored]) -> bool:
    """Whether the quoted evidence (with its headings and titles) names ``entity``: as a term; an
    acronym as the initials of words it spells out ("FAQ": "Frequently asked questions"), or as its
    plural's stem ("GPs": "GP practices"); a year by a document dated in it."""
    if entity in terms or entity in _weekdays():
        return True  # a day of the week is when, not what: "Monday to Friday" answers "on a Sunday?"
    if _YEAR.match(entity):
        return any((sc.hit.chunk.date or "").startswith(entity) for sc in evidence)
    if not (entity.isalpha() and _ACRONYM_LETTERS[0] <= len(entity) <= _ACRONYM_LETTERS[1]):
        return False
    if entity.endswith("s") and entity[:-1] in terms:
        return True
    for text in _evidence_texts(evidence):
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", text)).lower()
        if entity in initials:
            return True
    return False


def _names_period(periods: Sequence[str], evidence: Sequence[Scored]) -> bool:
    """Whether the quoted text, the heading or title it sits under, or its document's date names
    one of ``periods``."""
    dates = [sc.hit.chunk.date or "" for sc in evidence]  # a document dated in that year speaks for it
    text = " ".join([*_evidence_texts(evidence), *dates])
    return any(p[:4] in text for p in periods)  # "2026/27" is named by "2026/27" or its year 2026


def _evidence_texts(evidence: Sequence[Scored]) -> list[str]:
    """The quoted sentences with their chunks' headings and titles."""
    texts = [sc.text for sc in evidence]
    for chunk in {sc.hit.chunk.chunk_id: sc.hit.chunk for sc in evidence}.values():
        texts += [chunk.section, chunk.title]
    return texts


def _given_numbers(question: str) -> re.Pattern[str] | None:
    """The numbers written in ``question`` (not years: "how many in 2024?" still wants a count)."""
    found = {n for n in numbers_in(question) if not _PERIOD.fullmatch(n)}
    if not found:
        return None
    alternatives = "|".join(map(re.escape, sorted(found, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.,])(?:{alternatives})(?![\w,.]\d)(?!\w)")


ABOUT_SHARE = 0.5  # a quoted sentence is about the question when its term overlap is this share of the best


def _about_question(evidence: Sequence[Scored]) -> list[Scored]:
    """The quoted sentences about what the question asks: the lead quote's document, and another
    document's sentence only when it is about the question too. A date or a sum in a further quote
    about something else does not answer it ("pays a yearly contribution towards water costs", with
    another page's "the building cost £7.4 million" beside it, does not say how much it pays)."""
    if not evidence:
        return []
    lead_doc = evidence[0].hit.chunk.doc_id
    best = max(sc.overlap for sc in evidence)
    return [sc for sc in evidence if sc.hit.chunk.doc_id == lead_doc or sc.overlap >= ABOUT_SHARE * best]


def _has_type(info: QuestionInfo, evidence: Sequence[Scored]) -> bool:
    if info.place and not names_place(info, evidence):
        return False
    money = "money" in info.slots or _MONEY_QUESTION.search(info.text) is not None
    if info.answer_type == "date" or (info.answer_type == "number" and (money or info.focus is None)):
        # (a count of the thing asked, "180 virtual ward beds", says what it is about itself)
        evidence = _about_question(evidence)
    text = " ".join(sc.text for sc in evidence)
    if info.answer_type == "date":
        # a date the question itself gives is not its answer: "on what date in July 2027 will the
        # board meet?" is not answered by "at its meeting in July 2027"
        # (whole dates only: "19 March 2021" still answers "when in March 2021 was it sent?")
        if asks_when_usually(info.text) and has_slot(text, "time"):
            return True  # "when can I use the online form?": "8am to 6.30pm, Monday to Friday"
        rest = without_dates(text, dates_in(info.text))
        if _WHAT_DATE.search(info.text):
            return has_day_date(rest)  # "on what date will it open?" is not answered by "in March 2027"
        return has_date(rest)
    if info.answer_type == "number":
        if money and not _MONEY.search(text):
            return False  # "how much is she paid?" wants a sum of money, not any number
        periods = _PERIOD.findall(info.text)
        if periods and not _names_period(periods, evidence):
            return False  # a figure "for 2026/27" is not answered by the 2024/25 figure
        if money:
            return True  # "how much money ...": the sum is the count ("£7.3 million" counts no "money")
        # a number the question itself gives is not its answer: "how many of the 41 pharmacies are
        # in Tarn?" is not answered by "41 pharmacies across Ravensholt and Tarn"
        given = _given_numbers(info.text)
        if given is not None:
            texts = [given.sub(" ", sc.text) for sc in evidence]
            if not any(plain_numbers(t) for t in texts):
                return False  # no number but the question's own (and those inside dates)
        else:
            texts = [sc.text for sc in evidence]
        if info.focus is not None:  # "how many staff": a number that counts staff ("3 million people")
            return any(counts_focus(t, info.focus) for t in texts)
        return has_number(" ".join(texts))
    if info.answer_type == "name":
        return has_name(text)
    return True


@lexicon_cache(maxsize=1024)
def _action_terms(question: str) -> frozenset[str]:
    """The action a "how do I ..." request asks about: the stem of its main verb ("register"), or,
    for a light verb ("get", "have", "make"), of the verb's object ("how do I get a referral?")."""
    from ics_assistant.nlp import parse

    doc = parse(question)
    for token in doc:
        if token.pos_ != "VERB" or token.dep_ not in ("ROOT", "xcomp", "ccomp", "conj"):
            continue
        verb = content_terms(token.text)
        if verb:
            return frozenset(verb)
        objects = [c for c in token.children if c.dep_ in ("dobj", "attr", "prep", "prt")]
        for child in objects:
            head = (
                child if child.dep_ == "dobj" else next((g for g in child.children if g.dep_ == "pobj"), None)
            )
            if head is not None and content_terms(head.text):
                return frozenset(content_terms(head.text))
    return frozenset()


# "how do I register with a GP?" asks how to do one thing: a passage that never names it does not
# say how. "can I just turn up?" or "who can I phone?" asks something else, left to the model.
_HOW_DO_I = re.compile(r"^\s*how\s+(?:do|can|should|could|would|shall|will|must)\s+i\b", re.I)


def _states_action(info: QuestionInfo, evidence: Sequence[Scored]) -> bool:
    """For "how do I ..." questions: a quoted sentence names the action asked about (when a parser
    finds no action, every key term of the request)."""
    action = _action_terms(info.text) or frozenset(info.terms)  # "where is my nearest pharmacy?": all of it
    return any(action <= sc.terms for sc in evidence)


def _slot_stated(pool: Pool, evidence: Sequence[Scored]) -> bool:
    """For a question that asks for a value with a written form (an email address, a phone number,
    a time...): a quoted sentence holds one and is about what the question is about (shares one of
    its terms, with its heading): the complaints email does not answer "the helpline's email"."""
    formed = [s for s in pool.info.slots if s in FORM_SLOTS]
    if not formed:
        return True
    subject = slot_subject(pool.info)
    # a named subject is named where its value is given (in the sentence, its heading or its
    # document's title): the Connect Well line's email address does not answer "the email address for
    # the Pharmacy Access Line?"
    named = most_telling_name(pool.info, pool.weights)
    for sc in evidence:
        if not any(has_slot(sc.text, s) for s in formed):
            continue
        about = set(sc.terms) | set(content_terms(sc.hit.chunk.section))
        titled = about | set(content_terms(sc.hit.chunk.title))
        if (not subject or about & subject) and (named is None or named in titled):
            return True
    return False


# The features the fitted model weighs, in order (see scripts/fit_answerability.py).
FEATURES = (
    "dense",  # best cosine of the question with a retrieved chunk or sentence
    "evidence_semantic",  # best cosine of the question with a quoted sentence
    "coverage",  # weighted share of the question's key terms in the quoted text, heading and title
    "entity_coverage",  # share of the question's named things (names, acronyms, numbers) covered
    "typed",  # the kind of answer asked for (a date for "when" ...) is in the quote
    "lead_overlap",  # weighted term overlap of the lead sentence
    "personal_unmet",  # "how do I register ...?" and no quoted sentence names the action ("register")
    "slots_found",  # share of the kinds of value asked for (email, phone, time, person...) in the quote
    "n_terms",  # number of key terms in the question (log-scaled)
    "uncovered",  # key terms of the question found nowhere in the quoted text (log-scaled)
    "top_missing",  # the question's most informative key term is not in the quoted text
)


def features(pool: Pool, evidence: Sequence[Scored], top_dense: float) -> dict[str, float]:
    """What the answerability model sees for one question (pure)."""
    info = pool.info
    dense = max(top_dense, max((sc.semantic for sc in pool.sentences), default=0.0))
    terms = _evidence_terms(evidence)
    subject = list(info.terms)
    if asks_about_change(info.text):
        subject = [t for t in info.terms if t not in _TIME_WORDS] or subject
    entities = list(info.entities)
    missing = [t for t in subject if t not in terms]
    top = max(subject, key=lambda t: pool.weights.get(t, 0.0), default=None)
    return {
        "dense": dense,
        "evidence_semantic": max((sc.semantic for sc in evidence), default=0.0),
        "coverage": term_coverage(subject, terms, pool.weights),
        "entity_coverage": (sum(_entity_named(e, terms, evidence) for e in entities) / len(entities))
        if entities
        else 1.0,
        "typed": 1.0 if _has_type(info, evidence) else 0.0,
        "lead_overlap": max((sc.overlap for sc in evidence), default=0.0),
        "personal_unmet": 1.0 if info.personal and not _states_action(info, evidence) else 0.0,
        # a place is a cue for the quote, not a requirement ("where should decisions move to?")
        "slots_found": slots_in((sc.text for sc in evidence), [s for s in info.slots if s != "place"]),
        "n_terms": math.log1p(len(info.terms)),
        "uncovered": math.log1p(len(missing)),
        "top_missing": 1.0 if top is not None and top not in terms else 0.0,
    }


def _reason(f: Mapping[str, float]) -> RefusalReason:
    """The most telling reason for a refusal the model decided, for reports and users."""
    if f["entity_coverage"] < 1.0:
        return "missing_entity"
    if f["slots_found"] < 1.0:
        return "no_answer_of_type"
    if not f["typed"]:
        return "no_answer_of_type"
    if f["dense"] < 0.2:
        return "low_similarity"
    return "not_covered"


def decide(
    pool: Pool, evidence: Sequence[Scored], top_dense: float, model: AnswerabilityModel | None = None
) -> Decision:
    info = pool.info
    if not evidence:
        dense = max(top_dense, max((sc.semantic for sc in pool.sentences), default=0.0))
        return Decision(False, "no_evidence", dense, 0.0, False)
    f = features(pool, evidence, top_dense)
    ruled = _ruled_out(pool, evidence, f)
    if ruled is not None:
        return Decision(False, ruled, f["dense"], f["coverage"], False, f)
    fitted = model if model is not None else load_model()
    answerable = fitted.answerable(f)
    reason = None if answerable else ("personal_service" if info.personal else _reason(f))
    return Decision(answerable, reason, f["dense"], f["coverage"], bool(f["typed"]), f)


def _ruled_out(pool: Pool, evidence: Sequence[Scored], f: Mapping[str, float]) -> RefusalReason | None:
    """The reason the rules refuse ``evidence`` before the model weighs it, or None."""
    info = pool.info
    single = len(question_parts(info.text)) == 1
    if _ASKS_FOR_ABSENT.search(info.text):  # "the other three areas it doesn't name": by definition not there
        return "not_covered"
    if single and info.answer_type in ("date", "number") and not f["typed"]:
        # "when" needs a date and "how many" a number that counts the thing asked: never a guess
        return _reason(f)
    if (
        info.personal
        and _HOW_DO_I.match(info.text)
        and _action_terms(info.text)
        and not _states_action(info, evidence)
    ):
        # "how do I register with a GP?" is not answered by a passage that never says "register"
        return "personal_service"
    periods = _PERIOD.findall(info.text)
    if single and periods and not _names_period(periods, evidence):
        # "the allocation for 2026/27" is not answered by the 2024/25 allocation
        return "missing_entity"
    if single and not role_named(info, evidence):
        return "no_answer_of_type"
    if single and "person" in info.slots and not names_other_person(_evidence_texts(evidence), info.text):
        # "who is the ICB's chief nursing officer?" is not answered by a line that names no one, nor
        # "who took over from Simon Stevens?" by one that names only him
        return "no_answer_of_type"
    if single and not _slot_stated(pool, evidence):
        # "what's the email address?" is not answered by a reply that holds no email address
        return "no_answer_of_type"
    return None
