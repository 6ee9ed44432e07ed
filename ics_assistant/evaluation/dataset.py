"""Evaluation datasets: JSONL, one item per line, validated with errors that name the line.

Each line is a JSON object with exactly these fields (so other datasets can be dropped in)::

    {"id": str, "question": str,
     "history": [{"role": "user" | "assistant", "content": str}, ...],   # optional
     "answerable": bool, "expected_sources": [doc_id, ...], "expected_facts": [str, ...]}

Optional extras, for reporting and for the feedback-to-dataset loop:

- ``category``: a label such as ``factual``, ``list``, ``temporal``, ``followup``, ``paraphrase``,
  ``unanswerable``, ``out_of_scope``, ``medical``, ``injection``, ``emergency``;
- ``audience``: ``public`` (the default) or ``staff``: who asks the question (a staff-only document
  may only answer ``staff`` items);
- ``needs_label`` (bool) and ``notes`` (str): written by ``ics-assistant feedback export`` on draft
  items. A draft (``needs_label: true``) is refused by ``load_dataset`` unless ``allow_drafts`` is
  set, so an unlabelled item can never be scored by accident; labelling means fixing the fields and
  removing the marker (or setting it to ``false``).

Each ``expected_facts`` string is one fact that must appear in the answer; ``|`` separates
acceptable alternatives. Unanswerable items may list required signposting (``999``, ``111``).
Blank lines are skipped. Any other field is an error (a typo such as ``expected_fact`` must not
silently turn an item into one that checks nothing).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ics_assistant.errors import AssistantError
from ics_assistant.types import AUDIENCES, Audience, Turn

__all__ = [
    "REQUIRED_FIELDS",
    "DatasetError",
    "EvalItem",
    "dump_dataset",
    "fact_alternatives",
    "load_dataset",
    "parse_dataset",
    "parse_item",
]

REQUIRED_FIELDS = ("id", "question", "answerable", "expected_sources", "expected_facts")
OPTIONAL_FIELDS = ("history", "category", "needs_label", "notes", "audience")
_ALLOWED = frozenset(REQUIRED_FIELDS + OPTIONAL_FIELDS)


class DatasetError(AssistantError):
    """A dataset file (or one of its lines) cannot be used. ``line`` is 1-based, 0 for the file."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {reason}")
        self.source = source
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class EvalItem:
    id: str
    question: str
    answerable: bool
    expected_sources: tuple[str, ...]
    expected_facts: tuple[str, ...]
    history: tuple[Turn, ...] = ()
    category: str | None = None
    needs_label: bool = False
    notes: str | None = None
    audience: Audience = "public"

    @property
    def label(self) -> str:
        """The category used in reports (``answerable`` / ``unanswerable`` when not given)."""
        if self.category:
            return self.category
        return "answerable" if self.answerable else "unanswerable"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "question": self.question}
        if self.history:
            d["history"] = [{"role": t.role, "content": t.content} for t in self.history]
        d["answerable"] = self.answerable
        d["expected_sources"] = list(self.expected_sources)
        d["expected_facts"] = list(self.expected_facts)
        if self.category is not None:
            d["category"] = self.category
        if self.needs_label:
            d["needs_label"] = True
        if self.notes is not None:
            d["notes"] = self.notes
        if self.audience != "public":
            d["audience"] = self.audience
        return d


def fact_alternatives(fact: str) -> tuple[str, ...]:
    """``"18 areas|18"`` -> ``("18 areas", "18")`` (stripped, empty alternatives dropped)."""
    return tuple(a.strip() for a in fact.split("|") if a.strip())


