"""Questions that ask for one role holder ("who is the chief executive?", "which GP is the clinical
lead?", "what is the name of the lead nurse?"): the role asked for, parsed with spaCy, and whether a
quoted sentence names that role at all (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.evidence import Scored
from ics_assistant.answering.lexicon import lexicon_cache
from ics_assistant.answering.question import QuestionInfo

__all__ = ["role_asked", "role_named"]

# "who is the <role> ...?" and "which GP/consultant is the <role> ...?": one role holder asked for
_WHO_IS_THE = re.compile(
    r"^\s*(?:who(?:'s| is| was)|which\s+[a-z]+\s+(?:is|was)|what(?:'s| is| was)\s+the\s+name\s+of)"
    r"\s+(?:the|their|its|your|our)\s",
    re.I,
)
_ASKING = frozenset({"who", "whom", "which", "what"})


@lexicon_cache(maxsize=1024)
def role_asked(question: str) -> frozenset[str]:
    """For "who is the <role> ...?", "what is the name of the <role>?" or "which GP is the <role>
    ...?" (one role holder): the stem
    of the role's head noun, the first noun phrase after the verb, and of the nouns compounded
    with it ("the chief executive of the ICB" -> executive; "the operations manager" ->
    operations, manager), parsed with spaCy; empty otherwise. Adjectives are left out: a source
    may spell "Indepedent Chair"."""
    if not _WHO_IS_THE.match(question):
        return frozenset()
    from ics_assistant.nlp import parse

    doc = parse(question)
    verb = next((t.i for t in doc if t.lower_ in ("is", "was", "'s")), len(doc))
    for chunk in doc.noun_chunks:
        if chunk.start <= verb or any(t.lower_ in _ASKING for t in chunk) or chunk.root.lower_ == "name":
            continue  # "what is the name of the lead nurse?": the role is the noun after "the name of"
        if chunk.root.tag_ in ("NNS", "NNPS"):
            continue
        nouns = [t.text for t in chunk.root.children if t.dep_ == "compound"] + [chunk.root.text]
        return frozenset(content_terms(" ".join(nouns)))
    return frozenset()


def role_named(info: QuestionInfo, evidence: Sequence[Scored]) -> bool:
    """For "who is the <role>?": a quoted sentence names that role (every word of it): a line
    about the Chief Medical Officer does not say who the chief executive is."""
    role = role_asked(info.text)
    return not role or any(role <= sc.terms for sc in evidence)
