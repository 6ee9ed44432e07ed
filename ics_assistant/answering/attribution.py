"""Who said or did it? A claim's actors against the actors of the same verb in the passage.

Part of the support check (``entailment.py``): a named actor of a claim clause (a person, a body)
must be named among the actors of the passage's clauses with the same head verb (or name one of
them: "Sir Simon Stevens" for "Stevens"); a common-noun actor ("dental therapists") must share a
noun with one of them, each conjunct of "X or Y" on its own, when the passage names its actors by
nouns at all (a pronoun "we" leaves nothing to compare with a common noun; a name must be named).
"""

from __future__ import annotations

from collections.abc import Sequence

from ics_assistant.answering.claims import Clause, Tok

__all__ = ["attribution_problem"]


def _actors_for(clause: Clause, passage: Sequence[Clause]) -> tuple[tuple[Tok, ...], ...]:
    """Who says or does the clause's verb in the passage: the actors of its clauses with the same
    head verb (none when it has no such clause with an actor: nothing to compare). An actor is
    the actor of an event, not of a verb: when the clause says more than its verb and its actors
    ("take time off work"), only the passage clauses of that verb that share one of those words
    count ("Sessions can take place" is another event); a reporting verb's content is in the
    clause it reports, so every clause of the same reporting verb counts."""
    same = [c for c in passage if c.head.keys & clause.head.keys]
    in_actor = {t.i for a in clause.actors for t in a}
    rest = [t for t in clause.content if t.i != clause.head.i and t.i not in in_actor]
    if rest and not clause.reporting:
        same = [c for c in same if any(t.keys & u.keys for t in rest for u in c.content if u is not c.head)]
    return tuple(a for c in same for a in c.actors)


def _conjuncts(toks: Sequence[Tok], clause: Clause) -> list[list[Tok]]:
    """``toks`` grouped by the conjuncts of their phrase ("your GP practice or the nursing team":
    each of the two must be an actor in the passage)."""
    cuts = [t.i for t in clause.toks if t.dep == "cc"]
    groups: dict[int, list[Tok]] = {}
    for t in toks:
        groups.setdefault(sum(c < t.i for c in cuts), []).append(t)
    return list(groups.values())


def _acts(clause: Clause) -> bool:
    """Is the clause headed by a verb of action or saying (not "is", "has": "our understanding is")?"""
    return clause.head.pos == "VERB" and clause.head.lemma not in ("be", "have")


def _in_modifier(t: Tok, actor: Sequence[Tok]) -> bool:
    """Is ``t`` inside a prepositional modifier of the actor ("every blood test in Corrowby"): a
    place or owner the actor is said of, not who acts?"""
    by_i = {u.i: u for u in actor}
    seen: set[int] = set()
    while t.head in by_i and t.head != t.i and t.i not in seen:
        seen.add(t.i)
        if t.dep in ("prep", "pobj"):
            return True
        t = by_i[t.head]
    return False


def _keys(toks: Sequence[Tok]) -> frozenset[str]:
    return frozenset(k for t in toks for k in t.keys)


def _partners(clause: Clause, passage: Sequence[Clause]) -> frozenset[str]:
    """Who the passage does the clause's verb *with* ("a password agreed with the patient"): the
    objects of a "with" attached to the same verb, which the claim may make its subject ("a
    password the patient has agreed")."""
    out: set[str] = set()
    for c in passage:
        if not c.head.keys & clause.head.keys:
            continue
        preps = {t.i for t in c.toks if t.dep == "prep" and t.lower == "with" and t.head == c.head.i}
        out |= {k for t in c.toks if t.dep == "pobj" and t.head in preps for k in t.keys}
    return frozenset(out)


def attribution_problem(clause: Clause, passage: Sequence[Clause]) -> str | None:
    """Who said or did it: a named actor of the clause must be named in an actor of the same verb
    in the passage; an actor that is a common noun ("dental therapists") must share a noun with
    one, when the passage names its actors by nouns at all (a pronoun "we" leaves nothing to
    compare with a common noun; a name must be named)."""
    found = _actors_for(clause, passage)
    if not found:
        return None
    actors = [_keys(a) for a in found]
    by_noun = [_keys([t for t in a if t.pos in ("NOUN", "PROPN")]) for a in found]
    names = [[t for t in a if t.pos == "PROPN"] for a in found]
    partners = _partners(clause, passage)
    for actor in clause.actors:
        named = [
            t
            for t in actor
            if (t.pos == "PROPN" or t.ent in ("PERSON", "ORG", "GPE", "NORP")) and not _in_modifier(t, actor)
        ]
        nouns = [t for t in actor if t.pos == "NOUN"]
        if named and not _acts(clause):  # "X is the clinical lead": who is what, not who did it
            continue
        if named:
            mine = _keys(actor)
            if any(all(t.keys & a for t in named) for a in actors):
                continue
            if any(n and all(t.keys & mine for t in n) for n in names):  # "Stevens" of "Sir Simon Stevens"
                continue
        elif (
            not _acts(clause)
            or not nouns
            or not any(by_noun)
            or all(any(t.keys & a for t in part for a in by_noun) for part in _conjuncts(nouns, clause))
        ):
            continue
        if any(t.keys & partners for t in [*named, *nouns]):
            continue
        text = " ".join(t.text for t in actor)
        return f"the passage does not say {text!r} said or did this"
    return None
