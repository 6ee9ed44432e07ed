"""Acronyms learnt from the documents' own "Long Name (ABBR)" definitions."""

from __future__ import annotations

from ics_assistant.answering.acronyms import find_acronym_definitions
from ics_assistant.answering.analysis import content_terms
from ics_assistant.answering.lexicon import Lexicon, using
from ics_assistant.answering.question import analyze_question
from ics_assistant.assistant import Assistant
from ics_assistant.config import Settings
from ics_assistant.types import DocumentMeta

from .answer_fixtures import MemoryIndex, load_corpus_docs
from .fakes import FakeEmbedder


def test_definitions_need_initials_that_spell_the_acronym() -> None:
    text = (
        "A greater emphasis by the Care Quality Commission (CQC) on partnership. They bring together the "
        "Voluntary, Community and Social Enterprise (VCSE) sectors. Our plan (2021) matters. "
        "NHS England/NHS Improvement (NHSE/I) agreed. Some Random Words (XYZ) do not spell it."
    )
    assert find_acronym_definitions(text) == {
        "care quality commission": "cqc",
        "voluntary community and social enterprise": "vcse",
    }


def test_plural_acronym_keeps_the_long_form() -> None:
    assert find_acronym_definitions("Integrated Care Systems (ICSs) are partnerships.") == {
        "integrated care systems": "ics"
    }


def test_learnt_acronym_folds_a_spelt_out_question_and_an_abbreviated_source() -> None:
    doc = "The Zonal Quorum Board (ZQB) meets monthly."
    assert content_terms("Who sits on the zonal quorum board?") != content_terms("Who sits on the ZQB?")
    with using(Lexicon.learn({"minutes": doc})):
        assert content_terms("Who sits on the zonal quorum board?") == content_terms("Who sits on the ZQB?")
        assert analyze_question("When does the Zonal Quorum Board meet?").entities == ("zqb",)
    # outside the lexicon that learnt it, the acronym is unknown again (nothing leaks)
    assert content_terms("Who sits on the zonal quorum board?") != content_terms("Who sits on the ZQB?")


def test_two_assistants_keep_their_own_acronyms() -> None:
    first = Lexicon.learn({"a": "The Zonal Quorum Board (ZQB) meets monthly."})
    second = Lexicon.learn({"b": "The Zebra Quota Bureau (ZQB) counts zebras."})
    with using(first):
        assert content_terms("zonal quorum board") == ["zqb"]
        assert content_terms("zebra quota bureau") != ["zqb"]
    with using(second):
        assert content_terms("zebra quota bureau") == ["zqb"]
        assert content_terms("zonal quorum board") != ["zqb"]


def test_assistant_learns_the_corpus_acronyms_at_start_up() -> None:
    meta = DocumentMeta(doc_id="pwb-note", title="Note", kind="other", date=None, audience="public")
    text = "The Pharmacy Workforce Bureau (PWB) trains staff.\n\nThe PWB opened in 2020.\n"
    index = MemoryIndex([*load_corpus_docs(), (meta, text)], FakeEmbedder())
    assert "pwb" not in content_terms("pharmacy workforce bureau")
    assistant = Assistant(Settings(_env_file=None), FakeEmbedder(), index)  # type: ignore[call-arg]
    assert "pwb" not in content_terms("pharmacy workforce bureau")  # the assistant's, not the process's
    with using(assistant.lexicon):
        assert content_terms("pharmacy workforce bureau") == ["pwb"]
    # a question that spells the name out now finds the sentence that only uses the acronym
    answer = assistant.ask("When did the Pharmacy Workforce Bureau open?")
    assert not answer.refused, answer.refusal_reason
    assert "2020" in answer.text


def test_the_embedder_is_given_the_acronyms_spelled_out() -> None:
    lexicon = Lexicon.learn({"a": "The Zonal Quorum Board (ZQB) meets monthly.", "b": "ZQB news."})
    assert lexicon.spell_out("what does the ZQB do?") == "what does the ZQB (zonal quorum board) do?"
    assert lexicon.spell_out("how many zqbs are there") == "how many zqbs (zonal quorum board) are there"
    # said already, or not an acronym the corpus defines: left as written
    assert lexicon.spell_out("Is the zonal quorum board (ZQB) new?") == "Is the zonal quorum board (ZQB) new?"
    assert lexicon.spell_out("what does the NHS do?") == "what does the NHS do?"


def test_an_acronym_the_corpus_also_uses_as_a_word_is_spelled_out_only_in_capitals() -> None:
    lexicon = Lexicon.learn({"a": "Care Applied Now (CAN) helps. You can ask.", "b": "CAN is new."})
    assert lexicon.spell_out("Who runs CAN?") == "Who runs CAN (care applied now)?"
    assert lexicon.spell_out("who can i ask?") == "who can i ask?"
