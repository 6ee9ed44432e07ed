"""Prompt templates are versioned data, rendered strictly."""

from __future__ import annotations

from pathlib import Path

import pytest

from ics_assistant.errors import PromptError
from ics_assistant.prompts import DEFAULT_PROMPTS_DIR, PromptLibrary, load_prompt, parse_prompt

TASKS = ("grounded_answer", "condense", "claim_extraction", "claim_verification")

GOOD = """---
name: greet
version: 3
description: a test template
variables: [who, place]
---
Hello {{ who }}, welcome to {{place}}.
"""


def test_every_shipped_template_loads_with_a_version() -> None:
    versions = PromptLibrary(DEFAULT_PROMPTS_DIR).versions()
    for task in TASKS:
        assert versions[f"{task}.system"] >= 1
        assert versions[f"{task}.user"] >= 1
    assert load_prompt("condense.user").id == f"condense.user@v{versions['condense.user']}"


def test_render_substitutes_every_placeholder() -> None:
    prompt = parse_prompt(GOOD, name="greet")
    assert prompt.version == 3 and prompt.variables == {"who", "place"}
    assert prompt.render(who="Ana", place="Leeds") == "Hello Ana, welcome to Leeds."


def test_missing_variable_raises() -> None:
    with pytest.raises(PromptError, match=r"missing variable.*place"):
        parse_prompt(GOOD, name="greet").render(who="Ana")


def test_unknown_variable_raises() -> None:
    with pytest.raises(PromptError, match=r"unknown variable.*colour"):
        parse_prompt(GOOD, name="greet").render(who="Ana", place="Leeds", colour="red")


def test_values_are_inserted_literally_never_expanded() -> None:
    prompt = parse_prompt(GOOD, name="greet")
    assert prompt.render(who="{{ place }}", place="x") == "Hello {{ place }}, welcome to x."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Hello {{ who }}", "must start with"),
        ("---\nversion: 0\nvariables: []\n---\nHi", "positive integer"),
        ("---\nversion: one\nvariables: []\n---\nHi", "positive integer"),
        ("---\nversion: 1\nvariables: [who]\n---\nHi", r"declares \['who'\] but the text uses \[\]"),
        ("---\nversion: 1\nvariables: []\n---\nHi {{ who }}", r"declares \[\] but the text uses \['who'\]"),
        ("---\nversion: 1\nvariables: []\n---\nHi {{ 1who }}", "malformed placeholder"),
        ("---\nname: other\nversion: 1\nvariables: []\n---\nHi", "does not match the file name"),
        ("---\n[unclosed\n---\nHi", "invalid YAML header"),
    ],
)
def test_bad_template_files_are_rejected(text: str, message: str) -> None:
    with pytest.raises(PromptError, match=message):
        parse_prompt(text, name="greet")


def test_unknown_and_invalid_names(tmp_path: Path) -> None:
    library = PromptLibrary(tmp_path)
    with pytest.raises(PromptError, match="does not exist"):
        library.get("nope")
    with pytest.raises(PromptError, match="invalid prompt name"):
        library.get("../secrets")


def test_a_custom_prompts_dir_overrides_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "greet.system.md").write_text("---\nversion: 1\nvariables: []\n---\nBe brief.\n")
    (tmp_path / "greet.user.md").write_text(GOOD.replace("name: greet", "name: greet.user"))
    messages = PromptLibrary(tmp_path).chat("greet", who="Ana", place="Leeds")
    assert messages == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hello Ana, welcome to Leeds."},
    ]


def test_chat_rendering_is_strict_too() -> None:
    library = PromptLibrary(DEFAULT_PROMPTS_DIR)
    with pytest.raises(PromptError, match=r"missing variable.*history"):
        library.chat("condense", question="Who said that?")
    with pytest.raises(PromptError, match=r"unknown variable.*sources"):
        library.chat("condense", question="q", history="h", sources="s")


def test_grounded_answer_rules_are_in_the_system_prompt() -> None:
    system = load_prompt("grounded_answer.system").render().lower()
    assert "only from the sources" in system
    assert "[1]" in system  # cite every sentence with [n]
    assert "don't know" in system
    assert "never reveal" in system
    assert "plain english" in system
