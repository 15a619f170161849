"""The transformers backend's ``continuous`` engine: every sample handed to ``generate_batch`` at once.

transformers' continuous batching schedules requests itself (paged KV cache, no padding); each
sample is its own request so that its text maps back to its sample index without relying on how
the engine forks ``num_return_sequences``.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from harness.records import Completion, GenRequest

if TYPE_CHECKING:
    from harness.backends.hf import TransformersBackend


def generate_continuous(backend: TransformersBackend, requests: list[GenRequest]) -> list[Completion]:
    """All samples of ``requests`` in one continuous-batching call (requests must share sampling)."""
    import torch
    from transformers import GenerationConfig

    assert backend.chat is not None
    started = time.perf_counter()
    samples = [(r, j) for r in requests for j in range(len(r.sample_indices))]
    prompts = {id(r): backend.tokenizer(backend.chat.render(r.messages), add_special_tokens=False)["input_ids"] for r in requests}
    sampling = requests[0].sampling
    greedy = sampling.temperature == 0
    config = GenerationConfig(
        do_sample=not greedy,
        temperature=None if greedy else sampling.temperature,
        top_p=None if greedy else sampling.top_p,
        top_k=None,
        max_new_tokens=sampling.max_tokens,
        eos_token_id=backend.tokenizer.eos_token_id,
        pad_token_id=backend.tokenizer.pad_token_id,
    )
    seed = requests[0].seeds[0]
    torch.manual_seed(seed)
    # generate_batch runs under no_grad itself; inference_mode would break its in-place buffer resets.
    outputs = backend.model.generate_batch(inputs=[prompts[id(r)] for r, _ in samples], generation_config=config)
    latency = time.perf_counter() - started
    # generate_batch returns results in input order and leaves out requests it lost.
    results = list(outputs.values())
    if len(results) != len(samples):
        raise RuntimeError(f"continuous batching returned {len(results)} of {len(samples)} samples")
    completions = []
    for (request, j), result in zip(samples, results):
        completion = backend._completion(request, j, list(result.generated_tokens), len(prompts[id(request)]), latency, seed)
        if result.error is not None:
            completion = replace(completion, text=None, finish_reason=None, error=f"continuous batching: {result.error}")
        completions.append(completion)
    return completions
