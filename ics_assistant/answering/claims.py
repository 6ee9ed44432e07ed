"""Claims: a sentence parsed once by spaCy and split into clauses with the features the support
check compares (pure apart from the cached parse).

A ``Parsed`` sentence keeps, per token, what the check needs (lemma, part of speech, dependency,
head, entity type) as plain tuples, so parses are cached (``parse_passage`` by text, an LRU) and
shared between threads without sharing spaCy objects. ``clauses`` splits a sentence at its clause
heads (the root, conjoined verbs, adverbial / relative / complement clauses); every clause carries
its content tokens (names, numbers, nouns, verbs, adjectives, adverbs), its negations, modals,
quantifiers, causal markers and its actors (who said or did it: the subject of an active verb,
the agent of a passive one). Which words are negations, modals, quantifiers, reporting verbs or
causal markers is data: ``claim_words.yaml`` beside this module.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ics_assistant.answering.analysis import stem
from ics_assistant.answering.lexicon import lexicon_cache
from ics_assistant.errors import ConfigError
from ics_assistant.nlp import load_spacy

__all__ = [
    "Clause",
    "Mark",
    "Parsed",
    "Tok",
    "WordClasses",
    "clauses",
    "is_negation",
    "marks",
    "number_value",
    "parse_passage",
    "parse_sentence",
    "words",
]

_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_WORDS_FILE = Path(__file__).resolve().parent / "claim_words.yaml"
_LOCK = threading.Lock()
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "relcl", "ccomp", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


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
        """Forms that align this token with another: lower-case, lemma, their stems, and the
        digits of a number word ("forty-two" -> "42")."""
        out = {self.lower, self.lemma, stem(self.lower), stem(self.lemma)}
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


@dataclass(frozen=True)
class WordClasses:
    negation: frozenset[str]
    weak_negation: frozenset[str]  # negates in a passage, not counted in a claim ("without")
    negative_prefixes: tuple[str, ...]  # "un" in "unpublished": negates the rest of the word
    droppable: frozenset[str]  # partial quantities a claim may not drop ("some")
    modal: dict[str, str]  # word -> class (possible / necessary / future)
    universal: frozenset[str]
    partial: frozenset[str]
    reporting: frozenset[str]
    causal: frozenset[str]
    weak_causal: frozenset[str]  # give a reason in a passage as a clause marker ("as", "since")
    opposites: dict[str, frozenset[str]]  # stem -> stems of its opposites
    hedges: frozenset[str]  # words that soften a claim without changing it
    numbers: dict[str, str]  # number word -> digits ("twelve" -> "12", "forty" -> "40")


@lru_cache(maxsize=1)
def words() -> WordClasses:
    """The word classes from ``claim_words.yaml`` (read once)."""
    data = yaml.safe_load(_WORDS_FILE.read_text(encoding="utf-8"))["classes"]
    for name, cls in data.items():  # an unquoted "no" is YAML's False, not the word
        listed = [w for key in ("words", "weak", "droppable", "prefixes", "tens") for w in cls.get(key) or []]
        listed += [w for pair in cls.get("pairs") or [] for w in pair]
        odd = [w for w in listed if not isinstance(w, str)]
        if odd:
            raise ConfigError(f"{_WORDS_FILE.name}: class {name!r} lists {odd!r}, not words: quote them")

    def members(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[name]["words"])

    modal: dict[str, str] = {}
    for cls in ("possible", "necessary", "future"):
        for w in data[f"modal_{cls}"]["words"]:
            modal[str(w).lower()] = cls
    opposites: dict[str, set[str]] = {}
    for a, b in data["opposites"]["pairs"]:
        sa, sb = stem(str(a).lower()), stem(str(b).lower())
        opposites.setdefault(sa, set()).add(sb)
        opposites.setdefault(sb, set()).add(sa)
    nums = {str(w).lower(): str(i) for i, w in enumerate(data["number_words"]["words"])}
    nums |= {str(w).lower(): str(20 + 10 * i) for i, w in enumerate(data["number_words"]["tens"])}
    return WordClasses(
        negation=members("negation"),
        weak_negation=frozenset(str(w).lower() for w in data["negation"].get("weak", [])),
        negative_prefixes=tuple(str(w).lower() for w in data["negation"].get("prefixes", [])),
        droppable=frozenset(str(w).lower() for w in data["quantity_partial"].get("droppable", [])),
        modal=modal,
        universal=members("quantity_universal"),
        partial=members("quantity_partial"),
        reporting=members("reporting_verbs"),
        causal=members("causal"),
        weak_causal=frozenset(str(w).lower() for w in data["causal"].get("weak", [])),
        opposites={k: frozenset(v) for k, v in opposites.items()},
        hedges=members("hedges"),
        numbers=nums,
    )


def number_value(word: str) -> str:
    """Digits for a number word ("twelve" -> "12", "forty-two" -> "42"); others unchanged."""
    nums = words().numbers
    parts = word.replace(",", "").split("-")
    if len(parts) == 2 and parts[0] in nums and parts[1] in nums:
        return str(int(nums[parts[0]]) + int(nums[parts[1]]))
    return nums.get(word, word.replace(",", ""))


def _to_parsed(span: object) -> Parsed:
    toks = []
    base = span.start  # type: ignore[attr-defined]
    for t in span:  # type: ignore[attr-defined]
        toks.append(
            Tok(
                i=t.i - base,
                text=t.text,
                lower=t.lower_,
                lemma=t.lemma_.lower(),
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i - base if span.start <= t.head.i < span.end else t.i - base,  # type: ignore[attr-defined]
                ent=t.ent_type_,
                stop=t.is_stop,
            )
        )
    return Parsed(span.text, tuple(toks))  # type: ignore[attr-defined]


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


def is_negation(t: Tok, toks: tuple[Tok, ...]) -> bool:
    """Does ``t`` negate its head? "no" before a comparative ("no later than", "no more than") sets
    a bound, it does not negate."""
    if not (t.lower in words().negation or t.dep == "neg"):
        return False
    if t.lower != "no" or t.i + 1 >= len(toks):
        return True
    comparative = toks[t.i + 1].tag in ("JJR", "RBR") or (
        t.i + 2 < len(toks) and toks[t.i + 2].lower == "than"
    )
    return not comparative


@dataclass(frozen=True)
class Mark:
    """A word that changes what its head means: ``kind`` is ``neg``, a modal class (``possible``,
    ``necessary``, ``future``) or a quantity (``universal``, ``partial``); ``head`` the keys of the
    word it modifies (the verb a "not" or "may" belongs to, the noun a "some" quantifies)."""

    kind: str
    word: str
    head: frozenset[str]


@lexicon_cache(maxsize=8192)
def marks(parsed: Parsed) -> tuple[Mark, ...]:
    """The negations, modals and quantities of a sentence, each with the keys of its head."""
    wc = words()
    out: list[Mark] = []
    for t in parsed.toks:
        head = parsed.toks[t.head].keys if t.head != t.i else t.keys
        if is_negation(t, parsed.toks):
            out.append(Mark("neg", t.lower, head))
        elif t.lower in wc.weak_negation:
            out.append(Mark("weak_neg", t.lower, head))
        if t.pos not in ("PROPN", "NOUN"):
            for w in {t.lower, t.lemma}:
                if w in wc.modal:
                    out.append(Mark(wc.modal[w], w, head))
        if t.lower in wc.universal:
            out.append(Mark("universal", t.lower, head))
        elif t.lower in wc.partial and not _superlative(t, parsed.toks):
            out.append(Mark("partial", t.lower, head))
    return tuple(out)


@dataclass(frozen=True)
class Clause:
    head: Tok
    toks: tuple[Tok, ...]
    content: tuple[Tok, ...]
    negated: bool
    modal: frozenset[str]  # classes: possible / necessary / future
    universal: frozenset[str]
    partial: frozenset[str]
    causal: bool
    actors: tuple[tuple[Tok, ...], ...]  # the subject (active) or agent (passive) phrases
    reporting: bool  # the head is a reporting verb ("said", "announced")
    whole_plural: bool = False  # "all practices": a universal quantifying a plural noun

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.toks)


def _superlative(t: Tok, toks: tuple[Tok, ...]) -> bool:
    """ "the most" (a superlative after "the": "getting the most out of") is not the quantity "most"."""
    return t.tag in ("JJS", "RBS") and t.i > 0 and toks[t.i - 1].lower == "the"


def _is_clause_head(t: Tok, toks: tuple[Tok, ...]) -> bool:
    if t.dep == "ROOT":
        return True
    if t.dep not in _CLAUSE_DEPS or t.pos not in ("VERB", "AUX"):
        return False
    if t.dep == "conj":  # a conjoined verb is a clause only when its head is one
        return toks[t.head].pos in ("VERB", "AUX")
    return True


def _subtree(toks: tuple[Tok, ...], root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for t in toks:
        if t.head != t.i:
            children.setdefault(t.head, []).append(t.i)
    out, stack = [], [root]
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(children.get(i, []))
    return sorted(out)


def _owner(t: Tok, toks: tuple[Tok, ...], heads: set[int]) -> int:
    seen = set()
    i = t.i
    while i not in heads and i not in seen:
        seen.add(i)
        i = toks[i].head
    return i


def _phrase(toks: tuple[Tok, ...], root: int) -> tuple[Tok, ...]:
    return tuple(toks[i] for i in _subtree(toks, root) if toks[i].pos in ("PROPN", "NOUN", "PRON", "NUM"))


def clauses(parsed: Parsed) -> list[Clause]:
    """The clauses of a parsed sentence, in order, each with its compared features."""
    toks = parsed.toks
    if not toks:
        return []
    wc = words()
    heads = {t.i for t in toks if _is_clause_head(t, toks)} or {toks[0].i}
    members: dict[int, list[Tok]] = {h: [] for h in heads}
    for t in toks:
        owner = _owner(t, toks, heads)
        members.setdefault(owner, []).append(t)
    out: list[Clause] = []
    for h in sorted(members):
        mine = tuple(members[h])
        lowers = {t.lower for t in mine}
        lemmas = {t.lemma for t in mine}
        head = toks[h]
        content = tuple(
            t
            for t in mine
            if t.pos in _CONTENT_POS
            and not t.stop
            and t.lower not in wc.negation
            and t.lower not in wc.modal
            and t.lower not in wc.universal
            and t.lower not in wc.partial
            and t.lower not in wc.hedges
            and any(ch.isalnum() for ch in t.text)
        )
        actors = []
        for t in mine:
            if t.dep in _SUBJECT_DEPS and toks[t.head].i == h:
                actors.append(_phrase(toks, t.i))
            elif t.dep == "agent" and t.head == h:  # "staffed by" inside the clause is not its agent
                actors += [_phrase(toks, c.i) for c in toks if c.head == t.i and c.dep == "pobj"]
        negated = any(is_negation(t, toks) for t in mine)
        # "May" the month, "the will", "a can" are not modals
        modal_toks = [t for t in mine if t.pos not in ("PROPN", "NOUN")]
        modal = frozenset(wc.modal[w] for t in modal_toks for w in (t.lower, t.lemma) if w in wc.modal)
        out.append(
            Clause(
                head=head,
                toks=mine,
                content=content,
                negated=negated,
                modal=modal,
                universal=frozenset(w for w in lowers if w in wc.universal),
                partial=frozenset(
                    t.lower for t in mine if t.lower in wc.partial and not _superlative(t, toks)
                ),
                causal=bool(lowers & wc.causal or lemmas & wc.causal),
                actors=tuple(a for a in actors if a),
                reporting=head.lemma in wc.reporting,
                whole_plural=any(
                    t.lower in wc.universal and toks[t.head].tag in ("NNS", "NNPS") for t in mine
                ),
            )
        )
    return out
