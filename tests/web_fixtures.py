"""Fixtures for the web tests: a fake assistant over the real corpus text, and a live server.

``FakeAssistant`` satisfies ``ics_assistant.api.service.AssistantLike``. It answers with the
corpus paragraph that shares most words with the question, quoting its best sentence with a
``[1]`` citation (offsets into the real document text), and refuses with NHS 111 / 999
signposting when nothing matches. It streams word by word like the real one.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
import yaml

from ics_assistant.types import Answer, Audience, Citation, Source, Turn

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"

_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = (
    "a an the of to and or in on for is are was were be been by with that this it as at from what when "
    "who which how why do does did about ics icss me tell you can i my"
)
_STOP = frozenset(_STOP_WORDS.split(" "))
REFUSAL = (
    "I can't answer that from the documents I have. For health needs contact NHS 111, "
    "or call 999 in an emergency."
)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP and (len(w) > 2 or w.isdigit())}


@dataclass(frozen=True)
class _Para:
    doc_id: str
    title: str
    date: str | None
    text: str
    start: int


def _load_paragraphs(corpus: Path) -> list[_Para]:
    manifest = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
    paras: list[_Para] = []
    for path in sorted(corpus.glob("*.txt")):
        meta = manifest.get(path.stem, {})
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
            if len(m.group()) > 80:
                paras.append(
                    _Para(path.stem, meta.get("title", path.stem), meta.get("date"), m.group(), m.start())
                )
    return paras


@dataclass
class FakeAssistant:
    """Deterministic stand-in for ``Assistant``; ``.calls`` records (question, history, audience)."""

    delay_s: float = 0.0  # per streamed word / per answer, to make streaming and concurrency visible
    calls: list[tuple[str, tuple[Turn, ...], str]] = field(default_factory=list)
    paragraphs: list[_Para] = field(default_factory=lambda: _load_paragraphs(CORPUS))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def health(self) -> dict[str, Any]:
        return {
            "index_loaded": True,
            "documents": len({p.doc_id for p in self.paragraphs}),
            "chunks": len(self.paragraphs),
        }

    def _answer(self, question: str, history: Sequence[Turn], audience: Audience) -> Answer:
        with self.lock:
            self.calls.append((question, tuple(history), audience))
        q = _words(question)
        best: tuple[int, int, re.Match[str]] | None = None  # (overlap, paragraph, sentence)
        for i, p in enumerate(self.paragraphs):
            for m in re.finditer(r"[^.!?\n]+[.!?]?", p.text):
                overlap = len(q & _words(m.group()))
                if overlap and (best is None or overlap > best[0]):
                    best = (overlap, i, m)
        if best is None or best[0] * 2 < len(q):  # fewer than half the question's words
            return Answer(
                text=REFUSAL,
                refused=True,
                refusal_reason="not_in_sources",
                question=question,
                generator="fake",
                audience=audience,
            )
        para = self.paragraphs[best[1]]
        quote = best[2].group().strip()
        start = para.start + best[2].start() + (len(best[2].group()) - len(best[2].group().lstrip()))
        citation = Citation(
            n=1,
            doc_id=para.doc_id,
            title=para.title,
            date=para.date,
            chunk_id=f"{para.doc_id}:{para.start}",
            quote=quote,
            start=start,
            end=start + len(quote),
        )
        source = Source(
            doc_id=para.doc_id,
            chunk_id=citation.chunk_id,
            text=para.text,
            score=float(best[0]),
            rank=1,
            title=para.title,
            date=para.date,
            start=para.start,
            end=para.start + len(para.text),
        )
        return Answer(
            text=f"{quote} [1]",
            citations=(citation,),
            sources=(source,),
            question=question,
            condensed_question=question,
            generator="fake",
            audience=audience,
            timings_ms={"total": 1.0},
        )

    def ask(self, question: str, history: Sequence[Turn] = (), audience: Audience = "public") -> Answer:
        if self.delay_s:
            time.sleep(self.delay_s)
        return self._answer(question, history, audience)

    def stream(
        self, question: str, history: Sequence[Turn] = (), audience: Audience = "public"
    ) -> Iterator[str | Answer]:
        answer = self._answer(question, history, audience)
        for i, word in enumerate(answer.text.split(" ")):
            if self.delay_s:
                time.sleep(self.delay_s)
            yield word if i == 0 else " " + word
        yield answer


class LiveServer:
    """Runs an ASGI app with uvicorn in a thread on a random loopback port."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="on", proxy_headers=False)  # as `serve`
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


class StaticSite:
    """A tiny static web server on its own random loopback port (another origin for the widget)."""

    def __init__(self) -> None:
        import http.server

        self.pages: dict[str, bytes] = {}
        pages = self.pages

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = pages.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body or b"not found")

            def log_message(self, *args: object) -> None:
                return None

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def set_page(self, path: str, html: str) -> None:
        self.pages[path] = html.encode()

    def __enter__(self) -> StaticSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def embed_page(api: str) -> str:
    """A host page on another origin embedding the widget with the documented one-line tag."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner site</title></head>'
        f'<body><h1>Partner site</h1><script src="{api}/widget.js" data-api="{api}" defer></script>'
        "</body></html>"
    )


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = REPO / "artifacts"


@pytest.fixture(scope="session")
def real_app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The server with the real assistant, built once per session from an empty data dir (so the
    app's own ingest-first start-up runs) on the project corpus, rate limit off."""
    from ics_assistant.api.app import create_app
    from ics_assistant.config import Settings

    data = tmp_path_factory.mktemp("web-real") / "data"
    settings = Settings(  # type: ignore[call-arg]
        data_dir=data,
        corpus_dir=CORPUS,
        rate_limit=0,
        allowed_hosts="localhost,127.0.0.1,::1,testserver",  # session-wide: before conftest's env
        _env_file=None,
    )
    return create_app(settings)
