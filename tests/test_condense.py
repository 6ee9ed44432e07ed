"""Follow-up condensing: the new question stays the main signal; "Who said that?" finds the quote."""

from __future__ import annotations

from ics_assistant.answering.condense import condense, is_follow_up
from ics_assistant.assistant import Assistant
from ics_assistant.config import Settings
from ics_assistant.types import Turn

from .answer_fixtures import memory_index
from .fakes import FakeEmbedder, ScriptedChatModel

WHAT_IS = [
    Turn("user", "What is an integrated care system?"),
    Turn(
        "assistant",
        "According to Frequently asked questions – ICSs: Integrated Care Systems (ICSs) are partnerships of "
        "organisations that come together to plan and deliver joined up health and care services [1].",
    ),
]


def test_standalone_question_is_left_alone() -> None:
    c = condense("How many ICSs are there in England?", WHAT_IS)
    assert c.query == "How many ICSs are there in England?" and not c.is_follow_up


def test_pronoun_follow_up_adds_a_few_key_words_of_the_last_question_only() -> None:
    c = condense("When was it put on a statutory footing?", WHAT_IS)
    assert c.is_follow_up
    assert c.query.startswith("When was it put on a statutory footing")
    assert "integrated care system" in c.query
    assert "partnerships" not in c.query  # the previous answer is not pasted in
    question = "When was it put on a statutory footing?"
    assert len(c.query.split()) <= len(question.split()) + 4


def test_a_follow_up_keeps_the_place_the_last_question_named() -> None:
    history = [Turn("user", "Is there a new diagnostic centre opening in Ormsby?"), Turn("assistant", "...")]
    question = "which buses go there and how often do they run?"
    c = condense(question, history)
    assert "Ormsby" in c.query  # a name is carried before the other words when not all fit
    assert len(c.query.split()) <= len(question.split()) + 4
    # the carried words sit inside the question mark: they never make a question part of their own
    assert c.query.endswith("?") and c.query.count("?") == 1


def test_only_recent_question_is_carried_not_the_whole_history() -> None:
    history = [Turn("user", "Tell me about the zephyr rota"), Turn("assistant", "..."), *WHAT_IS]
    c = condense("When was it put on a statutory footing?", history)
    assert "zephyr" not in c.query


def test_who_said_that_points_at_the_previous_answers_quote() -> None:
    history = [
        Turn("user", "What was said about partnership working during the pandemic?"),
        Turn(
            "assistant",
            "“Partnership working has been at the heart of the NHS’s remarkable response to the coronavirus "
            "pandemic and the NHS vaccination programme.” [1]",
        ),
    ]
    c = condense("Who said that?", history)
    assert c.referent is not None and c.referent.startswith("“Partnership working has been at the heart")
    assert c.query.startswith("Who said that?") and "Partnership working" in c.query


def test_follow_up_detection() -> None:
    assert is_follow_up("What about for staff?")
    assert is_follow_up("Why?")
    assert is_follow_up("How many people do they serve?")
    assert not is_follow_up("Which are the 13 new ICS areas?")


def test_no_history_means_no_condensing() -> None:
    assert (
        condense("When was it put on a statutory footing?", []).query
        == "When was it put on a statutory footing?"
    )


def test_llm_condense_is_used_when_a_chat_model_is_given() -> None:
    model = ScriptedChatModel(["When were integrated care systems put on a statutory footing?"])
    c = condense("When was it put on a statutory footing?", WHAT_IS, model)
    assert c.query == "When were integrated care systems put on a statutory footing?"
    assert len(model.history) == 1
    assert condense("How many ICSs are there?", WHAT_IS, model).query == "How many ICSs are there?"
    assert len(model.history) == 1  # standalone questions skip the model call


def test_follow_up_answer_end_to_end_with_fakes() -> None:
    embedder = FakeEmbedder()
    assistant = Assistant(Settings(_env_file=None), embedder, memory_index(embedder))  # type: ignore[call-arg]
    answer = assistant.ask("When was it put on a statutory footing?", WHAT_IS)
    assert not answer.refused
    assert "1 July 2022" in answer.text
    assert answer.condensed_question.startswith("When was it put on a statutory footing")


def test_who_said_that_end_to_end_with_fakes() -> None:
    embedder = FakeEmbedder()
    assistant = Assistant(Settings(_env_file=None), embedder, memory_index(embedder))  # type: ignore[call-arg]
    history = [
        Turn("user", "What was said about partnership working during the pandemic?"),
        Turn(
            "assistant",
            "“Partnership working has been at the heart of the NHS’s remarkable response to the coronavirus "
            "pandemic and the NHS vaccination programme.” [1]",
        ),
    ]
    answer = assistant.ask("Who said that?", history)
    assert not answer.refused and "Sir Simon Stevens said" in answer.text
