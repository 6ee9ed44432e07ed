"""A sentence parsed once by spaCy into plain tuples (``Parsed`` of ``Tok``), for the support check
(``claims.py`` splits it into clauses). Per token it keeps what the check needs (lemma, part of
speech, dependency, head, entity type) and the keys it may align by (word, lemma, stem, a number's
value), so parses are cached (``parse_passage`` by text, an LRU) and shared between threads without
sharing spaCy objects.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from ics_assistant.answering.analysis import stem
from ics_assistant.answering.lexicon import lexicon_cache
from ics_assistant.answering.word_classes import number_value, words
from ics_assistant.nlp import load_spacy

__all__ = ["Parsed", "Tok", "gives_reason", "parse_passage", "parse_sentence"]

_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_LOCK = threading.Lock()
_SNOWBALL = Stemmer.Stemmer("english")
# derivational endings that change a word's meaning, not only its part of speech
_SHIFTING_SUFFIXES = (
    "able",
    "ible",
    "ive",
    "ment",
    "ful",
    "ous",
    "ism",
    "ist",
    "ic",
    "al",
    "ate",
    "ary",
    "ory",
)


@lru_cache(maxsize=65536)
def _root(word: str) -> str:
    """The Snowball (Porter 2) stem of ``word``, which removes derivational endings ("-ance",
    "-ly", "-er") the light ``analysis.stem`` keeps; words of four letters or fewer, numbers and
    anything not purely alphabetic are left as they are ("data" is not "dat"), and so are words
    whose ending changes what they mean ("considerable" is not "consider", "relative" not
    "relate", "government" not "govern")."""
    if len(word) <= 4 or not word.isalpha() or word.endswith(_SHIFTING_SUFFIXES):
        return word
    return str(_SNOWBALL.stemWord(word))


@dataclass(frozen=True)
class Tok:
    i: int
    text: str
    lower: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent: str
    stop: bool

    @property
    def keys(self) -> frozenset[str]:
        """Forms that align this token with another: lower-case, lemma, their stems (and the
        Snowball stem of the word, which strips derivational endings: "importance" / "important",
        "increasingly" / "increase"), and the digits of a number word ("forty-two" -> "42")."""
        out = {self.lower, self.lemma, stem(self.lower), stem(self.lemma), _root(self.lower)}
        if self.pos == "NUM":
            out.add(number_value(self.lower))
        ordinal = _ORDINAL.fullmatch(self.lower)
        if ordinal:  # "1st" April is "1" April
            out.add(ordinal.group(1))
        return frozenset(out)


@dataclass(frozen=True)
class Parsed:
    text: str
    toks: tuple[Tok, ...]


def _ages(words: list[str]) -> set[int]:
    """Positions of "year" and "old(s)" in an age compound ("5-year-olds", "a 16-year-old"): the
    compound says an age, as "aged 5" and "at age 5" do, so both words read as "age"."""
    out: set[int] = set()
    for j in range(len(words) - 4):
        if (
            number_value(words[j]).isdigit()
            and words[j + 1] == "-"
            and words[j + 2] in ("year", "years")
            and words[j + 3] == "-"
            and words[j + 4] in ("old", "olds")
        ):
            out |= {j + 2, j + 4}
    return out


def _to_parsed(span: object) -> Parsed:
    toks = []
    base = span.start  # type: ignore[attr-defined]
    ages = _ages([t.lower_ for t in span])  # type: ignore[attr-defined]
    for t in span:  # type: ignore[attr-defined]
        toks.append(
            Tok(
                i=t.i - base,
                text=t.text,
                lower=t.lower_,
                lemma="age" if t.i - base in ages else t.lemma_.lower(),
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i - base if span.start <= t.head.i < span.end else t.i - base,  # type: ignore[attr-defined]
                ent=t.ent_type_,
                stop=t.is_stop,
            )
        )
    return Parsed(span.text, tuple(toks))  # type: ignore[attr-defined]


def gives_reason(sent: Parsed) -> bool:
    """Does the sentence give a reason or purpose without a causal word: a reason clause
    ("as they have no basis", "given that ..."), "in order to", or a purpose infinitive ("met to
    provide care"), or a causal phrase ("lead to")?"""
    wc = words()
    toks = sent.toks
    for t in toks:
        if t.lower in wc.weak_causal and t.dep in ("mark", "prep", "advmod", "pobj", "advcl"):
            return True
        if t.lower == "to" and t.dep == "aux" and toks[t.head].dep == "advcl":
            return True
    text = f" {' '.join(t.lower for t in toks)} "
    return any(f" {p} " in text for p in wc.causal_phrases)


@lexicon_cache(maxsize=4096)
def parse_passage(text: str) -> tuple[Parsed, ...]:
    """A passage's sentences (spaCy's own segmentation), parsed once per distinct text."""
    nlp = load_spacy()
    with _LOCK:
        doc = nlp(" ".join(text.split()))
    return tuple(_to_parsed(s) for s in doc.sents)


@lexicon_cache(maxsize=1024)
def parse_sentence(text: str) -> Parsed:
    """One generated sentence, parsed as a whole (a claim is never split across spaCy sentences)."""
    nlp = load_spacy()
    with _LOCK:
        doc = nlp(" ".join(text.split()))
    return _to_parsed(doc[:])
