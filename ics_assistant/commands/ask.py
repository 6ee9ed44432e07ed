"""``ics-assistant ask "question"``: one question from the command line, answered with citations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from ics_assistant.answering.rendering import format_date
from ics_assistant.commands._settings import load_settings
from ics_assistant.config import GeneratorName
from ics_assistant.errors import AssistantError, InputError
from ics_assistant.types import AUDIENCES, Answer, Audience, Turn

__all__ = ["load_history", "register", "render_answer"]

_GENERATORS = ("extractive", "llamacpp", "openai")


def load_history(path: Path) -> list[Turn]:
    """Read a history file: a JSON list of ``{"role": "user"|"assistant", "content": str}``, oldest first."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read history file {path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"history file {path} is not valid JSON: {exc.msg} (line {exc.lineno})") from exc
    if not isinstance(data, list):
        raise InputError(f"history file {path} must hold a JSON list of turns")
    turns: list[Turn] = []
    for i, item in enumerate(data):
        if not isinstance(item, dict) or item.get("role") not in ("user", "assistant"):
            raise InputError(f"history turn {i} in {path} needs role 'user' or 'assistant'")
        content = item.get("content")
        if not isinstance(content, str):
            raise InputError(f"history turn {i} in {path} needs a string 'content'")
        turns.append(Turn(role=item["role"], content=content))
    return turns


def render_answer(answer: Answer, console: Console) -> None:
    """The answer, then its numbered references (title, date, verbatim quote)."""
    console.print(escape(answer.text))
    if answer.citations:
        console.print()
        console.print("[bold]References[/bold]")
        for c in answer.citations:
            when = f", {format_date(c.date)}" if c.date else ""
            quote = " ".join(c.quote.split())
            stale = f" ({c.currency_note})" if c.stale and c.currency_note else ""
            console.print(f"[bold][{c.n}][/bold] {escape(c.title)}{escape(when)}{escape(stale)}")
            console.print(f"    [dim]“{escape(quote)}”[/dim]")
    if answer.dropped_sentences:
        console.print()
        console.print(f"[dim]{len(answer.dropped_sentences)} unsupported sentence(s) removed.[/dim]")


def ask_command(
    question: Annotated[str, typer.Argument(help="Your question about integrated care systems.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    audience: Annotated[str, typer.Option(help="public or staff.")] = "public",
    history: Annotated[
        Path | None, typer.Option(help='JSON file: a list of {"role", "content"} turns, oldest first.')
    ] = None,
    generator: Annotated[
        str | None, typer.Option(help="extractive, llamacpp or openai (default: ICS_GENERATOR).")
    ] = None,
) -> None:
    """Answer one question from the ICS documents, with citations."""
    console = Console()
    err = Console(stderr=True, soft_wrap=True)
    try:
        if audience not in AUDIENCES:
            raise InputError(f"--audience must be one of {', '.join(AUDIENCES)}, not {audience!r}")
        if generator is not None and generator not in _GENERATORS:
            raise InputError(f"--generator must be one of {', '.join(_GENERATORS)}, not {generator!r}")
        settings = load_settings()
        if generator is not None:
            name: GeneratorName = generator  # type: ignore[assignment]
            settings = settings.model_copy(update={"generator": name})
        turns = load_history(history) if history is not None else []
        from ics_assistant.operations.killswitch import AnswersSwitch, disabled_answer
        from ics_assistant.querylog.store import SqlStore

        aud: Audience = "staff" if audience == "staff" else "public"
        switch = AnswersSwitch(settings.answers_enabled, SqlStore(settings.console_database_url))
        if switch.enabled():
            from ics_assistant.assistant import build_assistant
            from ics_assistant.operations.currency import CurrencyBook

            answer = build_assistant(settings).ask(question, turns, aud)
            answer = CurrencyBook(settings.corpus_dir, settings.stale_after_days).annotate(answer)
        else:  # the kill switch: the same fixed signpost as every other interface
            answer = disabled_answer(question, aud)
    except AssistantError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(code=1) from exc
    if as_json:
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        render_answer(answer, console)


def register(app: typer.Typer) -> None:
    app.command("ask")(ask_command)
