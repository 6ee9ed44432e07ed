"""The result of one ingest run, and its human summary."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["IngestReport", "quoted"]


def quoted(text: str) -> str:
    """``text`` as one safe report line: as-is when printable, else its escaped ``repr``
    (a newline in a file name cannot forge a report line)."""
    return text if text.isprintable() else repr(text)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    ignored: list[str] = field(default_factory=list)  # files of unsupported types
    # (document id, chunk start, rule): passages addressing an AI, never quoted to the public
    flagged: list[tuple[str, int, str]] = field(default_factory=list)
    chunk_count: int = 0
    embedded: int = 0  # chunks embedded by this run
    repaired: int = 0  # Chroma entries added or deleted to match the chunk store
    lexical_rebuilt: bool = False
    seconds: float = 0.0
    index_dir: str = ""

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        def names(items: list[str], limit: int = 12) -> str:
            if not items:
                return ""
            more = f", … and {len(items) - limit} more" if len(items) > limit else ""
            return f" ({', '.join(quoted(i) for i in items[:limit])}{more})"

        lines = [
            f"added {len(self.added)}{names(self.added)}",
            f"updated {len(self.updated)}{names(self.updated)}",
            f"removed {len(self.removed)}{names(self.removed)}",
            f"unchanged {len(self.unchanged)}{names(self.unchanged)}",
            f"failed {len(self.failed)}",
        ]
        lines += [f"  ! {quoted(name)}: {quoted(reason)}" for name, reason in self.failed]
        if self.flagged:
            lines.append(
                f"flagged {len(self.flagged)} passage(s) addressing an AI (kept for staff, never quoted "
                "to the public):"
            )
            lines += [f"  ? {quoted(doc)} at {start}: {rule}" for doc, start, rule in self.flagged]
        if self.ignored:
            lines.append(f"ignored (unsupported type): {', '.join(quoted(i) for i in self.ignored)}")
        lines.append(
            f"{self.chunk_count} chunks in the index, {self.embedded} embedded this run, "
            f"{self.seconds:.1f}s ({self.index_dir})"
        )
        return "\n".join(lines)
