"""Short clauses of a claim that do not align: carried by the rest of the claim, or claims of their own.

Part of the support check (``entailment.py``). A clause with fewer than ``MIN_CLAUSE_WORDS``
content words that does not align with the passage is usually a fragment the rest of the sentence
carries ("we believe", "as you find out", "to make sure"). ``carried`` says when it is not: when it
gives a reason or purpose, or sits inside one ("so that pharmacies can keep stock", "to check that
you are eligible"); when it is all its sentence says ("It often runs in families."), unless it is
negated and each word the passage lacks is there in a negated form; when it is joined on by "and"
with nothing aligned ("..., and you can watch television").

A negated form: the word under a negative prefix ("published" in "unpublished") or in a negating
dictionary definition of a passage word (WordNet: "free" is "costing nothing", so "it costs
nothing" is what "it is free" says). ``negative_by_definition`` lets a negated clause stand on
such a word instead of a negation.
"""

from __future__ import annotations

from collections.abc import Sequence

from ics_assistant.answering.analysis import stem
from ics_assistant.answering.claims import Clause, Tok
from ics_assistant.answering.entailment_windows import Window
from ics_assistant.answering.word_classes import words
from ics_assistant.backends import wordnet

__all__ = ["DEFINITION_DEPTH", "carried", "negative_by_definition"]

DEFINITION_DEPTH = 3  # senses of a passage word whose definitions may negate a claim (most frequent first)


def negative_by_definition(clause: Clause, window: Window) -> bool:
    """Is a word of the negated clause that the window does not say in the dictionary definition
    of a window word, beside a negation? "free" is "costing nothing" (WordNet), so "it costs
    nothing" is what "it is free" says."""
    return any(_defined_away(t, window) for t in clause.content if not t.keys & window.keys)


def _defined_away(t: Tok, window: Window) -> bool:
    """Is ``t`` in a negating definition of a word of ``window`` ("cost" in "free": "costing
    nothing"; "paid" in "unpaid": "not paid")?"""
    if not wordnet.available():
        return False
    negation = words().negation
    for sent in window.sents:
        for w in sent.toks:
            if w.pos not in ("ADJ", "VERB"):
                continue
            for gloss in wordnet.definitions(w.lemma.lower(), w.pos, DEFINITION_DEPTH):
                said = gloss.lower().replace(";", " ").replace(",", " ").split()
                if negation & set(said) and t.keys & {k for x in said for k in (x, stem(x))}:
                    return True
    return False


def _prefixed(t: Tok, window: Window) -> bool:
    """Is ``t`` in ``window`` under a negative prefix ("published" in "unpublished")?"""
    pres = words().negative_prefixes
    return any(w.startswith(p) and stem(w[len(p) :]) in t.keys for w in window.lowers for p in pres)


def carried(clause: Clause, toks: Sequence[Tok], cov: float, alone: bool, window: Window) -> bool:
    """Is a short clause that does not align carried by the rest of the claim ("we believe", "as you
    find out")? Not when it is all the sentence says (``alone``: "It often runs in families."), nor
    when it is joined on with nothing aligned ("..., and you can watch television"), nor when it
    gives a reason or purpose or sits inside one ("so that pharmacies can keep stock", "to check
    that you are eligible"): each of those is a claim of its own."""
    if alone:  # a negated clause may say what a word of the passage means: "unpublished", "free"
        away = [t for t in clause.content if not t.keys & window.keys]
        return clause.negated and all(_prefixed(t, window) or _defined_away(t, window) for t in away)
    mine = {t.i for t in clause.toks}  # "to make sure" takes its clause through "sure"
    takes_clause = any(t.head in mine and t.i not in mine and t.dep in ("ccomp", "xcomp") for t in toks)
    if clause.head.dep == "conj" and cov == 0 and not takes_clause:
        return False
    return cov > 0 or takes_clause or not _in_reason(clause.head, toks)


def _in_reason(head: Tok, toks: Sequence[Tok]) -> bool:
    """Does ``head`` or a word it hangs from open a reason ("because", "since", "so that") or a
    purpose ("to check ...", "in order to")?"""
    causal = words().causal | {"since", "order"}
    at = {t.i: t for t in toks}
    node: Tok | None = head
    seen: set[int] = set()
    while node is not None and node.i not in seen:
        seen.add(node.i)
        kids = [t for t in toks if t.head == node.i and t.i != node.i]
        marks = [k for k in kids if k.dep == "mark"]
        if any(k.lower in causal or (k.lower == "that" and at.get(k.i - 1, k).lower == "so") for k in marks):
            return True
        if node.dep == "advcl" and any(k.dep == "aux" and k.lower == "to" for k in kids):
            return True
        node = at.get(node.head) if node.head != node.i else None
    return False
