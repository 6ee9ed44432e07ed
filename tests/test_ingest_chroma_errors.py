"""A failing Chroma backend surfaces as an actionable ``BackendError`` from every
``ChromaStore`` call (not a library traceback), and as a 503 from ``/api/health``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from fastapi.testclient import TestClient

from ics_assistant.api.app import create_app
from ics_assistant.backends.chroma_store import ChromaStore
from ics_assistant.config import Settings
from ics_assistant.errors import BackendError

from .web_fixtures import FakeAssistant


class Unreachable:
    """Stands in for a Chroma client or collection whose server went away."""

    def __getattr__(self, name: str) -> Callable[..., Any]:
        def fail(*args: object, **kwargs: object) -> Any:
            raise httpx.ConnectError("[Errno 111] Connection refused")

        return fail


def _store(tmp_path: Path, *, cached: bool) -> ChromaStore:
    settings = Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
    store = ChromaStore(settings)
    store.client = Unreachable()
    if cached:  # handles opened before the failure
        store._collections = {"public": Unreachable(), "staff": Unreachable()}
    return store


CALLS: dict[str, Callable[[ChromaStore], object]] = {
    "ids": lambda s: s.ids("public"),
    "count": lambda s: s.count("staff"),
    "add": lambda s: s.add("public", ["a:0"], np.ones((1, 4), dtype=np.float32), ["a"]),
    "delete": lambda s: s.delete("staff", ["a:0"]),
    "drop_all": lambda s: s.drop_all(),
}


@pytest.mark.parametrize("cached", [False, True])
@pytest.mark.parametrize("call", sorted(CALLS))
def test_every_store_call_wraps_backend_failures(tmp_path: Path, call: str, cached: bool) -> None:
    store = _store(tmp_path, cached=cached)
    with pytest.raises(BackendError) as info:
        CALLS[call](store)
    message = str(info.value)
    assert store.location in message and "Connection refused" in message
    assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_health_reports_an_unreachable_store_as_503(
    tmp_path: Path, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    store = _store(tmp_path, cached=True)

    def status() -> dict[str, Any]:
        return {"index_loaded": True, "chunks": store.count("public")}

    with TestClient(create_app(settings, FakeAssistant(), status=status)) as client:
        r = client.get("/api/health")
    assert r.status_code == 503
    error = r.json()["error"]
    assert error["code"] == "backend_unavailable"
    assert store.location not in r.text  # the public is not told where the data lives
    assert store.location in caplog.text  # the maintainers are
