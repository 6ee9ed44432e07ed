"""High-recall safety phrase rules, kept as data (``resources/safety_rules.jsonl``), matched by spaCy.

Each rule is a spaCy ``Matcher`` token pattern over ``NORM`` (spaCy already normalises
"can't"/"cant" to "can not", "won't" to "will not"), with a ``label``, a ``why`` and an
``example`` that the tests check the rule matches. Labels:

- ``emergency``, ``crisis``, ``urgent``, ``advice``: wording typical of that decision. They are
  *signals* for the classifier (``safety_model``), never a decision on their own when a fitted
  model is available, because the same words appear in questions about services and guidance.
- ``live`` (it is happening now) and ``topic`` (a question about services, guidance or the past):
  context signals for the classifier.
- ``injection``: an attempt to override or reveal the assistant's instructions (decides alone).
  A rule with ``at_line_start`` matches only at the start of a line ("SYSTEM: ...").

Typo tolerance: a word the embedding model's vocabulary does not know as a whole word, of four
letters or more, written in lower case (a capitalised word mid-sentence is a name), is read as
the rule word one edit away (substitution, insertion, deletion or swap of two neighbours). A
real word or a place name ("Stoke", "Stroud") is therefore never turned into a symptom. A word
in a place slot (right after "in", "near", "from", "to", "at" ..., or after "in the") is read as a
name even in lower case ("a gp in acle" is not "ache", "near fenny stratford" is not "funny").
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from ics_assistant.errors import ConfigError

__all__ = [
    "DEFAULT_RULES_PATH",
    "RISK_LABELS",
    "RULE_LABELS",
    "SIGNAL_LABELS",
    "Rule",
    "RuleHits",
    "SafetyRules",
    "default_rules",
    "edit_close",
    "load_rules",
]

DEFAULT_RULES_PATH: Final = Path(__file__).resolve().parent / "resources" / "safety_rules.jsonl"
RULE_LABELS: Final = ("emergency", "crisis", "urgent", "advice", "live", "topic", "injection")
SIGNAL_LABELS: Final = ("emergency", "crisis", "urgent", "advice", "live", "topic")  # classifier features
RISK_LABELS: Final = frozenset({"emergency", "crisis", "urgent", "advice"})  # "carries a risk signal"
_MIN_TYPO_LEN: Final = 4
# prepositions after which a word names a place (English grammar, not corpus words)
_PLACE_SLOT: Final = frozenset(
    {"in", "near", "nr", "from", "to", "at", "around", "outside", "towards", "via"}
)


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    pattern: tuple[dict[str, Any], ...]
    why: str
    example: str
    at_line_start: bool = False


@dataclass(frozen=True)
class RuleHits:
    """What the rules found in one text: counts per label and the matched phrases."""

    counts: dict[str, int] = field(default_factory=dict)
    matches: tuple[tuple[str, str], ...] = ()  # (rule id, matched text)

    def has(self, label: str) -> bool:
        return self.counts.get(label, 0) > 0

    @property
    def risk(self) -> bool:
        return any(self.has(label) for label in RISK_LABELS)

    @property
    def life_risk(self) -> bool:
        """Emergency or crisis wording: enough on its own for the safety note before an answer."""
        return self.has("emergency") or self.has("crisis")

    def vector(self) -> list[float]:
        """Signal counts in ``SIGNAL_LABELS`` order (classifier features)."""
        return [float(self.counts.get(label, 0)) for label in SIGNAL_LABELS]


def load_rules(path: Path = DEFAULT_RULES_PATH) -> list[Rule]:
    rules: list[Rule] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the safety rules {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            rule = Rule(
                id=str(d["id"]),
                label=str(d["label"]),
                pattern=tuple(d["pattern"]),
                why=str(d["why"]),
                example=str(d["example"]),
                at_line_start=bool(d.get("at_line_start", False)),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}:{n}: not a valid safety rule ({exc})") from exc
        if rule.label not in RULE_LABELS:
            raise ConfigError(f"{path}:{n}: unknown label {rule.label!r} (use one of {RULE_LABELS})")
        rules.append(rule)
    return rules


def edit_close(a: str, b: str) -> bool:
    """True when ``a`` is one substitution, insertion, deletion or adjacent swap away from ``b``."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def _pattern_words(pattern: Iterable[dict[str, Any]]) -> set[str]:
    words: set[str] = set()
    for token in pattern:
        value = token.get("NORM")
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, dict):
            words.update(str(v) for v in value.get("IN", ()))
    return {w for w in words if w.isalpha() and len(w) >= _MIN_TYPO_LEN}


