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
import hashlib
import logging
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from harness import embedded
from harness.backends.base import Backend
from harness.backends.chat import ChatTemplate
from harness.records import Completion, GenRequest

log = logging.getLogger("harness.backends.vllm")

# Engine arguments that have their own option (or are the model itself).
_OWN_FIELDS = frozenset(
    {
        "model", "dtype", "max_model_len", "tensor_parallel_size", "pipeline_parallel_size",
        "distributed_executor_backend", "gpu_memory_utilization", "enforce_eager", "seed", "trust_remote_code",
    }
)  # fmt: skip


class VLLMEngineOptions(BaseModel):
    """Engine settings shared by ``backend: vllm`` and ``backend: vllm-server``."""

    model_config = ConfigDict(extra="forbid")

    dtype: str = "auto"
    """Weights and activations dtype: ``auto``, ``float32``, ``bfloat16``, ``float16``. On CPUs
    without AVX-512 BF16 use ``float32`` (vLLM's CPU build otherwise emulates bfloat16, slowly)."""
    max_model_len: int | None = Field(None, ge=16)
    """Context length; smaller values reserve less KV cache. Default: the model's own."""
    tensor_parallel_size: int = Field(1, ge=1)
    """GPUs that split every layer (within one node, usually)."""
    pipeline_parallel_size: int = Field(1, ge=1)
    """Stages that split the layers (across nodes, usually, with ``distributed_executor_backend: ray``)."""
    distributed_executor_backend: Literal["mp", "ray", "uni", "external_launcher"] | None = None
    """How workers are run: ``mp`` (processes on this node), ``ray`` (a Ray cluster, needed for
    multi-node), ``uni``; default: vLLM's choice."""
    gpu_memory_utilization: float = Field(0.9, gt=0.0, le=1.0)
    """Share of each GPU's memory vLLM may take (weights plus KV cache); ignored on CPU."""
    enforce_eager: bool = False
    """Skip CUDA graph capture and torch.compile: faster start, slower sampling."""
    seed: int | None = None
    """Engine seed (vLLM's default when unset). Samples carry their own seeds, so this only
    matters for requests without one."""
    trust_remote_code: bool = False
    """Allow a model's own Python code from its directory (needed by some architectures)."""
    env: dict[str, str] = Field(default_factory=dict)
    """Environment variables for the engine, such as ``VLLM_CPU_KVCACHE_SPACE: "2"`` (GiB of KV
    cache on CPU builds); ``vllm`` sets them in this process before loading, ``vllm-server`` in
    the server's."""
    engine_kwargs: dict[str, Any] = Field(default_factory=dict)
    """Further ``vllm.LLM``/engine arguments passed as given, such as ``{"swap_space": 4}``,
    ``{"quantization": "fp8"}`` or ``{"enable_prefix_caching": false}``; for the server backend
    they become ``--key-with-dashes value`` flags."""

    @field_validator("engine_kwargs")
    @classmethod
    def _no_duplicates(cls, value: dict[str, Any]) -> dict[str, Any]:
        clash = sorted(_OWN_FIELDS & set(value))
        if clash:
            raise ValueError(f"engine_kwargs may not set {', '.join(clash)}: use the option of that name")
        return value

    def engine_args(self) -> dict[str, Any]:
        """Keyword arguments for ``vllm.LLM`` (unset options are left to vLLM)."""
        args: dict[str, Any] = {
            "dtype": self.dtype,
            "tensor_parallel_size": self.tensor_parallel_size,
            "pipeline_parallel_size": self.pipeline_parallel_size,
            "gpu_memory_utilization": self.gpu_memory_utilization,
            "enforce_eager": self.enforce_eager,
            "trust_remote_code": self.trust_remote_code,
        }
        for name in ("max_model_len", "distributed_executor_backend", "seed"):
            if getattr(self, name) is not None:
                args[name] = getattr(self, name)
        return {**args, **self.engine_kwargs}


def weights_digest(path: str) -> dict[str, Any] | None:
    """sha256 of each ``*.safetensors`` file in a local model directory, streamed, and one digest
    over all of them (file names and hashes, sorted); ``None`` when the weights are not local."""
    folder = Path(path)
    files = sorted(folder.glob("*.safetensors")) if folder.is_dir() else []
    if not files:
        return None
    per_file = {f.name: embedded.file_sha256(f) for f in files}
    combined = hashlib.sha256("".join(f"{name}\0{digest}\n" for name, digest in per_file.items()).encode())
    return {"weights_sha256": combined.hexdigest(), "weights_files": per_file}


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

    # -- lifecycle -------------------------------------------------------------------------
    @classmethod
    def with_engine(cls, target: Any, llm: Any, options: VLLMEngineOptions | None = None) -> VLLMBackend:
        """A backend over an engine that is already loaded (shared by tests and benchmarks);
        ``aclose`` leaves that engine running."""
        backend = cls(target, options or VLLMEngineOptions())
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
        log.info("loading %s with vLLM (%s)", path, self.options.engine_args())
        llm = LLM(model=path, **self.options.engine_args())
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
        info["engine"] = {"vllm_version": _vllm_version(), **self.options.engine_args()}
        return info

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


def _vllm_version() -> str | None:
    try:
        import vllm

        return str(vllm.__version__)
    except Exception:  # noqa: BLE001 - informational only
        return None
