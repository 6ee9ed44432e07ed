"""``/console``: server-rendered pages and form actions for maintainers.

Without ``ICS_MAINTAINER_TOKEN`` every ``/console`` path answers 404. With it, ``/console``
shows the sign-in form and every other page or action needs the session (or the token as a
bearer header), else 401. Every change is written to the audit log with who and what.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ics_assistant.config import Settings
from ics_assistant.console.auth import COOKIE, ConsoleAuth
from ics_assistant.console.documents import document_rows, overdue_ranked
from ics_assistant.console.flagged import flagged_passages
from ics_assistant.console.jobs import Job, JobRunner
from ics_assistant.console.manifest_file import remove_entry, update_entry
from ics_assistant.console.preview import preview
from ics_assistant.console.unanswered import draft_eval_item, group_questions
from ics_assistant.console.upload import accept_upload
from ics_assistant.errors import AssistantError
from ics_assistant.operations.killswitch import AnswersSwitch
from ics_assistant.operations.wiring import Operations
from ics_assistant.protocols import Embedder

__all__ = ["ConsoleState", "install_console"]

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
UNANSWERED_DAYS = 30
RECENT_DAYS = 30  # citations counted for ranking overdue documents


def _default_embedder(settings: Settings) -> Callable[[], Embedder]:
    def load() -> Embedder:
        from ics_assistant.backends.embedders import get_embedder

        return get_embedder(settings)

    return load


@dataclass
class ConsoleState:
    settings: Settings
    ops: Operations
    auth: ConsoleAuth
    embedder: Callable[[], Embedder]
    jobs: JobRunner = field(default_factory=JobRunner)

    @property
    def drafts_path(self) -> Path:
        return self.settings.data_dir / "eval-drafts.jsonl"


class _UnauthorisedError(Exception):
    pass


def _state(request: Request) -> ConsoleState:
    state = request.app.state.console
    assert isinstance(state, ConsoleState)
    return state


def _who(request: Request) -> str:
    who = _state(request).auth.who(request)
    if who is None:
        raise _UnauthorisedError()
    return who


def _page(request: Request, name: str, title: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    who = _state(request).auth.who(request)
    return TEMPLATES.TemplateResponse(request, name, {"title": title, "who": who, **ctx}, status_code=status)


def _back(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


router = APIRouter(prefix="/console", include_in_schema=False)


@router.get("", response_class=HTMLResponse)
async def home(request: Request) -> Response:
    if _state(request).auth.who(request):
        return _back("/console/documents")
    return _page(request, "signin.html", "Sign in")


@router.post("/login")
async def login(request: Request, token: str = Form(""), name: str = Form("")) -> Response:
    state = _state(request)
    client = request.client.host if request.client else "unknown"
    wait = state.auth.limiter.check(client)
    if wait:
        msg = f"Too many sign-in attempts: try again in {wait} seconds."
        resp = _page(request, "signin.html", "Sign in", 429, message=msg, error=True)
        resp.headers["Retry-After"] = str(wait)
        return resp
    if not state.auth.token_ok(token):
        return _page(request, "signin.html", "Sign in", 401, message="That token is not right.", error=True)
    cookie = state.auth.session_cookie(name)
    await run_in_threadpool(state.ops.store.audit, cookie.rpartition("|")[0], "sign_in")
    redirect = _back("/console/documents")
    redirect.set_cookie(COOKIE, cookie, httponly=True, samesite="strict", path="/console")
    return redirect


@router.post("/logout")
async def logout(request: Request) -> Response:
    resp = _back("/console")
    resp.delete_cookie(COOKIE, path="/console")
    return resp


@router.get("/documents", response_class=HTMLResponse)
async def documents(request: Request, message: str = "", error: bool = False) -> Response:
    _who(request)
    state = _state(request)
    since = datetime.now(UTC) - timedelta(days=RECENT_DAYS)

    def load() -> tuple[Any, Any]:
        rows = document_rows(state.settings, stale=state.ops.currency.stale_ids())
        answered = state.ops.store.questions(refused=False, since=since, limit=100_000)
        return rows, overdue_ranked(rows, [q.cited for q in answered])

    rows, overdue = await run_in_threadpool(load)
    return _page(
        request,
        "documents.html",
        "Documents",
        rows=rows,
        overdue=overdue,
        recent_days=RECENT_DAYS,
        job=state.jobs.current,
        answers_enabled=state.ops.switch.enabled(),
        max_mb=round(state.settings.max_upload_bytes / 1_000_000, 1),
        message=message,
        error=error,
    )


@router.post("/documents/{doc_id}")
async def edit_document(request: Request, doc_id: str) -> Response:
    who = _who(request)
    state = _state(request)
    form = await request.form()
    fields = {k: str(v) for k, v in form.items() if k in ("title", "date", "review_due", "audience")}
    try:
        entry = await run_in_threadpool(update_entry, state.settings.corpus_dir, doc_id, fields)
    except AssistantError as exc:
        return await documents(request, message=f"Nothing changed: {exc}", error=True)
    await run_in_threadpool(state.ops.store.audit, who, "edit_document", doc_id=doc_id, fields=entry)
    return await documents(request, message=f"Saved {doc_id}. Run “Ingest now” to apply it to answers.")


@router.post("/upload")
async def upload(request: Request) -> Response:
    who = _who(request)
    state = _state(request)
    limit = state.settings.max_upload_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + 64_000:  # the file plus the form's fields
        msg = f"Upload refused: the file is over the {limit:,}-byte upload limit. Nothing was changed."
        return await documents(request, message=msg, error=True)
    form = await request.form()
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        return await documents(request, message="Choose a file to upload.", error=True)
    data = await file.read(limit + 1)
    fields = {k: str(form.get(k) or "") for k in ("title", "kind", "date", "audience", "review_due")}
    try:
        done = await run_in_threadpool(accept_upload, state.settings, file.filename, data, fields)
    except AssistantError as exc:
        return await documents(request, message=f"Upload refused: {exc}", error=True)
    await run_in_threadpool(
        state.ops.store.audit, who, "upload_document", doc_id=done.doc_id, file=done.path.name, fields=fields
    )
    msg = f"Added {done.doc_id} ({done.characters:,} characters of text). Run “Ingest now” to use it."
    return await documents(request, message=msg)


@router.get("/documents/{doc_id}/preview", response_class=HTMLResponse)
async def preview_document(request: Request, doc_id: str) -> Response:
    _who(request)
    found = await run_in_threadpool(preview, _state(request).settings, doc_id)
    if found is None:
        return _page(request, "preview.html", "No such document", 404, doc=None)
    return _page(request, "preview.html", f"Preview: {doc_id}", doc=found)


@router.post("/documents/{doc_id}/remove")
async def remove_document(request: Request, doc_id: str) -> Response:
    who = _who(request)
    state = _state(request)
    corpus = state.settings.corpus_dir.resolve()
    if not any(r.doc_id == doc_id for r in await run_in_threadpool(document_rows, state.settings)):
        return await documents(request, message=f"No document {doc_id!r}; nothing changed.", error=True)
    removed = [
        p.name
        for p in corpus.iterdir()
        if p.is_file() and p.stem == doc_id and not p.name.startswith(".") and p.suffix != ".yaml"
    ]
    for name in removed:
        (corpus / name).unlink()
    await run_in_threadpool(remove_entry, corpus, doc_id)
    await run_in_threadpool(state.ops.store.audit, who, "remove_document", doc_id=doc_id, files=removed)
    return await documents(request, message=f"Removed {doc_id}. Run “Ingest now” to drop it from answers.")


@router.post("/ingest")
async def ingest_now(request: Request) -> Response:
    who = _who(request)
    state = _state(request)

    def work(job: Job) -> str:
        from ics_assistant.ingest.pipeline import run_ingest

        job.progress = "ingesting"
        embedder = state.embedder()
        report = run_ingest(state.settings, embedder, progress=False)
        state.ops.metrics.ingest_seconds.observe(report.seconds)
        failed = "; ".join(f"{name}: {reason}" for name, reason in report.failed)
        return (
            f"added {len(report.added)}, updated {len(report.updated)}, removed {len(report.removed)}, "
            f"failed {len(report.failed)}{' (' + failed + ')' if failed else ''}; "
            f"{report.chunk_count} chunks in the index, {report.seconds:.1f}s"
        )

    job = state.jobs.start("ingest", work)
    if job is None:
        return await documents(request, message="An ingest is already running.", error=True)
    await run_in_threadpool(state.ops.store.audit, who, "ingest_now")
    return await documents(request, message="Ingest started.")


@router.get("/jobs")
async def jobs(request: Request) -> Response:
    _who(request)
    job = _state(request).jobs.current
    if job is None:
        return JSONResponse({"job": None})
    return JSONResponse(
        {"job": {"kind": job.kind, "progress": job.progress, "ok": job.ok, "result": job.result}}
    )


@router.post("/answers")
async def toggle_answers(request: Request) -> Response:
    who = _who(request)
    state = _state(request)
    enabled = str((await request.form()).get("enabled") or "")
    value = "true" if enabled.strip().lower() == "true" else "false"
    await run_in_threadpool(state.ops.store.set_setting, AnswersSwitch.KEY, value)
    state.ops.switch.forget()
    await run_in_threadpool(state.ops.store.audit, who, "answers_enabled", value=value)
    return await documents(request, message=f"Answers turned {'on' if value == 'true' else 'off'}.")


@router.get("/unanswered", response_class=HTMLResponse)
async def unanswered(request: Request, message: str = "") -> Response:
    _who(request)
    state = _state(request)
    since = datetime.now(UTC) - timedelta(days=UNANSWERED_DAYS)

    def load() -> Any:
        entries = state.ops.store.questions(refused=True, since=since)
        return group_questions(entries, state.embedder()) if entries else []

    groups = await run_in_threadpool(load)
    return _page(
        request,
        "unanswered.html",
        "Unanswered questions",
        groups=groups,
        days=UNANSWERED_DAYS,
        message=message,
    )


@router.post("/unanswered/{entry_id}/draft")
async def draft(request: Request, entry_id: int) -> Response:
    who = _who(request)
    state = _state(request)
    entries = [e for e in state.ops.store.questions(refused=True) if e.id == entry_id]
    if not entries:
        return await unanswered(request, message=f"No logged question {entry_id}.")
    item = draft_eval_item(entries[0])
    state.drafts_path.parent.mkdir(parents=True, exist_ok=True)
    with state.drafts_path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    await run_in_threadpool(state.ops.store.audit, who, "draft_eval_item", entry=entry_id, item=item.id)
    return await unanswered(request, message=f"Draft eval item {item.id} added to {state.drafts_path.name}.")


@router.get("/flagged", response_class=HTMLResponse)
async def flagged(request: Request) -> Response:
    _who(request)
    try:
        passages = await run_in_threadpool(flagged_passages, _state(request).settings)
    except AssistantError as exc:  # a damaged chunk store: said so, no path, no traceback
        return _page(
            request, "flagged.html", "Flagged passages", 503, passages=None, message=str(exc), error=True
        )
    return _page(request, "flagged.html", "Flagged passages", passages=passages)


@router.get("/audit", response_class=HTMLResponse)
async def audit(request: Request) -> Response:
    _who(request)
    entries = await run_in_threadpool(_state(request).ops.store.audit_entries)
    return _page(request, "audit.html", "Audit log", entries=entries)


off_router = APIRouter(include_in_schema=False)


@off_router.api_route("/console{rest:path}", methods=["GET", "POST"])
async def console_off(rest: str) -> Response:
    return JSONResponse({"error": {"code": "not_found", "message": "Not found."}}, status_code=404)


def install_console(app: FastAPI, settings: Settings, ops: Operations) -> None:
    """Mount the console (or, without a maintainer token, a 404 for every ``/console`` path)."""
    if not settings.maintainer_token:
        app.include_router(off_router)
        return
    app.state.console = ConsoleState(
        settings, ops, ConsoleAuth(settings.maintainer_token), _default_embedder(settings)
    )
    app.include_router(router)
    from ics_assistant.console.eval_routes import eval_router

    app.include_router(eval_router)

    async def unauthorised(request: Request, exc: Exception) -> Response:
        return _page(
            request,
            "signin.html",
            "Sign in needed",
            401,
            message="Sign in with the maintainer token to use the console.",
            error=True,
        )

    app.add_exception_handler(_UnauthorisedError, unauthorised)
