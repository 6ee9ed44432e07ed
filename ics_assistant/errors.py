"""Errors a user can act on. Interfaces catch ``AssistantError`` and nothing broader.

AssistantError
├── ConfigError              settings are missing or contradictory
├── CorpusError              the corpus folder or manifest cannot be used
│   └── LoadError            one file could not be read (name + reason); ingest skips it
├── IndexStateError          the index is missing, locked or inconsistent
│   ├── IndexNotBuiltError   no index yet: run `ics-assistant ingest`
│   └── IngestLockedError    another ingest is writing
├── BackendError             an embedder, store or generator failed
│   └── GeneratorError       the language model failed or is unreachable
├── PromptError              a prompt template is missing or a variable is absent
├── InputError               a question or history the assistant cannot take
├── DatasetError             an eval dataset row is invalid (evaluation/dataset.py)
├── ReportError              an eval report or baseline cannot be read/written (evaluation/report.py)
└── FeedbackExportError      the feedback database cannot be exported (evaluation/feedback_export.py)
"""

from __future__ import annotations

__all__ = [
    "AssistantError",
    "BackendError",
    "ConfigError",
    "CorpusError",
    "GeneratorError",
    "IndexNotBuiltError",
    "IndexStateError",
    "IngestLockedError",
    "InputError",
    "LoadError",
    "PromptError",
]


class AssistantError(Exception):
    """Base of every error the assistant raises on purpose."""


class ConfigError(AssistantError):
    pass


class CorpusError(AssistantError):
    pass


class LoadError(CorpusError):
    """A single file could not be loaded. ``path`` and ``reason`` are for the ingest report."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IndexStateError(AssistantError):
    pass


class IndexNotBuiltError(IndexStateError):
    pass


class IngestLockedError(IndexStateError):
    pass


class BackendError(AssistantError):
    pass


class GeneratorError(BackendError):
    pass


class PromptError(AssistantError):
    pass


class InputError(AssistantError):
    pass
