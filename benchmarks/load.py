"""Load benchmark: N concurrent clients against ``POST /api/chat`` on loopback.

Starts the real server (``ics-assistant serve``, rate limit off) on the project corpus in a
subprocess on a random port, then measures in the same run:

1. the single-client baseline (one client, requests back to back), and
2. N concurrent clients (default 20) for a bounded time,

and prints JSON: requests/s, mean / p50 / p95 latency and errors under load, the single-client
requests/s and p50, and the ratios the targets are stated in (throughput vs single client, p95
vs mean). Usage::

    python benchmarks/load.py [--clients 20] [--seconds 20] [--baseline-seconds 8]

``ICS_DATA_DIR`` picks the index (the server ingests the corpus first if there is none).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "What is an integrated care system?",
    "When were the 42 ICSs established on a statutory basis?",
    "Which areas were announced in the final 13 ICS areas?",
    "Why are integrated care systems needed?",
    "What does an integrated care system mean for people who use services?",
    "What about frontline staff?",
    "Who leads an integrated care system?",
    "What did the consultation response say about ICS boards?",
    "When did our system become an ICS?",
    "What is the best recipe for lasagne?",  # a refusal is a normal answer too
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, log_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ICS_RATE_LIMIT": "0", "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    exe = Path(sys.executable).with_name("ics-assistant")
    cmd = [str(exe), "serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log_path.open("wb"), stderr=subprocess.STDOUT)


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout_s: float = 600) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            r = httpx.get(f"{url}/api/health", timeout=5)
            if r.status_code == 200:
                return dict(r.json())
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise RuntimeError("server did not become ready")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


async def run_clients(url: str, clients: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(i: int, http: httpx.AsyncClient) -> None:
        n = i
        while time.monotonic() < stop_at:
            q = QUESTIONS[n % len(QUESTIONS)]
            n += 1
            t0 = time.perf_counter()
            try:
                r = await http.post(f"{url}/api/chat", json={"message": q})
                ok = r.status_code == 200 and "text" in r.json()
                statuses[str(r.status_code)] += 1
            except httpx.HTTPError as exc:
                ok = False
                statuses[type(exc).__name__] += 1
            if ok:
                latencies.append(time.perf_counter() - t0)

    started = time.monotonic()
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        await asyncio.gather(*(client(i, http) for i in range(clients)))
    elapsed = time.monotonic() - started
    total = sum(statuses.values())
    errors = total - len(latencies)
    ms = [x * 1000 for x in latencies]
    return {
        "clients": clients,
        "seconds": round(elapsed, 2),
        "requests": total,
        "errors": errors,
        "statuses": dict(statuses),
        "requests_per_s": round(len(latencies) / elapsed, 2),
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "max_ms": round(max(ms), 1) if ms else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0, help="duration of the concurrent phase")
    parser.add_argument(
        "--baseline-seconds", type=float, default=8.0, help="duration of the single-client phase"
    )
    parser.add_argument("--warmup", type=int, default=5, help="requests before measuring")
    args = parser.parse_args()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = REPO / "artifacts" / "load-server.log"
    log_path.parent.mkdir(exist_ok=True)
    proc = start_server(port, log_path)
    try:
        started = time.monotonic()
        health = wait_ready(url, proc)
        startup_s = time.monotonic() - started
        for q in QUESTIONS[: args.warmup]:
            httpx.post(f"{url}/api/chat", json={"message": q}, timeout=60).raise_for_status()
        # the baseline is measured before and after the load phase and the faster of the two is
        # used, so a noisy (shared) machine cannot flatter the ratio
        before = asyncio.run(run_clients(url, 1, args.baseline_seconds / 2))
        load = asyncio.run(run_clients(url, args.clients, args.seconds))
        after = asyncio.run(run_clients(url, 1, args.baseline_seconds / 2))
        single = max(before, after, key=lambda r: r["requests_per_s"])
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    speedup = load["requests_per_s"] / single["requests_per_s"] if single["requests_per_s"] else 0.0
    p95_over_mean = load["p95_ms"] / load["mean_ms"] if load["mean_ms"] else 0.0
    report = {
        "server": {
            "startup_s": round(startup_s, 1),
            "documents": health.get("documents"),
            "chunks": health.get("chunks"),
            "generator": health.get("generator"),
            "cpu_count": os.cpu_count(),
        },
        "single_client": {
            k: single[k] for k in ("requests", "requests_per_s", "mean_ms", "p50_ms", "p95_ms", "errors")
        },
        "single_client_rps_before_after": [before["requests_per_s"], after["requests_per_s"]],
        "under_load": load,
        "throughput_vs_single": round(speedup, 2),
        "p95_over_mean": round(p95_over_mean, 2),
        "targets": {
            "zero_errors": load["errors"] == 0,
            "throughput_at_least_1_5x_single": speedup >= 1.5,
            "p95_at_most_2x_mean": p95_over_mean <= 2.0,
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
