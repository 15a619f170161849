"""Endpoint client throughput: idprobe's OpenAIBackend vs a raw aiohttp loop vs the official SDK.

Starts ``bench/stub_server.py`` in its own process (so the server does not share the client's
core), then for n=1 and n=8 sends a fixed number of requests at the same concurrency through each
client and prints requests/s and completions/s, with the ratios harness/raw (target >= 0.8) and
harness/openai. The harness parses responses with orjson; ``raw-orjson`` is the raw loop with the
same parser, so harness/raw-orjson is the cost of the harness's own bookkeeping (records, token
split, retries, queue). Every measurement is bounded by ``--requests`` and ``--time-cap``.

    /work/venv/bin/python bench/bench_endpoint.py --requests 6000 --concurrency 64
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any
from contextlib import aclosing
from pathlib import Path

import aiohttp
import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.backends import create_backend  # noqa: E402
from harness.records import GenRequest, Message, SamplingParams  # noqa: E402
from harness.target import Target  # noqa: E402

MODEL = "stub-model"
MESSAGES = [{"role": "user", "content": "Who are you? Answer in one sentence."}]
WARMUP = 200


def start_stub(max_seconds: float) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "stub_server.py"), "--max-seconds", str(max_seconds)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    line = proc.stdout.readline() if proc.stdout else ""
    if not line.startswith("PORT "):
        proc.kill()
        raise RuntimeError(f"stub server did not start: {line!r}")
    return proc, f"http://127.0.0.1:{int(line.split()[1])}/v1"


async def _workers(total: int, concurrency: int, cap_s: float, one: Callable[[], Awaitable[int]]) -> tuple[int, int]:
    """Run ``one`` ``total`` times over ``concurrency`` workers; stop early at ``cap_s``."""
    state = {"left": total, "requests": 0, "completions": 0}
    deadline = time.perf_counter() + cap_s

    async def worker() -> None:
        while state["left"] > 0 and time.perf_counter() < deadline:
            state["left"] -= 1
            got = await one()  # not `+= await`: that reads the counter before awaiting and loses updates
            state["completions"] += got
            state["requests"] += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return state["requests"], state["completions"]


async def bench_raw(url: str, n: int, total: int, concurrency: int, cap_s: float) -> tuple[int, int, float]:
    """The ceiling: one session, a pre-encoded body, read and parse each answer (stdlib json)."""
    return await _raw_loop(url, n, total, concurrency, cap_s, json.loads)


async def bench_raw_orjson(url: str, n: int, total: int, concurrency: int, cap_s: float) -> tuple[int, int, float]:
    """The same loop parsing with orjson, as the harness does: isolates the harness's own overhead."""
    return await _raw_loop(url, n, total, concurrency, cap_s, orjson.loads)


async def _raw_loop(
    url: str, n: int, total: int, concurrency: int, cap_s: float, loads: Callable[[bytes], Any]
) -> tuple[int, int, float]:
    body = json.dumps({"model": MODEL, "messages": MESSAGES, "max_tokens": 32, "n": n}).encode()
    headers = {"Content-Type": "application/json", "Authorization": "Bearer bench"}
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency), headers=headers) as session:

        async def one() -> int:
            async with session.post(f"{url}/chat/completions", data=body) as resp:
                return len(loads(await resp.read())["choices"])

        await _workers(WARMUP, concurrency, cap_s, one)
        start = time.perf_counter()
        requests, completions = await _workers(total, concurrency, cap_s, one)
        return requests, completions, time.perf_counter() - start


async def bench_openai(url: str, n: int, total: int, concurrency: int, cap_s: float) -> tuple[int, int, float]:
    """The official SDK on its default transport, its own retries off."""
    from openai import AsyncOpenAI

    client = AsyncOpenAI(base_url=url, api_key="bench", max_retries=0, timeout=60.0)

    async def one() -> int:
        resp = await client.chat.completions.create(model=MODEL, messages=MESSAGES, max_tokens=32, n=n)  # type: ignore[arg-type]
        return len(resp.choices)

    try:
        await _workers(WARMUP, concurrency, cap_s, one)
        start = time.perf_counter()
        requests, completions = await _workers(total, concurrency, cap_s, one)
        return requests, completions, time.perf_counter() - start
    finally:
        await client.close()