def _str_list(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{name!r} must be a list of non-empty strings")
    return tuple(value)


def _history(value: Any) -> tuple[Turn, ...]:
    if not isinstance(value, list):
        raise ValueError("'history' must be a list of {role, content} objects")
    turns: list[Turn] = []
    for i, turn in enumerate(value):
        if not isinstance(turn, dict) or set(turn) != {"role", "content"}:
            raise ValueError(f"history[{i}] must be an object with exactly 'role' and 'content'")
        role, content = turn["role"], turn["content"]
        if role not in ("user", "assistant"):
            raise ValueError(f"history[{i}].role must be 'user' or 'assistant', got {role!r}")
        if not isinstance(content, str):
            raise ValueError(f"history[{i}].content must be a string")
        turns.append(Turn(role=role, content=content))
    return tuple(turns)


def parse_item(obj: Any, *, allow_drafts: bool = False) -> EvalItem:
    """Validate one decoded JSON object. Raises ``ValueError`` with a reason (no location)."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    unknown = sorted(set(obj) - _ALLOWED)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(map(repr, unknown))}; allowed: {sorted(_ALLOWED)}")
    missing = [f for f in REQUIRED_FIELDS if f not in obj]
    if missing:
        raise ValueError(f"missing field(s) {', '.join(map(repr, missing))}")
    item_id, question, answerable = obj["id"], obj["question"], obj["answerable"]
    if not isinstance(item_id, str) or not item_id.strip():
        raise ValueError("'id' must be a non-empty string")
    if not isinstance(question, str):
        raise ValueError("'question' must be a string")
    if not isinstance(answerable, bool):
        raise ValueError(f"'answerable' must be true or false, got {answerable!r}")
    sources = _str_list(obj["expected_sources"], "expected_sources")
    facts = _str_list(obj["expected_facts"], "expected_facts")
    for fact in facts:
        if not fact_alternatives(fact):
            raise ValueError(f"expected fact {fact!r} has no non-empty alternative")
    needs_label = obj.get("needs_label", False)
    if not isinstance(needs_label, bool):
        raise ValueError("'needs_label' must be true or false")
    if needs_label and not allow_drafts:
        raise ValueError("draft item still needs a label: fix its fields, then remove 'needs_label'")
    if answerable and not sources and not needs_label:
        raise ValueError("an answerable item needs at least one expected source")
    category, notes = obj.get("category"), obj.get("notes")
    if category is not None and (not isinstance(category, str) or not category.strip()):
        raise ValueError("'category' must be a non-empty string")
    if notes is not None and not isinstance(notes, str):
        raise ValueError("'notes' must be a string")
    audience = obj.get("audience", "public")
    if audience not in AUDIENCES:
        raise ValueError(f"'audience' must be one of {list(AUDIENCES)}, got {audience!r}")
    return EvalItem(
        id=item_id,
        question=question,
        answerable=answerable,
        expected_sources=sources,
        expected_facts=facts,
        history=_history(obj.get("history", [])),
        category=category,
        needs_label=needs_label,
        notes=notes,
        audience=audience,
    )


def parse_dataset(
    lines: Iterable[str], *, source: str = "<dataset>", allow_drafts: bool = False
) -> list[EvalItem]:
    """Parse JSONL lines into items; the first problem raises ``DatasetError`` naming its line."""
    items: list[EvalItem] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(source, number, f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
        try:
            item = parse_item(obj, allow_drafts=allow_drafts)
        except ValueError as exc:
            item_id = obj.get("id") if isinstance(obj, dict) else None
            label = f"item {item_id!r}: " if isinstance(item_id, str) else ""
            raise DatasetError(source, number, f"{label}{exc}") from exc
        if item.id in seen:
            raise DatasetError(source, number, f"duplicate id {item.id!r} (first on line {seen[item.id]})")
        seen[item.id] = number
        items.append(item)
    if not items:
        raise DatasetError(source, 0, "the dataset has no items")
    return items


def load_dataset(path: Path, *, allow_drafts: bool = False) -> list[EvalItem]:
    """Read and validate a JSONL dataset file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(str(path), 0, f"cannot read the dataset: {exc}") from exc
    return parse_dataset(text.splitlines(), source=str(path), allow_drafts=allow_drafts)


def dump_dataset(items: Sequence[EvalItem]) -> str:
    """JSONL text for ``items`` (one object per line, field order as documented)."""
    return "".join(json.dumps(item.to_dict(), ensure_ascii=False) + "\n" for item in items)
