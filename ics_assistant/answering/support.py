"""Support check: is each answer sentence backed by the passage(s) it cites?

Used after every generator and by the evals' faithfulness metric. With ``claims=True`` (the LLM
path) each sentence is decided by ``claim_check.check_claim`` instead: clauses entailed by the cited
passage, re-citation to another retrieved passage that fully supports it, a reason per drop.
Otherwise a sentence is supported when
1. it cites at least one known passage (``[n]``), and
2. every number, date and proper name in it occurs in the cited text (hard checks), and
3. it is a verbatim quote of the cited text, or its semantic score reaches ``threshold``
   (cosine with the closest cited sentence when an embedder is given; otherwise the share of
   its content terms found in the cited text).
An attribution frame "According to <title of a cited source>[, dated <its date>]:" carries no
facts of its own and is set aside before checking. Fact-free connective sentences that the
extractive answerer writes (``FRAMING_SENTENCES``) pass without a citation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ics_assistant.answering.analysis import common_cap, content_terms, dates_in, names_in, numbers_in
from ics_assistant.answering.messages import NOT_FOUND
from ics_assistant.protocols import Embedder, Vectors
from ics_assistant.sentences import split_sentences
from ics_assistant.textnorm import normalize_for_match, tokenize_words
from ics_assistant.types import Answer

__all__ = [
    "FRAMING_SENTENCES",
    "AnswerSentence",
    "CitedPassage",
    "SentenceSupport",
    "check_answer_support",
    "check_sentence_support",
    "frame_split",
    "hard_check",
    "is_verbatim",
    "split_answer",
    "strip_markers",
]

_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
MAX_QUOTE_SENTENCES = 6
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
_FRAME = re.compile(r"^According to (?P<title>.+?)(?:, dated (?P<date>[^:]+))?:\s+")
FRAMING_SENTENCES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^The source names only the \w+ listed above(?: \[\d+\])?\.?$"),
    re.compile(r"^(?:It|The source|The document) lists(?: these| the following)?(?: \w+)?:$"),
    re.compile(r"^The source's list goes on beyond these\.$"),
    re.compile("^" + "[^”]*".join(map(re.escape, NOT_FOUND.split("{part}"))) + "$"),
)
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {m: i + 1 for i, m in enumerate(str.split(_MONTH_NAMES))}


@dataclass(frozen=True)
class CitedPassage:
    """What ``[n]`` stands for: the cited text, its source's title/date, optional sentence vectors."""

    n: int
    text: str
    title: str = ""
    date: str | None = None
    vectors: Vectors | None = None  # one normalised vector per sentence of ``text`` (optional)


@dataclass(frozen=True)
class AnswerSentence:
    sentence: str  # as written in the answer, markers included
    claim: str  # markers and attribution frame removed
    citations: tuple[int, ...]


@dataclass(frozen=True)
class SentenceSupport:
    sentence: str
    claim: str
    citations: tuple[int, ...]
    supported: bool
    score: float
    reason: str  # "verbatim", "semantic", "framing", or why it failed
    kind: str = ""  # why it failed, one of ``claim_check.DROP_REASONS`` (claims mode)
    recited_from: tuple[int, ...] = ()  # the markers it had, when re-cited to ``citations``


def strip_markers(text: str) -> str:
    """The text with ``[n]`` markers removed and spaces tidied."""
    out = _MARKER.sub("", text)
    out = re.sub(r"\s+([.,;:!?])", r"\1", out)
    return re.sub(r"[ \t]+", " ", out).strip()


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for m in re.finditer(r"(?:[.!?][\"”’')\]]*|\])\s+", line):
        rest = line[m.end() :]
        if _MARKER.match(rest):
            continue  # the markers belong to the sentence that just ended
        if m.group(0).startswith("]") and not _MARKER.search(line[: m.start() + 1][-12:]):
            continue
        if not re.match(r"[\"“‘'(\[]?[A-Z0-9]", rest):
            continue
        parts.append(line[start : m.start() + len(m.group(0).rstrip())])
        start = m.end()
    parts.append(line[start:])
    return [p.strip() for p in parts if p.strip()]


def _citations(text: str) -> tuple[int, ...]:
    nums: list[int] = []
    for m in _MARKER.finditer(text):
        nums.extend(int(x) for x in m.group(1).split(","))
    return tuple(dict.fromkeys(nums))


def _claim(sentence: str) -> str:
    claim = strip_markers(_BULLET.sub("", sentence))
    return claim


