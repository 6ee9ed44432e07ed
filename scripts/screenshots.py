"""Refresh the README screenshots from the real assistant: ``python scripts/screenshots.py``.

Starts the server (real index under ``ICS_DATA_DIR``; ingests first if there is none) on a random
loopback port, asks real questions in the resident widget (on ``/widget-demo``) and in the staff
chat (signing in first when ``ICS_STAFF_TOKEN`` is set) with Debian's chromium, and writes
``docs/widget.png`` and ``docs/staff-chat.png`` (copies under ``artifacts/``).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn
from PIL import Image
from playwright.sync_api import Page, expect, sync_playwright

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings, quiet_third_parties

REPO = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDGET_QUESTION = "When were the 42 ICSs established on a statutory basis?"
STAFF_QUESTION = "What is an integrated care system?"


def widget_shot(page: Page, url: str, out: Path) -> None:
    page.goto(url + "/widget-demo")
    page.get_by_role("button", name="Ask about ICSs").click()
    page.get_by_label("Your question about Integrated Care Systems").fill(WIDGET_QUESTION)
    page.keyboard.press("Enter")
    summary = page.locator(".msg.bot details summary").first
    expect(summary).to_be_visible(timeout=60_000)
    summary.click()
    page.wait_for_timeout(300)
    page.screenshot(path=str(out))


def staff_shot(page: Page, url: str, out: Path, token: str | None) -> None:
    page.goto(url + "/", wait_until="load")
    if token:  # ICS_STAFF_TOKEN is set: sign in as staff first
        page.get_by_label("Username").fill("staff")
        page.get_by_label("Password").fill(token)
        page.get_by_role("button", name="Login").click()
    expect(page.locator("#ics-question textarea")).to_be_visible(timeout=60_000)
    page.locator("#ics-question textarea").fill(STAFF_QUESTION)
    page.locator("#ics-ask").click()
    expect(page.locator("#ics-sources mark").first).to_be_visible(timeout=60_000)
    page.wait_for_timeout(800)
    page.screenshot(path=str(out))


def main() -> None:
    quiet_third_parties()
    settings = Settings().model_copy(update={"rate_limit": 0, "loopback_is_staff": True})  # local tool
    app = create_app(settings)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.1)
    artifacts = REPO / "artifacts"
    artifacts.mkdir(exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            widget_shot(
                browser.new_page(viewport={"width": 960, "height": 720}), url, artifacts / "widget.png"
            )
            staff_shot(
                browser.new_page(viewport={"width": 1280, "height": 860}),
                url,
                artifacts / "staff-chat.png",
                settings.staff_token,
            )
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    for name in ("widget.png", "staff-chat.png"):
        # a 256-colour palette keeps the committed PNGs small
        Image.open(artifacts / name).convert("RGB").quantize(256).save(REPO / "docs" / name, optimize=True)
        print(f"docs/{name}")


if __name__ == "__main__":
    main()
