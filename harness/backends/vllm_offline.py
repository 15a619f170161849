"""The vLLM offline backend: the model runs in-process with ``vllm.LLM``.

Every sample of the run is submitted to the engine before it takes its first step, so vLLM
batches them all and its prefix cache shares the prompt between the samples of one prompt. Each
sample is its own engine request (``n=1``) with the sample's own seed: a sample's text then
depends only on its seed, never on which other samples were asked for in the same call (so a
resumed run reproduces the same samples), and the n samples of a prompt cannot collapse into
one (a past vLLM bug with ``n>1`` and a seed). In vLLM's V1 engine ``n>1`` fans out into the
same per-sample child requests, so nothing is lost by doing it ourselves.

Completions are yielded as the engine finishes them, so the runner stores each as it arrives.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any

from pydantic import BaseModel

from harness import embedded
from harness.backends.base import Backend
from harness.backends.chat import ChatTemplate
from harness.backends.vllm_engine import (  # noqa: F401 - VLLMEngineOptions and weights_digest are re-exported
    VLLMEngineOptions,
    engine_record,
    on_cpu,
    seed_statement,
    weights_digest,
)
from harness.records import Completion, GenRequest

log = logging.getLogger("harness.backends.vllm")

class VLLMBackend(Backend):
    """Runs a local model directory (or ``embedded:smollm2``) in-process with ``vllm.LLM``."""

    name = "vllm"
    Options = VLLMEngineOptions
    options: VLLMEngineOptions

    def __init__(self, target: Any, options: BaseModel) -> None:
        super().__init__(target, options)
        self.llm: Any = None
        self.tokenizer: Any = None
        self._owns_engine = False
        self._path: str | None = None
        self._engine_template: str | None = None
        self._weights: dict[str, Any] | None = None
        self._lock = threading.Lock()  # one generate at a time drives the engine
        self._cpu = False

    # -- lifecycle -------------------------------------------------------------------------
    @classmethod
    def with_engine(cls, target: Any, llm: Any, options: VLLMEngineOptions | None = None) -> VLLMBackend:
        """A backend over an engine that is already loaded (shared by tests and benchmarks);
        ``aclose`` leaves that engine running."""
        backend = cls(target, options or VLLMEngineOptions())
        backend._cpu = on_cpu()
        backend._attach(llm, embedded.resolve_model(target.model))
        return backend

    async def start(self) -> None:
        """Load the engine in a worker thread (tens of seconds), leaving the event loop free."""
        if self.llm is None:
            await asyncio.to_thread(self._load)

    def _load(self) -> None:
        from vllm import LLM

        os.environ.update(self.options.env)  # read by vLLM when the engine starts
        path = embedded.resolve_model(self.target.model)
        self._cpu = on_cpu()
        for note in self.options.engine_notes(self._cpu):
            log.warning("%s", note)
        log.info("loading %s with vLLM (%s)", path, self.options.engine_args(self._cpu))
        llm = LLM(model=path, **self.options.engine_args(self._cpu))
        self._owns_engine = True
        self._attach(llm, path)

    def _attach(self, llm: Any, path: str) -> None:
        self.llm, self._path = llm, path
        self.tokenizer = llm.get_tokenizer()
        self.chat = ChatTemplate.prepare(self.tokenizer, self.target)
        # The engine renders with its own template unless told otherwise; only pass one when it differs.
        self._engine_template = None if self.chat.is_models_own else self.chat.source
        self._weights = weights_digest(path)

    async def aclose(self) -> None:
        """Shut the engine down (its worker processes included) if this backend loaded it."""
        llm, self.llm = self.llm, None
        if llm is not None and self._owns_engine:
            await asyncio.to_thread(shutdown_engine, llm)

    # -- identity ---------------------------------------------------------------------------
    def model_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {"model": self.target.model, "backend": self.name, "path": self._path}
        if embedded.is_embedded(self.target.model):
            info.update(embedded.source_info(self.target.model))
        info.update(self._weights or {})
        info["engine"] = engine_record(self.options, self._cpu)
        return info

    def seed_statement(self) -> str:
        how = ("Each sample was its own vLLM engine request (n=1) seeded with its own seed, "
               "sha256(run_seed, prompt_id, condition, index), as recorded with it.")
        return seed_statement(self.options, self._cpu, how, tested=True)

    # -- sampling --------------------------------------------------------------------------
    async def generate(self, requests: Sequence[GenRequest]) -> AsyncIterator[Completion]:
        """Yield one completion per requested sample, in the order the engine finishes them."""
        if self.llm is None:
            raise RuntimeError("VLLMBackend.generate called before start()")
        total = sum(len(r.sample_indices) for r in requests)
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Completion | BaseException | None] = asyncio.Queue()
        stop = threading.Event()

        def emit(item: Completion | BaseException | None) -> None:
            loop.call_soon_threadsafe(queue.put_nowait, item)

        worker = loop.run_in_executor(None, self._drive, requests, emit, stop)
        try:
            for _ in range(total):
                item = await queue.get()
                if isinstance(item, BaseException):
                    raise item
                if item is None:
                    break
                yield item
        finally:
            stop.set()  # a consumer that stops early (or Ctrl-C) aborts what is still running
            await asyncio.shield(worker)

    def _drive(self, requests: Sequence[GenRequest], emit: Callable[[Any], None], stop: threading.Event) -> None:
        """Worker thread: submit every sample, then step the engine until all have finished."""
        try:
            with self._lock:
                if not hasattr(self.llm, "enqueue_chat"):  # vLLM before enqueue_chat: all at the end
                    self._chat_all(requests, emit)
                    return
                pending = self._submit(requests, emit)
                self._step_until_done(pending, emit, stop)
        except BaseException as exc:  # noqa: BLE001 - surfaced in generate rather than left waiting
            emit(exc)
        finally:
            emit(None)

    def _chat_all(self, requests: Sequence[GenRequest], emit: Callable[[Any], None]) -> None:
        """One blocking ``LLM.chat`` over every sample (older vLLM releases)."""
        convs, params, meta = [], [], []
        started = time.perf_counter()
        for req in requests:
            messages = [{"role": m.role, "content": m.content} for m in req.messages]
            for index, seed in zip(req.sample_indices, req.seeds):
                convs.append(messages)
                params.append(_sampling_params(req, seed))
                meta.append((req, index, seed, started))
        outputs = self.llm.chat(
            convs, params, use_tqdm=False, chat_template=self._engine_template, chat_template_content_format="string"
        )
        for output, entry in zip(outputs, meta):
            emit(_completion(output, *entry))

    def _submit(self, requests: Sequence[GenRequest], emit: Callable[[Any], None]) -> dict[str, tuple]:
        """Add one engine request per sample; a request vLLM rejects (prompt too long, say)
        becomes failed samples rather than ending the run."""
        pending: dict[str, tuple] = {}
        started = time.perf_counter()
        for req in requests:
            messages = [{"role": m.role, "content": m.content} for m in req.messages]
            params = [_sampling_params(req, seed) for seed in req.seeds]
            try:
                ids = self.llm.enqueue_chat(
                    [messages] * len(params), params, use_tqdm=False,
                    chat_template=self._engine_template, chat_template_content_format="string",
                )  # fmt: skip
            except _request_errors() as exc:
                for index in req.sample_indices:
                    emit(Completion.failed(req, index, f"rejected by vLLM: {exc}", 0.0))
                continue
            for request_id, index, seed in zip(ids, req.sample_indices, req.seeds):
                pending[_external_id(request_id)] = (req, index, seed, started)
        return pending

    def _step_until_done(self, pending: dict[str, tuple], emit: Callable[[Any], None], stop: threading.Event) -> None:
        engine = self.llm.llm_engine
        while pending and engine.has_unfinished_requests():
            if stop.is_set():
                engine.abort_request(list(pending))
                return
            for output in engine.step():
                if output.finished and output.request_id in pending:
                    emit(_completion(output, *pending.pop(output.request_id)))
        for req, index, _seed, started in pending.values():  # the engine dropped them
            emit(Completion.failed(req, index, "vLLM finished without this sample", time.perf_counter() - started))


def _request_errors() -> tuple[type[BaseException], ...]:
    """Errors that reject one request (too long, bad parameters) rather than the engine."""
    try:
        from vllm.exceptions import VLLMClientError
    except ImportError:  # older vLLM raises ValueError
        return (ValueError,)
    return (ValueError, VLLMClientError)


def _sampling_params(req: GenRequest, seed: int) -> Any:
    """One sample's engine parameters: the suite's sampling with the sample's own seed."""
    from vllm import SamplingParams

    s = req.sampling
    return SamplingParams(n=1, temperature=s.temperature, top_p=s.top_p, max_tokens=s.max_tokens, seed=seed)


def _external_id(request_id: str) -> str:
    """The id outputs carry: ``LLM`` numbers its requests, and newer engines return that number
    with a random suffix (``"4-a0e3f8a1"``) while outputs and ``abort_request`` use the number."""
    return request_id.split("-", 1)[0]


def _completion(output: Any, req: GenRequest, index: int, seed: int, started: float) -> Completion:
    """One finished engine request as a stored sample."""
    choice = output.outputs[0]
    latency = round(time.perf_counter() - started, 4)
    if choice.finish_reason == "abort":
        return Completion.failed(req, index, "aborted by vLLM", latency)
    return Completion(
        prompt_id=req.prompt_id,
        condition=req.condition,
        sample_index=index,
        text=choice.text,
        finish_reason=choice.finish_reason,
        prompt_tokens=len(output.prompt_token_ids or ()),
        completion_tokens=len(choice.token_ids),
        latency_s=latency,
        seed=seed,
    )


def shutdown_engine(llm: Any) -> None:
    """Stop a ``vllm.LLM``'s engine core and worker processes now rather than at exit."""
    core = getattr(getattr(llm, "llm_engine", None), "engine_core", None)
    if core is not None and hasattr(core, "shutdown"):
        core.shutdown()
    del llm
    gc.collect()
