"""``ics-assistant ingest`` and ``ics-assistant stats``."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ics_assistant.commands._settings import load_settings
from ics_assistant.errors import AssistantError

__all__ = ["register"]


def _fail(exc: AssistantError) -> typer.Exit:
    typer.secho(f"Error: {exc}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


def ingest(
    corpus: Path | None = typer.Option(
        None, "--corpus", help="Corpus folder (default: ICS_CORPUS_DIR or ./corpus)."
    ),
    rebuild: bool = typer.Option(False, "--rebuild", help="Start from an empty index."),
    strict: bool = typer.Option(
        False, "--strict", help="Fail (exit 1, ingest nothing) if any file cannot be read."
    ),
    progress: bool = typer.Option(
        True, "--progress/--no-progress", help="Show a progress bar while embedding."
    ),
) -> None:
    """Load, clean, chunk and embed the corpus into the index (incremental)."""
    from ics_assistant.ingest.pipeline import run_ingest

    try:
        settings = load_settings()
        report = run_ingest(settings, corpus_dir=corpus, rebuild=rebuild, strict=strict, progress=progress)
    except AssistantError as exc:
        raise _fail(exc) from exc
    typer.echo(report.summary())
    if report.failed:
        typer.secho(
            f"{len(report.failed)} file(s) could not be read and were skipped (see above).",
            fg=typer.colors.YELLOW,
            err=True,
        )


def stats(
    as_json: bool = typer.Option(False, "--json", help="Print the statistics as JSON."),
) -> None:
    """Show what the index holds: documents, chunks per document, location, model, last ingest."""
    from ics_assistant.index import Index

    try:
        index = Index.open(load_settings())
    except AssistantError as exc:
        raise _fail(exc) from exc
    try:
        info = index.stats()
    finally:
        index.close()
    if as_json:
        typer.echo(json.dumps(info, indent=2))
        return
    typer.echo(f"Index:           {info['index_location']}")
    typer.echo(f"Vector store:    {info['vector_store']}")
    typer.echo(f"Embedding model: {info['embedding_model']}")
    typer.echo(f"Last ingest:     {info['last_ingest']}")
    typer.echo(f"Documents:       {info['documents']}  Chunks: {info['chunks']}")
    for doc_id, n in info["chunks_per_document"].items():
        typer.echo(f"  {n:4d}  {doc_id}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("stats")(stats)