def split_answer(text: str) -> list[AnswerSentence]:
    """Answer text -> sentences with their citations. List items without markers inherit the
    citations of the line that introduces the list."""
    out: list[AnswerSentence] = []
    lead_cites: tuple[int, ...] = ()
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        bullet = _BULLET.match(line)
        if bullet:
            for i, part in enumerate(_split_line(line[bullet.end() :])):
                cites = _citations(part) or lead_cites
                out.append(
                    AnswerSentence(line[: bullet.end()] + part if i == 0 else part, _claim(part), cites)
                )
            continue
        for part in _split_line(line):
            cites = _citations(part)
            out.append(AnswerSentence(part, _claim(part), cites))
            lead_cites = cites
    return out


def _frame_split(claim: str, passages: Sequence[CitedPassage]) -> str:
    """The claim without its attribution frame "According to <a cited title>[, dated <date>]: ".
    Titles are matched whole (they may contain colons), never by guessing where they end."""
    norm = claim.casefold()
    for p in sorted(passages, key=lambda p: -len(p.title)):
        head = f"according to {p.title}".casefold()
        if not p.title or not norm.startswith(head):
            continue
        rest = claim[len(head) :]
        m = re.match(r"(?:, dated [^:]+)?:\s+", rest)
        if m:
            return rest[m.end() :]
    m = _FRAME.match(claim)
    if not m:
        return claim
    titles = {normalize_for_match(p.title) for p in passages if p.title}
    if normalize_for_match(m.group("title")) not in titles:
        return claim  # not a frame naming a cited source: check the whole sentence
    return claim[m.end() :]


def _parse_date(text: str) -> tuple[int | None, int | None, int | None]:
    words = tokenize_words(text.replace("/", " "))
    day = month = year = None
    for w in words:
        w2 = re.sub(r"(st|nd|rd|th)$", "", w)
        if w in _MONTHS:
            month = _MONTHS[w]
        elif w2.isdigit() and len(w2) == 4:
            year = int(w2) if year is None else year
        elif w2.isdigit() and len(w2) <= 2 and day is None:
            day = int(w2)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if iso:
        return int(iso.group(3)), int(iso.group(2)), int(iso.group(1))
    return day, month, year


def _date_supported(date: str, cited_dates: list[tuple[int | None, int | None, int | None]]) -> bool:
    want = _parse_date(date)
    return any(all(w is None or w == h for w, h in zip(want, have, strict=True)) for have in cited_dates)


def _hard_check(claim: str, cited: str, cited_norm: str) -> str | None:
    """The first fact of ``claim`` missing from the cited text, as a reason; ``None`` when all occur."""
    cited_numbers = {n.replace(",", "") for n in numbers_in(cited)}
    cited_numbers |= set(_ORDINAL.findall(cited))  # "up to their 18th birthday" says 18
    claim_dates = dates_in(claim)
    date_text = " ".join(claim_dates)
    if claim_dates:
        cited_dates = [_parse_date(d) for d in dates_in(cited)]
        for d in claim_dates:
            if not _date_supported(d, cited_dates):
                return f"date not in cited text: {d}"
    for n in numbers_in(claim):
        if n.replace(",", "") not in cited_numbers and n not in date_text:
            return f"number not in cited text: {n}"
    cited_words = set(tokenize_words(cited_norm))
    for name in names_in(claim):  # "Every Wednesday": the name is "Wednesday"
        for w in tokenize_words(" ".join(w for w in name.split() if not common_cap(w))):
            if w not in cited_words and w.rstrip("s") not in cited_words and f"{w}s" not in cited_words:
                return f"name not in cited text: {name}"
    for m in re.finditer(r"(?<=\S )\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b", claim):  # acronyms mid-sentence
        if m.group(0).lower() not in cited_words and m.group(0).lower().rstrip("s") not in cited_words:
            return f"name not in cited text: {m.group(0)}"
    return None


def _lexical_score(claim: str, cited_norm: str) -> float:
    terms = content_terms(claim)
    if not terms:
        return 0.0
    have = set(content_terms(cited_norm))
    return sum(t in have for t in terms) / len(terms)


def _semantic_scores(
    claims: list[str], passages: list[list[CitedPassage]], embedder: Embedder
) -> list[float]:
    vecs = embedder.embed(claims)
    scores: list[float] = []
    for vec, cited in zip(vecs, passages, strict=True):
        best = 0.0
        for p in cited:
            pv = p.vectors
            if pv is None or len(pv) == 0:
                spans = split_sentences(p.text) or [(0, len(p.text))]
                pv = embedder.embed([p.text[s:e] for s, e in spans])
            best = max(best, float(np.max(pv @ vec)))
        scores.append(best)
    return scores


