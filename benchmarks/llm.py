"""LLM generator benchmark: prints JSON.

1. SmolLM2-135M (llama.cpp, the ``llamacpp`` default) answering the grounded prompt built from real
   corpus passages: load time, time to first token, decode tokens/s, and the share of a reply's
   time spent before the first token (prompt processing).
2. The ``openai`` path's own overhead: ``OpenAIChatModel`` (LangChain ``ChatOpenAI.stream``)
   against the bare ``openai`` client, both streaming the same scripted reply from the loopback
   stub server; reported as a ratio (baseline: the bare client, same run).
3. ``--compare-wait-policy``: SmolLM2 with OpenMP's default waiting vs ``OMP_WAIT_POLICY=PASSIVE``.

    .venv/bin/python benchmarks/llm.py [--runs 5] [--max-tokens 64] [--skip-llamacpp] [--compare-wait-policy]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ics_assistant.answering.llm_answer import grounded_messages  # noqa: E402
from ics_assistant.config import Settings  # noqa: E402
from ics_assistant.sentences import split_sentences  # noqa: E402
from ics_assistant.types import Chunk, Hit  # noqa: E402
from tests.openai_stub import OpenAIStub  # noqa: E402

QUESTION = "When did integrated care systems become statutory?"


def corpus_hits(n: int = 5, chars: int = 900) -> list[Hit]:
    """``n`` passages of about ``chars`` characters from the corpus documents (like retrieved chunks)."""
    hits: list[Hit] = []
    for path in sorted((REPO / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for start in range(0, len(text) - chars, chars):
            piece = text[start : start + chars]
            spans = tuple(split_sentences(piece))
            chunk = Chunk(
                f"{path.stem}#{start}",
                path.stem,
                piece,
                start,
                start + chars,
                title=path.stem,
                sentences=spans,
            )
            hits.append(Hit(chunk, 1.0, len(hits) + 1))
            break
        if len(hits) == n:
            break
    return hits


def bench_llamacpp(runs: int, max_tokens: int) -> dict[str, object]:
    from ics_assistant.backends.llamacpp_chat import LlamaCppChatModel

    settings = Settings(generator="llamacpp", _env_file=None)  # type: ignore[call-arg]
    t = time.perf_counter()
    model = LlamaCppChatModel(settings)
    load_s = time.perf_counter() - t
    messages = grounded_messages(QUESTION, corpus_hits(), ())
    prompt_tokens = len(model._llama.tokenize(json.dumps(messages).encode()))
    ttft, decode_tps, totals, prefill_share = [], [], [], []
    for i in range(runs):
        # vary the start of the user message: llama.cpp reuses the KV cache of a shared prefix, so
        # only the system prompt is reused (as in real use, where the sources change per question)
        msgs = [messages[0], {"role": "user", "content": f"(run {i}) " + messages[1]["content"]}]
        t0 = time.perf_counter()
        first = None
        n = 0
        for _ in model.stream_chat(msgs, max_tokens=max_tokens):
            n += 1
            if first is None:
                first = time.perf_counter() - t0
        total = time.perf_counter() - t0
        assert first is not None
        ttft.append(first)
        totals.append(total)
        decode_tps.append((n - 1) / (total - first) if n > 1 and total > first else 0.0)
        prefill_share.append(first / total)
    return {
        "model": model.name,
        "load_s": round(load_s, 3),
        "prompt_tokens_approx": prompt_tokens,
        "max_tokens": max_tokens,
        "ttft_s_p50": round(statistics.median(ttft), 3),
        "decode_tokens_per_s_p50": round(statistics.median(decode_tps), 1),
        "reply_s_p50": round(statistics.median(totals), 3),
        "prefill_share_of_reply_p50": round(statistics.median(prefill_share), 3),
    }


def bench_openai_overhead(runs: int) -> dict[str, object]:
    import openai

    from ics_assistant.backends.openai_chat import OpenAIChatModel

    reply = " ".join(["word"] * 200)
    messages = grounded_messages(QUESTION, corpus_hits(), ())
    with OpenAIStub(models=("stub-model",)) as stub:
        settings = Settings(  # type: ignore[call-arg]
            generator="openai", openai_base_url=stub.base_url, openai_model="stub-model", _env_file=None
        )
        ours = OpenAIChatModel(settings)
        bare = openai.OpenAI(base_url=stub.base_url, api_key="k", max_retries=0)

        def via_ours() -> None:
            stub.enqueue(reply)
            assert "".join(ours.stream_chat(messages, max_tokens=300)) == reply

        def via_bare() -> None:
            stub.enqueue(reply)
            stream = bare.chat.completions.create(
                model="stub-model",
                messages=messages,
                stream=True,
                max_tokens=300,  # type: ignore[arg-type]
            )
            text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
            assert text == reply

        times: dict[str, list[float]] = {"bare": [], "ours": []}
        for fn in (via_bare, via_ours):  # warm-up: imports, connections
            fn()
        for _ in range(runs):
            for name, fn in (("bare", via_bare), ("ours", via_ours)):
                t = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - t)
    bare_ms = statistics.median(times["bare"]) * 1000
    ours_ms = statistics.median(times["ours"]) * 1000
    return {
        "reply_deltas": 200,
        "bare_openai_client_ms_p50": round(bare_ms, 2),
        "openai_chat_model_ms_p50": round(ours_ms, 2),
        "ratio_vs_bare_client": round(ours_ms / bare_ms, 2),
    }


def compare_wait_policy(runs: int, max_tokens: int, rounds: int = 2) -> dict[str, object]:
    """llama.cpp with OpenMP's default waiting vs ``OMP_WAIT_POLICY=PASSIVE`` (what the backend
    sets), in child processes, interleaved so both see the same machine load."""
    import os
    import subprocess

    ttft: dict[str, list[float]] = {"default": [], "passive": []}
    reply: dict[str, list[float]] = {"default": [], "passive": []}
    for _ in range(rounds):
        for name, value in (("default", ""), ("passive", "PASSIVE")):
            env = {**os.environ, "OMP_WAIT_POLICY": value}  # "" = libgomp's default; setdefault keeps it
            cmd = [
                sys.executable,
                __file__,
                "--only-llamacpp",
                "--runs",
                str(runs),
                "--max-tokens",
                str(max_tokens),
            ]
            out = json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout)
            ttft[name].append(out["llamacpp"]["ttft_s_p50"])
            reply[name].append(out["llamacpp"]["reply_s_p50"])
    return {
        "rounds": rounds,
        "ttft_s_default": ttft["default"],
        "ttft_s_passive": ttft["passive"],
        "reply_s_p50_ratio_default_over_passive": round(
            statistics.median(reply["default"]) / statistics.median(reply["passive"]), 2
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--skip-llamacpp", action="store_true")
    parser.add_argument("--only-llamacpp", action="store_true")
    parser.add_argument("--compare-wait-policy", action="store_true")
    args = parser.parse_args()
    out: dict[str, object] = {}
    if not args.only_llamacpp:
        out["openai_path"] = bench_openai_overhead(args.runs * 4)
    if not args.skip_llamacpp:
        out["llamacpp"] = bench_llamacpp(args.runs, args.max_tokens)
    if args.compare_wait_policy:
        out["omp_wait_policy"] = compare_wait_policy(args.runs, args.max_tokens)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
