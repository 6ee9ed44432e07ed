"""A stand-in language model that answers from the numbered sources in its prompt, with one planted
error (or none), for the support-check benchmark and its gate test.

Each reply is one sentence with one ``[n]`` marker, built from a row of the triples table
(``evals/support/triples.jsonl``: a verbatim source sentence, a faithful and an unfaithful
paraphrase, a negated version and an invented clause, written by someone who never saw the check):

| mode | the reply | right outcome |
|---|---|---|
| ``verbatim`` | the source sentence, citing the passage that holds it | kept |
| ``faithful_paraphrase`` | the table's faithful paraphrase, same citation | kept |
| ``number`` | a sentence of the sources with one number changed | dropped |
| ``year`` | a sentence of the sources with one year changed | dropped |
| ``name`` | a person's name replaced by another person of the corpus | dropped |
| ``wrong_source`` | the source sentence, citing a passage that does not (nearly) say it | dropped/re-cited |
| ``invented_clause`` | the table's source sentence with an invented clause (or sentence) | dropped |
| ``negation`` | the table's negated sentence | dropped |
| ``unfaithful_paraphrase`` | the table's unfaithful paraphrase (scope, modality, ...) | dropped |

The planted sentence is taken from the row's own sentence when it has what the mode changes (a
number, a year, a person), else from the other sentences of the same passage, then of the other
passages in the prompt. Nothing here knows any corpus: numbers and years are found by pattern,
people by spaCy's entity tagger, replacement names come from the corpus being tested.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ics_assistant.answering.analysis import STOP_WORDS, stem
from ics_assistant.nlp import load_spacy
from ics_assistant.sentences import split_sentences
from ics_assistant.textnorm import normalize_for_match, tokenize_words

__all__ = [
    "ERROR_MODES",
    "KEEP_MODES",
    "MODES",
    "TABLES",
    "Planted",
    "Record",
    "Triple",
    "corpus_person_names",
    "load_tables",
    "load_triples",
    "parse_sources",
    "plant",
    "responder",
]

KEEP_MODES = ("verbatim", "faithful_paraphrase")
ERROR_MODES = (
    "number",
    "year",
    "name",
    "wrong_source",
    "invented_clause",
    "negation",
    "unfaithful_paraphrase",
)
MODES = KEEP_MODES + ERROR_MODES

_SOURCE_HEAD = re.compile(r"^\[(\d+)\] [^\n]*?: ", re.M)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_NUMBER = re.compile(r"(?<![\d,.£$/-])\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b(?![\d/-])")
_NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve"
_WORD_NUMBERS = str.split(_NUMBER_WORDS)


@dataclass(frozen=True)
class Triple:
    id: str
    corpus: str
    doc_id: str
    source_sentence: str
    faithful_paraphrase: str
    unfaithful_paraphrase: str
    unfaithful_kind: str
    negated: str
    invented_clause: str


@dataclass(frozen=True)
class Planted:
    mode: str
    sentence: str  # without its marker
    cited: int  # the [n] the reply gives
    taken_from: int  # the passage the sentence (or its original) comes from
    original: str  # the source sentence it was made from
    reply: str  # what the stand-in model sends: ``sentence [cited].``


@dataclass
class Record:
    """What the stand-in model did with each request (``None`` when the mode did not apply)."""

    planted: list[Planted | None] = field(default_factory=list)
    reached: list[bool] = field(default_factory=list)  # the row's passage was in the prompt


SUPPORT_DIR = Path(__file__).resolve().parent.parent / "evals" / "support"
# the blind table (written without seeing the check), one written after reading it (corpora the
# blind table lacks) and a second blind one for fenmarsh and thornmere (evals/support/README*.md)
TABLES = (
    SUPPORT_DIR / "triples.jsonl",
    SUPPORT_DIR / "triples-after-reading.jsonl",
    SUPPORT_DIR / "triples-fresh.jsonl",
)


def load_tables(corpus: str | None = None, tables: Sequence[Path] = TABLES) -> list[Triple]:
    """The rows of every table (for ``corpus``), the blind table's first."""
    return [t for path in tables if path.exists() for t in load_triples(path, corpus)]


def load_triples(path: Path, corpus: str | None = None) -> list[Triple]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    fields = Triple.__dataclass_fields__
    triples = [Triple(**{k: str(row.get(k) or "") for k in fields}) for row in rows]
    return [t for t in triples if corpus is None or t.corpus == corpus]


def parse_sources(prompt: str) -> dict[int, str]:
    """``{n: passage text}`` from the grounded-answer prompt's ``[n] title (date): text`` blocks."""
    body = prompt.split("Sources:", 1)[-1].split("\n\nConversation so far:", 1)[0]
    heads = list(_SOURCE_HEAD.finditer(body))
    out: dict[int, str] = {}
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(body)
        out[int(m.group(1))] = body[m.end() : end].strip()
    return out


def corpus_person_names(texts: Sequence[str]) -> list[str]:
    """People named in the corpus (spaCy PERSON entities of two or more words), sorted."""
    nlp = load_spacy()
    names: set[str] = set()
    for doc in nlp.pipe(texts):
        for ent in doc.ents:
            words = ent.text.split()
            if ent.label_ == "PERSON" and len(words) >= 2 and all(w[:1].isupper() for w in words):
                names.add(" ".join(words))
    return sorted(names)


def _norm(text: str) -> str:
    return normalize_for_match(text).strip(" .")


SAYS_IT = 0.6  # a passage sentence holding this share of the sentence's words says it in other words


def _words(text: str) -> set[str]:
    return {stem(w) for w in tokenize_words(text) if w not in STOP_WORDS}


