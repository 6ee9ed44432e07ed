"""``/console/evals``: run a dataset as a background job, the trend across kept runs, item-by-item
comparison of two runs, and each run's HTML report."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ics_assistant.console.evals import (
    TREND_METRICS,
    available_datasets,
    compare_runs,
    list_runs,
    run_dataset,
    save_dataset,
)
from ics_assistant.console.jobs import Job
from ics_assistant.console.routes import _page, _state, _who
from ics_assistant.console.trend import trend_chart
from ics_assistant.errors import AssistantError

__all__ = ["eval_router"]

eval_router = APIRouter(prefix="/console/evals", include_in_schema=False)


@eval_router.get("", response_class=HTMLResponse)
async def evals_page(request: Request, message: str = "", error: bool = False) -> Response:
    _who(request)
    state = _state(request)
    runs = await run_in_threadpool(list_runs, state.settings)
    labels = [f"{i + 1}" for i in range(len(runs))]
    series = {m: [r.summary.get(m) for r in runs] for m in TREND_METRICS}
    chart = (
        trend_chart(labels, series, title="Key metrics across runs (run number, oldest first)")
        if runs
        else ""
    )
    return _page(
        request,
        "evals.html",
        "Evals",
        runs=runs,
        chart=chart,
        job=state.jobs.current,
        datasets=sorted(available_datasets(state.settings)),
        metrics=TREND_METRICS,
        message=message,
        error=error,
    )


@eval_router.post("/run")
async def start_run(request: Request) -> Response:
    who = _who(request)
    state = _state(request)
    name = str((await request.form()).get("dataset") or "")
    if name not in available_datasets(state.settings):
        return await evals_page(request, message=f"No dataset called {name!r}.", error=True)
    inner: Any = state.ops.assistant.inner  # evals bypass the question log and live metrics

    def work(job: Job) -> str:
        def progress(done: int, total: int) -> None:
            job.step(done, total, "questions")

        info = run_dataset(state.settings, name, inner, progress)
        for metric in TREND_METRICS:
            value = info.summary.get(metric)
            if isinstance(value, int | float):
                state.ops.metrics.eval_metric.labels(dataset=name, metric=metric).set(value)
        return f"run {info.run_id}: strict accuracy {info.summary.get('strict_accuracy')}"

    job = state.jobs.start("eval", work)
    if job is None:
        return await evals_page(
            request, message="Another job is running; try again when it finishes.", error=True
        )
    await run_in_threadpool(state.ops.store.audit, who, "eval_run", dataset=name)
    return await evals_page(request, message=f"Eval of {name} started.")


@eval_router.post("/datasets")
async def upload_dataset(request: Request) -> Response:
    who = _who(request)
    state = _state(request)
    file = (await request.form()).get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        return await evals_page(request, message="Choose a .jsonl dataset to upload.", error=True)
    data = await file.read(state.settings.max_upload_bytes + 1)
    try:
        if len(data) > state.settings.max_upload_bytes:
            raise AssistantError("the dataset is over the upload limit")
        name = await run_in_threadpool(save_dataset, state.settings, file.filename, data)
    except AssistantError as exc:
        return await evals_page(request, message=f"Dataset refused: {exc}", error=True)
    await run_in_threadpool(state.ops.store.audit, who, "upload_dataset", dataset=name)
    return await evals_page(request, message=f"Dataset {name} added.")


@eval_router.get("/compare", response_class=HTMLResponse)
async def compare(request: Request, new: str = "", old: str = "") -> Response:
    _who(request)
    try:
        result = await run_in_threadpool(compare_runs, _state(request).settings, new, old)
    except AssistantError as exc:
        return await evals_page(request, message=str(exc), error=True)
    return _page(request, "compare.html", "Compare eval runs", new=new, old=old, result=result)


@eval_router.get("/{run_id}/report.html")
async def report(request: Request, run_id: str) -> Response:
    _who(request)
    runs = {r.run_id: r for r in await run_in_threadpool(list_runs, _state(request).settings)}
    if run_id not in runs:
        return _page(request, "evals.html", "No such run", 404, runs=[], chart="", datasets=[], metrics=())
    return FileResponse(runs[run_id].path / "report.html", media_type="text/html")
