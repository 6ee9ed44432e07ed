"""``/widget.js`` (the resident widget, one self-contained script) and ``/widget-demo``."""

from __future__ import annotations

import html
from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

__all__ = ["demo_page", "router", "widget_script"]

router = APIRouter(tags=["widget"])


def _static(name: str) -> str:
    return resources.files("ics_assistant.api").joinpath("static", name).read_text(encoding="utf-8")


def widget_script() -> str:
    return _static("widget.js")


def demo_page(api_base: str) -> str:
    """The demo host page embedding the widget from ``api_base`` (hostile CSS included)."""
    base = html.escape(api_base.rstrip("/"), quote=True)
    return _static("widget-demo.html").replace("{{API_BASE}}", base)


@router.get("/widget.js", include_in_schema=False)
async def widget_js() -> Response:
    return Response(
        widget_script(),
        media_type="application/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
    )


@router.get("/widget-demo", include_in_schema=False)
async def widget_demo(request: Request) -> HTMLResponse:
    return HTMLResponse(demo_page(str(request.base_url)))
