"""Abuse benchmark: good clients keep being answered while an attacker sends malformed requests.

Starts the real server (``ics-assistant serve`` on loopback, a random port, rate limit off so
only isolation is measured, not the limiter) and, for a bounded time, runs N good clients
(default 20) asking ordinary questions on ``/api/chat``, ``/api/chat/stream`` and
``/v1/chat/completions`` while one attacker sends, flat out and concurrently, the malformed
requests of issue 9: lone surrogates (chat, stream, /v1, feedback), control characters, invalid
JSON, oversized bodies, odd methods, booleans as ratings, foreign Host headers. Prints JSON:
the good clients' requests and failures (target 0), the attacker's request count and statuses
(any 5xx is reported), and latency. Usage::

    python benchmarks/abuse.py [--clients 20] [--seconds 20] [--out artifacts/abuse.json]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit, machine_label
from load import QUESTIONS, REPO, free_port, percentile, start_server, wait_ready

SURROGATE = '"\\ud800"'


def attacks(url: str) -> list[tuple[str, str, dict[str, str], bytes]]:
    """(method, url, headers, raw body) for each malformed request, sent in a loop."""
    js = {"Content-Type": "application/json"}
    surrogate_chat = b'{"message": "ICS ' + SURROGATE[1:-1].encode() + b'"}'
    return [
        ("POST", f"{url}/api/chat", js, surrogate_chat),
        ("POST", f"{url}/api/chat/stream", js, surrogate_chat),
        (
            "POST",
            f"{url}/v1/chat/completions",
            js,
            b'{"messages":[{"role":"user","content":' + SURROGATE.encode() + b"}]}",
        ),
        (
            "POST",
            f"{url}/api/feedback",
            js,
            b'{"question":"q","answer":{"text":' + SURROGATE.encode() + b'},"rating":1}',
        ),
        ("POST", f"{url}/api/feedback", js, b'{"question":"q","answer":{"text":"a"},"rating":true}'),
        ("POST", f"{url}/api/chat", js, json.dumps({"message": "ICS\x00\x1b\u202e boards?"}).encode()),
        ("POST", f"{url}/api/chat", js, b'{"message": '),
        ("POST", f"{url}/api/chat", js, b"[1, 2, 3]"),
        ("POST", f"{url}/api/chat", js, json.dumps({"message": "x" * 50_000}).encode()),
        ("POST", f"{url}/api/chat", js, b"{" + b" " * 300_000 + b"}"),
        ("TRACE", f"{url}/api/chat", {}, b""),
        ("OPTIONS", f"{url}/v1/chat/completions", {}, b""),
        ("GET", f"{url}/api/health", {"Host": "rebind.evil.example"}, b""),
        ("POST", f"{url}/gradio_api/upload", {"Content-Type": "application/octet-stream"}, b"A" * 100_000),
    ]


async def good_client(i: int, http: httpx.AsyncClient, url: str, stop_at: float, out: dict[str, Any]) -> None:
    n = i
    while time.monotonic() < stop_at:
        q = QUESTIONS[n % len(QUESTIONS)]
        kind = n % 3
        n += 1
        t0 = time.perf_counter()
        try:
            if kind == 0:
                r = await http.post(f"{url}/api/chat", json={"message": q})
                ok = r.status_code == 200 and "text" in r.json()
            elif kind == 1:
                r = await http.post(f"{url}/api/chat/stream", json={"message": q})
                ok = r.status_code == 200 and "event: answer" in r.text and "event: error" not in r.text
            else:
                body = {"messages": [{"role": "user", "content": q}]}
                r = await http.post(f"{url}/v1/chat/completions", json=body)
                ok = r.status_code == 200 and r.json()["choices"][0]["message"]["content"]
            status = str(r.status_code)
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            ok, status = False, type(exc).__name__
        out["statuses"][status] += 1
        if ok:
            out["latencies"].append(time.perf_counter() - t0)
        else:
            out["failures"] += 1


async def attacker(http: httpx.AsyncClient, url: str, stop_at: float, out: Counter[str], lanes: int) -> None:
    plan = attacks(url)

    async def lane(offset: int) -> None:
        for method, target, headers, body in itertools.islice(itertools.cycle(plan), offset, None):
            if time.monotonic() >= stop_at:
                return
            try:
                r = await http.request(method, target, headers=headers, content=body or None)
                out[str(r.status_code)] += 1
            except httpx.HTTPError as exc:
                out[type(exc).__name__] += 1

    await asyncio.gather(*(lane(k) for k in range(lanes)))


async def run(url: str, clients: int, seconds: float, lanes: int) -> dict[str, Any]:
    good: dict[str, Any] = {"statuses": Counter(), "latencies": [], "failures": 0}
    bad: Counter[str] = Counter()
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients + lanes, max_keepalive_connections=clients + lanes)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        await asyncio.gather(
            *(good_client(i, http, url, stop_at, good) for i in range(clients)),
            attacker(http, url, stop_at, bad, lanes),
        )
    ms = [x * 1000 for x in good["latencies"]]
    total = sum(good["statuses"].values())
    return {
        "good_clients": clients,
        "good_requests": total,
        "good_failures": good["failures"],
        "good_statuses": dict(good["statuses"]),
        "good_p50_ms": round(percentile(ms, 0.5), 1),
        "good_p95_ms": round(percentile(ms, 0.95), 1),
        "good_mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "attacker_lanes": lanes,
        "attacker_requests": sum(bad.values()),
        "attacker_statuses": dict(bad),
        "attacker_5xx": sum(v for k, v in bad.items() if k.startswith("5")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--lanes", type=int, default=4, help="concurrent attacker connections")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = REPO / "artifacts" / "abuse-server.log"
    log_path.parent.mkdir(exist_ok=True)
    proc = start_server(port, log_path)
    try:
        health = wait_ready(url, proc)
        for q in QUESTIONS[:3]:
            httpx.post(f"{url}/api/chat", json={"message": q}, timeout=60).raise_for_status()
        result = asyncio.run(run(url, args.clients, args.seconds, args.lanes))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    log = log_path.read_text(encoding="utf-8", errors="replace")
    result.update(
        machine=machine_label(),
        chunks=health.get("chunks"),
        seconds=args.seconds,
        server_tracebacks=log.count("Traceback"),
        target_zero_good_failures=result["good_failures"] == 0,
    )
    emit(result, args.out)


if __name__ == "__main__":
    main()