def _requests(count: int, n: int) -> list[GenRequest]:
    sampling = SamplingParams(n=n, max_tokens=32)
    message = (Message(role="user", content=MESSAGES[0]["content"]),)
    return [
        GenRequest(prompt_id=f"p{i}", condition="none", messages=message, sample_indices=tuple(range(n)),
                   seeds=tuple(range(i * n, i * n + n)), sampling=sampling)
        for i in range(count)
    ]  # fmt: skip


async def bench_harness(url: str, n: int, total: int, concurrency: int, cap_s: float) -> tuple[int, int, float]:
    """idprobe's OpenAIBackend: one GenRequest per HTTP request (use_n), completions counted."""
    target = Target(backend="openai", model=MODEL, base_url=url, options={"max_concurrency": concurrency})
    backend = create_backend(target)
    async with backend:
        async for _ in backend.generate(_requests(WARMUP, n)):
            pass
        completions = 0
        requests = _requests(total, n)  # planning happens once per run, before any HTTP traffic
        start = time.perf_counter()
        deadline = start + cap_s
        async with aclosing(backend.generate(requests)) as stream:
            async for c in stream:
                completions += c.ok
                if time.perf_counter() > deadline:
                    break
        return completions // n, completions, time.perf_counter() - start


CLIENTS = {"raw-aiohttp": bench_raw, "raw-orjson": bench_raw_orjson, "harness": bench_harness, "openai-sdk": bench_openai}


def _measure(url: str, ns: list[int], args: argparse.Namespace) -> dict[tuple[str, int], list[tuple[int, int, float]]]:
    """Rounds interleave the clients, so a noisy neighbour on the machine hits all of them alike."""
    cells: dict[tuple[str, int], list[tuple[int, int, float]]] = {}
    for n in ns:
        for _ in range(args.rounds):
            for name, fn in CLIENTS.items():
                cells.setdefault((name, n), []).append(
                    asyncio.run(fn(url, n, args.requests, args.concurrency, args.time_cap))
                )
    return cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=6000, help="HTTP requests per measurement")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--time-cap", type=float, default=15.0, help="seconds per measurement at most")
    parser.add_argument("--rounds", type=int, default=5, help="measurements per cell; the best is compared")
    parser.add_argument("--ns", default="1,8", help="values of n to measure")
    args = parser.parse_args()
    ns = [int(x) for x in args.ns.split(",")]
    budget = (args.time_cap + 10) * len(ns) * len(CLIENTS) * args.rounds + 30
    proc, url = start_stub(max_seconds=budget)
    try:
        print(f"stub {url}; concurrency {args.concurrency}; {args.requests} requests per measurement "
              f"(cap {args.time_cap:.0f} s); best and median of {args.rounds} rounds")  # fmt: skip
        cells = _measure(url, ns, args)
    finally:
        proc.kill()
        proc.wait()
    print(f"{'client':<12} {'n':>3} {'requests':>9} {'seconds':>8} {'req/s':>8} {'compl/s':>9} {'median req/s':>13}")
    best: dict[tuple[str, int], float] = {}
    for (name, n), runs in cells.items():
        req, comp, secs = max(runs, key=lambda r: r[0] / r[2])
        best[(name, n)] = req / secs
        median = statistics.median(r[0] / r[2] for r in runs)
        print(f"{name:<12} {n:>3} {req:>9} {secs:>8.2f} {req / secs:>8.0f} {comp / secs:>9.0f} {median:>13.0f}")
    for n in ns:
        h, r, ro, o = (best[(c, n)] for c in ("harness", "raw-aiohttp", "raw-orjson", "openai-sdk"))
        print(f"n={n}: harness/raw = {h / r:.2f} (target >= 0.8); harness/raw-orjson = {h / ro:.2f}; "
              f"harness/openai = {h / o:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
