"""A real HTTP server on 127.0.0.1 that speaks the chat-completions API and injects faults.

Used by the endpoint tests: it runs aiohttp.web in a background thread (``with FakeOpenAIServer(cfg)
as srv: srv.base_url``) or standalone (``python tests/fake_openai_server.py --delay 0.2``). Its
behaviour is deterministic: faults come from a script (``faults``: one entry per arriving request),
then from a seeded random draw (``fault_rate``), or always for messages holding a marker
(``marker_faults``). Answers depend only on the request's seed, choice index and message.

``/v1/completions`` takes a rendered ``prompt`` and counts its tokens only (no template applied).
Token accounting of chat requests mimics a server-side chat template: tokens are words and punctuation, every
message costs 5 tokens of formatting and the generation prompt 3; with ``hidden_system_prompt``
set, a user-only conversation gets that system block prepended, as vLLM does for SmolLM2.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import sys
import threading
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from harness.records import GenRequest, Message, SampleKey, SamplingParams, sample_seed

SMOLLM2_SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
FAULT_KINDS = (
    "ok", "429", "500", "502", "503", "slow", "reset", "drop", "malformed", "empty", "few",
    "400", "401", "403", "404", "echo500",
)  # fmt: skip
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class FakeConfig:
    """How the fake server behaves; tests build one per scenario."""

    models: list[str] = field(default_factory=lambda: ["fake-model"])
    hidden_system_prompt: str | None = None
    """Prepended (as a system block) to conversations without a system message."""
    faults: list[str] = field(default_factory=list)
    """Scripted faults, one per arriving chat request in order; then ``fault_rate`` applies."""
    fault_rate: float = 0.0
    """Probability of a random fault from ``fault_kinds`` after the script runs out (seeded)."""
    fault_kinds: tuple[str, ...] = ("429", "500", "502", "503", "reset", "malformed", "few")
    seed: int = 0
    marker_faults: dict[str, str] = field(default_factory=dict)
    """Fault applied to every request whose last user message contains the key."""
    max_choices: int | None = None
    """Return at most this many choices, like providers that ignore ``n``."""
    retry_after: str | None = "0"
    """Retry-After header sent with 429s (seconds or an HTTP date); None sends none."""
    slow_s: float = 2.0
    """How long a ``slow`` fault stalls before answering."""
    delay_s: float = 0.0
    """Every chat answer waits this long (for kill/resume tests)."""
    send_usage: bool = True


def count_tokens(text: str) -> int:
    return len(_TOKEN.findall(text))


def prompt_tokens(messages: list[dict[str, Any]], hidden_system: str | None) -> int:
    """Tokens of the conversation as the fake template renders it."""
    total = 3 + sum(count_tokens(str(m.get("content", ""))) + 5 for m in messages)
    if hidden_system and not any(m.get("role") == "system" for m in messages):
        total += count_tokens(hidden_system) + 5
    return total


class FakeOpenAIServer:
    """The server; ``requests`` logs every chat request as handled (fault, n, seed, choices)."""

    def __init__(self, config: FakeConfig | None = None, port: int = 0) -> None:
        self.config = config or FakeConfig()
        self.port = port
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        """Most chat requests handled at once (checks the client's concurrency bound)."""
        self._rng = random.Random(self.config.seed)
        self._script = list(self.config.faults)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_post("/v1/completions", self._chat)  # raw prompts: no template, nothing added
        app.router.add_get("/v1/models", self._models)
        return app

    # -- faults ----------------------------------------------------------------------------
    def _next_fault(self, user_text: str) -> str:
        for marker, fault in self.config.marker_faults.items():
            if marker in user_text:
                return fault
        if self._script:
            return self._script.pop(0)
        if self.config.fault_rate and self._rng.random() < self.config.fault_rate:
            return self._rng.choice(self.config.fault_kinds)
        return "ok"

    async def _models(self, request: web.Request) -> web.Response:
        data = [{"id": m, "object": "model", "owned_by": "fake", "root": f"/models/{m}", "max_model_len": 2048}
                for m in self.config.models]  # fmt: skip
        return web.json_response({"object": "list", "data": data})

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._answer(request)
        finally:
            self.in_flight -= 1

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        messages = body.get("messages", [])
        user = next((str(m.get("content")) for m in reversed(messages) if m.get("role") == "user"), "")
        if "prompt" in body:  # /v1/completions: the client rendered the prompt itself
            user = str(body["prompt"])
        fault = self._next_fault(user)
        n = int(body.get("n") or 1)
        entry = {"fault": fault, "n": n, "seed": body.get("seed"), "user": user, "choices": 0, "body": body}
        self.requests.append(entry)
        if self.config.delay_s:
            await asyncio.sleep(self.config.delay_s)
        if body.get("model") not in self.config.models or fault == "404":
            return _error(404, f"The model `{body.get('model')}` does not exist.")
        early = await self._fault_response(request, fault)
        if early is not None:
            return early
        if fault == "few":
            n = 1
        if fault == "empty":
            n = 0
        if self.config.max_choices is not None:
            n = min(n, self.config.max_choices)
        entry["choices"] = n
        return web.json_response(self._completion(body, messages, user, n))

    async def _fault_response(self, request: web.Request, fault: str) -> web.StreamResponse | None:
        """The response for an error fault, or ``None`` to answer normally."""
        auth = request.headers.get("Authorization", "")
        if fault == "429":
            headers = {"Retry-After": self.config.retry_after} if self.config.retry_after is not None else {}
            return _error(429, "Rate limit reached, slow down", headers)
        if fault in ("500", "502", "503", "400", "403"):
            return _error(int(fault), f"fault {fault} injected")
        if fault == "401":  # echoes the key back, as some providers do
            return _error(401, f"Incorrect API key provided: {auth.removeprefix('Bearer ')}")
        if fault == "echo500":
            return _error(500, f"internal error while handling header {auth}")
        if fault == "malformed":
            return web.Response(text='{"id": "x", "choices": [{"index": 0, "mess', content_type="application/json")
        if fault == "slow":
            await asyncio.sleep(self.config.slow_s)
        if fault in ("reset", "drop"):
            assert request.transport is not None
            if fault == "reset":  # headers and half a body, then the connection dies
                resp = web.StreamResponse(headers={"Content-Type": "application/json", "Content-Length": "500"})
                await resp.prepare(request)
                await resp.write(b'{"id": "x", "choices": [')
                request.transport.close()
                return resp
            request.transport.close()  # nothing at all
            return web.Response(status=500)
        return None

    def _completion(self, body: dict[str, Any], messages: list[dict[str, Any]], user: str, n: int) -> dict[str, Any]:
        seed = body.get("seed")
        raw = "prompt" in body
        choices = []
        for j in range(n):
            text = f"I am FakeModel, sample {j} of seed {seed}, answering: {user[:40]}"
            answer = {"text": text} if raw else {"message": {"role": "assistant", "content": text}}
            choices.append({"index": j, **answer, "finish_reason": "stop"})
        out: dict[str, Any] = {"id": "chatcmpl-fake", "object": "chat.completion", "model": body.get("model"),
                               "choices": choices}  # fmt: skip
        if self.config.send_usage:
            completion = sum(count_tokens(c["text"] if raw else c["message"]["content"]) for c in choices)
            prompt = count_tokens(user) if raw else prompt_tokens(messages, self.config.hidden_system_prompt)
            out["usage"] = {"prompt_tokens": prompt, "completion_tokens": completion,
                            "total_tokens": prompt + completion}  # fmt: skip
        return out

    # -- running ---------------------------------------------------------------------------
    async def serve(self, on_ready: Any = None) -> None:
        """Serve until ``stop()``; calls ``on_ready(port)`` once listening."""
        self._stop = asyncio.Event()
        runner = web.AppRunner(self.app(), access_log=None, shutdown_timeout=0.5)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", self.port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        if on_ready:
            on_ready(self.port)
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()

    async def _serve_then_drain(self) -> None:
        await self.serve(lambda _port: self._ready.set())
        # Handlers still sleeping (slow faults) are cancelled and awaited, not left dangling.
        pending = asyncio.all_tasks() - {asyncio.current_task()}
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    def __enter__(self) -> FakeOpenAIServer:
        def run() -> None:
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(self._serve_then_drain())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="fake-openai-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake server did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(10)


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    body = {"error": {"message": message, "type": "fake_error", "code": status}}
    return web.Response(status=status, text=json.dumps(body), content_type="application/json", headers=headers)


def make_requests(
    prompts: int, samples: int, run_seed: int = 1234, temperature: float = 0.7, condition: str = "none"
) -> list[GenRequest]:
    """``prompts`` user-only requests ``p0..`` asking for ``samples`` samples each."""
    out = []
    for p in range(prompts):
        keys = [SampleKey(f"p{p}", condition, i) for i in range(samples)]
        out.append(
            GenRequest(
                prompt_id=f"p{p}",
                condition=condition,
                messages=(Message(role="user", content=f"Who are you, really? ({p})"),),
                sample_indices=tuple(k.sample_index for k in keys),
                seeds=tuple(sample_seed(run_seed, k) for k in keys),
                sampling=SamplingParams(n=samples, temperature=temperature, max_tokens=32),
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds every answer waits")
    parser.add_argument("--model", default="fake-model")
    parser.add_argument("--hidden-system-prompt", action="store_true", help="prepend SmolLM2's default block")
    args = parser.parse_args()
    cfg = FakeConfig(models=[args.model], delay_s=args.delay,
                     hidden_system_prompt=SMOLLM2_SYSTEM if args.hidden_system_prompt else None)  # fmt: skip
    server = FakeOpenAIServer(cfg, args.port)
    asyncio.run(server.serve(lambda port: print(f"listening on http://127.0.0.1:{port}/v1", flush=True)))


if __name__ == "__main__":
    sys.exit(main())
