"""Claims: a sentence parsed once by spaCy (``claim_parse.py``, re-exported here) and split into
clauses with the features the support check compares (pure apart from the cached parse).

``clauses`` splits a sentence at its clause
heads (the root, conjoined verbs, adverbial / relative / complement clauses); every clause carries
its content tokens (names, numbers, nouns, verbs, adjectives, adverbs), its negations, modals,
quantifiers, causal markers and its actors (who said or did it: the subject of an active verb,
the agent of a passive one). Which words are negations, modals, quantifiers, reporting verbs or
causal markers is data: ``claim_words.yaml`` beside this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from ics_assistant.answering.claim_parse import Parsed, Tok, gives_reason, parse_passage, parse_sentence
from ics_assistant.answering.lexicon import lexicon_cache
from ics_assistant.answering.word_classes import WordClasses, number_value, words

__all__ = [
    "Clause",
    "Mark",
    "Parsed",
    "Tok",
    "WordClasses",
    "clauses",
    "gives_reason",
    "is_negation",
    "marks",
    "modal_class",
    "number_value",
    "parse_passage",
    "parse_sentence",
    "words",
]

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "relcl", "ccomp", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


def is_negation(t: Tok, toks: tuple[Tok, ...]) -> bool:
    """Does ``t`` negate its head? "no" before a comparative ("no later than", "no more than") sets
    a bound, it does not negate."""
    if not (t.lower in words().negation or t.dep == "neg"):
        return False
    if _an_alternative(t, toks):
        return False
    if t.lower != "no" or t.i + 1 >= len(toks):
        return True
    comparative = toks[t.i + 1].tag in ("JJR", "RBR") or (
        t.i + 2 < len(toks) and toks[t.i + 2].lower == "than"
    )
    return not comparative


def _causal(t: Tok, toks: tuple[Tok, ...]) -> bool:
    """A causal word ("because", "due to the strike"); "is due to open" names a time, no cause."""
    wc = words()
    if not (t.lower in wc.causal or t.lemma in wc.causal):
        return False
    after = toks[t.i + 2] if t.lower == "due" and t.i + 2 < len(toks) else None
    return not (after is not None and toks[t.i + 1].lower == "to" and after.pos in ("VERB", "AUX"))


def _an_alternative(t: Tok, toks: tuple[Tok, ...]) -> bool:
    """ "of any faith or none", "from different faiths and from none", "or of no faith": a negative
    word (or the noun "no" picks) that is one of coordinated alternatives negates no clause."""
    if t.lower not in ("no", "none"):
        return False
    word = toks[t.head] if t.lower == "no" and t.dep == "det" else t
    return word.dep == "conj" or (word.dep == "pobj" and toks[word.head].dep == "conj")


def modal_class(t: Tok, toks: tuple[Tok, ...]) -> str | None:
    """The modal class of ``t`` (possible / necessary / future), or ``None``: "May" the month, "the
    will" are no modals; "need", "have" are only before "to" ("need to go"); a modal that opens an
    inverted condition ("Should your reading be high, ...") asks "if", it does not oblige."""
    wc = words()
    if t.pos in ("PROPN", "NOUN"):
        return None
    nxt = toks[t.i + 1].lower if t.i + 1 < len(toks) else ""
    for w in (t.lower, t.lemma):
        if w in wc.modal_before_to and (nxt == "to" or t.tag == "MD" or _before_to(t, toks)):
            return wc.modal_before_to[w]
    for w in (t.lower, t.lemma):
        if w in wc.modal:
            if (w in wc.inverted and _inverted(t, toks)) or _questioned(t, toks):
                return None
            return wc.modal[w]
    return None


def _questioned(t: Tok, toks: tuple[Tok, ...]) -> bool:
    """Is ``t`` the modal of an embedded question ("decide whether it should continue")? It asks, it
    does not oblige or predict."""
    return t.dep == "aux" and any(u.head == t.head and u.lower == "whether" for u in toks)


def _comment(t: Tok, toks: tuple[Tok, ...]) -> bool:
    """Is ``t`` a comment adverb that opens the sentence ("Crucially, ...", "Unsurprisingly, ...")?
    It says how to take the claim, not what the claim is."""
    return (
        t.pos == "ADV"
        and t.dep == "advmod"
        and t.lower.endswith("ly")
        and t.i + 1 < len(toks)
        and toks[t.i + 1].text == ","
        and not any(u.text.isalpha() for u in toks[: t.i])
    )


def _before_to(t: Tok, toks: tuple[Tok, ...]) -> bool:
    """Does ``t`` govern a "to" infinitive ("needs once more to adapt")?"""
    return any(
        u.head == t.i and u.dep == "xcomp" and any(v.head == u.i and v.lower == "to" for v in toks)
        for u in toks
    )


def _inverted(t: Tok, toks: tuple[Tok, ...]) -> bool:
    """Does ``t`` open an inverted condition: an auxiliary before the subject of its verb, in a
    clause that modifies another ("Should you need help, call")?"""
    head = toks[t.head]
    # the small parser often reads a sentence-opening condition as a complement ("ccomp")
    opening = head.dep == "ccomp" and t.i == 0 and not toks[-1].text.startswith("?")
    if t.dep != "aux" or (head.dep != "advcl" and not opening):
        return False
    subjects = [u.i for u in toks if u.head == head.i and u.dep in _SUBJECT_DEPS]
    first = min((u.i for u in toks if u.head == head.i or u.i == head.i), default=t.i)
    return bool(subjects) and t.i < min(subjects) and t.i <= first


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
        cls = modal_class(t, parsed.toks)
        if cls is not None:
            out.append(Mark(cls, t.lower, head))
        if t.lemma in (wc.intent_nouns if t.pos == "NOUN" else wc.intent if t.pos in ("VERB", "ADJ") else ()):
            out.append(Mark("intent", t.lower, head))
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
    """ "the most" (a superlative after "the": "getting the most out of") is not the quantity "most";
    "as many as", "as much as" (an upper bound: "up to") is not the quantity "many"."""
    if t.tag in ("JJS", "RBS") and t.i > 0 and toks[t.i - 1].lower == "the":
        return True
    return 0 < t.i < len(toks) - 1 and toks[t.i - 1].lower == "as" and toks[t.i + 1].lower == "as"


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
    return tuple(
        toks[i] for i in _subtree(toks, root) if toks[i].pos in ("PROPN", "NOUN", "PRON", "NUM", "ADJ")
    )


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
        head = toks[h]
        content = tuple(
            t
            for t in mine
            if t.pos in _CONTENT_POS
            and not t.stop
            and t.lower not in wc.negation
            and t.lower not in wc.modal
            and modal_class(t, toks) is None
            and t.lower not in wc.universal
            and t.lower not in wc.partial
            and t.lower not in wc.hedges
            and not _comment(t, toks)
            and any(ch.isalnum() for ch in t.text)
        )
        actors = []
        for t in mine:
            if t.dep in _SUBJECT_DEPS and toks[t.head].i == h:
                actors.append(_phrase(toks, t.i))
            elif t.dep == "agent" and t.head == h:  # "staffed by" inside the clause is not its agent
                actors += [_phrase(toks, c.i) for c in toks if c.head == t.i and c.dep == "pobj"]
        negated = any(is_negation(t, toks) for t in mine)
        modal = frozenset(c for t in mine if (c := modal_class(t, toks)) is not None)
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
                causal=any(_causal(t, toks) for t in mine),
                actors=tuple(a for a in actors if a),
                reporting=head.lemma in wc.reporting,
                whole_plural=any(
                    t.lower in wc.universal and toks[t.head].tag in ("NNS", "NNPS") for t in mine
                ),
            )
        )
    return out
