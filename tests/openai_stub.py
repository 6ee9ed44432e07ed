"""A small OpenAI-compatible HTTP server for tests: scripted replies, recorded requests.

It listens on 127.0.0.1 on a port the OS picks (so parallel test runs never collide) and serves
``POST /v1/chat/completions`` (streaming as Server-Sent Events, or one JSON response) and
``GET /v1/models``, like vLLM, Ollama or llama.cpp's server. Use it as a context manager::

    with OpenAIStub(models=("stub-model",)) as stub:
        stub.enqueue("Hello [1].")
        settings = Settings(openai_base_url=stub.base_url, openai_model="stub-model", ...)
        ...
        stub.requests[0].body["messages"]

An unknown model gets vLLM's 404; ``enqueue_error`` scripts any other failure; ``delay_s``
makes the server slow (for timeout tests). ``enqueue_fn`` scripts a reply computed from the
request body when it arrives (a stand-in model that answers from the sources in its prompt, as
``tests/planted.py`` does for the support benchmark); ``replies`` records what was sent back.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["OpenAIStub", "RecordedRequest"]


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass(frozen=True)
class _Scripted:
    text: str = ""
    status: int = 200
    error: str = ""
    fn: Callable[[dict[str, Any]], str] | None = None


@dataclass
class _State:
    models: tuple[str, ...]
    replies: deque[_Scripted] = field(default_factory=deque)
    requests: list[RecordedRequest] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    delay_s: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _words(text: str) -> list[str]:
    """Stream the reply word by word (each delta keeps its leading space), like a real server."""
    parts = text.split(" ")
    return [p if i == 0 else " " + p for i, p in enumerate(parts)]


class _Handler(BaseHTTPRequestHandler):
    server_version = "OpenAIStub/1.0"
    state: _State  # set on the subclass made per server

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        return

    def handle(self) -> None:
        # the client may hang up (a timeout test, or a stream closed early): expected, not an error
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def _record(self, body: dict[str, Any]) -> None:
        with self.state.lock:
            self.state.requests.append(
                RecordedRequest(
                    self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body
                )
            )

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str) -> None:
        kind = {401: "AuthenticationError", 404: "NotFoundError"}.get(status, "InternalServerError")
        self._json(status, {"error": {"message": message, "type": kind, "param": None, "code": status}})

    def do_GET(self) -> None:
        self._record({})
        if self.path.rstrip("/") == "/v1/models":
            data = [{"id": m, "object": "model", "owned_by": "stub"} for m in self.state.models]
            self._json(200, {"object": "list", "data": data})
        else:
            self._error(404, f"no route {self.path}")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._record({"_raw": raw.decode(errors="replace")})
            self._error(400, "body is not JSON")
            return
        self._record(body)
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._error(404, f"no route {self.path}")
            return
        if self.state.delay_s:
            time.sleep(self.state.delay_s)
        model = str(body.get("model", ""))
        if model not in self.state.models:
            self._error(404, f"The model `{model}` does not exist.")
            return
        with self.state.lock:
            scripted = self.state.replies.popleft() if self.state.replies else _Scripted()
        if scripted.status != 200:
            self._error(scripted.status, scripted.error)
            return
        if scripted.fn is not None:
            scripted = _Scripted(text=scripted.fn(body))
        with self.state.lock:
            self.state.sent.append(scripted.text)
        if body.get("stream"):
            self._stream(
                model,
                scripted.text,
                include_usage=bool((body.get("stream_options") or {}).get("include_usage")),
            )
        else:
            self._json(200, self._completion(model, scripted.text))

    def _completion(self, model: str, text: str) -> dict[str, Any]:
        return {
            "id": "chatcmpl-stub",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": len(_words(text)), "total_tokens": 1},
        }

    def _stream(self, model: str, text: str, *, include_usage: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()

        def event(delta: dict[str, Any], finish: str | None = None) -> None:
            chunk = {
                "id": "chatcmpl-stub",
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()

        event({"role": "assistant", "content": ""})
        for word in _words(text) if text else []:
            event({"content": word})
        event({}, "stop")
        if include_usage:
            usage = {"prompt_tokens": 1, "completion_tokens": len(_words(text)), "total_tokens": 1}
            chunk = {
                "id": "chatcmpl-stub",
                "object": "chat.completion.chunk",
                "model": model,
                "choices": [],
                "usage": usage,
            }
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()


class OpenAIStub:
    """The server; ``start()``/``stop()`` or ``with OpenAIStub() as stub``."""

    def __init__(self, models: tuple[str, ...] = ("stub-model",), *, delay_s: float = 0.0) -> None:
        self._state = _State(models=models, delay_s=delay_s)
        handler = type("Handler", (_Handler,), {"state": self._state})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="openai-stub", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._state.lock:
            return list(self._state.requests)

    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.rstrip("/") == "/v1/chat/completions"]

    def enqueue(self, text: str) -> None:
        with self._state.lock:
            self._state.replies.append(_Scripted(text=text))

    def enqueue_fn(self, fn: Callable[[dict[str, Any]], str]) -> None:
        """The next reply is ``fn(request_body)``, computed when the request arrives."""
        with self._state.lock:
            self._state.replies.append(_Scripted(fn=fn))

    def clear_queue(self) -> None:
        """Forget the scripted replies not yet used."""
        with self._state.lock:
            self._state.replies.clear()

    @property
    def replies(self) -> list[str]:
        """The reply texts sent so far (scripted or computed), in order."""
        with self._state.lock:
            return list(self._state.sent)

    def enqueue_error(self, status: int, message: str) -> None:
        with self._state.lock:
            self._state.replies.append(_Scripted(status=status, error=message))

    def start(self) -> OpenAIStub:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> OpenAIStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
