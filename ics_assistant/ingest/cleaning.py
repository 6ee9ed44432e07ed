"""Cleaning (pure): page-furniture removal by data-driven rules, whitespace and Unicode tidy-up.

The rules live in ``corpus/cleaning_rules.yaml`` (each removes whole lines matching a regular
expression). The cleaned text is canonical: chunks, citations and quotes are slices of it.
Normalisation for *matching* (case, quotes, dashes) is ``textnorm.normalize_for_match``; this
module only makes the stored text tidy (NFC, plain spaces, no invisible characters).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ics_assistant.errors import CorpusError

__all__ = [
    "DEFAULT_RULES_PATH",
    "RULES_FILE",
    "CleaningRule",
    "CleaningRules",
    "clean_text",
    "load_rules",
    "rules_path_for",
]

RULES_FILE = "cleaning_rules.yaml"
DEFAULT_RULES_PATH = Path(__file__).resolve().parents[2] / "corpus" / RULES_FILE

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_ODD_SPACE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INNER_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
_MANY_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class CleaningRule:
    name: str
    pattern: re.Pattern[str]
    why: str = ""
    example: str = ""

    def matches(self, line: str) -> bool:
        return self.pattern.fullmatch(line.strip()) is not None


@dataclass(frozen=True)
class CleaningRules:
    rules: tuple[CleaningRule, ...]
    digest: str  # changes when the rules change, so documents are re-cleaned

    def furniture(self, line: str) -> CleaningRule | None:
        for rule in self.rules:
            if rule.matches(line):
                return rule
        return None


def rules_path_for(corpus_dir: Path) -> Path:
    """The corpus's own rules file if it has one, else the project's default rules."""
    own = corpus_dir / RULES_FILE
    return own if own.is_file() else DEFAULT_RULES_PATH


def load_rules(path: Path) -> CleaningRules:
    """Read and compile a rules file. Raises ``CorpusError`` naming the bad rule."""
    try:
        raw = path.read_text(encoding="utf-8")
        data = yaml.safe_load(raw) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"cannot read cleaning rules {path}: {exc}") from exc
    entries = data.get("rules", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CorpusError(f"{path}: expected a top-level 'rules:' list")
    rules: list[CleaningRule] = []
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("pattern"):
            raise CorpusError(f"{path}: rule {i} needs a 'name' and a 'pattern'")
        try:
            pattern = re.compile(str(entry["pattern"]), re.IGNORECASE)
        except re.error as exc:
            raise CorpusError(f"{path}: rule {entry['name']!r} has a bad pattern: {exc}") from exc
        rules.append(
            CleaningRule(
                name=str(entry["name"]),
                pattern=pattern,
                why=str(entry.get("why", "")),
                example=str(entry.get("example", "")),
            )
        )
    return CleaningRules(tuple(rules), hashlib.sha256(raw.encode()).hexdigest()[:16])


def _tidy_line(line: str) -> str:
    line = _ODD_SPACE.sub(" ", line).rstrip()
    return _INNER_SPACES.sub(" ", line)


def clean_text(text: str, rules: CleaningRules) -> str:
    """Canonical cleaned text: NFC, ``\\n`` line ends, furniture lines removed, tidy spacing.

    Leading indentation is kept (nested bullets); runs of blank lines become one blank line.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", _INVISIBLE.sub("", text))
    kept = [_tidy_line(line) for line in text.split("\n")]
    kept = [line for line in kept if not (line.strip() and rules.furniture(line))]
    return _MANY_BLANKS.sub("\n\n", "\n".join(kept)).strip()