def _model_vocabulary() -> frozenset[str]:
    """Whole words the embedding model knows (its WordPiece vocabulary); empty when not installed."""
    try:
        from ics_assistant.backends.embedders import DEFAULT_MODEL_NAME, resolve_model_path

        vocab = Path(resolve_model_path(DEFAULT_MODEL_NAME)) / "vocab.txt"
        return frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha())
    except (ImportError, OSError, ConfigError):
        return frozenset()


def _in_place_slot(doc: Any, i: int) -> bool:
    """Whether token ``i`` follows a place preposition, directly or after "the" ("to the leek area")."""
    prev = doc[i - 1].lower_ if i >= 1 else ""
    prev2 = doc[i - 2].lower_ if i >= 2 else ""
    return prev in _PLACE_SLOT or (prev == "the" and prev2 in _PLACE_SLOT)


class SafetyRules:
    """The compiled rules: ``match(text) -> RuleHits``. Thread-safe (spaCy matching is read-only)."""

    def __init__(self, rules: list[Rule], known_words: frozenset[str] | None = None) -> None:
        from spacy.matcher import Matcher

        from ics_assistant.nlp import load_spacy

        self.rules = rules
        self._by_id = {r.id: r for r in rules}
        self._nlp = load_spacy()
        self._matcher = Matcher(self._nlp.vocab)
        for rule in rules:
            self._matcher.add(rule.id, [list(rule.pattern)])
        self._targets = sorted(set().union(*(_pattern_words(r.pattern) for r in rules)))
        self._known = _model_vocabulary() if known_words is None else known_words
        self._lock = threading.Lock()  # Doc creation shares the vocab's string store

    def _typo_target(self, word: str) -> str | None:
        if len(word) < _MIN_TYPO_LEN or not word.isalpha() or word in self._known:
            return None
        for target in self._targets:
            if target[0] == word[0] and edit_close(word, target):
                return target
        return None

    def _doc(self, text: str) -> Any:
        """The tokenised text, each misspelt rule word's ``NORM`` set to the word it stands for."""
        doc = self._nlp.make_doc(text)
        for i, tok in enumerate(doc):
            name_like = i > 0 and (
                (tok.text[:1].isupper() and not doc[i - 1].is_punct) or _in_place_slot(doc, i)
            )
            if name_like or tok.norm_ in self._targets:
                continue
            target = self._typo_target(tok.norm_)
            if target is not None:
                tok.norm_ = target
        return doc

    def norms(self, text: str) -> list[str]:
        """The words as the rules see them (after typo correction); for tests and logs."""
        with self._lock:
            return [t.norm_ for t in self._doc(text)]

    def match(self, text: str) -> RuleHits:
        with self._lock:
            doc = self._doc(text)
            found = self._matcher(doc)
            counts: Counter[str] = Counter()
            matches: list[tuple[str, str]] = []
            for match_id, start, end in found:
                rule = self._by_id[self._nlp.vocab.strings[match_id]]
                if rule.at_line_start and text[: doc[start].idx].rsplit("\n", 1)[-1].strip():
                    continue
                counts[rule.label] += 1
                matches.append((rule.id, doc[start:end].text))
        return RuleHits(counts=dict(counts), matches=tuple(matches))


@lru_cache(maxsize=1)
def default_rules() -> SafetyRules:
    return SafetyRules(load_rules())
