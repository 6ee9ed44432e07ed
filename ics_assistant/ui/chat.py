"""The Gradio staff chat. ``build_demo(assistant, feedback_store)`` builds it without launching.

The event handlers live on ``StaffChat`` (plain Python, testable without Gradio running); the
conversation is kept in a ``gr.State`` as records ``{"question", "answer", "audience"}``. Who
gets the staff audience is decided per request by ``StaffAccess`` (``ics_assistant/ui/access.py``):
signed-in staff when ``ICS_STAFF_TOKEN`` is set, local requests on a loopback-bound server
without a token, and nobody otherwise (public documents only, with a notice).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import gradio as gr

from ics_assistant.api.errors import public_message
from ics_assistant.api.service import AssistantLike
from ics_assistant.errors import AssistantError, InputError
from ics_assistant.feedback import FeedbackStore
from ics_assistant.textinput import InvalidTextError, clean_text
from ics_assistant.types import Answer, Audience
from ics_assistant.ui.access import PUBLIC_ONLY_NOTICE, StaffAccess
from ics_assistant.ui.messages import (
    as_markdown_text,
    conversation_history,
    conversation_messages,
    copy_text,
    sources_html,
)

__all__ = ["EXAMPLE_QUESTIONS", "LOCAL_ONLY", "StaffChat", "build_demo"]

log = logging.getLogger(__name__)

EXAMPLE_QUESTIONS = (
    "What is an integrated care system?",
    "When were the 42 ICSs established on a statutory basis?",
    "Which areas were announced as the final 13 ICSs?",
    "What did the consultation response say about ICS boards?",
)
CSS = """
.ics-source { border-left: 4px solid #005eb8; padding: 6px 10px; margin: 8px 0; background: #f6f8fa; }
.ics-source-head { font-size: 0.95em; margin-bottom: 4px; color: #1d1d1d; }
.ics-source-n { font-weight: 700; color: #005eb8; }
.ics-source-date { color: #4c6272; font-size: 0.9em; }
.ics-source-text { margin: 0; color: #212b32; font-size: 0.92em; line-height: 1.45; white-space: pre-line; }
.ics-source-text mark { background: #ffeb3b; color: #000; padding: 0 2px; }
.ics-sources-empty { color: #4c6272; }
.ics-source-stale { color: #8a2a00; font-weight: 600; font-size: 0.9em; }
/* axe-core colour contrast (WCAG AA): Gradio's orange primary button and grey footer links */
#ics-ask { background: #005eb8; border-color: #005eb8; color: #fff; }
#ics-ask:hover { background: #003d78; }
footer a, footer button, .show-api { color: #1d1d1d !important; }
"""
# Without a token: staff documents only for direct requests from a loopback address.
LOCAL_ONLY = StaffAccess("local", None, None)
# One output tuple: (textbox, chatbot messages, sources html, copy text, records, status)
Outputs = tuple[str, list[dict[str, Any]], str, str, list[dict[str, Any]], str]


def _unanswered(message: str, records: list[dict[str, Any]], status: str) -> Outputs:
    """Keep the typed message and the conversation; only the status line changes."""
    return message, conversation_messages(records), gr.skip(), gr.skip(), records, status


class StaffChat:
    def __init__(
        self,
        assistant: AssistantLike,
        feedback: FeedbackStore,
        *,
        max_history_turns: int = 20,
        max_message_chars: int = 2000,
        access: StaffAccess = LOCAL_ONLY,
    ) -> None:
        self.assistant = assistant
        self.feedback = feedback
        self.max_history_turns = max_history_turns
        self.max_message_chars = max_message_chars
        self.access = access

    def audience_for(self, request: gr.Request | None) -> Audience:
        """The audience for this request; ``None`` is a direct Python call (no network client)."""
        if request is None:
            return self.access.audience
        client = request.client.host if request.client else None
        return self.access.audience_for(client, request.headers)

    def respond(
        self, message: str, records: Sequence[dict[str, Any]], request: gr.Request | None = None
    ) -> Iterator[Outputs]:
        """Stream the answer to ``message``; the last yield holds the verified answer."""
        records = list(records)
        try:
            question = clean_text(message or "").strip()
        except InvalidTextError as exc:
            yield _unanswered(message, records, f"That message cannot be read: {exc}.")
            return
        if not question:
            yield _unanswered(message, records, "Type a question first.")
            return
        if len(question) > self.max_message_chars:
            limit = self.max_message_chars
            yield _unanswered(
                message, records, f"That message has {len(question)} characters; the limit is {limit}."
            )
            return
        history = conversation_history(records, self.max_history_turns)
        audience = self.audience_for(request)
        # say so whenever staff documents were left out (the page's notice covers "public" mode)
        notice = PUBLIC_ONLY_NOTICE if audience == "public" and self.access.mode != "public" else ""
        partial = ""
        try:
            for item in self.assistant.stream(question, history, audience):
                if isinstance(item, Answer):
                    record = {"question": question, "answer": item.to_dict(), "audience": audience}
                    records = [*records, record]
                    yield (
                        "",
                        conversation_messages(records),
                        sources_html(item),
                        copy_text(item),
                        records,
                        notice,
                    )
                    return
                partial += item
                yield (
                    "",
                    conversation_messages(records, (question, partial)),
                    gr.skip(),
                    gr.skip(),
                    records,
                    "",
                )
        except AssistantError as exc:
            log.error("staff chat could not answer: %s", exc)
            yield _unanswered(
                message, records, f"**Could not answer:** {as_markdown_text(public_message(exc))}"
            )

    def rate(
        self, rating: int, comment: str, records: Sequence[dict[str, Any]], index: int | None = None
    ) -> str:
        """Store feedback on record ``index`` (default: the latest answer); returns a status line."""
        if not records:
            return "There is no answer to rate yet."
        i = len(records) - 1 if index is None else index
        if not 0 <= i < len(records):
            return "That message cannot be rated."
        record = records[i]
        history = conversation_history(records[:i], self.max_history_turns)
        try:
            comment = clean_text(comment or "")
        except InvalidTextError as exc:
            return f"Could not save the feedback: {exc}."
        try:
            self.feedback.add(
                question=record["question"],
                answer=record["answer"],
                rating=rating,
                history=history,
                comment=comment or "",
                audience=record.get("audience", self.access.audience),
            )
        except InputError as exc:
            return f"Could not save the feedback: {exc}"
        return "Thanks: feedback saved." + (" (with your comment)" if (comment or "").strip() else "")

    def on_like(self, comment: str, records: list[dict[str, Any]], data: gr.LikeData) -> str:
        index = data.index[0] if isinstance(data.index, tuple) else data.index
        return self.rate(1 if data.liked else -1, comment, records, index // 2)

    @staticmethod
    def clear() -> Outputs:
        return "", [], sources_html(None), "", [], ""


def _ask_example(chat: StaffChat, question: str) -> Callable[..., Iterator[Outputs]]:
    """An example button's handler (a real function, so Gradio passes it the ``gr.Request``)."""

    def ask(records: list[dict[str, Any]], request: gr.Request) -> Iterator[Outputs]:
        yield from chat.respond(question, records, request)

    return ask


def build_demo(
    assistant: AssistantLike,
    feedback_store: FeedbackStore,
    *,
    max_history_turns: int = 20,
    max_message_chars: int = 2000,
    access: StaffAccess = LOCAL_ONLY,
) -> gr.Blocks:
    """The staff chat as a ``gr.Blocks`` (mount it or launch it; building starts nothing).

    ``access`` decides who gets staff documents; ``create_app`` derives it from the settings
    (``staff_access``) and passes its ``auth`` to Gradio.
    """
    chat = StaffChat(
        assistant,
        feedback_store,
        max_history_turns=max_history_turns,
        max_message_chars=max_message_chars,
        access=access,
    )
    scope = "public documents only" if access.mode == "public" else "all audiences"
    with gr.Blocks(title="ICS Assistant · staff chat", analytics_enabled=False) as demo:
        gr.Markdown(
            "## ICS Assistant · staff chat\n"
            f"Answers come only from the ICS document collection ({scope}), with numbered "
            "citations. Not for medical advice: NHS 111, or 999 in an emergency."
        )
        if access.notice:
            gr.Markdown(f"**{access.notice}**", elem_id="ics-access-notice")
        records = gr.State([])
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    height=460,
                    elem_id="ics-chatbot",
                    feedback_options=("Like", "Dislike"),
                    buttons=["copy"],
                    placeholder="Ask a question about Integrated Care Systems.",
                    allow_tags=False,  # messages are escaped text (ui/messages.py); no tag passes
                )
                with gr.Row():
                    msg = gr.Textbox(
                        label="Your question",
                        placeholder="e.g. What is an integrated care system?",
                        scale=5,
                        max_lines=4,
                        elem_id="ics-question",
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ics-ask")
                gr.Markdown("**Example questions**")
                with gr.Row():
                    example_buttons = [
                        gr.Button(q, size="sm", variant="secondary", elem_classes=["ics-example"])
                        for q in EXAMPLE_QUESTIONS
                    ]
                with gr.Row():
                    comment = gr.Textbox(
                        label="Comment on the latest answer (optional)", scale=3, elem_id="ics-comment"
                    )
                    thumbs_up = gr.Button("Helpful", scale=1, min_width=90, elem_id="ics-thumbs-up")
                    thumbs_down = gr.Button("Not helpful", scale=1, min_width=90, elem_id="ics-thumbs-down")
                status = gr.Markdown("", elem_id="ics-status")
                clear = gr.Button("Clear conversation", variant="secondary", elem_id="ics-clear")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(sources_html(None), elem_id="ics-sources")
                copy_box = gr.Textbox(
                    label="Answer with references (copy)",
                    lines=6,
                    interactive=False,
                    buttons=["copy"],
                    elem_id="ics-copy",
                )
        outputs = [msg, chatbot, sources, copy_box, records, status]
        msg.submit(chat.respond, [msg, records], outputs)
        send.click(chat.respond, [msg, records], outputs)
        for button, question in zip(example_buttons, EXAMPLE_QUESTIONS, strict=True):
            button.click(_ask_example(chat, question), [records], outputs)
        thumbs_up.click(functools.partial(chat.rate, 1), [comment, records], [status])
        thumbs_down.click(functools.partial(chat.rate, -1), [comment, records], [status])
        chatbot.like(chat.on_like, [comment, records], [status])
        clear.click(chat.clear, None, outputs)
        chatbot.clear(chat.clear, None, outputs)  # the chatbot's own bin icon clears the records too
    # several staff at once (Gradio's default is one event at a time per listener); the
    # assistant runs in Gradio's worker threads like the API's
    demo.queue(default_concurrency_limit=8, max_size=64)
    return demo
