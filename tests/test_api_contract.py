"""The API against its own OpenAPI document: schemathesis, all phases, >= 150 examples per operation.

No response may be a 5xx, and every status code must be one the document lists. The assistant is
the deterministic fake (``web_fixtures.FakeAssistant``) so the run stays fast; the app, its
validation, middleware and error handlers are the real ones.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from ics_assistant.api.app import create_app
from ics_assistant.config import Settings

from .conftest import CORPUS
from .web_fixtures import FakeAssistant

_DATA = Path(tempfile.mkdtemp(prefix="ics-contract-"))  # the feedback store writes here
atexit.register(shutil.rmtree, _DATA, True)


def _app() -> object:
    config = Settings(data_dir=_DATA, corpus_dir=CORPUS, rate_limit=0, allowed_hosts="*", _env_file=None)  # type: ignore[call-arg]
    return create_app(config, FakeAssistant())


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors_and_only_documented_statuses(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance])


def test_other_methods_get_405_with_allow_in_the_envelope(settings: Settings) -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app(settings, FakeAssistant())) as client:
        for method in ("HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"):
            r = client.request(method, "/api/chat")
            assert r.status_code == 405, method
            assert r.headers["Allow"] == "POST"
            if method != "HEAD":
                assert r.json()["error"]["code"] == "method_not_allowed"
        assert client.request("HEAD", "/api/health").headers["Allow"] == "GET"
        assert client.request("OPTIONS", "/v1/models").json()["error"]["status"] == 405
        assert client.request("TRACE", "/api/nope").status_code == 404


def test_the_schema_says_what_the_server_accepts() -> None:
    document = schema.raw_schema
    message = document["components"]["schemas"]["ChatRequest"]["properties"]["message"]
    assert message["minLength"] == 1 and message["pattern"] == r"\S"
    rating = document["components"]["schemas"]["FeedbackRequest"]["properties"]["rating"]
    assert rating["enum"] == [1, -1]
    for path, method in (("/api/chat", "post"), ("/api/feedback", "post"), ("/v1/chat/completions", "post")):
        assert "400" in document["paths"][path][method]["responses"], path
