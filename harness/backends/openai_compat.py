"""Backend for OpenAI-compatible chat completion endpoints: vLLM, SGLang, llama.cpp, hosted APIs.

A lean aiohttp client with one shared session: the official SDK costs several times more CPU per
request (see ``bench/bench_endpoint.py``), which matters when a run is thousands of short samples.
Retries, backoff and redaction live in ``http_retry``; the hidden-system-prompt check in
``openai_preflight``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import aiohttp
from pydantic import BaseModel, ConfigDict, Field, field_validator
from yarl import URL

from harness.backends.base import Backend
from harness.backends.http_retry import (
    Backoff,
    EndpointError,
    EndpointRefused,
    HTTPStatusError,
    Redactor,
    RetryableError,
    request_json,
)
from harness.backends.openai_parse import to_completions
from harness.records import Completion, GenRequest

log = logging.getLogger("harness.backends.openai")

# Body fields the backend sets itself; letting extra_body override them would make the
# manifest lie (sampling) or break sample accounting (n, seed, stream).
_RESERVED = frozenset(
    {"model", "messages", "n", "seed", "stream", "temperature", "top_p", "max_tokens", "max_completion_tokens"}
)


class OpenAIOptions(BaseModel):
    """Options of ``backend: openai`` (under ``options:`` in a target config)."""

    model_config = ConfigDict(extra="forbid")

    max_concurrency: int = Field(64, ge=1, le=4096)
    """HTTP requests in flight at once (also the connection pool size)."""
    timeout_s: float = Field(120.0, gt=0)
    """Wall-clock limit of one HTTP request; a timeout is retried."""
    max_retries: int = Field(5, ge=0, le=100)
    """Further attempts after a retryable failure (429, 5xx, timeout, reset, malformed body)."""
    backoff_base_s: float = Field(0.5, ge=0)
    """First retry waits up to this long (full jitter); the cap doubles each retry."""
    backoff_max_s: float = Field(30.0, ge=0)
    """Upper bound of one backoff wait."""
    retry_after_max_s: float = Field(60.0, ge=0)
    """A server's Retry-After is honoured up to this many seconds (longer waits are capped and logged)."""
    use_n: bool = True
    """Ask for all samples of a prompt in one request with ``n``; false: one request per sample."""
    send_seed: bool = True
    """Send a ``seed`` (the first pending sample's seed); turn off for servers that reject it."""
    max_tokens_field: Literal["max_tokens", "max_completion_tokens"] = "max_tokens"
    """Name of the length limit field; newer OpenAI models accept only ``max_completion_tokens``."""
    extra_body: dict[str, Any] = Field(default_factory=dict)
    """Extra request fields passed through as given, such as vLLM's ``top_k`` or ``chat_template_kwargs``."""
    headers_env: dict[str, str] = Field(default_factory=dict)
    """Extra headers: header name -> name of the environment variable holding its value."""
    tokenizer: str | None = None
    """Local tokenizer (directory or .gguf) for an exact token count in the preflight check."""
    hidden_prompt_threshold: int = Field(16, ge=0)
    """Preflight flags a hidden system prompt when the overhead exceeds this many tokens."""
    trust_env: bool = False
    """Use HTTP(S)_PROXY / NO_PROXY from the environment."""

    @field_validator("extra_body")
    @classmethod
    def _no_reserved(cls, value: dict[str, Any]) -> dict[str, Any]:
        clash = sorted(_RESERVED & set(value))
        if clash:
            raise ValueError(
                f"extra_body may not set {', '.join(clash)}: sampling comes from the suite, "
                "and n/seed are sent per request (see use_n, send_seed)"
            )
        return value


@dataclass
class _Unit:
    """Samples of one GenRequest still to be produced, served by one worker at a time."""

    request: GenRequest
    indices: list[int]
    messages: list[dict[str, str]]
    seeds: dict[int, int]


