"""Which way a number is bounded, compared between a claim and its passage (support check).

"under 13" and "older than 13", "up to 90 minutes" and "at least 90 minutes", "by the time you are
10 weeks" and "once you are past 10 weeks" keep the passage's number and reverse what it says. A
number's bound is read from the words just before it (up to ``REACH`` words back, not past a verb,
a punctuation mark or another number) or after it with "and" / "or" ("aged 40 and over", "3 months
or less"); the words are data (``claim_words.yaml``, class ``bounds``). A claim that bounds a number
one way where every bounded mention of it in the passage is bounded the other way is reversed; a
bound the claim adds or drops is left to the other checks.
"""

from __future__ import annotations

from collections.abc import Sequence

from ics_assistant.answering.claims import Tok
from ics_assistant.answering.figures import is_number
from ics_assistant.answering.word_classes import words

__all__ = ["REACH", "bound", "reversed_bound"]

REACH = 5  # words back from a number to the word that bounds it
_STOP_POS = frozenset({"VERB", "PUNCT"})  # and numbers (``is_number``)
_JOINS = frozenset({"and", "or"})
_OTHER = {"lower": "upper", "upper": "lower"}


def _side(toks: Sequence[Tok], k: int) -> str | None:
    wc = words()
    t = toks[k]
    side = wc.bounds.get(t.lower)
    if side is None or (t.lower == "up" and (k + 1 >= len(toks) or toks[k + 1].lower != "to")):
        return None
    if k > 0 and toks[k - 1].lower in wc.bound_flips:
        return _OTHER[side]
    return side


def bound(toks: Sequence[Tok], j: int) -> str | None:
    """ "lower" or "upper" for the number at ``toks[j]``, or None when nothing bounds it. A bound
    after the number outranks one before it: "until 10pm or later" is bounded below."""
    for k in range(j + 1, min(len(toks) - 1, j + 3)):  # "40 and over", "3 months or more"
        if toks[k].lower in _JOINS:
            after = toks[k + 1]
            side = _side(toks, k + 1)
            comparative = after.tag in ("JJR", "RBR") or (
                after.pos in ("ADJ", "ADV") and after.lower.endswith("er")
            )
            if side is not None or comparative:  # "or later": a bound, of neither listed side
                return side
            break
        if toks[k].pos in _STOP_POS or is_number(toks[k]):
            break
    for k in range(j - 1, max(-1, j - 1 - REACH), -1):
        side = _side(toks, k)
        if side is not None:
            return side
        if toks[k].pos in _STOP_POS or is_number(toks[k]):
            break
    return None


def reversed_bound(
    claim: Sequence[Tok], clause: Sequence[Tok], window: Sequence[Sequence[Tok]]
) -> str | None:
    """A detail when a number of ``clause`` (tokens of the sentence ``claim``) is bounded the other
    way from every bounded mention of it in ``window`` (its sentences' tokens), else None."""
    at = {t.i: j for j, t in enumerate(claim)}
    for t in clause:
        j = at.get(t.i)
        if j is None or not is_number(t) or t.lower == "one":  # "by one team" counts nothing
            continue
        mine = bound(claim, j)
        if mine is None:
            continue
        theirs = {
            bound(toks, k)
            for toks in window
            for k, w in enumerate(toks)
            if is_number(w) and w.keys & t.keys and w.lower != "one"
        } - {None}
        if theirs and mine not in theirs:
            return f"{t.text!r} is bounded the other way ({mine}, the passage: {theirs.pop()})"
    return None
