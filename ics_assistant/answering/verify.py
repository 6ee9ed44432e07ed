"""Verify a generated answer against the numbered hits it cites, keep what is supported.

``SentenceVerifier`` takes the model's text as it streams (``feed``), checks each sentence once it
is complete (``support.check_sentence_support`` with ``claims=True``: clause by clause, re-citing
a sentence to the retrieved passage that fully supports it) and gives back only the sentences that
passed, ready to show: no unverified sentence ever leaves it. Unsupported sentences are dropped
(kept in ``Verified.dropped`` with their reason); the markers of the rest are renumbered 1..n in
order of appearance, and each citation quotes the sentence of its chunk that best matches the
answer sentences citing it (verbatim: ``quote == document_text[start:end]``).

A sentence without a marker waits for the next few (a verbatim quote of several sentences carries
one marker at its end); everything left is decided at ``finish``. ``verify_generated`` is the same
for a finished text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.support import (
    MAX_QUOTE_SENTENCES,
    CitedPassage,
    SentenceSupport,
    check_sentence_support,
    split_answer,
    strip_markers,
)
from ics_assistant.protocols import Embedder, Vectors
from ics_assistant.types import Citation, Dropped, Hit, cite

__all__ = ["SentenceVerifier", "Verified", "verify_generated"]

_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
_TAIL = re.compile(r"([.!?:;][\"”’')]*)?\s*$")


@dataclass(frozen=True)
class Verified:
    text: str
    citations: tuple[Citation, ...]
    dropped: tuple[str, ...]
    checks: tuple[SentenceSupport, ...]
    reasons: tuple[Dropped, ...] = ()


def _best_span(hit: Hit, claims: Sequence[str]) -> tuple[int, int]:
    chunk = hit.chunk
    if not chunk.sentences:
        return 0, len(chunk.text)
    want = set()
    for c in claims:
        want |= set(content_terms(c))
    best = max(
        chunk.sentences,
        key=lambda sp: (len(want & set(content_terms(chunk.text[sp[0] : sp[1]]))), -sp[0]),
    )
    return best


def _recite(sentence: str, cites: Sequence[int]) -> str:
    """``sentence`` with its markers replaced by ``cites``, placed before the final punctuation."""
    bullet = _BULLET.match(sentence)
    head = sentence[: bullet.end()] if bullet else ""
    body = strip_markers(sentence[len(head) :])
    m = _TAIL.search(body)
    end = m.start() if m else len(body)
    return head + body[:end].rstrip() + " " + "".join(f"[{n}]" for n in cites) + body[end:]


class SentenceVerifier:
    """Streamed model text in, verified sentences out (see the module docstring)."""

    def __init__(
        self,
        hits: Sequence[Hit],
        sentence_vectors: Mapping[str, Vectors] | None = None,
        *,
        embedder: Embedder | None = None,
    ) -> None:
        self.hits = list(hits)
        self.embedder = embedder  # lets a paraphrased clause align by meaning (optional)
        self.passages = {
            i: CitedPassage(n=i, text=h.chunk.text, title=h.chunk.title, date=h.chunk.date)
            for i, h in enumerate(hits, start=1)
        }
        self._buf = ""
        self._complete = 0  # complete sentences seen in the buffer
        self._done = 0  # check results already decided
        self._order: dict[int, int] = {}
        self._kept: list[SentenceSupport] = []
        self._checks: list[SentenceSupport] = []
        self._pieces: list[str] = []

    def feed(self, delta: str) -> list[str]:
        """Add model text; returns the pieces of verified text now ready to show (maybe none)."""
        self._buf += delta
        sentences = split_answer(self._buf)
        if len(sentences) - 1 <= self._complete:
            return []
        self._complete = len(sentences) - 1
        last = sentences[-1].sentence
        prefix = self._buf[: self._buf.rfind(last)]
        return self._decide(prefix, final=False)

    def finish(self) -> list[str]:
        """The model is done: decide every sentence left; returns the last pieces to show."""
        return self._decide(self._buf, final=True)

    def _decide(self, text: str, *, final: bool) -> list[str]:
        results = check_sentence_support(text, self.passages, claims=True, embedder=self.embedder)
        out: list[str] = []
        for k in range(self._done, len(results)):
            r = results[k]
            later_cited = any(x.citations for x in results[k + 1 :])
            waiting = r.reason == "no citation" and not later_cited and len(results) - k < MAX_QUOTE_SENTENCES
            if waiting and not final:
                break  # a quote of several sentences may carry its marker later
            self._done = k + 1
            self._checks.append(r)
            if not r.supported:
                continue
            self._kept.append(r)
            out.append(self._show(r))
        self._pieces.extend(out)
        return out

    def _show(self, r: SentenceSupport) -> str:
        sentence = _recite(r.sentence, r.citations) if r.recited_from else r.sentence
        for n in r.citations:
            self._order.setdefault(n, len(self._order) + 1)

        def renumber(m: re.Match[str]) -> str:
            nums = [self._order[int(x)] for x in m.group(1).split(",") if int(x) in self._order]
            return "".join(f"[{n}]" for n in dict.fromkeys(nums))

        sentence = _MARKER.sub(renumber, sentence)
        if not self._pieces and not self._kept[:-1]:
            return sentence.lstrip()
        return ("\n" if _BULLET.match(sentence) else " ") + sentence

    def result(self) -> Verified:
        """The verified answer: the text shown, its citations, what was dropped and why."""
        citations: list[Citation] = []
        for old, new in sorted(self._order.items(), key=lambda kv: kv[1]):
            hit = self.hits[old - 1]
            claims = [c.claim for c in self._kept if old in c.citations]
            s, e = _best_span(hit, claims)
            citations.append(cite(new, hit.chunk, s, e))
        drops = tuple(
            Dropped(c.sentence, c.kind or "unsupported_claim", c.reason)
            for c in self._checks
            if not c.supported
        )
        return Verified(
            "".join(self._pieces).strip(),
            tuple(citations),
            tuple(d.sentence for d in drops),
            tuple(self._checks),
            drops,
        )


def verify_generated(
    text: str,
    hits: Sequence[Hit],
    sentence_vectors: Mapping[str, Vectors] | None = None,
    *,
    embedder: Embedder | None = None,
    threshold: float = 0.55,
) -> Verified:
    """Verify a finished text (``threshold`` is kept for compatibility)."""
    verifier = SentenceVerifier(hits, sentence_vectors, embedder=embedder)
    verifier.feed(text)
    verifier.finish()
    return verifier.result()
