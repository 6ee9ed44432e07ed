"""Pytest fixtures for the browser tests: one headless Debian chromium per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from .web_fixtures import BROWSER_ARGS

__all__ = ["browser"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        yield b
        b.close()
