"""Polarity on the aligned clause: is what a claim negates negated where the passage says it?

``entailment`` compares negations sentence-wide; a passage with a negation anywhere could excuse a
claim that negates something else ("have not agreed any limit" against "have agreed that no
patient should wait"). Here a claim's negation is compared where its negated word is:

- ``negated_unsaid``: a word the claim negates (the head of its "not", "no", "never" ...) occurs
  in the passage only in clauses with no negation. A clause negated by "no", "not", "neither"
  anywhere counts ("None of the hospitals could" / "No hospital could"); a weak negation
  ("without") counts only on that very word ("no need" / "without needing");
- ``negation_dropped``: the passage clause that best matches a claim clause (its twin) negates
  the word that heads the claim clause, and the claim clause has no negation ("did meet" against
  "did not meet"). Pure functions over parsed tokens (``claims``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ics_assistant.answering.claims import Clause, Parsed, Tok, is_negation, words

__all__ = ["negated_heads", "negated_unsaid", "negation_dropped"]

_FUNCTION_POS = frozenset({"DET", "ADP", "PART", "PUNCT", "CCONJ", "SCONJ", "PRON"})


def negated_heads(clause: Clause, toks: tuple[Tok, ...]) -> list[Tok]:
    """The words a clause's negations attach to ("not" -> its verb, "no" -> its noun)."""
    out = []
    for t in clause.toks:
        if is_negation(t, toks) and t.head != t.i:
            head = toks[t.head]
            if head.pos not in _FUNCTION_POS:
                out.append(head)
    return out


def _clause_negated(c: Clause) -> bool:
    return c.negated


def _weak_on(c: Clause, sent: Parsed, word: Tok) -> bool:
    """Does a weak negation of ``c`` ("without") govern a token aligned with ``word``?"""
    weak = words().weak_negation
    for t in c.toks:
        if t.lower in weak:
            for u in sent.toks:
                if u.head == t.i and u.i != t.i and u.keys & word.keys:
                    return True
    return False


def negated_unsaid(
    clause: Clause, toks: tuple[Tok, ...], window: Sequence[tuple[Parsed, Sequence[Clause]]]
) -> str | None:
    """The first word ``clause`` negates that the passage states only without a negation."""
    prefixes = words().negative_prefixes
    pronouns = words().negative_pronouns
    for head in negated_heads(clause, toks):
        # "nobody can help" negates its sentence, as "no one who can help" does: the passage's negation
        # may sit in another clause of the sentence that says the word
        by_pronoun = any(t.lower in pronouns and t.head == head.i for t in clause.toks)
        seen = False
        for sent, cls in window:
            for c in cls:
                if not any(t.keys & head.keys for t in c.toks):
                    continue
                seen = True
                if _clause_negated(c) or _weak_on(c, sent, head):
                    return None
                if by_pronoun and any(_clause_negated(other) for other in cls):
                    return None
                if any(
                    t.lower.startswith(p) and head.lemma in t.lower[len(p) :]
                    for t in c.toks
                    for p in prefixes
                ):
                    return None
        if seen:
            return head.text
    return None


def negation_dropped(clause: Clause, twin: Clause | None, twin_sent: Parsed | None) -> str | None:
    """The twin's negated word that heads ``clause``, when ``clause`` itself is not negated."""
    if twin is None or twin_sent is None or _clause_negated(clause):
        return None
    for head in negated_heads(twin, twin_sent.toks):
        if head.keys & clause.head.keys:
            return head.text
    return None
