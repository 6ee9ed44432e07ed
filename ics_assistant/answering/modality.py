"""Modality of a claim clause against the passage it aligns with (part of the support check).

``modality_change`` compares what the claim says may, must or will happen with what the passage
says, once the clause is aligned (``entailment.py``):

- a "will" or "must" the passage does not say is firmer, but a "will" only where the passage's
  sentence hedges or obliges (a possibility, "should", an aim or expectation the claim does not
  keep) or tells it as done ("lasts an hour" is "will last an hour"; "we aim to see" is not "we
  will see"); a "has to" where the passage says a need in other words ("we need a referral") is not;
- a "will" or "must" on what the passage's clause says only may happen firms it up;
- a possibility on the verb the passage says will happen weakens it;
- a plan of the passage ("will open") told as done ("opened") is a changed claim.

Word classes are data (``claim_words.yaml``: ``modal_*``, ``intent``, ``implied``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ics_assistant.answering.claims import Clause, Mark
from ics_assistant.answering.word_classes import words

__all__ = ["modality_change"]


def _has(marks: Sequence[Mark], *kinds: str) -> bool:
    return any(m.kind in kinds for m in marks)


def _future_firms(claim_marks: Sequence[Mark], own: Sequence[Mark], twin: Clause | None) -> bool:
    """Does a "will" the passage does not say change what it says? Only where the passage's
    sentence hedges or obliges (a possibility, "should", an aim or expectation the claim does not
    keep) or tells it as done: "the first session lasts an hour" is "will last an hour"; "we aim
    to see" is not "we will see", nor "published" "will publish"."""
    if _has(own, "possible", "necessary"):
        return True
    if _has(own, "intent") and not _has(claim_marks, "intent"):
        return True
    if twin is None:
        return False
    return twin.head.tag == "VBD" or any(
        t.head == twin.head.i and t.dep in ("aux", "auxpass") and (t.tag == "VBD" or t.lemma == "have")
        for t in twin.toks
    )


def modality_change(
    clause: Clause,
    claim_marks: Sequence[Mark],
    claim_tags: Mapping[str, str],
    window_marks: Sequence[Mark],
    window_lemmas: frozenset[str],
    own: Sequence[Mark],
    twin: Clause | None,
) -> str | None:
    """How the clause changes the passage's modality, as a detail; ``None`` when it does not.
    ``claim_marks`` / ``claim_tags``: the whole claim sentence's marks and its keys' tags;
    ``window_marks`` / ``window_lemmas``: the aligned passage window's; ``own``: the marks of the
    passage sentence the clause aligns with; ``twin``: the passage clause it matches, if any."""
    added = sorted(k for k in clause.modal - {"possible"} if not _has(window_marks, k))
    if "future" in added and not _future_firms(claim_marks, own, twin):
        added.remove("future")
    if "necessary" in added and window_lemmas & words().implied_necessity:
        added.remove("necessary")  # "we need a referral" / "you have to be referred"
    if added:
        return f"the claim adds {'/'.join(added)}"
    if (
        twin is not None
        and "possible" in twin.modal - clause.modal
        and clause.modal & {"future", "necessary"}
    ):
        return "the claim firms up what its clause of the passage says may happen"
    hedged = frozenset(k for m in claim_marks if m.kind == "possible" for k in m.head)
    firm = [m for m in window_marks if m.kind in ("future", "necessary") and m.head & hedged]
    if firm and not _has(claim_marks, "future", "necessary"):
        return f"the claim weakens the passage's {firm[0].word!r} to a possibility"
    planned = [
        m for m in window_marks if m.kind == "future" and any(claim_tags.get(k) == "VBD" for k in m.head)
    ]
    if planned and not _has(claim_marks, "future"):
        return f"the passage's {planned[0].word!r} is stated as done"
    return None
