"""Added phrases: a clause whose words mostly align can still carry a phrase the passage never says.

Part of the support check (``entailment.py``). Coverage is counted over a whole clause, so a short
invented phrase hung on a faithful clause ("..., with each member taking charge of X", "... under a
single contract held by Y", "... through a panel in every area") passes when the clause's other
words align. Here each phrase attached inside a clause (a prepositional phrase, a participle or
relative modifier, an apposition: spaCy's ``prep``, ``acl``, ``relcl``, ``appos``, ``advcl``
subtrees) is checked on its own: when it has at least ``MIN_PHRASE_WORDS`` content words and
fewer than ``MIN_PHRASE_SHARE`` of them align with the passage window, and the window has no
phrase of the same meaning (``said``: "for putting money into" / "for investing in"), it is an
added claim. ``window_phrases`` lists a passage sentence's phrases for that comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ics_assistant.answering.claims import Clause, Tok

__all__ = ["MIN_PHRASE_SHARE", "MIN_PHRASE_WORDS", "added_phrase", "window_phrases"]

MIN_PHRASE_WORDS = 3
MIN_PHRASE_SHARE = 0.5
_PHRASE_DEPS = frozenset({"prep", "acl", "relcl", "appos", "advcl"})


def _subtree(toks: Sequence[Tok], root: Tok, inside: frozenset[int]) -> list[Tok]:
    out, stack = [], [root.i]
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(t.i for t in toks if t.head == i and t.i != i and t.i in inside)
    return [t for t in toks if t.i in set(out)]


def added_phrase(
    clause: Clause,
    aligned: Callable[[Sequence[Tok]], list[bool]],
    said: Callable[[str], bool] = lambda _: False,
) -> str | None:
    """The first phrase of ``clause`` that ``aligned`` (which of these words align with the
    passage window) finds mostly unsaid and ``said`` (does the window say this phrase in other
    words) does not find, as text; ``None`` when every phrase is said."""
    inside = frozenset(t.i for t in clause.toks)
    content = {t.i for t in clause.content}
    for t in clause.toks:
        if t.dep not in _PHRASE_DEPS or t.i == clause.head.i:
            continue
        phrase = _subtree(clause.toks, t, inside)
        words = [u for u in phrase if u.i in content]
        if len(words) < MIN_PHRASE_WORDS:
            continue
        hits = aligned(words)
        text = " ".join(u.text for u in phrase)
        if sum(hits) < MIN_PHRASE_SHARE * len(words) and not said(text):
            return text
    return None


def window_phrases(toks: Sequence[Tok]) -> list[str]:
    """The phrases of a parsed passage sentence, as text (what a claim's phrase may paraphrase)."""
    every = frozenset(t.i for t in toks)
    return [" ".join(u.text for u in _subtree(toks, t, every)) for t in toks if t.dep in _PHRASE_DEPS]
