"""Added phrases: a clause whose words mostly align can still carry a phrase the passage never says.

Part of the support check (``entailment.py``). Coverage is counted over a whole clause, so a short
invented phrase hung on a faithful clause ("..., with each member taking charge of X", "... under a
single contract held by Y", "... through a panel in every area") passes when the clause's other
words align. Here each phrase attached inside a clause (a prepositional phrase, a participle or
relative modifier, an apposition: spaCy's ``prep``, ``acl``, ``relcl``, ``appos``, ``advcl``
subtrees) is checked on its own: when it has at least ``MIN_PHRASE_WORDS`` content words and
fewer than ``MIN_PHRASE_SHARE`` of them align with the passage window, and the window has no
phrase of the same meaning (``said``: "for putting money into" / "for investing in"), it is an
added claim. ``added_item``: a list the passage gives with one more member ("GPs, school nurses,
pharmacists and hospital staff" for "GPs, school nurses and hospital staff"): a conjunct none of
whose words align, beside conjuncts that do. ``window_phrases`` lists a passage sentence's
phrases for that comparison.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ics_assistant.answering.claims import Clause, Tok

__all__ = ["MIN_PHRASE_SHARE", "MIN_PHRASE_WORDS", "added_item", "added_phrase", "window_phrases"]

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


_NOMINAL = frozenset({"NOUN", "PROPN"})
_ITEM_DEPS = frozenset({"compound", "amod", "nmod", "poss"})  # words that belong to a list item


def added_item(clause: Clause, aligned: Callable[[Sequence[Tok]], list[bool]]) -> str | None:
    """A member of a list (nouns joined by "and" / "or" / commas) in ``clause`` none of whose
    words aligns, in a list where another member does: an item the passage does not list."""
    inside = {t.i: t for t in clause.toks}
    content = {t.i for t in clause.content}
    groups: dict[int, set[int]] = {}
    for t in clause.toks:
        if t.dep == "conj" and t.pos in _NOMINAL and t.head in inside and inside[t.head].pos in _NOMINAL:
            root = t.head
            while inside[root].dep == "conj" and inside[root].head in inside:
                root = inside[root].head
            groups.setdefault(root, {root}).add(t.i)
    for members in groups.values():
        items = []
        for i in sorted(members):
            words = [inside[i]] + [u for u in clause.toks if u.head == i and u.dep in _ITEM_DEPS]
            items.append([u for u in words if u.i in content])
        if any(not words for words in items):
            continue
        hits = [any(aligned(words)) for words in items]
        if any(hits) and not all(hits):
            missing = items[hits.index(False)]
            return " ".join(u.text for u in sorted(missing, key=lambda u: u.i))
    return None


def window_phrases(toks: Sequence[Tok]) -> list[str]:
    """The phrases of a parsed passage sentence, as text (what a claim's phrase may paraphrase)."""
    every = frozenset(t.i for t in toks)
    return [" ".join(u.text for u in _subtree(toks, t, every)) for t in toks if t.dep in _PHRASE_DEPS]
