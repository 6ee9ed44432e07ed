"""Probe: the attacks of issue 9 against the real server app (real index of the shipped corpus).

Lone surrogates and control characters in every text field, booleans as ratings, odd methods,
a foreign Host (DNS rebinding), uploads, forwarded-header rotation against the rate limit, and
relay headers claiming staff. Each is one PASS/FAIL line; nothing may be a 5xx or a traceback.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _probe import Probe  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from ics_assistant.api.app import create_app  # noqa: E402
from ics_assistant.config import Settings  # noqa: E402

S = "\\ud800"


def body(template: str) -> str:
    """``template`` with ``@`` replaced by the JSON escape of a lone surrogate."""
    return template.replace("@", S)


JSON = {"Content-Type": "application/json"}
HOST = {"Host": "127.0.0.1:7860"}


def main() -> int:
    probe = Probe("http_probes")
    with tempfile.TemporaryDirectory(prefix="ics-probe-") as tmp:
        settings = Settings(  # type: ignore[call-arg]
            data_dir=Path(tmp) / "data", corpus_dir=REPO / "corpus", rate_limit=12, _env_file=None
        )
        with TestClient(create_app(settings), base_url="http://127.0.0.1:7860") as client:
            raw = {
                "chat": ("/api/chat", body('{"message": "ICS @"}')),
                "stream": ("/api/chat/stream", body('{"message": "@"}')),
                "v1": ("/v1/chat/completions", body('{"messages": [{"role": "user", "content": "@"}]}')),
                "feedback": (
                    "/api/feedback",
                    body('{"question": "q", "answer": {"text": "@"}, "rating": 1}'),
                ),
                "rating true": (
                    "/api/feedback",
                    '{"question": "q", "answer": {"text": "a"}, "rating": true}',
                ),
            }
            for what, (path, text) in raw.items():
                r = client.post(path, content=text.encode(), headers={**JSON, "X-Forwarded-For": what})
                probe.check(f"{what}: 422, not a 5xx", r.status_code == 422, r.status_code)
            r = client.post("/api/chat", json={"message": "What is an ICS?\x00\x1b"})
            probe.check("control characters: answered", r.status_code == 200, r.status_code)
            for method in ("HEAD", "OPTIONS", "TRACE"):
                r = client.request(method, "/api/chat")
                probe.check(
                    f"{method}: 405 with Allow", r.status_code == 405 and "Allow" in r.headers, r.status_code
                )
            r = client.get("/api/health", headers={"Host": "rebind.evil.example"})
            probe.check("foreign Host: refused", r.status_code == 421, r.status_code)
            r = client.post("/gradio_api/upload", files={"files": ("x.bin", b"A" * 100_000)})
            probe.check("uploads: off", r.status_code == 404, r.status_code)
            spoof = {
                "CF-Connecting-IP": "127.0.0.1",
                "X-Forwarded-Host": "localhost",
                "True-Client-IP": "::1",
            }
            r = client.post(
                "/api/chat", json={"message": "What is an ICS?", "audience": "staff"}, headers=spoof
            )
            probe.check("relay headers do not make staff", r.status_code == 403, r.status_code)
            codes = [
                client.post(
                    "/api/chat",
                    json={"message": "What is an ICS?"},
                    headers={"X-Forwarded-For": f"10.0.0.{i}"},
                ).status_code
                for i in range(15)
            ]
            probe.check(
                "rotating X-Forwarded-For does not escape the limit", 200 in codes and 429 in codes, codes
            )
            probe.check("no 5xx anywhere", all(c < 500 for c in codes))
    return probe.finish()


if __name__ == "__main__":
    raise SystemExit(main())