def _says(passage: str, sentence: str) -> bool:
    """Does ``passage`` say ``sentence``, verbatim or nearly ("ICSs would be central" for "Integrated
    Care Systems would be central", as another document of the corpus may)? A wrong source must not."""
    if _norm(sentence) in normalize_for_match(passage):
        return True
    want = _words(sentence)
    return bool(want) and any(
        len(want & _words(passage[s:e])) >= SAYS_IT * len(want) for s, e in split_sentences(passage)
    )


def _holder(sentence: str, sources: dict[int, str]) -> int | None:
    want = _norm(sentence)
    return next(
        (n for n, text in sorted(sources.items()) if want and want in normalize_for_match(text)), None
    )


def _sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in split_sentences(text)]


def _candidates(original: str, start: int, sources: dict[int, str]) -> list[tuple[str, int]]:
    """The row's sentence first, then the rest of its passage, then the other passages'."""
    out = [(original, start)]
    out += [(s, start) for s in _sentences(sources[start]) if _norm(s) != _norm(original)]
    for n, text in sorted(sources.items()):
        if n != start:
            out += [(s, n) for s in _sentences(text)]
    return out


def _change_number(sentence: str) -> str | None:
    for m in _NUMBER.finditer(sentence):
        if _YEAR.fullmatch(m.group(1)) or (
            _LIST_NUMBER.match(sentence[m.start(1) :]) and not sentence[: m.start(1)].strip()
        ):
            continue  # a year, or the number of a list item or section ("7. Opening hours"): no claim
        digits = m.group(1).replace(",", "")
        value = float(digits) + 4 if "." in digits else int(digits) + 4
        new = f"{value:,}" if "," in m.group(1) else str(value)
        return sentence[: m.start(1)] + new + sentence[m.end(1) :]
    for i, word in enumerate(_WORD_NUMBERS[:-1]):
        w = re.search(rf"\b{word}\b", sentence)
        if w:
            return sentence[: w.start()] + _WORD_NUMBERS[i + 1] + sentence[w.end() :]
    return None


_LIST_NUMBER = re.compile(r"\d+[.)]\s")


def _change_year(sentence: str) -> str | None:
    m = _YEAR.search(sentence)
    if m is None:
        return None
    return sentence[: m.start()] + str(int(m.group(1)) + 1) + sentence[m.end() :]


def _change_name(sentence: str, names: Sequence[str], prompt_text: str) -> str | None:
    doc = load_spacy()(sentence)
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.text[:1].isupper()]
    if not people:
        return None
    person = people[0]
    absent = [n for n in names if n.split()[-1].lower() not in prompt_text.lower()]
    if not absent:
        return None
    new = absent[len(person.text) % len(absent)]
    return sentence[: person.start_char] + new + sentence[person.end_char :]


def plant(mode: str, triple: Triple, sources: dict[int, str], names: Sequence[str]) -> Planted | None:
    """The reply of the stand-in model for one row and mode; ``None`` when it does not apply."""
    start = _holder(triple.source_sentence, sources)
    if start is None:
        return None  # retrieval did not bring the row's passage: the model has nothing to quote
    original = " ".join(triple.source_sentence.split())
    sentence: str | None = None
    cited = taken = start
    if mode == "verbatim":
        sentence = original
    elif mode == "faithful_paraphrase":
        sentence = triple.faithful_paraphrase
    elif mode == "unfaithful_paraphrase":
        sentence = triple.unfaithful_paraphrase
    elif mode == "negation":
        sentence = triple.negated
    elif mode == "invented_clause":  # the table's field is the whole sentence, clause included
        sentence = triple.invented_clause or None
    elif mode == "wrong_source":
        others = [n for n, t in sorted(sources.items()) if n != start and not _says(t, original)]
        if others:
            sentence, cited = original, others[0]
    elif mode in ("number", "year", "name"):
        prompt_text = " ".join(sources.values())
        for cand, n in _candidates(original, start, sources):
            if mode == "number":
                changed = _change_number(cand)
            elif mode == "year":
                changed = _change_year(cand)
            else:
                changed = _change_name(cand, names, prompt_text)
            if changed is not None and changed != cand:
                sentence, cited, taken, original = changed, n, n, cand
                break
    else:
        raise ValueError(f"unknown mode {mode!r}")
    if not sentence:
        return None
    sentence = " ".join(sentence.split()).rstrip()
    return Planted(mode, sentence, cited, taken, original, _cite_each(sentence, cited))


def _cite_each(text: str, n: int) -> str:
    """Each sentence of ``text`` ends with ``[n]`` before its full stop, as the prompt asks."""
    out = []
    for s, e in split_sentences(text) or [(0, len(text))]:
        part = text[s:e].strip()
        body, stop = (part[:-1], part[-1]) if part[-1:] in ".!?" else (part, ".")
        out.append(f"{body} [{n}]{stop}")
    return " ".join(out)


def responder(
    mode: str, triple: Triple, names: Sequence[str], record: Record
) -> Callable[[dict[str, Any]], str]:
    """A reply function for ``OpenAIStub.enqueue_fn``: reads the sources from the request's prompt."""

    def reply(body: dict[str, Any]) -> str:
        prompt = "\n".join(
            str(m.get("content", "")) for m in body.get("messages", []) if m.get("role") == "user"
        )
        sources = parse_sources(prompt)
        planted = plant(mode, triple, sources, names)
        record.planted.append(planted)
        record.reached.append(_holder(triple.source_sentence, sources) is not None)
        return planted.reply if planted is not None else "I don't know: the sources don't cover that."

    return reply
