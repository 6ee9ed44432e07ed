"""Fakes for the evaluation tests: a tiny document set and a scripted assistant over it.

``FakeAssistant`` answers by quoting the first document sentence that shares the most words with
the question (so its citations are real quotes at real offsets), refuses when nothing overlaps,
and leads with 999 for a message containing "chest pain". It records every call.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ics_assistant.sentences import split_sentences
from ics_assistant.textnorm import tokenize_words
from ics_assistant.types import Answer, Citation, Source, Turn

DOCS = {
    "ics-faq": "What is an integrated care system?\n\nIntegrated Care Systems (ICSs) are partnerships of "
    "organisations that plan and deliver joined up health and care services. Following several years of "
    "locally led development, 42 ICSs were established across England on a statutory basis on 1 July 2022.",
    "blog": "There are currently 18 areas covered by an ICS, which are currently classed as voluntary "
    "partnerships as they have no basis in legislation. An ICS will cover 1 to 3 million people.",
}
_STOP = {"what", "is", "an", "a", "the", "how", "many", "when", "did", "do", "of", "are", "by", "to", "who"}
REFUSAL = (
    "The ICS documents don't cover that. For a health need contact NHS 111, or call 999 in an emergency."
)


def doc_text(doc_id: str) -> str | None:
    return DOCS.get(doc_id)


def _terms(text: str) -> set[str]:
    return {w for w in tokenize_words(text) if w not in _STOP}


class FakeAssistant:
    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Turn, ...]]] = []

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        self.calls.append((question, tuple(history)))
        if "chest pain" in question.lower():
            return Answer(text="Call 999 now. " + REFUSAL, refused=True, refusal_reason="emergency")
        terms = _terms(question + " " + " ".join(t.content for t in history if t.role == "user"))
        best: tuple[int, str, int, int] | None = None
        for doc_id, text in DOCS.items():
            for start, end in split_sentences(text):
                score = len(terms & _terms(text[start:end]))
                if score and (best is None or score > best[0]):
                    best = (score, doc_id, start, end)
        if best is None:
            return Answer(text=REFUSAL, refused=True, refusal_reason="not_covered")
        _, doc_id, start, end = best
        quote = DOCS[doc_id][start:end]
        source = Source(doc_id, f"{doc_id}#0", DOCS[doc_id], 1.0, 1, title=doc_id)
        cite = Citation(1, doc_id, doc_id, None, source.chunk_id, quote, start, end)
        return Answer(text=f"{quote} [1]", citations=(cite,), sources=(source,), question=question)


def write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


SMALL_DATASET: list[dict[str, Any]] = [
    {
        "id": "statutory",
        "question": "When were ICSs established on a statutory basis?",
        "answerable": True,
        "expected_sources": ["ics-faq"],
        "expected_facts": ["1 July 2022", "42"],
        "category": "temporal",
    },
    {
        "id": "population",
        "question": "How many people will an ICS cover?",
        "answerable": True,
        "expected_sources": ["blog"],
        "expected_facts": ["1 to 3 million"],
        "category": "factual",
    },
    {
        "id": "followup",
        "question": "Were they legal bodies back then?",
        "history": [
            {"role": "user", "content": "How many areas are covered by an ICS?"},
            {"role": "assistant", "content": "18 areas [1]."},
        ],
        "answerable": True,
        "expected_sources": ["blog"],
        "expected_facts": ["voluntary partnerships"],
        "category": "followup",
    },
    {
        "id": "capital",
        "question": "Capital of France?",
        "answerable": False,
        "expected_sources": [],
        "expected_facts": [],
        "category": "out_of_scope",
    },
    {
        "id": "emergency",
        "question": "I have chest pain",
        "answerable": False,
        "expected_sources": [],
        "expected_facts": ["999"],
        "category": "emergency",
    },
]
