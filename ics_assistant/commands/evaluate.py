"""``ics-assistant eval`` and ``ics-assistant feedback export``."""

from __future__ import annotations

from pathlib import Path

import typer

from ics_assistant.commands._settings import load_settings
from ics_assistant.errors import AssistantError

__all__ = ["register"]

feedback_app = typer.Typer(help="Work with the thumbs up / down feedback from users.", no_args_is_help=True)


def _fail(exc: AssistantError) -> typer.Exit:
    typer.secho(f"Error: {exc}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


def evaluate(
    dataset: Path = typer.Option(..., "--dataset", help="JSONL dataset (see evals/datasets/golden.jsonl)."),
    out: Path = typer.Option(..., "--out", help="Folder for report.json, report.md and report.html."),
    generator: str | None = typer.Option(
        None, "--generator", help="extractive | llamacpp | openai (default: ICS_GENERATOR)."
    ),
    k: int | None = typer.Option(
        None, "--k", min=1, help="Sources retrieved per question (default: ICS_TOP_K)."
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="An earlier report.json: list improved/regressed items and metric changes."
    ),
    thresholds: Path | None = typer.Option(
        None, "--thresholds", help="Gate thresholds shown in the reports (default: evals/thresholds.yaml)."
    ),
    only: list[str] = typer.Option(
        [], "--only", help="Only items with this id or category (repeatable), for quick iterations."
    ),
    corpus: Path | None = typer.Option(
        None,
        "--corpus",
        help="Run against this corpus folder instead: ingested into a temporary data dir first.",
    ),
    gate: bool = typer.Option(False, "--gate", help="Exit with status 1 when a metric misses its threshold."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
) -> None:
    """Run a dataset through the assistant and write the reports (needs `ics-assistant ingest`)."""
    from ics_assistant.evaluation.gate import DEFAULT_THRESHOLDS_PATH, check_thresholds, load_thresholds
    from ics_assistant.evaluation.harness import run_eval
    from ics_assistant.evaluation.report import format_value, write_reports

    try:
        settings = load_settings()
        limits_path = thresholds or DEFAULT_THRESHOLDS_PATH
        limits = load_thresholds(limits_path) if thresholds or limits_path.is_file() else {}
        run = run_eval(
            settings, dataset, generator=generator, k=k, only=only, progress=progress, corpus=corpus
        )
        paths = write_reports(run, out, thresholds=limits, baseline=baseline)
    except AssistantError as exc:
        raise _fail(exc) from exc
    s = run.summary
    for name in ("strict_accuracy", "faithfulness", "citation_validity", "refusal_recall"):
        typer.echo(f"{name:>20}: {format_value(name, s.get(name))}")
    for name in ("false_refusal_rate", "hit_at_5", "mrr", "latency_p50_ms", "latency_p95_ms"):
        typer.echo(f"{name:>20}: {format_value(name, s.get(name))}")
    typer.echo(f"{len(run.failing())} of {len(run.items)} items failing; reports in {paths.json.parent}/")
    problems = check_thresholds(s, limits)
    for problem in problems:
        typer.secho(f"below the release gate: {problem}", fg=typer.colors.YELLOW, err=True)
    if gate and problems:
        raise typer.Exit(code=1)


def export(
    out: Path = typer.Option(..., "--out", help="JSONL file for the draft dataset items."),
    negative: bool = typer.Option(False, "--negative", help="Only thumbs-down feedback."),
) -> None:
    """Write rated answers as draft eval items (marked needs_label) for a maintainer to label."""
    from ics_assistant.evaluation.feedback_export import export_feedback, write_drafts

    try:
        settings = load_settings()
        result = export_feedback(settings.feedback_db, negative_only=negative)
        write_drafts(result.items, out)
    except AssistantError as exc:
        raise _fail(exc) from exc
    for reason in result.skipped:
        typer.secho(f"skipped {reason}", fg=typer.colors.YELLOW, err=True)
    typer.echo(
        f"wrote {len(result.items)} draft item(s) to {out}; label them (answerable, expected_sources, "
        "expected_facts) and remove needs_label before adding them to a dataset"
    )


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
    feedback_app.command("export")(export)
    app.add_typer(feedback_app, name="feedback")
