"""Backend for OpenAI-compatible endpoints: vLLM, SGLang, llama.cpp, hosted APIs.

Chat completions by default (the server renders the prompt: template mode ``server``); raw
completions with a local chat template (``completions_template``: idprobe renders, strict or stock).

A lean aiohttp client with one shared session: the official SDK costs several times more CPU per
request (see ``bench/bench_endpoint.py``), which matters when a run is thousands of short samples.
Options live in ``openai_options``, response parsing in ``openai_parse``, retries, backoff and
redaction in ``http_retry``, the hidden-system-prompt check in ``openai_preflight``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson
from pydantic import BaseModel
from yarl import URL

from harness.backends.base import Backend
from harness.backends.chat import ChatTemplate
from harness.backends.http_retry import (
    Backoff,
    EndpointError,
    EndpointRefused,
    HTTPStatusError,
    Redactor,
    RetryableError,
    request_json,
)
from harness.backends.openai_options import OpenAIOptions, seed_statement
from harness.backends.openai_parse import to_completions
from harness.records import Completion, GenRequest
from harness.target import Target
from harness.templating import describe_template

log = logging.getLogger("harness.backends.openai")


@dataclass
class _Unit:
    """Samples of one GenRequest still to be produced, served by one worker at a time."""

    request: GenRequest
    indices: list[int]
    prefix: bytes
    """The JSON body without its closing brace: ``n`` and ``seed`` are spliced in per call."""
    seeds: dict[int, int]


class OpenAIBackend(Backend):
    """Chat completions over HTTP with bounded concurrency, retries and top-ups for missing choices.

    With ``completions_template`` (or a ``chat`` set by the caller before ``start``) idprobe renders
    each prompt itself and sends the text to ``/completions``; otherwise the server renders it.
    """

    name = "openai"
    Options = OpenAIOptions
    options: OpenAIOptions

    def __init__(self, target: Target, options: BaseModel) -> None:
        super().__init__(target, options)
        o = self.options
        self._session: aiohttp.ClientSession | None = None
        self._redact = Redactor()
        self._timeout = aiohttp.ClientTimeout(total=o.timeout_s)
        self._backoff = Backoff(o.backoff_base_s, o.backoff_max_s, o.retry_after_max_s)
        self._base_url = (target.base_url or "").rstrip("/")
        self._warned_identical = False

    # -- lifecycle -------------------------------------------------------------------------
    async def start(self) -> None:
        """Load the chat template (raw completions), read the key and extra headers from the
        environment and open the connection pool."""
        if not self._base_url:
            raise ValueError("backend openai needs `base_url` in the target, e.g. http://127.0.0.1:8000/v1")
        if self.options.completions_template and self.chat is None:
            self.chat = await asyncio.to_thread(self._load_template, self.options.completions_template)
        key = self.target.api_key()
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        # A password in the URL (http://user:pw@host) is a secret too; aiohttp sends it as basic auth.
        secrets: list[str | None] = [key, URL(self._base_url).password]
        if key:
            headers["Authorization"] = f"Bearer {key}"
        for header, env in self.options.headers_env.items():
            value = os.environ.get(env)
            if not value:
                raise ValueError(f"environment variable {env} (headers_env.{header}) is not set")
            headers[header] = value
            secrets.append(value)
        self._redact = Redactor(secrets)
        connector = aiohttp.TCPConnector(limit=self.options.max_concurrency, ttl_dns_cache=300)
        self._session = aiohttp.ClientSession(
            headers=headers, connector=connector, timeout=self._timeout, trust_env=self.options.trust_env
        )

    def _load_template(self, spec: str) -> ChatTemplate:
        from harness.backends.chat import load_tokenizer

        try:
            tokenizer = load_tokenizer(spec)
        except FileNotFoundError as exc:
            raise ValueError(f"options.completions_template: {exc}") from None
        return ChatTemplate.prepare(tokenizer, self.target)

    @property
    def _api_path(self) -> str:
        """Where sampling requests go: raw completions when idprobe renders, else chat completions."""
        return "/completions" if self.chat is not None else "/chat/completions"

    def template_mode(self) -> str:
        return self.target.template_mode if self.chat is not None else "server"

    def template_statement(self, preflight: dict[str, Any] | None) -> str:
        return describe_template(self.template_mode(), self.finding, preflight, via="as raw text to /v1/completions, "
                                 "which applies no chat template")

    def seed_statement(self) -> str:
        return seed_statement(self.options)

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def model_info(self) -> dict[str, Any]:
        url = URL(self._base_url).with_user(None).with_password(None).with_query(None) if self._base_url else None
        return {"model": self.target.model, "backend": self.name, "base_url": str(url) if url else None}

    # -- sampling --------------------------------------------------------------------------
    async def generate(self, requests: Sequence[GenRequest]) -> AsyncIterator[Completion]:
        """Yield one completion per requested sample as each finishes; raise ``EndpointError`` when
        the endpoint refuses the whole run (401/403/404)."""
        if self._session is None:
            raise RuntimeError("OpenAIBackend.generate called before start()")
        units = deque(self._units(requests))
        total = sum(len(u.indices) for u in units)
        # Workers put lists (all samples one response settled) to keep queue traffic per request, not per sample.
        out: asyncio.Queue[list[Completion] | BaseException] = asyncio.Queue()
        n_workers = min(self.options.max_concurrency, len(units))
        workers = [asyncio.create_task(self._worker(units, out.put_nowait)) for _ in range(n_workers)]
        try:
            while total > 0:
                item = await out.get()
                if isinstance(item, BaseException):
                    raise item
                total -= len(item)
                for completion in item:
                    yield completion
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)

    def _units(self, requests: Sequence[GenRequest]) -> list[_Unit]:
        units = []
        for req in requests:
            prefix = self._prefix(req)
            seeds = dict(zip(req.sample_indices, req.seeds, strict=True))
            if self.options.use_n:
                units.append(_Unit(req, list(req.sample_indices), prefix, seeds))
            else:
                units.extend(_Unit(req, [i], prefix, seeds) for i in req.sample_indices)
        return units

    async def _worker(self, units: deque[_Unit], emit: Callable[[Any], None]) -> None:
        try:
            while units:
                await self._serve(units.popleft(), emit)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # surface it in generate rather than hang waiting for samples
            emit(exc)

    def _prefix(self, request: GenRequest) -> bytes:
        """Encode the parts of a body shared by every call for ``request`` once (it is per-request CPU)."""
        s = request.sampling
        where = (
            {"prompt": self.chat.render(request.messages)} if self.chat is not None
            else {"messages": [{"role": m.role, "content": m.content} for m in request.messages]}
        )  # fmt: skip
        body: dict[str, Any] = {
            "model": self.target.model,
            **where,
            "temperature": s.temperature,
            "top_p": s.top_p,
            self.options.max_tokens_field: s.max_tokens,
            **self.options.extra_body,  # cannot hold n or seed (validated), so the splice is safe
        }
        # Non-string keys (a YAML logit_bias: {123: 5}) become strings, as the standard library does.
        return orjson.dumps(body, option=orjson.OPT_NON_STR_KEYS)[:-1]

    @staticmethod
    def _encode(prefix: bytes, n: int, seed: int | None) -> bytes:
        tail = b',"n":%d' % n if n > 1 else b""  # omitted for one: some servers reject the field
        if seed is not None:
            tail += b',"seed":%d' % seed
        return prefix + tail + b"}"

    async def _serve(self, unit: _Unit, emit: Callable[[Any], None]) -> None:
        """Produce every pending sample of ``unit``: answered, or failed after retries, once each."""
        pending = unit.indices
        failures, latency = 0, None
        while pending:
            seed = unit.seeds[pending[0]] if self.options.send_seed else None
            started = time.perf_counter()
            try:
                data = await self._call(self._encode(unit.prefix, len(pending), seed))
                latency = time.perf_counter() - started
                done = to_completions(unit.request, pending, data, latency, seed)
            except RetryableError as exc:
                latency = time.perf_counter() - started
                failures += 1
                reason = self._redact(exc)
                if failures > self.options.max_retries:
                    log.warning("%s: giving up on %d sample(s): %s", unit.request.prompt_id, len(pending), reason)
                    self._fail(unit.request, pending, f"failed after {failures} attempts: {reason}", latency, emit)
                    return
                log.debug("%s: attempt %d failed (%s); retrying", unit.request.prompt_id, failures, reason)
                await asyncio.sleep(self._backoff.delay(failures, exc.retry_after))
                continue
            except HTTPStatusError as exc:
                if exc.status in (401, 403, 404):
                    raise await self._refusal(exc) from None
                latency = time.perf_counter() - started
                reason = self._redact(exc)
                log.warning("%s: request rejected, not retried: %s", unit.request.prompt_id, reason)
                self._fail(unit.request, pending, f"rejected by server: {reason}", latency, emit)
                return
            failures = 0  # progress resets the budget; top-ups are not failures
            self._check_identical(done, unit)
            emit(done)
            if len(done) < len(pending):
                log.debug("%s: %d of %d choices returned; topping up", unit.request.prompt_id, len(done), len(pending))
            pending = pending[len(done) :]

    async def _call(self, payload: bytes) -> Any:
        # In-flight requests are bounded by the number of workers (at most max_concurrency) and
        # by the connector's limit; the session carries the per-request timeout.
        assert self._session is not None
        return await request_json(
            self._session, "POST", f"{self._base_url}{self._api_path}", data=payload, redact=self._redact
        )

    def _fail(
        self, request: GenRequest, indices: list[int], error: str, latency: float | None, emit: Callable[[Any], None]
    ) -> None:
        error = self._redact(error)
        emit([Completion.failed(request, index, error, latency) for index in indices])

    def _check_identical(self, done: list[Completion], unit: _Unit) -> None:
        if self._warned_identical or len(done) < 3 or unit.request.sampling.temperature <= 0:
            return
        first = done[0].text
        if done[1].text == first and all(c.text == first for c in done):  # usually exits at done[1]
            self._warned_identical = True
            log.warning(
                "all %d choices of one request are identical at temperature %.2f: the server may not "
                "sample n choices independently (a past vLLM bug with seeds); consider use_n: false",
                len(done),
                unit.request.sampling.temperature,
            )

    # -- errors that end the run -----------------------------------------------------------
    async def served_models(self) -> list[dict[str, Any]] | None:
        """The endpoint's ``/models`` list, or ``None`` when it cannot be read."""
        assert self._session is not None
        try:
            data = await request_json(
                self._session, "GET", f"{self._base_url}/models", timeout=self._timeout, redact=self._redact
            )
        except (RetryableError, HTTPStatusError):
            return None
        rows = data.get("data") if isinstance(data, dict) else None
        return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else None

    async def _refusal(self, exc: HTTPStatusError) -> EndpointRefused:
        """A clear, redacted message for 401/403/404, which no retry can cure."""
        url = self.model_info()["base_url"]
        detail = self._redact(exc)
        if exc.status in (401, 403):
            where = (
                f"check the key in ${self.target.api_key_env}"
                if self.target.api_key_env
                else "no key was sent: set api_key_env in the target to the variable holding it"
            )
            return EndpointRefused(f"{url} refused the request ({detail}); {where}")
        models = await self.served_models()
        if models is None:
            return EndpointRefused(
                f"{url}{self._api_path} not found ({detail}) and /models is not readable: "
                "check base_url (OpenAI-compatible servers usually end in /v1)"
            )
        ids = [str(m.get("id")) for m in models]
        if self.target.model in ids:
            return EndpointRefused(
                f"{url} lists model {self.target.model!r} but answered 404 ({detail}); check base_url"
            )
        served = ", ".join(ids) if ids else "(none)"
        return EndpointRefused(f"model {self.target.model!r} not served at {url} ({detail}); served models: {served}")

    async def call_with_retries(self, body: dict[str, Any]) -> Any:
        """One chat call outside sampling (preflight): retried like samples, errors raised, redacted."""
        failures = 0
        while True:
            try:
                return await self._call(orjson.dumps(body, option=orjson.OPT_NON_STR_KEYS))
            except RetryableError as exc:
                failures += 1
                if failures > self.options.max_retries:
                    raise EndpointError(f"failed after {failures} attempts: {self._redact(exc)}") from None
                log.debug("attempt %d failed (%s); retrying", failures, self._redact(exc))
                await asyncio.sleep(self._backoff.delay(failures, exc.retry_after))
            except HTTPStatusError as exc:
                if exc.status in (401, 403, 404):
                    raise await self._refusal(exc) from None
                raise EndpointError(f"rejected by server: {self._redact(exc)}") from None

    async def preflight(self) -> dict[str, Any]:
        """Token accounting check for a hidden (server-side) system prompt; see ``openai_preflight``."""
        from harness.backends.openai_preflight import hidden_prompt_check

        return await hidden_prompt_check(self)
