"""The one core service every interface calls: ``Assistant.ask`` / ``Assistant.stream``.

question (+history) -> input checks -> safety screen -> condense -> hybrid retrieve
-> answerability -> generate (extractive, or a chat model) -> support check -> ``Answer``.

Bad user input never raises: it gets a helpful refused ``Answer``. Only ``AssistantError``
subclasses escape, for system faults (no index, a generator that is down). The assistant holds no
per-query state and no lock, so interfaces may call it from several threads at once. The only
model call per extractive query is embedding the question.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from time import perf_counter
from typing import Any, Protocol, runtime_checkable

from ics_assistant.answering.answerability import Decision, decide
from ics_assistant.answering.condense import Condensed, condense
from ics_assistant.answering.evidence import Pool, score_sentences
from ics_assistant.answering.extractive import Composition
from ics_assistant.answering.grounding import NEAR_MISS_REASONS, near_miss, sources_of, unsupported_quotes
from ics_assistant.answering.lexicon import EMPTY, Lexicon, using
from ics_assistant.answering.messages import refusal_text
from ics_assistant.answering.more_passages import outline_list, part_pools, whole_lists
from ics_assistant.answering.part_replies import compose_parts, not_found_lines
from ics_assistant.answering.parts import carried_words, question_parts, with_context
from ics_assistant.answering.question import analyze_part, analyze_parts, analyze_question
from ics_assistant.answering.safety import Triage, default_triage
from ics_assistant.answering.safety_replies import SAFETY_NOTE, safety_reply, with_note
from ics_assistant.answering.verify import SentenceVerifier
from ics_assistant.config import Settings
from ics_assistant.errors import InputError
from ics_assistant.protocols import ChatModel, Embedder, SearchIndex, Vectors
from ics_assistant.retrieval.hybrid import HybridRetriever
from ics_assistant.retrieval.spelling import Speller
from ics_assistant.retrieval.timeline import asks_about_change, timeline_hits
from ics_assistant.textinput import clean_question
from ics_assistant.types import (
    AUDIENCES,
    Answer,
    Audience,
    Chunk,
    Dropped,
    Hit,
    Turn,
    audiences_for,
)

__all__ = ["Assistant", "build_assistant", "clean_question"]


def _pieces(text: str) -> Iterator[str]:
    """Split a finished answer into streaming deltas whose concatenation is the text."""
    pos = 0
    for m in re.finditer(r"(?<=\]\.)\s+|(?<=\])\s+|\n", text):
        yield text[pos : m.end()]
        pos = m.end()
    if pos < len(text):
        yield text[pos:]


@dataclass(frozen=True)
class Prepared:
    """Everything decided about a question before generation (see ``Assistant.prepare``)."""

    condensed: Condensed
    query: str
    hits: tuple[Hit, ...]
    vectors: Mapping[str, Vectors]
    pool: Pool
    composition: Composition
    decision: Decision


class Assistant:
    """Answers questions from the index. Build with ``build_assistant``."""

    def __init__(
        self,
        settings: Settings,
        embedder: Embedder,
        index: SearchIndex,
        chat_model: ChatModel | None = None,
        *,
        speller: Speller | None = None,
        triage: Triage | None = None,
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.index = index
        self.chat_model = chat_model
        self.retriever = HybridRetriever(index, embedder, settings)
        chunks = index.all_chunks() if isinstance(index, _ListsChunks) else None
        # What the corpus teaches (the acronyms it defines, the words it capitalises everywhere),
        # this assistant's own: another assistant in the process never sees it.
        self.lexicon: Lexicon = EMPTY
        if chunks is not None:
            by_doc: dict[str, list[str]] = {}
            for c in chunks:
                by_doc.setdefault(c.doc_id, []).append(c.text)
            self.lexicon = Lexicon.learn({d: "\n".join(t) for d, t in by_doc.items()})
        # One speller per audience, each from the chunks that audience may read: a public question
        # is never corrected to a staff-only word (its condensed_question would reveal it).
        self.spellers: dict[str, Speller] = (
            dict.fromkeys(AUDIENCES, speller)
            if speller is not None
            else {a: Speller(c.text for c in chunks if a in audiences_for(c.audience)) for a in AUDIENCES}
            if chunks is not None
            else {}
        )
        self.speller = self.spellers.get("staff")  # every chunk's words (benchmarks reuse it)
        self.generator_name = settings.generator if chat_model is not None else "extractive"
        self.triage = triage if triage is not None else default_triage()

    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer:
        final: Answer | None = None
        for item in self.stream(question, history, audience):
            if isinstance(item, Answer):
                final = item
        if final is None:  # stream always ends with an Answer; this guards the contract
            raise InputError("the assistant produced no answer")
        return final

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]:
        """The answer as it is written: text pieces, then the ``Answer``. Each step runs with this
        assistant's lexicon active, and restores the caller's before handing a piece over (the
        caller may take the next piece on another thread)."""
        steps = self._stream(question, history, audience)
        while True:
            with using(self.lexicon):
                item = next(steps, None)
            if item is None:
                return
            yield item

    def _stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]:
        t0 = perf_counter()
        base: dict[str, Any] = {"question": question if isinstance(question, str) else str(question)}
        base["generator"] = self.generator_name
        text, problem, length = clean_question(question, self.settings.max_message_chars)
        if problem is not None:
            reply = refusal_text(problem, length=length, limit=self.settings.max_message_chars)
            yield from self._final_refusal(reply, problem, t0, base, audience="public")
            return
        if audience not in AUDIENCES:
            yield from self._final_refusal(refusal_text("bad_audience"), "bad_audience", t0, base, "public")
            return
        t = perf_counter()
        # the question as retrieval searches for it (acronyms spelled out) is embedded in the triage's call
        spelled = self.lexicon.spell_out(text)
        screen = self.triage.screen(text, self.embedder, extra=(spelled,) if spelled != text else ())
        base["safety"] = screen.decision
        safety_ms = {"safety": _ms(t)}
        if screen.refusal_reason is not None:  # a safety reply replaces the answer, before any retrieval
            reply = safety_reply(screen.refusal_reason)
            yield from self._final_refusal(reply, screen.refusal_reason, t0, base, audience, safety_ms)
            return
        if screen.decision == "note":
            yield SAFETY_NOTE + "\n\n"
        turns = _clean_history(history, self.settings)
        timings: dict[str, float] = dict(safety_ms)
        vector = screen.extra_vectors[0] if screen.extra_vectors else screen.vector
        prep = self.prepare(text, turns, audience, timings, text_vector=vector)
        query, hits, comp, decision = prep.query, prep.hits, prep.composition, prep.decision
        condensed, vectors = prep.condensed, prep.vectors
        t = perf_counter()
        base.update(condensed_question=query, sources=sources_of(hits), audience=audience)
        if not decision.answerable:
            timings["generate"] = _ms(t)
            reason = decision.reason or "not_covered"
            reply = refusal_text(reason)
            near = near_miss(hits) if reason in NEAR_MISS_REASONS else None
            reply = f"{reply}\n{near}" if near else reply
            yield from self._final_refusal(reply, reason, t0, base, audience, timings, note=screen.decision)
            return
        dropped: tuple[str, ...] = ()
        reasons: tuple[Dropped, ...] = ()
        unanswered: tuple[str, ...] = ()  # parts the documents do not answer, named in the text
        if self.chat_model is None:
            answer_text, citations, unanswered = comp.text, comp.citations, comp.unanswered_parts
            timings["generate"] = _ms(t)
            t = perf_counter()
            unsupported = unsupported_quotes(citations, hits)
            timings["verify"] = _ms(t)
            if unsupported:  # a guard: verbatim quotes always pass, so this means a bug upstream
                base["dropped_sentences"] = unsupported
                reply = refusal_text("unsupported")
                yield from self._final_refusal(
                    reply, "unsupported", t0, base, audience, timings, note=screen.decision
                )
                return
            yield from _pieces(answer_text)
        else:
            # no unverified sentence reaches the reader: each is shown once it passed the check
            verifier = SentenceVerifier(hits, vectors, embedder=self.embedder)
            t_generate, checking, shown = t, 0.0, False
            for delta in self._llm_stream(self.chat_model, condensed.query, hits, turns):
                t_check = perf_counter()
                pieces = verifier.feed(delta)
                checking += perf_counter() - t_check
                for piece in pieces:
                    shown = True
                    yield piece
            timings["generate"] = round(_ms(t_generate) - checking * 1000.0, 3)
            t = perf_counter()
            for piece in verifier.finish():
                shown = True
                yield piece
            verified = verifier.result()
            dropped, reasons = verified.dropped, verified.reasons
            answer_text, citations = verified.text, verified.citations
            if not citations:  # nothing supported survived: fall back to the extractive answer
                answer_text, citations, unanswered = comp.text, comp.citations, comp.unanswered_parts
                base["generator"] = "extractive"
                yield from _pieces(("\n\n" if shown else "") + answer_text)
            elif comp.unanswered_parts:
                # a part the documents do not answer is named as the extractive reply names it, not
                # left to the model (which may skip it, or guess)
                unanswered = comp.unanswered_parts
                missing = "\n\n" + not_found_lines(unanswered)
                answer_text += missing
                yield from _pieces(missing)
            timings["verify"] = round(checking * 1000.0 + _ms(t), 3)
        timings["total"] = _ms(t0)
        yield Answer(
            text=with_note(answer_text) if screen.decision == "note" else answer_text,
            citations=tuple(citations),
            dropped_sentences=dropped,
            dropped=reasons,
            unanswered_parts=unanswered,
            timings_ms=timings,
            **base,
        )

    def prepare(
        self,
        text: str,
        turns: Sequence[Turn],
        audience: Audience,
        timings: dict[str, float] | None = None,
        *,
        text_vector: Vectors | None = None,
    ) -> Prepared:
        """Condense, retrieve, score, compose and decide for a cleaned, screened question.

        Shared by ``stream`` and by the scripts that fit the answerability model, so they see
        exactly what the answerer sees."""
        with using(self.lexicon):
            return self._prepare(text, turns, audience, timings, text_vector=text_vector)

    def _prepare(
        self,
        text: str,
        turns: Sequence[Turn],
        audience: Audience,
        timings: dict[str, float] | None,
        *,
        text_vector: Vectors | None,
    ) -> Prepared:
        times = timings if timings is not None else {}
        t = perf_counter()
        condensed = condense(text, turns, self.chat_model)
        speller = self.spellers.get(audience)
        query = speller.correct(condensed.query) if speller is not None else condensed.query
        times["condense"] = _ms(t)
        t = perf_counter()
        # the embedder is given the acronyms spelled out ("ICS (integrated care systems)"): it does not
        # know them. ``text_vector`` is the spelled-out question's, from the triage's call; a condensed
        # follow-up is embedded here (by the retriever when it has no acronym to spell out)
        spelled = self.lexicon.spell_out(query)
        reuse = text_vector if query == text else None
        if reuse is None and spelled != query:
            reuse = self.retriever.embed_query(spelled)
        retrieval = self.retriever.retrieve(query, audience, vector=reuse, lexical_query=spelled)
        hits = retrieval.hits
        if hits and asks_about_change(query):  # the later (or earlier) statement that settles it
            hits = hits + tuple(timeline_hits(self.index, audience, query, hits, k=self.settings.candidate_k))
        vectors = dict(self.index.sentence_vectors([h.chunk.chunk_id for h in hits])) if hits else {}
        hits = whole_lists(self.index, hits, vectors, audience)
        # a later part ("and when did that change?") keeps the first part's subject
        parts = question_parts(query)
        infos = analyze_parts(query, parts)
        asked = question_parts(condensed.question)  # a part not answered is named in the asker's words
        if len(asked) != len(parts):
            asked = parts
        pool = score_sentences(infos[0], hits, vectors, retrieval.query_vector)
        pools, more = [pool], list[Hit]()
        if len(infos) > 1 and hits:
            later = infos[1:]
            if condensed.is_follow_up:  # the names a follow-up carries belong to each of its parts
                parts = with_context(parts, carried_words(condensed.question, condensed.query))
                later = [analyze_part(p, parts[0]) for p in parts[1:]]
            own = [replace(analyze_question(parts[0]), slots=infos[0].slots), *later]
            pools, more = part_pools(
                self.index, self.embedder, self.lexicon, parts, own, hits, vectors, audience
            )
        times["retrieve"] = _ms(t)
        comp = compose_parts(
            pools,
            asked,
            max_sentences=self.settings.max_answer_sentences,
            max_items=self.settings.max_list_items,
        )
        if len(infos) == 1 and pool.info.answer_type == "list" and hits:
            outlined = outline_list(
                self.index,
                pool.info,
                comp,
                hits,
                vectors,
                audience,
                retrieval.query_vector,
                self.settings.max_list_items,
            )
            if outlined is not None:
                pool, comp, added = outlined
                more.extend(added)
        quoted = {q.chunk.chunk_id for q in comp.quotes}
        hits = tuple(hits) + tuple(
            h for h in more if h.chunk.chunk_id in quoted
        )  # a quoted passage is a source
        decision = decide(pool, comp.evidence, retrieval.top_dense_score)
        return Prepared(condensed, query, hits, vectors, pool, comp, decision)

    def _llm_stream(
        self, chat_model: ChatModel, query: str, hits: Sequence[Hit], turns: Sequence[Turn]
    ) -> Iterator[str]:
        from ics_assistant.answering.llm_answer import stream_llm_answer

        return stream_llm_answer(chat_model, query, hits, turns, max_tokens=self.settings.max_new_tokens)

    def _final_refusal(
        self,
        reply: str,
        reason: str,
        t0: float,
        base: dict[str, Any],
        audience: Audience,
        timings: dict[str, float] | None = None,
        *,
        note: str = "none",
    ) -> Iterator[str | Answer]:
        yield from _pieces(reply)  # a note was already streamed before retrieval
        if note == "note":
            reply = with_note(reply)
        times = dict(timings or {})
        times["total"] = _ms(t0)
        fields = {**base, "audience": base.get("audience", audience)}
        yield Answer(text=reply, refused=True, refusal_reason=reason, timings_ms=times, **fields)


@runtime_checkable
class _ListsChunks(Protocol):
    def all_chunks(self) -> list[Chunk]: ...


def _ms(t: float) -> float:
    return round((perf_counter() - t) * 1000.0, 3)


def _clean_history(history: Sequence[Turn], settings: Settings) -> list[Turn]:
    turns: list[Turn] = []
    for turn in list(history)[-settings.max_history_turns :]:
        role = getattr(turn, "role", None)
        content = getattr(turn, "content", None)
        if role not in ("user", "assistant") or not isinstance(content, str):
            continue
        turns.append(Turn(role=role, content=content[: settings.max_message_chars]))
    return turns


def build_assistant(
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    index: SearchIndex | None = None,
    chat_model: ChatModel | None = None,
) -> Assistant:
    """Wire the assistant from settings; any part given is used as is (tests pass fakes)."""
    if index is None:
        from ics_assistant.index import Index

        index = Index.open(settings)
    if embedder is None:
        from ics_assistant.backends.embedders import get_embedder

        embedder = get_embedder(settings)
    if chat_model is None and settings.generator != "extractive":
        from ics_assistant.backends.chat_models import load_chat_model

        chat_model = load_chat_model(settings)
    return Assistant(settings, embedder, index, chat_model)
