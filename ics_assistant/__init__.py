"""ICS Assistant: grounded, cited answers about England's Integrated Care Systems."""

from ics_assistant.config import Settings
from ics_assistant.errors import AssistantError
from ics_assistant.types import Answer, Citation, Source, Turn

__all__ = ["Answer", "AssistantError", "Citation", "Settings", "Source", "Turn"]
__version__ = "0.1.0"
