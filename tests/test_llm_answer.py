"""LLM answering and condensing, with the scripted chat model at the boundary."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from hypothesis import given
from hypothesis import strategies as st

from ics_assistant.answering.llm_answer import (
    format_sources,
    llm_condense,
    normalize_citation_markers,
    stream_llm_answer,
)
from ics_assistant.prompts import PromptLibrary, load_prompt
from ics_assistant.protocols import ChatMessage
from ics_assistant.types import Chunk, Hit, Turn

from .fakes import ScriptedChatModel


def _hit(n: int, text: str, *, title: str = "", date: str | None = None, doc_id: str = "doc") -> Hit:
    chunk = Chunk(chunk_id=f"c{n}", doc_id=doc_id, text=text, start=0, end=len(text), title=title, date=date)
    return Hit(chunk=chunk, score=1.0 / n, rank=n)


HITS = [
    _hit(1, "ICSs became statutory bodies on\n1 July 2022.", title="ICS FAQ", date="2022-07-01"),
    _hit(2, "There are 42 ICSs in England.", title="Consultation response", doc_id="resp"),
]


def test_streams_the_model_reply_as_deltas(scripted_model: ScriptedChatModel) -> None:
    reply = "ICSs became statutory on 1 July 2022 [1]. There are 42 of them [2]."
    scripted_model.enqueue(reply)
    deltas = list(stream_llm_answer(scripted_model, "When did ICSs become statutory?", HITS, ()))
    assert "".join(deltas) == reply
    assert len(deltas) > 3  # passed through as they arrive, not collected first


def test_prompt_numbers_the_hits_in_order_with_title_and_date(scripted_model: ScriptedChatModel) -> None:
    scripted_model.enqueue("ok [1].")
    list(stream_llm_answer(scripted_model, "  When did ICSs\nbecome statutory? ", HITS, (), max_tokens=77))
    [messages] = scripted_model.history
    system, user = messages
    assert system["role"] == "system" and "cite" in system["content"].lower()
    assert user["role"] == "user"
    content = user["content"]
    first = "[1] ICS FAQ (2022-07-01): ICSs became statutory bodies on 1 July 2022."
    second = "[2] Consultation response: There are 42 ICSs in England."
    assert first in content and second in content
    assert content.index(first) < content.index(second)
    assert "Question: When did ICSs become statutory?" in content
    assert "Conversation so far:\n(none)" in content


def test_history_goes_in_without_old_citation_markers(scripted_model: ScriptedChatModel) -> None:
    scripted_model.enqueue("ok [1].")
    history = [
        Turn("user", "What is an ICS?"),
        Turn("assistant", "An ICS is a partnership [3]."),
    ]
    list(stream_llm_answer(scripted_model, "When did they start?", HITS, history))
    content = scripted_model.history[0][1]["content"]
    assert "User: What is an ICS?\nAssistant: An ICS is a partnership." in content
    assert "[3]" not in content


def test_format_sources_falls_back_to_doc_id_and_handles_no_hits() -> None:
    assert format_sources([_hit(1, "Text.", doc_id="ics-faq")]) == "[1] ics-faq: Text."
    assert format_sources([]) == "(no sources)"


def test_citation_variants_are_normalised_while_streaming(scripted_model: ScriptedChatModel) -> None:
    scripted_model.enqueue("Statutory since 2022 [Source 1]. There are 42 [1, 2]. See [1 and 2].")
    text = "".join(stream_llm_answer(scripted_model, "q", HITS, ()))
    assert text == "Statutory since 2022 [1]. There are 42 [1][2]. See [1][2]."


def test_marker_split_across_deltas_is_still_rewritten() -> None:
    out = list(normalize_citation_markers(["It is 42 [Sou", "rce ", "2] and ", "[see above] ok"]))
    assert "".join(out) == "It is 42 [2] and [see above] ok"
    assert out[0] == "It is 42 "  # the text before the open bracket is not held back


def test_an_unclosed_bracket_does_not_stall_the_stream() -> None:
    long_tail = "[" + "x" * 60
    out = list(normalize_citation_markers(["a ", long_tail, " b"]))
    assert "".join(out) == "a " + long_tail + " b"
    assert len(out) >= 2


@given(st.lists(st.sampled_from(["[", "]", "1", "2", ",", " ", "Source", "a", "."]), max_size=40), st.data())
def test_normalising_does_not_depend_on_how_the_text_is_split(tokens: list[str], data: st.DataObject) -> None:
    text = "".join(tokens)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    assert "".join(normalize_citation_markers(pieces)) == "".join(normalize_citation_markers([text]))


HISTORY = [
    Turn("user", "What is an integrated care system?"),
    Turn("assistant", "An ICS is a partnership of NHS and local government organisations [1]."),
]


def test_condense_without_history_does_not_call_the_model(scripted_model: ScriptedChatModel) -> None:
    assert llm_condense(scripted_model, "What is an ICS?", ()) == "What is an ICS?"
    assert scripted_model.history == []


def test_condense_uses_the_model_rewrite(scripted_model: ScriptedChatModel) -> None:
    scripted_model.enqueue(
        'Standalone question: "When was the integrated care system put on a statutory footing?"'
    )
    out = llm_condense(scripted_model, "When was it put on a statutory footing?", HISTORY)
    assert out == "When was the integrated care system put on a statutory footing?"
    system, user = scripted_model.history[0]
    assert "standalone" in system["content"].lower() or "without the conversation" in system["content"]
    assert "User: What is an integrated care system?" in user["content"]
    assert "[1]" not in user["content"]
    assert "Follow-up question: When was it put on a statutory footing?" in user["content"]


def test_condense_falls_back_to_the_question(scripted_model: ScriptedChatModel) -> None:
    question = "Who said that?"
    unusable = [
        "",
        "   \n  ",
        "I'm sorry, I can't help with that.",
        "?!",
        "said " * 200,  # far longer than any rewrite
        "User: What is an integrated care system?",  # echoes a history line (SmolLM2 did this)
        "What is an integrated care system?",  # drops the follow-up's own word "said"
        "You're asked to provide a response that continues the conversation.",  # a meta reply
    ]
    for bad in unusable:
        scripted_model.enqueue(bad)
        assert llm_condense(scripted_model, question, HISTORY) == question, bad
    assert len(scripted_model.history) == len(unusable)


def test_condense_keeps_a_rewrite_that_keeps_the_follow_up(scripted_model: ScriptedChatModel) -> None:
    scripted_model.enqueue("Who said that ICSs are partnerships of NHS and local government organisations?")
    assert llm_condense(scripted_model, "Who said that?", HISTORY).startswith("Who said that ICSs")
    scripted_model.enqueue("And then what happened to integrated care systems?")
    assert (
        llm_condense(scripted_model, "And then?", HISTORY)
        == "And then what happened to integrated care systems?"
    )


def test_prompts_can_come_from_a_loader_function(scripted_model: ScriptedChatModel) -> None:
    """``Assistant`` passes ``load_prompt`` itself; a library or None work the same way."""
    for prompts in (load_prompt, PromptLibrary(), None):
        scripted_model.enqueue("ok [1].")
        assert "".join(stream_llm_answer(scripted_model, "q", HITS, (), prompts)) == "ok [1]."
    first, second, third = scripted_model.history
    assert first == second == third


class CountingChatModel:
    """Streams a fixed reply word by word; records how many deltas were pulled and if it was closed."""

    name = "counting"

    def __init__(self, reply: str) -> None:
        self.reply = reply
        self.pulled = 0
        self.closed = False

    def stream_chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 400) -> Iterator[str]:
        try:
            for i, word in enumerate(self.reply.split(" ")):
                self.pulled += 1
                yield word if i == 0 else " " + word
        finally:
            self.closed = True


def test_a_looping_model_is_stopped_at_the_first_repeated_sentence() -> None:
    item = "Frequently asked questions: integrated care systems will draw on local knowledge [1]."
    loop = " ".join(f"{i}. {item}" for i in range(1, 30))
    model = CountingChatModel(f"ICSs are partnerships [1]. {loop}")

    text = "".join(stream_llm_answer(model, "q", HITS, ()))

    assert text.count("draw on local knowledge") == 2  # the repeat is seen once it completes
    assert model.closed
    assert model.pulled < len(model.reply.split(" ")) / 5  # most of the loop was never generated


def test_distinct_sentences_and_short_repeats_pass_through() -> None:
    reply = "Yes [1]. Yes [2]. ICSs became statutory in 2022 [1]. There are 42 ICSs in England [2]."
    model = CountingChatModel(reply)
    assert "".join(stream_llm_answer(model, "q", HITS, ())) == reply
    assert model.pulled == len(reply.split(" "))
