"""Names and numbers of a claim clause against the passage (part of the support check).

``unsaid_figure(clause, passage_keys, number_keys, folded)``: the first name or number of the
clause that the passage does not say. A name may occur anywhere in the cited passage
(``passage_keys``), or be the stem of a passage adjective ("Parliament": "parliamentary"); a
number only in the sentences the claim aligns with (``number_keys``): a figure said of something
else elsewhere in the passage does not support it. A hyphenated token counts when each part is
said ("under-18s": "under 18"); "forty-two" is one number. A number the clause repeats more often
than those sentences say it ("from 8am to 8pm" for "between 8am and 10pm") is a changed figure,
and so is a count of a thing those sentences count with another number ("16 bays" where they say
"12 bays", though "16 years" is there too).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ics_assistant.answering.analysis import stem
from ics_assistant.answering.claims import Clause, Tok, number_value

__all__ = ["is_number", "unsaid_figure"]

_NAME_POS = frozenset({"PROPN", "NUM"})
_ADJECTIVE_ENDINGS = frozenset({"ary", "ian", "an", "ic", "al", "ish", "ese"})


def is_number(t: Tok) -> bool:
    return t.pos == "NUM" or t.text[:1].isdigit()


def _the_one(t: Tok, toks: Sequence[Tok]) -> bool:
    """ "the one place where ...": "one" after "the" / "this" / "that" picks a thing, it counts nothing;
    nor does "one" set against "another" ("varies from one study to another") or standing for a
    noun ("such as one covering many years")."""
    if t.lower != "one":
        return False
    prev = next((u for u in toks if u.i == t.i - 1), None)
    if prev is not None and prev.lower in ("the", "this", "that"):
        return True
    if any(u.i > t.i and u.lower in ("another", "other") for u in toks):
        return True
    return t.dep == "pobj" and any(u.head == t.i and u.dep in ("acl", "relcl") for u in toks)


def _parts_said(t: Tok, passage_keys: frozenset[str], number_keys: frozenset[str]) -> bool:
    parts = [p for p in t.lower.split("-") if p]
    if len(parts) > 1:
        keys = passage_keys | number_keys
        return all(
            (p[:-1] if p[:1].isdigit() and p.endswith("s") else p) in keys or stem(p) in keys for p in parts
        )
    if is_number(t) or len(t.lower) < 5:
        return False
    return any(k.startswith(t.lower) and k[len(t.lower) :] in _ADJECTIVE_ENDINGS for k in passage_keys)


def _said(t: Tok, passage_keys: frozenset[str], number_keys: frozenset[str], folded: set[str]) -> bool:
    if is_number(t):
        return bool(t.keys & number_keys) or _parts_said(t, passage_keys, number_keys)
    return bool(t.keys & passage_keys) or stem(t.lower) in folded or _parts_said(t, passage_keys, number_keys)


def _counts(sentences: Sequence[Sequence[Tok]]) -> tuple[list[tuple[str, Tok]], set[str]]:
    """(value, noun) for each number written in digits that counts a noun ("12 bays", "2 hours"; not
    "5 pm"), and the values of the other numbers ("from 3 to 6 nurses": 3 counts the nurses too)."""
    counts: list[tuple[str, Tok]] = []
    bare: set[str] = set()
    for toks in sentences:
        by_i = {t.i: t for t in toks}
        for t in toks:
            if not t.text[:1].isdigit():
                continue
            head = by_i.get(t.head)
            if t.dep == "nummod" and head is not None and head.pos == "NOUN" and len(head.lemma) > 2:
                counts.append((number_value(t.lower), head))
            else:
                bare.add(number_value(t.lower))
    return counts, bare


def _miscounted(clause: Clause, window_sents: Sequence[Sequence[Tok]]) -> str | None:
    """A count in ``clause`` of a thing the aligned sentences count only with other numbers."""
    counted, bare = _counts(window_sents)
    for value, noun in _counts([clause.toks])[0]:
        said = [v for v, n in counted if n.keys & noun.keys]
        if said and value not in said and value not in bare:
            return f"the claim counts {value} {noun.text}, the passage {said[0]}"
    return None


def unsaid_figure(
    clause: Clause,
    passage_keys: frozenset[str],
    number_keys: frozenset[str],
    folded: set[str],
    window_sents: Sequence[Sequence[Tok]] = (),
) -> tuple[str, str] | None:
    """(reason, detail) for the first name or number of ``clause`` the passage does not say
    (``window_sents``: the aligned sentences' tokens, sentence by sentence)."""
    toks = clause.toks
    skip: set[int] = set()
    for j, t in enumerate(toks):
        if j in skip or t.pos not in _NAME_POS or not any(ch.isalnum() for ch in t.text):
            continue
        if _the_one(t, toks):
            continue
        if t.pos == "NUM" and j + 2 < len(toks) and toks[j + 1].text == "-" and toks[j + 2].pos == "NUM":
            skip.add(j + 2)  # "forty-two": one number
            if number_value(f"{t.lower}-{toks[j + 2].lower}") in number_keys:
                continue
        elif _said(t, passage_keys, number_keys, folded):
            continue
        kind = "number" if is_number(t) else "name"
        return f"{kind}_mismatch", f"{kind} not in the cited sentences: {t.text}"
    miscount = _miscounted(clause, window_sents)
    if miscount is not None:
        return "number_mismatch", miscount
    if window_sents:
        said = Counter(number_value(t.lower) for sent in window_sents for t in sent if t.pos == "NUM")
        mine = Counter(number_value(t.lower) for t in toks if t.pos == "NUM" and t.text[:1].isdigit())
        for value, n in mine.items():
            if n > said[value] > 0:
                return "number_mismatch", f"the claim says {value} {n} times, the passage {said[value]}"
    return None