class OpenAIBackend(Backend):
    """Chat completions over HTTP with bounded concurrency, retries and top-ups for missing choices."""

    name = "openai"
    Options = OpenAIOptions
    options: OpenAIOptions

    def __init__(self, target: Any, options: BaseModel) -> None:
        super().__init__(target, options)
        o = self.options
        self._session: aiohttp.ClientSession | None = None
        self._sem: asyncio.Semaphore | None = None
        self._redact = Redactor()
        self._timeout = aiohttp.ClientTimeout(total=o.timeout_s)
        self._backoff = Backoff(o.backoff_base_s, o.backoff_max_s, o.retry_after_max_s)
        self._base_url = (target.base_url or "").rstrip("/")
        self._warned_identical = False

    # -- lifecycle -------------------------------------------------------------------------
    async def start(self) -> None:
        """Read the key and extra headers from the environment and open the connection pool."""
        if not self._base_url:
            raise EndpointError("backend openai needs `base_url` in the target, e.g. http://127.0.0.1:8000/v1")
        key = self.target.api_key()
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        secrets: list[str | None] = [key]
        if key:
            headers["Authorization"] = f"Bearer {key}"
        for header, env in self.options.headers_env.items():
            value = os.environ.get(env)
            if not value:
                raise EndpointError(f"environment variable {env} (headers_env.{header}) is not set")
            headers[header] = value
            secrets.append(value)
        self._redact = Redactor(secrets)
        connector = aiohttp.TCPConnector(limit=self.options.max_concurrency, ttl_dns_cache=300)
        self._session = aiohttp.ClientSession(
            headers=headers, connector=connector, timeout=self._timeout, trust_env=self.options.trust_env
        )
        self._sem = asyncio.Semaphore(self.options.max_concurrency)

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
        out: asyncio.Queue[Completion | BaseException] = asyncio.Queue()
        n_workers = min(self.options.max_concurrency, len(units))
        workers = [asyncio.create_task(self._worker(units, out.put_nowait)) for _ in range(n_workers)]
        try:
            for _ in range(total):
                item = await out.get()
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)

    def _units(self, requests: Sequence[GenRequest]) -> list[_Unit]:
        units = []
        for req in requests:
            messages = [{"role": m.role, "content": m.content} for m in req.messages]
            seeds = dict(zip(req.sample_indices, req.seeds))
            if self.options.use_n:
                units.append(_Unit(req, list(req.sample_indices), messages, seeds))
            else:
                units.extend(_Unit(req, [i], messages, seeds) for i in req.sample_indices)
        return units

    async def _worker(self, units: deque[_Unit], emit: Callable[[Any], None]) -> None:
        try:
            while units:
                await self._serve(units.popleft(), emit)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # surface it in generate rather than hang waiting for samples
            emit(exc)

    def _body(self, unit: _Unit, n: int, seed: int | None) -> dict[str, Any]:
        s = unit.request.sampling
        body: dict[str, Any] = {
            "model": self.target.model,
            "messages": unit.messages,
            "temperature": s.temperature,
            "top_p": s.top_p,
            self.options.max_tokens_field: s.max_tokens,
        }
        if n > 1:  # omitted for one sample: some servers reject the field altogether
            body["n"] = n
        if seed is not None:
            body["seed"] = seed
        body.update(self.options.extra_body)
        return body

    async def _serve(self, unit: _Unit, emit: Callable[[Any], None]) -> None:
        """Produce every pending sample of ``unit``: answered, or failed after retries, once each."""
        pending = unit.indices
        failures, latency = 0, None
        while pending:
            seed = unit.seeds[pending[0]] if self.options.send_seed else None
            started = time.perf_counter()
            try:
                data = await self._call(self._body(unit, len(pending), seed))
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
                reason = self._redact(exc)
                log.warning("%s: request rejected, not retried: %s", unit.request.prompt_id, reason)
                self._fail(unit.request, pending, f"rejected by server: {reason}", latency, emit)
                return
            failures = 0  # progress resets the budget; top-ups are not failures
            self._check_identical(done, unit)
            for completion in done:
                emit(completion)
            if len(done) < len(pending):
                log.debug("%s: %d of %d choices returned; topping up", unit.request.prompt_id, len(done), len(pending))
            pending = pending[len(done) :]

    async def _call(self, body: dict[str, Any]) -> Any:
        assert self._session is not None and self._sem is not None
        payload = json.dumps(body).encode()
        async with self._sem:
            return await request_json(
                self._session,
                "POST",
                f"{self._base_url}/chat/completions",
                data=payload,
                timeout=self._timeout,
                redact=self._redact,
            )

    def _fail(
        self, request: GenRequest, indices: list[int], error: str, latency: float | None, emit: Callable[[Any], None]
    ) -> None:
        for index in indices:
            emit(Completion.failed(request, index, self._redact(error), latency))

    def _check_identical(self, done: list[Completion], unit: _Unit) -> None:
        if self._warned_identical or len(done) < 3 or unit.request.sampling.temperature <= 0:
            return
        if len({c.text for c in done}) == 1:
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
                f"{url}/chat/completions not found ({detail}) and /models is not readable: "
                "check base_url (OpenAI-compatible servers usually end in /v1)"
            )
        ids = [str(m.get("id")) for m in models]
        if self.target.model in ids:
            return EndpointRefused(f"{url} lists model {self.target.model!r} but answered 404 ({detail}); check base_url")
        served = ", ".join(ids) if ids else "(none)"
        return EndpointRefused(f"model {self.target.model!r} not served at {url} ({detail}); served models: {served}")

    async def call_with_retries(self, body: dict[str, Any]) -> Any:
        """One chat call outside sampling (preflight): retried like samples, errors raised, redacted."""
        failures = 0
        while True:
            try:
                return await self._call(body)
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
