"""Passages that address an AI with instructions, found with the rules in a data file.

``corpus/injection_patterns.yaml`` holds the rules (name, pattern, why, example). Ingest lists
flagged chunks in its report; ``Index`` never retrieves them for the public audience; LLM
prompts carry every source inside a data-only fence (``prompts/grounded_answer.user.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ics_assistant.errors import CorpusError
from ics_assistant.types import Chunk

__all__ = [
    "DEFAULT_PATTERNS_PATH",
    "PATTERNS_FILE",
    "InjectionRule",
    "flag_chunks",
    "fold_spaces",
    "injection_rule",
    "load_injection_rules",
]

PATTERNS_FILE = "injection_patterns.yaml"
DEFAULT_PATTERNS_PATH = Path(__file__).resolve().parents[2] / "corpus" / PATTERNS_FILE


@dataclass(frozen=True)
class InjectionRule:
    name: str
    pattern: re.Pattern[str]
    why: str
    example: str


@lru_cache(maxsize=8)
def load_injection_rules(path: Path = DEFAULT_PATTERNS_PATH) -> tuple[InjectionRule, ...]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = tuple(
            InjectionRule(
                str(r["name"]), re.compile(str(r["pattern"]), re.IGNORECASE), str(r["why"]), str(r["example"])
            )
            for r in raw["rules"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
        raise CorpusError(f"cannot use the injection patterns in {path}: {exc}") from exc
    return rules


def fold_spaces(text: str) -> str:
    """``text`` as the rules see it: runs of spaces and tabs folded to one space (lines kept)."""
    return re.sub(r"[ \t\r\f\v]+", " ", text)


def injection_rule(text: str, rules: tuple[InjectionRule, ...] | None = None) -> str | None:
    """The name of the first rule ``text`` matches, or ``None``."""
    folded = fold_spaces(text)
    for rule in rules if rules is not None else load_injection_rules():
        if rule.pattern.search(folded):
            return rule.name
    return None


def flag_chunks(chunks: Iterable[Chunk]) -> dict[str, str]:
    """Chunk id -> the rule it matched, for the chunks that address an AI (``Index.flagged()``
    and the maintainers' console both read this)."""
    return {c.chunk_id: rule for c in chunks if (rule := injection_rule(c.text))}
