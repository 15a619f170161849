"""The transformers backend: loads a model in-process and samples with ``generate``.

Two engines: ``static`` (default) left-pads prompts of similar length into batches and draws each batch
from one generator seeded with the batch's first sample seed, finished samples leaving the batch
(hf_decode.py); ``continuous`` hands every sample to transformers' continuous batching
(``generate_batch``), which schedules them itself.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from harness import embedded
from harness.backends import hf_decode
from harness.backends.base import Backend
from harness.backends.chat import ChatTemplate
from harness.records import Completion, GenRequest


class TransformersOptions(BaseModel):
    """Options of the transformers backend."""

    model_config = ConfigDict(extra="forbid")

    device: str = "auto"
    """``auto`` (CUDA when available, else CPU), ``cpu``, ``cuda``, ``cuda:1`` ..."""
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"
    """Weights dtype; ``auto``: bfloat16 on GPUs and on CPUs with native bfloat16 arithmetic (AVX-512
    BF16 or AMX), where it samples about 1.75 times as fast as float32; float32 on other CPUs, where
    bfloat16 is emulated and slower. The dtype used is recorded in the manifest."""
    batch_size: int = Field(64, ge=1)
    """Sequences generated together (prompts x samples). Larger batches spread torch's per-step
    overhead on CPU; bench/bench_engines.py compares 32, 64 and 128."""
    threads: int | None = Field(None, ge=1)
    """CPU threads for torch; default: torch's own choice."""
    sampler: Literal["nucleus", "transformers"] = "nucleus"
    """Temperature and top-p: ``nucleus`` (idprobe's, without sorting the vocabulary at every step:
    the same tokens kept up to floating-point ties, and several times faster per step on CPU) or
    ``transformers`` (its own temperature and top-p warpers)."""
    engine: Literal["static", "continuous"] = "static"
    """``static``: batches of prompts of similar length, reproducible from the recorded seeds;
    ``continuous``: transformers' continuous batching (no padding; not reproducible)."""
    drop_finished: bool = True
    """``static`` engine: a sample that has stopped leaves the batch at once, instead of riding along
    as padding until the batch's longest sample ends (``generate``'s way, kept with ``false``). On
    the rio-case suite that padding was 1.5-3.4 times the tokens kept. Models whose generation config
    adds logits processors (a repetition penalty, ...) always use ``generate``."""


class TransformersBackend(Backend):
    """Runs a local model (a directory, a hub-style name already in the local cache, or
    ``embedded:smollm2``) with transformers. Samples of one prompt are drawn together with
    ``num_return_sequences``; prompts are left-padded into batches."""

    name = "transformers"
    Options = TransformersOptions
    options: TransformersOptions

    async def start(self) -> None:
        await asyncio.to_thread(self._load)

    def _load(self) -> None:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        if self.options.threads:
            torch.set_num_threads(self.options.threads)
        path = embedded.resolve_model(self.target.model)
        device = self.options.device
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        dtype = self.options.dtype
        if dtype == "auto":
            dtype = "bfloat16" if device != "cpu" or cpu_has_native_bf16() else "float32"
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.tokenizer.padding_side = "left"  # decoder-only models continue from the right edge
        if self.tokenizer.pad_token_id is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        model = AutoModelForCausalLM.from_pretrained(path, dtype=getattr(torch, dtype))
        # transformers types PreTrainedModel.to through functools.wraps(Module.to), which mypy reads
        # as unbound (self expected first); the call is the ordinary bound one.
        self.model = model.to(device).eval()  # type: ignore[arg-type]
        self.device, self.dtype = device, dtype
        self.chat = ChatTemplate.prepare(self.tokenizer, self.target)
        self.stops = hf_decode.stop_ids(self.model, self.tokenizer) | {self.tokenizer.pad_token_id}
        self.drops_finished = self.options.drop_finished and hf_decode.can_prune(self.model)

    def model_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {"model": self.target.model, "backend": self.name}
        if embedded.is_embedded(self.target.model):
            info.update(embedded.source_info(self.target.model))
        info["device"] = getattr(self, "device", None)
        info["dtype"] = getattr(self, "dtype", None)
        return info

    def seed_statement(self) -> str:
        if self.options.engine == "continuous":
            return ("The transformers backend ran with continuous batching: samples share one random generator "
                    "in the order its scheduler runs them, so the recorded seed (the first sample's of the call) "
                    "does not reproduce a text.")
        dropping = ("finished samples leave the batch at once (idprobe's decoding loop)"
                    if getattr(self, "drops_finished", self.options.drop_finished) else
                    "transformers' generate keeps finished samples in the batch as padding")
        return ("The transformers backend draws the samples of one batch (prompts of similar length, up to "
                f"batch_size={self.options.batch_size} sequences) from one torch generator seeded with the "
                f"batch's first sample seed, which is the seed recorded with every sample of that batch; {dropping}. "
                "Rerunning the same suite, target and run seed uninterrupted reproduces the texts with the same "
                "model files, the same torch and transformers versions, device and dtype (tested for two "
                "uninterrupted runs on CPU); a resumed run or --retry-errors batches the remaining samples "
                "differently and draws other texts for them.")

    async def generate(self, requests: Sequence[GenRequest]) -> AsyncIterator[Completion]:
        assert self.chat is not None
        chat = self.chat  # the lambda below does not see the assert's narrowing of self.chat
        if self.options.engine == "continuous":
            from harness.backends.hf_continuous import generate_continuous

            for completion in await asyncio.to_thread(generate_continuous, self, list(requests)):
                yield completion
            return
        # Similar lengths batch together, so little of each batch is padding.
        ordered = sorted(requests, key=lambda r: len(self.tokenizer(chat.render(r.messages))["input_ids"]))
        for batch in _batches(ordered, self.options.batch_size):
            for completion in await asyncio.to_thread(self._generate_batch, batch):
                yield completion

    def _generate_batch(self, batch: list[GenRequest]) -> list[Completion]:
        """Generate every sample of requests that all want the same number of samples."""
        import torch

        started = time.perf_counter()
        assert self.chat is not None
        texts = [self.chat.render(r.messages) for r in batch]
        enc = self.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False).to(self.device)
        n = len(batch[0].sample_indices)
        sampling = batch[0].sampling
        seed = batch[0].seeds[0]
        torch.manual_seed(seed)  # one generator per batch: reproducible for the same batching (seed_statement)
        greedy = sampling.temperature == 0
        with torch.inference_mode():
            if self.drops_finished:
                warper = _warper(greedy, sampling.temperature, sampling.top_p, self.options.sampler)
                new_tokens: Any = hf_decode.sample(self.model, enc, n, sampling.max_tokens, warper, self.stops)
            else:
                out = self.model.generate(
                    **enc,
                    **_sampling_kwargs(greedy, sampling.temperature, sampling.top_p, self.options.sampler),
                    max_new_tokens=sampling.max_tokens,
                    num_return_sequences=n,
                    pad_token_id=self.tokenizer.pad_token_id,
                )
                new_tokens = out[:, enc["input_ids"].shape[1] :]
        latency = time.perf_counter() - started
        prompt_lengths = enc["attention_mask"].sum(dim=1).tolist()
        return [
            self._completion(request, j, new_tokens[i * n + j], int(prompt_lengths[i]), latency, seed)
            for i, request in enumerate(batch)
            for j in range(n)
        ]

    def _completion(  # noqa: PLR0913 - one sample's fields, gathered where they are known
        self, request: GenRequest, j: int, tokens: Any, prompt_tokens: int, latency: float, seed: int
    ) -> Completion:
        ids = tokens if isinstance(tokens, list) else tokens.tolist()
        cut = next((k for k, t in enumerate(ids) if t in self.stops), None)
        kept = ids if cut is None else ids[:cut]
        text = self.tokenizer.decode(kept, skip_special_tokens=True)
        assert isinstance(text, str)  # one flat id list gives one string; decode is also typed for batches
        return Completion(
            prompt_id=request.prompt_id,
            condition=request.condition,
            sample_index=request.sample_indices[j],
            text=text,
            finish_reason="length" if cut is None else "stop",
            prompt_tokens=prompt_tokens,
            completion_tokens=len(kept),
            latency_s=round(latency, 4),
            seed=seed,  # the batch generator's seed: what reproduces this sample
        )


