"""Condense a follow-up question with the conversation, without drowning the new question.

A question is a follow-up when it leans on the conversation: a pronoun or pointer ("it", "they",
"that"), an elliptical opening ("and what about ...") or no content words of its own. Then the
retrieval query is the new question plus a few key words of the last user question (never the
whole history). A question about what was just said ("Who said that?", "Where does it say that?")
points at the previous answer instead: its quoted passage joins the query, so retrieval finds the
same passage and the answer can name its source.

With a chat model configured, ``llm_condense`` from ``answering/llm_answer.py`` rewrites
follow-ups instead (standalone questions skip the model call).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.support import FRAMING_SENTENCES, split_answer
from ics_assistant.protocols import ChatModel
from ics_assistant.textnorm import normalize_for_match, tokenize_words
from ics_assistant.types import Turn

__all__ = ["Condensed", "condense"]

MAX_CARRIED_TERMS = 4
_POINTERS = frozenset(str.split("""it its they them their theirs this that these those he she him her"""))
_ELLIPSIS = re.compile(r"^\s*(?:and|also|but|so|what about|how about|and what|what else|same for)\b", re.I)
_ABOUT_PREVIOUS = re.compile(
    r"\b(?:who|where|which (?:document|source)|what (?:document|source))\b.*\b(?:said|say|says|wrote|"
    r"write|stated|quote|source|from)\b|\bsource (?:for|of) (?:that|this|it)\b",
    re.I,
)
_FRAME = re.compile(r"^According to .+?(?:, dated [^:]+)?:\s+")


@dataclass(frozen=True)
class Condensed:
    question: str  # as asked
    query: str  # what retrieval searches for and the answerer analyses
    is_follow_up: bool = False
    referent: str | None = None  # the previous answer's quoted passage, when the question points at it


def _last(history: Sequence[Turn], role: str) -> Turn | None:
    for turn in reversed(history):
        if turn.role == role:
            return turn
    return None


def _key_words(text: str, exclude: set[str], limit: int) -> list[str]:
    """Surface forms of the content words of ``text`` (first occurrence, in order), the names in
    it (capitalised words after its first word, acronyms) kept first when there are more than
    ``limit``: "Is there a new diagnostic centre opening in Ashby?" carries "Ashby"."""
    words: list[tuple[int, str, bool]] = []
    seen: set[str] = set(exclude)
    for i, word in enumerate(tokenize_words(text, keep_case=True)):
        terms = content_terms(word)
        if not terms or terms[0] in seen:
            continue
        seen.add(terms[0])
        words.append((i, word, i > 0 and word[:1].isupper()))
    names = [w for w in words if w[2]]
    others = [w for w in words if not w[2]]
    kept = sorted(names[:limit] + others[: max(0, limit - len(names))])
    return [w for _, w, _ in kept]


def _previous_claim(answer: str) -> str | None:
    """The first quoted claim of a previous answer (frame and markers removed)."""
    for sent in split_answer(answer):
        if any(p.match(sent.claim) for p in FRAMING_SENTENCES):
            continue
        claim = _FRAME.sub("", sent.claim).strip()
        if len(claim.split()) >= 4:
            return claim
    return None


def is_follow_up(question: str) -> bool:
    words = set(tokenize_words(question))
    return bool(words & _POINTERS) or bool(_ELLIPSIS.match(question)) or not content_terms(question)


def condense(question: str, history: Sequence[Turn], chat_model: ChatModel | None = None) -> Condensed:
    question = question.strip()
    last_user = _last(history, "user")
    if last_user is None or not is_follow_up(question):
        return Condensed(question=question, query=question)
    last_answer = _last(history, "assistant")
    if _ABOUT_PREVIOUS.search(question) and last_answer is not None:
        claim = _previous_claim(last_answer.content)
        if claim:
            return Condensed(question, f"{question} {claim}", is_follow_up=True, referent=claim)
    if chat_model is not None:
        rewritten = _llm_condense(chat_model, question, history)
        if rewritten:
            return Condensed(question=question, query=rewritten, is_follow_up=True)
    own = set(content_terms(question))
    carried = _key_words(last_user.content, own, MAX_CARRIED_TERMS)
    # inside the final "?", so that the carried words stay with the last part of a two-part question
    # ("... and does it cost anything Pharmacy First?") and never read as a part of their own
    body, mark = (question[:-1].rstrip(), "?") if question.endswith("?") else (question, "")
    query = f"{body} {' '.join(carried)}{mark}" if carried else question
    return Condensed(question=question, query=query, is_follow_up=True)


def _llm_condense(chat_model: ChatModel, question: str, history: Sequence[Turn]) -> str | None:
    try:
        from ics_assistant.answering.llm_answer import llm_condense
    except ImportError:  # the LLM generator's module is optional
        return None
    rewritten = llm_condense(chat_model, question, history).strip()
    return rewritten if normalize_for_match(rewritten) else None
