"""Word classes the support check compares (``claim_words.yaml`` beside this module), read once.

Negations, modals, quantities, reporting verbs, causal words and phrases, opposites, hedges and
number words: general English, nothing about any corpus. ``claims`` re-exports ``words``,
``WordClasses`` and ``number_value``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ics_assistant.answering.analysis import stem
from ics_assistant.errors import ConfigError

__all__ = ["WordClasses", "number_value", "words"]

_WORDS_FILE = Path(__file__).resolve().parent / "claim_words.yaml"
_LISTS = (
    "words",
    "weak",
    "pronouns",
    "sources",
    "droppable",
    "prefixes",
    "tens",
    "lexical",
    "before_to",
    "inverted",
    "phrases",
    "intent",
    "intent_nouns",
    "permission",
    "implied",
    "lower",
    "upper",
    "flips",
)


@dataclass(frozen=True)
class WordClasses:
    negation: frozenset[str]
    weak_negation: frozenset[str]  # negates in a passage, not counted in a claim ("without")
    negative_pronouns: frozenset[str]  # "nobody", "nothing": negate their whole sentence
    negative_prefixes: tuple[str, ...]  # "un" in "unpublished": negates the rest of the word
    lexical_negation: frozenset[str]  # say "not" in one word ("unable", "exempt"): keep a passage's negation
    droppable: frozenset[str]  # partial quantities a claim may not drop ("some")
    modal: dict[str, str]  # word -> class (possible / necessary / future)
    modal_before_to: dict[str, str]  # modal only before "to" ("need to", "have to") -> class
    inverted: frozenset[str]  # a modal that opens a condition ("Should it rain, ...") is no modal
    intent: frozenset[str]  # verbs of aim or expectation ("expect", "aim"): a hedge "will" may not drop
    intent_nouns: frozenset[str]  # nouns that say one ("our aim is that ...")
    permission: frozenset[str]  # words that keep a passage's "can" ("is eligible to join", "the option of")
    implied_necessity: frozenset[str]  # words that say a need without a modal ("we need a referral")
    universal: frozenset[str]
    partial: frozenset[str]
    reporting: frozenset[str]
    causal: frozenset[str]
    causal_phrases: tuple[str, ...]  # phrases that link by cause in a passage ("lead to")
    weak_causal: frozenset[str]  # give a reason in a passage as a clause marker ("as", "since")
    opposites: dict[str, frozenset[str]]  # stem -> stems of its opposites
    motion_ends: dict[str, bool]  # "from" -> True (where it comes from), "to", "into" -> False
    hedges: frozenset[str]  # words that soften a claim without changing it
    numbers: dict[str, str]  # number word -> digits ("twelve" -> "12", "forty" -> "40")
    bounds: dict[str, str]  # "least" -> "lower", "under" -> "upper": which way a number is bounded
    bound_flips: frozenset[str]  # "no more than": the bound turned round


@lru_cache(maxsize=1)
def words() -> WordClasses:
    """The word classes from ``claim_words.yaml`` (read once)."""
    data = yaml.safe_load(_WORDS_FILE.read_text(encoding="utf-8"))["classes"]
    for name, cls in data.items():  # an unquoted "no" is YAML's False, not the word
        listed = [w for key in _LISTS for w in cls.get(key) or []]
        listed += [w for pair in cls.get("pairs") or [] for w in pair]
        listed += [w for group in cls.get("groups") or [] for side in group for w in side]
        odd = [w for w in listed if not isinstance(w, str)]
        if odd:
            raise ConfigError(f"{_WORDS_FILE.name}: class {name!r} lists {odd!r}, not words: quote them")

    def members(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[name]["words"])

    def sublist(name: str, key: str) -> list[str]:  # a class's optional list ("weak", "intent", ...)
        return [str(w).lower() for w in data[name].get(key, [])]

    modal: dict[str, str] = {}
    before_to: dict[str, str] = {}
    for cls in ("possible", "necessary", "future"):
        for w in data[f"modal_{cls}"]["words"]:
            modal[str(w).lower()] = cls
        for w in data[f"modal_{cls}"].get("before_to") or []:
            before_to[str(w).lower()] = cls
    opposites: dict[str, set[str]] = {}
    pairs = list(data["opposites"]["pairs"])  # a group: each word of one side against each of the other
    pairs += [(a, b) for one, other in data["opposites"].get("groups") or [] for a in one for b in other]
    for a, b in pairs:
        sa, sb = stem(str(a).lower()), stem(str(b).lower())
        opposites.setdefault(sa, set()).add(sb)
        opposites.setdefault(sb, set()).add(sa)
    nums = {str(w).lower(): str(i) for i, w in enumerate(data["number_words"]["words"])}
    nums |= {str(w).lower(): str(20 + 10 * i) for i, w in enumerate(data["number_words"]["tens"])}
    return WordClasses(
        negation=members("negation"),
        weak_negation=frozenset(sublist("negation", "weak")),
        negative_pronouns=frozenset(sublist("negation", "pronouns")),
        negative_prefixes=tuple(sublist("negation", "prefixes")),
        lexical_negation=frozenset(sublist("negation", "lexical")),
        droppable=frozenset(sublist("quantity_partial", "droppable")),
        modal=modal,
        modal_before_to=before_to,
        inverted=frozenset(sublist("modal_necessary", "inverted")),
        intent=frozenset(sublist("modal_future", "intent")),
        intent_nouns=frozenset(sublist("modal_future", "intent_nouns")),
        permission=frozenset(sublist("modal_possible", "permission")),
        implied_necessity=frozenset(sublist("modal_necessary", "implied")),
        universal=members("quantity_universal"),
        partial=members("quantity_partial"),
        reporting=members("reporting_verbs"),
        causal=members("causal"),
        causal_phrases=tuple(sublist("causal", "phrases")),
        weak_causal=frozenset(sublist("causal", "weak")),
        opposites={k: frozenset(v) for k, v in opposites.items()},
        motion_ends={w: w in sublist("motion_ends", "sources") for w in members("motion_ends")},
        hedges=members("hedges"),
        numbers=nums,
        bounds={w: side for side in ("lower", "upper") for w in sublist("bounds", side)},
        bound_flips=frozenset(sublist("bounds", "flips")),
    )


def number_value(word: str) -> str:
    """Digits for a number word ("twelve" -> "12", "forty-two" -> "42"); others unchanged."""
    nums = words().numbers
    parts = word.replace(",", "").split("-")
    if len(parts) == 2 and parts[0] in nums and parts[1] in nums:
        return str(int(nums[parts[0]]) + int(nums[parts[1]]))
    return nums.get(word, word.replace(",", ""))
