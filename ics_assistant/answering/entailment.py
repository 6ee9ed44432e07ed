"""Does a passage entail a claim? Clause by clause, with the features that flip meaning compared.

``entails(claim, passage)``: the claim sentence is split into clauses (``claims.clauses``); each
clause is aligned to the window of the passage that covers most of its content words: one
sentence, or two adjacent ones. A content word aligns when its word, lemma or stem occurs in the
window (acronyms and their long forms are the same word) or shares one of its common WordNet
senses with a word or two-word phrase of it (``synonyms.py``); with an embedder, a plain content word
(never a name or number) may align by meaning, and a whole clause with a sentence or clause of the
passage (``meaning.py``, fitted thresholds). Then, against that window:

- ``unsupported_claim``: fewer than ``MIN_COVERAGE`` of the clause's content words align (an
  invented clause, an added claim), or a name or number of the clause is not in the window;
- ``negation``: the clause is negated and the passage's matching clause is not, or the reverse;
- ``modality``: the clause adds ``will`` / ``must`` to what the passage states, or drops the
  passage's ``may``;
- ``quantity``: ``all`` / ``every`` where the passage has none, or another partial quantity
  (``most`` for ``some``), or drops the passage's ``some``; ``every`` of what the passage counts
  with a number the claim does not give ("every school" / "42 schools");
- ``attribution``: who said or did it (a named subject of the clause, the subject of a reporting
  verb, a passive agent) is not who the passage says said or did it;
- ``direction``: a word of the clause is the opposite of a word of the window ("rose" / "fell",
  either side of a change: "keeps rising" / "goes down"), or a number of it is bounded the other way
  ("under 13" / "older than 13": ``bounds.py``);
- ``cause``: the clause links by cause ("because", "due to") where the window does not. A short
  clause that does not align is carried by the rest of the claim ("we believe"), but not a reason
  or purpose, nor a clause inside one ("to check that you are eligible"): an unsupported claim.

Word classes are data (``claim_words.yaml``). The first reason found is returned; ``score`` is the
lowest clause coverage. The only model call is the sentence embedder, for clauses whose words do
not align by stem (vectors cached); parses are cached (``claims.parse_passage``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from ics_assistant.answering.added import added_item, added_phrase, window_phrases
from ics_assistant.answering.analysis import stem
from ics_assistant.answering.attribution import attribution_problem
from ics_assistant.answering.bounds import reversed_bound
from ics_assistant.answering.carried import carried, negative_by_definition
from ics_assistant.answering.claims import (
    Clause,
    Mark,
    Parsed,
    Tok,
    clauses,
    marks,
    parse_sentence,
    words,
)
from ics_assistant.answering.entailment_windows import (
    Window,
    coverage,
    folded,
    hits,
    lemmas,
    passage_windows,
    sentence_clauses,
)
from ics_assistant.answering.figures import unsaid_figure
from ics_assistant.answering.lexicon import lexicon_cache
from ics_assistant.answering.meaning import Thresholds, clause_similarity, thresholds
from ics_assistant.answering.modality import modality_change
from ics_assistant.answering.polarity import negated_unsaid, negation_dropped
from ics_assistant.protocols import Embedder

__all__ = ["MIN_COVERAGE", "Entailment", "entails"]

MIN_COVERAGE = 0.6
MIN_CLAUSE_WORDS = 3


@dataclass(frozen=True)
class Entailment:
    supported: bool
    reason: str | None  # see the module docstring; None when supported
    detail: str
    score: float


@dataclass(frozen=True)
class _Claim:
    """The whole generated sentence: its content keys and its marks (for what a clause drops)."""

    keys: frozenset[str]
    marks: tuple[Mark, ...]
    tags: dict[str, str]  # key -> tag of the claim token ("VBD": stated as past)
    all_keys: frozenset[str] = frozenset()  # of every token, function words included
    toks: tuple[Tok, ...] = ()

    def has(self, *kinds: str) -> bool:
        return any(m.kind in kinds for m in self.marks)


def _added(clause: Clause, window: Window, embedder: Embedder | None, limits: Thresholds) -> str | None:
    """A phrase of ``clause`` that ``window`` does not say, in its words or in other words."""

    def aligned(toks: Sequence[Tok]) -> list[bool]:
        return hits(clause, toks, window, embedder, limits.word)

    def said(text: str) -> bool:
        if embedder is None:
            return False
        phrases = [p for s in window.sents for p in window_phrases(s.toks)]
        return bool(phrases) and clause_similarity(text, phrases, embedder)[0] >= limits.clause

    return added_phrase(clause, aligned, said)


def _compare(
    clause: Clause,
    claim: _Claim,
    window: Window,
    other: Window,
    passage_keys: frozenset[str],
    number_keys: frozenset[str],
) -> tuple[str, str] | None:
    """The first feature of ``clause`` that ``window`` (``other``: the window of the whole claim)
    contradicts, as (reason, detail). Names may occur anywhere in the passage (``passage_keys``);
    numbers only in the sentences the claim aligns with (``number_keys``): a figure said of
    something else elsewhere in the passage does not support it."""
    wc = words()
    long_forms = folded(clause, window)
    window_toks = tuple(s.toks for s in window.sents)
    figure = unsaid_figure(clause, passage_keys, number_keys, long_forms, window_toks)
    if figure is not None:
        return figure
    turned = reversed_bound(claim.toks, clause.toks, window_toks)
    if turned is not None:
        return "direction", turned
    for t in clause.toks:  # opposites may be stop words ("less", "after")
        if t.keys & window.keys or not any(ch.isalpha() for ch in t.text):
            continue
        opposite = wc.opposites.get(stem(t.lemma), frozenset()) | wc.opposites.get(stem(t.lower), frozenset())
        if opposite & window.keys and _said(opposite, window.sents) > _said(opposite, (claim,)):
            return "direction", f"{t.text!r} reverses the passage"
    swapped = _swapped_end(clause, claim, window)
    if swapped is not None:
        return "direction", swapped
    twin = _twin(clause, window)
    by_sent = [(s, sentence_clauses(s)) for s in window.sents]
    twin_sent = next((s for s, cls in by_sent if twin in cls), None)
    # what the claim may not drop: the marks of the sentence its clause aligns with
    mine = {k for t in clause.content for k in t.keys}
    own = marks(max(window.sents, key=lambda s: len(mine & {k for t in s.toks for k in t.keys})))
    lexical = any(t.lower in wc.lexical_negation or t.lemma in wc.lexical_negation for t in claim.toks)
    for kind in ("neg", "possible", "partial"):
        dropped = [
            m
            for m in own
            if m.kind == kind and m.head & claim.keys and (kind != "partial" or m.word in wc.droppable)
        ]
        if kind == "neg" and lexical:
            dropped = []
        if kind == "possible" and any(t.lemma in wc.permission for t in claim.toks):
            dropped = []  # "is eligible to join", "has the option of joining" keep "can join"
        if dropped and not claim.has(kind, "universal" if kind == "partial" else kind):
            reason = {"neg": "negation", "possible": "modality", "partial": "quantity"}[kind]
            return reason, f"the claim drops the passage's {dropped[0].word!r}"
    negs = [m for w in (window, other) for m in w.marks if m.kind in ("neg", "weak_neg")]
    if (
        clause.negated
        and not any(m.head & claim.all_keys for m in negs)
        and not _as_negative(claim, window)
        and not negative_by_definition(clause, window)
    ):
        return "negation", "the claim is negated, the passage is not"
    unsaid = negated_unsaid(clause, claim.toks, by_sent)
    if unsaid:
        return "negation", f"the passage states {unsaid!r} without a negation"
    dropped_neg = negation_dropped(clause, twin, twin_sent)
    if dropped_neg:
        return "negation", f"the claim drops the passage's negation of {dropped_neg!r}"
    change = modality_change(clause, claim.marks, claim.tags, window.marks, lemmas(window), own, twin)
    if change:
        return "modality", change
    w_univ = window.lowers & wc.universal
    w_part = window.lowers & wc.partial
    if clause.universal and not w_univ and (w_part or clause.whole_plural or _counted(clause, claim, window)):
        return "quantity", f"the claim says {'/'.join(sorted(clause.universal))}"
    if clause.partial and w_univ and not w_part:
        return "quantity", f"the claim says {'/'.join(sorted(clause.partial))}"
    problem = attribution_problem(clause, window.clauses)
    if problem:
        return "attribution", problem
    if clause.causal and not (window.lowers & wc.causal or window.causal):
        return "cause", "the claim gives a cause the passage does not"
    return None


def _ends(toks: Sequence[Tok], noun: Tok) -> set[bool]:
    """Whether each token of ``toks`` aligned with ``noun`` is where something comes from (True) or
    goes to (False), for those that are the object of "from", "to" or "into"."""
    ends = words().motion_ends
    out: set[bool] = set()
    for u in toks:
        prep = toks[u.head]
        # the preposition of a verb of motion ("take them to"), not of a word of place ("nearer to")
        if u.dep == "pobj" and u.keys & noun.keys and prep.lower in ends and toks[prep.head].pos == "VERB":
            out.add(ends[prep.lower])
    return out


def _swapped_end(clause: Clause, claim: _Claim, window: Window) -> str | None:
    """A place the claim has something come from that the passage has it go to, or the reverse
    ("from a pharmacy ... to your home" against "from your home ... to a pharmacy")."""
    for t in clause.content:
        mine = _ends(claim.toks, t) if t.dep == "pobj" else set()
        # a word said twice may be both ends ("from day to day")
        if len(mine) != 1 or sum(bool(u.keys & t.keys) for u in claim.toks) > 1:
            continue
        theirs = set().union(*(_ends(s.toks, t) for s in window.sents))
        if theirs and mine.isdisjoint(theirs):
            return f"{t.text!r} is where the passage has it {'go to' if mine == {True} else 'come from'}"
    return None


def _counted(clause: Clause, claim: _Claim, window: Window) -> bool:
    """Does the window count what the claim says "every" / "all" of ("42 schools" / "every
    school"), with a number the claim does not give?"""
    wc = words()
    nouns: list[Tok] = []
    at = {t.i: t for t in claim.toks}
    for t in clause.toks:
        if t.lower in wc.universal and t.head in at and at[t.head].pos in ("NOUN", "PROPN"):
            nouns.append(at[t.head])
    for sent in window.sents:
        by_i = {w.i: w for w in sent.toks}
        for w in sent.toks:
            head = by_i.get(w.head)
            if w.dep != "nummod" or head is None or w.keys & claim.all_keys:
                continue
            if any(head.keys & n.keys for n in nouns):
                return True
    return False


def _twin(clause: Clause, window: Window) -> Clause | None:
    """The window's clause sharing the most content words with ``clause`` (at least half of them)."""
    mine = {k for t in clause.content for k in t.keys}
    if not mine:
        return None
    best = max(window.clauses, key=lambda c: len(mine & {k for t in c.content for k in t.keys}), default=None)
    if best is None:
        return None
    shared = sum(bool(t.keys & {k for u in best.content for k in u.keys}) for t in clause.content)
    return best if 2 * shared >= len(clause.content) else None


def _said(stems: frozenset[str], where: Sequence[Parsed | _Claim]) -> int:
    """How many tokens of ``where`` are one of ``stems`` (a claim that keeps the window's "from"
    beside its "until" does not reverse it; one "more" of two turned "less" does)."""
    return sum(bool(t.keys & stems) for w in where for t in w.toks)


def _as_negative(claim: _Claim, window: Window) -> bool:
    """Is the window at least as negative as the whole claim? Its negations ("neither ... nor",
    "no hospital", a negative prefix on a word the claim negates: "unpublished" for "not
    published") number at least the claim's, when the heads differ ("not held up" / "not delayed")."""
    wc = words()
    said = sum(m.kind == "neg" for m in claim.marks)
    prefixed = sum(
        1
        for w in window.lowers
        for pre in wc.negative_prefixes
        if w.startswith(pre) and len(w) > len(pre) + 3 and stem(w[len(pre) :]) in claim.all_keys
    )
    return said > 0 and window.negations + prefixed >= said


def _semantic(clause: Clause, windows: Sequence[Window], embedder: Embedder) -> tuple[float, Window]:
    """The window holding the sentence or clause most similar in meaning to the clause."""
    texts: list[str] = []
    owner: list[Window] = []
    for w in windows:
        for text in (w.text, *(c.text for c in w.clauses if len(c.content) >= MIN_CLAUSE_WORDS)):
            texts.append(text)
            owner.append(w)
    sim, i = clause_similarity(clause.text, texts, embedder)
    return sim, owner[i]


def _claim_window(whole: _Claim, windows: Sequence[Window]) -> Window:
    return max(windows, key=lambda w: (len(whole.keys & w.keys), -len(w.sents)))


_EMBEDDERS: dict[int, Embedder] = {}


def entails(claim: str, passage: str, embedder: Embedder | None = None) -> Entailment:
    """Whether ``passage`` supports every clause of ``claim``; verdicts are cached."""
    if embedder is None:
        return _entails(claim, passage, 0, thresholds())
    _EMBEDDERS.setdefault(id(embedder), embedder)
    return _entails(claim, passage, id(embedder), thresholds())


@lexicon_cache(maxsize=4096)
def _entails(claim: str, passage: str, embedder_id: int, limits: Thresholds) -> Entailment:
    """Whether ``passage`` supports every clause of ``claim`` (see the module docstring).

    Each clause is compared with the window that best covers the whole claim, else with the one
    that best covers the clause; with an ``embedder``, a clause whose words do not align (a
    paraphrase) may align by meaning instead: word by word, else as a whole clause
    (``limits``, fitted: ``meaning.Thresholds``). Names, numbers and the compared features never
    align by meaning."""
    embedder = _EMBEDDERS.get(embedder_id)
    windows = passage_windows(passage)
    if not windows:
        return Entailment(False, "unsupported_claim", "the passage is empty", 0.0)
    lowest = 1.0
    parsed = parse_sentence(claim)
    content = [t for c in clauses(parsed) for t in c.content]
    whole = _Claim(
        frozenset(k for t in content for k in t.keys),
        marks(parsed),
        {k: t.tag for t in content for k in t.keys},
        frozenset(k for t in parsed.toks for k in t.keys),
        parsed.toks,
    )
    main = _claim_window(whole, windows)
    # every clause of one sentence aligns with the claim's sentences or a window beside them
    near_main = [w for w in windows if {s.text for s in w.sents} & {s.text for s in main.sents}]
    passage_keys = frozenset(k for w in windows for k in w.keys)
    parts = [c for c in clauses(parsed) if c.content]
    for clause in parts:
        best = main
        cov = coverage(clause, main)
        if cov < MIN_COVERAGE:
            best = max(
                near_main, key=lambda w: (coverage(clause, w), len(whole.keys & w.keys), -len(w.sents))
            )
            cov = coverage(clause, best)
        if cov < MIN_COVERAGE and embedder is not None:
            for w in dict.fromkeys((main, best)):
                loose = coverage(clause, w, embedder, limits.word)
                if loose >= MIN_COVERAGE:
                    best, cov = w, loose
                    break
        if cov < MIN_COVERAGE and embedder is not None:
            sim, near = _semantic(clause, near_main, embedder)
            if sim >= limits.clause:
                best, cov = near, max(cov, MIN_COVERAGE)
        lowest = min(lowest, cov)
        if (
            cov < MIN_COVERAGE
            and len(clause.content) < MIN_CLAUSE_WORDS
            and carried(clause, parsed.toks, cov, len(parts) == 1, best)
        ):
            best, cov = main, MIN_COVERAGE  # a fragment ("we believe"): its complement carries the claim
        if cov < MIN_COVERAGE:
            if clause.reporting and clause.head.keys & best.keys:  # said, but not by them
                return Entailment(False, "attribution", f"not said by them: {clause.text!r}", cov)
            return Entailment(False, "unsupported_claim", f"clause not in the passage: {clause.text!r}", cov)
        phrase = _added(clause, best, embedder, limits)
        if phrase is not None:
            return Entailment(False, "unsupported_claim", f"phrase not in the passage: {phrase!r}", cov)
        problem = _compare(clause, whole, best, main, passage_keys, best.keys | main.keys)
        if problem is not None:
            return Entailment(False, problem[0], problem[1], cov)
        # after the features: an actor the passage does not name is an attribution, not a list item
        item = added_item(clause, partial(hits, clause, window=best, embedder=embedder, minimum=limits.word))
        if item is not None:
            return Entailment(False, "unsupported_claim", f"list item not in the passage: {item!r}", cov)
    return Entailment(True, None, "entailed", lowest)