def _sampling_kwargs(greedy: bool, temperature: float, top_p: float, sampler: str) -> dict[str, Any]:
    """generate()'s sampling arguments. With the ``nucleus`` sampler, temperature and top-p go through
    NucleusWarper, which avoids sorting the vocabulary at every step, and transformers' own warpers
    are switched off (1.0, 0)."""
    if greedy:
        return {"do_sample": False, "temperature": None, "top_p": None, "top_k": None}
    if sampler == "transformers":
        return {"do_sample": True, "temperature": temperature, "top_p": top_p, "top_k": None}
    from transformers import LogitsProcessorList

    from harness.backends.nucleus import NucleusWarper

    return {"do_sample": True, "temperature": 1.0, "top_p": 1.0, "top_k": 0,
            "logits_processor": LogitsProcessorList([NucleusWarper(temperature, top_p)])}


def _warper(greedy: bool, temperature: float, top_p: float, sampler: str) -> Callable[[Any], Any]:
    """The step from logits to the scores drawn from, for hf_decode (None: greedy), in the same
    order as ``generate``: temperature, then top-p."""
    if greedy:
        return lambda logits: None
    if sampler == "nucleus":
        from harness.backends.nucleus import NucleusWarper

        nucleus = NucleusWarper(temperature, top_p)
        return lambda logits: nucleus(None, logits)
    from transformers import LogitsProcessorList, TemperatureLogitsWarper, TopPLogitsWarper

    warpers = LogitsProcessorList([TemperatureLogitsWarper(temperature), TopPLogitsWarper(top_p)])
    # Temperature and top-p warpers never read input_ids; transformers types it as required.
    return lambda logits: warpers(None, logits)  # type: ignore[arg-type]


def cpu_has_native_bf16() -> bool:
    """Whether this CPU does bfloat16 arithmetic in hardware (x86 AVX-512 BF16 or AMX, read from
    /proc/cpuinfo). Elsewhere (other OSes, Arm, older x86) False: float32 is the safe choice there."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_bf16", "amx_bf16"})
    except OSError:
        pass
    return False


def _batches(requests: Sequence[GenRequest], batch_size: int) -> list[list[GenRequest]]:
    """Group requests wanting the same number of samples, about ``batch_size`` sequences each."""
    by_n: dict[int, list[GenRequest]] = {}
    for request in requests:
        by_n.setdefault(len(request.sample_indices), []).append(request)
    batches: list[list[GenRequest]] = []
    for n, group in by_n.items():
        per_batch = max(1, batch_size // n)
        batches.extend(group[i : i + per_batch] for i in range(0, len(group), per_batch))
    return batches
