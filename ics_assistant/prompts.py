"""Prompt templates as versioned data files under ``prompts/``, rendered strictly.

A template is a Markdown file with a YAML header::

    ---
    name: condense.user
    version: 1
    description: what the template is for
    variables: [history, question]
    ---
    Conversation:
    {{ history }}
    ...

``{{ name }}`` placeholders are replaced in one pass (a value containing ``{{ x }}`` is inserted
literally, never expanded). Rendering is strict: a declared variable that is not passed, or a
passed variable that the template does not declare, raises ``PromptError``; so does a header whose
``variables`` disagree with the placeholders in the body.

Chat prompts come in pairs, ``<task>.system.md`` and ``<task>.user.md``;
``PromptLibrary.chat(task, **vars)`` renders both into chat messages.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

import yaml

from ics_assistant.errors import PromptError
from ics_assistant.protocols import ChatMessage

__all__ = [
    "DEFAULT_PROMPTS_DIR",
    "PromptLibrary",
    "PromptSource",
    "PromptTemplate",
    "default_library",
    "load_prompt",
    "parse_prompt",
    "prompt_getter",
    "render_chat",
]

DEFAULT_PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
_SUFFIX = ".md"
_NAME = re.compile(r"^[a-z0-9_]+(?:\.[a-z0-9_]+)*$")
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.DOTALL)


@dataclass(frozen=True)
class PromptTemplate:
    """One template: ``render(**variables) -> str``. ``id`` (``name@vN``) goes into eval reports."""

    name: str
    version: int
    template: str
    variables: frozenset[str]
    description: str = ""

    @property
    def id(self) -> str:
        return f"{self.name}@v{self.version}"

    def render(self, **variables: Any) -> str:
        missing = sorted(self.variables - variables.keys())
        unknown = sorted(variables.keys() - self.variables)
        if missing or unknown:
            parts = []
            if missing:
                parts.append(f"missing variable(s) {', '.join(missing)}")
            if unknown:
                parts.append(f"unknown variable(s) {', '.join(unknown)}")
            raise PromptError(f"prompt {self.id}: {'; '.join(parts)}")
        return _PLACEHOLDER.sub(lambda m: str(variables[m.group(1)]), self.template)


def parse_prompt(text: str, *, name: str, origin: str = "<string>") -> PromptTemplate:
    """Parse a template file's text; every inconsistency is a ``PromptError`` naming ``origin``."""
    match = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if match is None:
        raise PromptError(f"{origin}: a prompt file must start with a '---' YAML header")
    try:
        header = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise PromptError(f"{origin}: invalid YAML header: {exc}") from exc
    if not isinstance(header, dict):
        raise PromptError(f"{origin}: the YAML header must be a mapping")
    declared_name = header.get("name", name)
    if declared_name != name:
        raise PromptError(f"{origin}: header name {declared_name!r} does not match the file name {name!r}")
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PromptError(f"{origin}: 'version' must be a positive integer, got {version!r}")
    declared = header.get("variables", [])
    if not isinstance(declared, list) or not all(isinstance(v, str) for v in declared):
        raise PromptError(f"{origin}: 'variables' must be a list of names")
    body = match.group(2).strip("\n")
    used = set(_PLACEHOLDER.findall(body))
    if set(declared) != used:
        raise PromptError(
            f"{origin}: header declares {sorted(declared)} but the text uses {sorted(used)}",
        )
    leftover = _PLACEHOLDER.sub("", body)
    if "{{" in leftover or "}}" in leftover:
        raise PromptError(f"{origin}: malformed placeholder (use '{{{{ name }}}}' with a plain name)")
    return PromptTemplate(
        name=name,
        version=version,
        template=body,
        variables=frozenset(declared),
        description=str(header.get("description", "")),
    )


class PromptLibrary:
    """The templates in one folder, loaded on first use and cached. Thread-safe."""

    def __init__(self, prompts_dir: Path | None = None) -> None:
        self.prompts_dir = Path(prompts_dir) if prompts_dir is not None else DEFAULT_PROMPTS_DIR
        self._cache: dict[str, PromptTemplate] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> PromptTemplate:
        with self._lock:
            cached = self._cache.get(name)
        if cached is not None:
            return cached
        if not _NAME.match(name):
            raise PromptError(f"invalid prompt name {name!r} (lower-case words separated by dots)")
        path = self.prompts_dir / f"{name}{_SUFFIX}"
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PromptError(f"no prompt {name!r}: {path} does not exist") from None
        except OSError as exc:
            raise PromptError(f"cannot read prompt {path}: {exc}") from exc
        prompt = parse_prompt(text, name=name, origin=str(path))
        with self._lock:
            self._cache[name] = prompt
        return prompt

    def chat(self, task: str, **variables: Any) -> list[ChatMessage]:
        """Render ``<task>.system`` and ``<task>.user`` into two chat messages, strictly."""
        return render_chat(self.get, task, **variables)

    def versions(self) -> dict[str, int]:
        """Every template in the folder with its version (for eval reports and debugging)."""
        return {
            p.name[: -len(_SUFFIX)]: self.get(p.name[: -len(_SUFFIX)]).version
            for p in sorted(self.prompts_dir.glob(f"*{_SUFFIX}"))
        }


PromptSource: TypeAlias = PromptLibrary | Callable[[str], PromptTemplate] | None
"""Where templates come from: a library, a loader such as ``load_prompt``, or None (the default)."""


def prompt_getter(prompts: PromptSource) -> Callable[[str], PromptTemplate]:
    """``name -> PromptTemplate`` for any ``PromptSource``."""
    if prompts is None:
        return default_library().get
    if isinstance(prompts, PromptLibrary):
        return prompts.get
    return prompts


def render_chat(prompts: PromptSource, task: str, **variables: Any) -> list[ChatMessage]:
    """Render ``<task>.system`` and ``<task>.user`` into two chat messages, strictly.

    Each template receives the variables it declares; a variable neither declares is an error.
    """
    get = prompt_getter(prompts)
    system = get(f"{task}.system")
    user = get(f"{task}.user")
    unknown = sorted(variables.keys() - system.variables - user.variables)
    if unknown:
        raise PromptError(f"prompt {task}: unknown variable(s) {', '.join(unknown)}")
    return [
        ChatMessage(
            role="system",
            content=system.render(**{k: v for k, v in variables.items() if k in system.variables}),
        ),
        ChatMessage(
            role="user",
            content=user.render(**{k: v for k, v in variables.items() if k in user.variables}),
        ),
    ]


_default_lock = threading.Lock()
_default_libraries: dict[Path, PromptLibrary] = {}


def default_library(prompts_dir: Path | None = None) -> PromptLibrary:
    """One shared library per folder (so templates are read from disk once per process)."""
    key = Path(prompts_dir).resolve() if prompts_dir is not None else DEFAULT_PROMPTS_DIR
    with _default_lock:
        lib = _default_libraries.get(key)
        if lib is None:
            lib = _default_libraries[key] = PromptLibrary(key)
        return lib


def load_prompt(name: str, prompts_dir: Path | None = None) -> PromptTemplate:
    """The template ``prompts/<name>.md``, e.g. ``load_prompt("condense.user").render(...)``."""
    return default_library(prompts_dir).get(name)