def check_sentence_support(
    answer_text: str,
    passages: Mapping[int, CitedPassage] | Sequence[CitedPassage],
    *,
    embedder: Embedder | None = None,
    threshold: float = 0.55,
    claims: bool = False,
) -> list[SentenceSupport]:
    """Check every sentence of ``answer_text`` against the passages its ``[n]`` markers cite
    (``claims``: clause by clause, with re-citation; see the module docstring)."""
    by_n = dict(passages) if isinstance(passages, Mapping) else {p.n: p for p in passages}
    sentences = split_answer(answer_text)
    results: list[SentenceSupport | None] = [None] * len(sentences)
    pending: list[tuple[int, str, list[CitedPassage]]] = []
    skip_until = -1
    for i, s in enumerate(sentences):
        if i <= skip_until:
            continue
        if any(p.match(s.claim) for p in FRAMING_SENTENCES):
            results[i] = SentenceSupport(s.sentence, s.claim, s.citations, True, 1.0, "framing")
            continue
        cites, claim, sentence = s.citations, s.claim, s.sentence
        if not cites:
            # a verbatim quote spanning several sentences carries its marker at the end
            for j in range(i + 1, min(i + MAX_QUOTE_SENTENCES, len(sentences))):
                if not sentences[j].citations:
                    continue
                group = sentences[i : j + 1]
                joined = " ".join(g.claim for g in group)
                cited = [by_n[n] for n in sentences[j].citations if n in by_n]
                if cited and _is_verbatim(_frame_split(joined, cited), cited):
                    cites, claim = sentences[j].citations, joined
                    sentence = " ".join(g.sentence for g in group)
                    skip_until = j
                break
        if claims:
            from ics_assistant.answering.claim_check import check_claim

            results[i] = check_claim(AnswerSentence(sentence, claim, cites), by_n, embedder)
            continue
        if not cites:
            results[i] = SentenceSupport(sentence, claim, cites, False, 0.0, "no citation")
            continue
        unknown = [n for n in cites if n not in by_n]
        if unknown:
            results[i] = SentenceSupport(sentence, claim, cites, False, 0.0, f"unknown citation {unknown}")
            continue
        cited = [by_n[n] for n in cites]
        body = _frame_split(claim, cited)
        if _is_verbatim(body, cited):
            results[i] = SentenceSupport(sentence, claim, cites, True, 1.0, "verbatim")
            continue
        cited_text = "\n".join(p.text for p in cited)
        problem = _hard_check(body, cited_text, normalize_for_match(cited_text))
        if problem:
            results[i] = SentenceSupport(sentence, claim, cites, False, 0.0, problem)
            continue
        if embedder is None:
            score = _lexical_score(body, normalize_for_match(cited_text))
            ok = score >= threshold
            results[i] = SentenceSupport(
                sentence, claim, cites, ok, score, "lexical" if ok else f"low support {score:.2f}"
            )
            continue
        pending.append((i, body, cited))
    if pending and embedder is not None:
        scores = _semantic_scores([b for _, b, _ in pending], [c for _, _, c in pending], embedder)
        for (i, _body, _cited), score in zip(pending, scores, strict=True):
            s = sentences[i]
            ok = score >= threshold
            results[i] = SentenceSupport(
                s.sentence, s.claim, s.citations, ok, score, "semantic" if ok else f"low support {score:.2f}"
            )
    return [r for r in results if r is not None]


def _is_verbatim(claim: str, cited: Sequence[CitedPassage]) -> bool:
    body = normalize_for_match(claim.strip().strip("“”\"'").rstrip(":"))
    if not body:
        return False
    return any(body in normalize_for_match(p.text) for p in cited)


def check_answer_support(
    answer: Answer, *, embedder: Embedder | None = None, threshold: float = 0.55
) -> list[SentenceSupport]:
    """Support of an ``Answer``'s sentences: each ``[n]`` stands for its citation's chunk text (from
    ``answer.sources``), falling back to the citation's quote."""
    chunk_text = {s.chunk_id: s.text for s in answer.sources}
    passages = [
        CitedPassage(n=c.n, text=chunk_text.get(c.chunk_id, c.quote), title=c.title, date=c.date)
        for c in answer.citations
    ]
    return check_sentence_support(answer.text, passages, embedder=embedder, threshold=threshold)


frame_split = _frame_split
hard_check = _hard_check
is_verbatim = _is_verbatim
