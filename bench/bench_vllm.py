"""Samples per second through the vLLM offline backend against a raw ``vllm.LLM.chat`` call.

Both sides use one warm engine, the same prompts (the first ``--prompts`` of a suite, condition
"none"), the same chat template (the strict one the harness uses) and the same sampling. Raw is
what one would write by hand: one ``chat`` call, one conversation per prompt, ``n`` samples each
with ``SamplingParams(n=...)``. The harness submits one seeded request per sample (so samples are
reproducible and resumable) and yields each as it finishes. A third line, raw with one seeded
request per sample, separates the cost of per-sample seeds from the harness's own overhead.

    python bench/bench_vllm.py                          # CPU defaults: small and quick
    python bench/bench_vllm.py --dtype auto --prompts 71 --n 32 --max-tokens 96   # on a GPU

Target: harness / raw >= 0.9.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from harness import embedded
from harness.backends.vllm_offline import VLLMBackend, VLLMEngineOptions, shutdown_engine
from harness.plan import plan_requests
from harness.records import GenRequest
from harness.suite import load_suite
from harness.target import Target

ROOT = Path(__file__).resolve().parent.parent


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="embedded:smollm2")
    parser.add_argument("--suite", type=Path, default=ROOT / "probes" / "identity.yaml")
    parser.add_argument("--prompts", type=int, default=8, help="prompts taken from the suite")
    parser.add_argument("--n", type=int, default=8, help="samples per prompt")
    parser.add_argument("--max-tokens", type=int, default=32)
    parser.add_argument("--temperature", type=float, default=0.8)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per side (median reported)")
    parser.add_argument("--dtype", default="float32")
    parser.add_argument("--max-model-len", type=int, default=1024)
    return parser.parse_args()


def build_requests(args: argparse.Namespace) -> list[GenRequest]:
    suite, _ = load_suite(args.suite)
    sampling = suite.sampling.model_copy(
        update={"n": args.n, "max_tokens": args.max_tokens, "temperature": args.temperature}
    )
    none = [c for c in suite.conditions if not c.system_prompt] or suite.conditions[:1]
    suite = suite.model_copy(
        update={"prompts": suite.prompts[: args.prompts], "conditions": none, "sampling": sampling}
    )
    return plan_requests(suite)


def run_harness(backend: VLLMBackend, requests: list[GenRequest]) -> tuple[float, int]:
    async def collect() -> list[Any]:
        return [c async for c in backend.generate(requests)]

    started = time.perf_counter()
    out = asyncio.run(collect())
    assert all(c.ok for c in out), [c.error for c in out if not c.ok][:3]
    return time.perf_counter() - started, len(out)


def run_raw(llm: Any, template: str | None, requests: list[GenRequest], per_sample: bool) -> tuple[float, int]:
    from vllm import SamplingParams

    s = requests[0].sampling
    convs, params = [], []
    for req in requests:
        messages = [{"role": m.role, "content": m.content} for m in req.messages]
        if per_sample:
            for seed in req.seeds:
                convs.append(messages)
                params.append(
                    SamplingParams(n=1, temperature=s.temperature, top_p=s.top_p, max_tokens=s.max_tokens, seed=seed)
                )
        else:
            convs.append(messages)
            params.append(
                SamplingParams(n=s.n, temperature=s.temperature, top_p=s.top_p, max_tokens=s.max_tokens, seed=s.seed)
            )
    started = time.perf_counter()
    outputs = llm.chat(convs, params, use_tqdm=False, chat_template=template, chat_template_content_format="string")
    return time.perf_counter() - started, sum(len(o.outputs) for o in outputs)


def main() -> None:
    args = parse_args()
    os.environ.setdefault("VLLM_CPU_KVCACHE_SPACE", "2")
    from vllm import LLM

    options = VLLMEngineOptions(dtype=args.dtype, max_model_len=args.max_model_len, enforce_eager=True)
    llm = LLM(model=embedded.resolve_model(args.model), **options.engine_args())
    try:
        backend = VLLMBackend.with_engine(Target(backend="vllm", model=args.model), llm, options)
        requests = build_requests(args)
        template = backend._engine_template
        run_raw(llm, template, requests[:2], per_sample=False)  # warm-up: first-call costs on neither side
        run_harness(backend, requests[:2])
        sides = {"raw_n": [], "raw_per_sample": [], "harness": []}
        for _ in range(args.rounds):  # interleaved, so drift in machine load hits every side alike
            sides["raw_n"].append(run_raw(llm, template, requests, per_sample=False))
            sides["harness"].append(run_harness(backend, requests))
            sides["raw_per_sample"].append(run_raw(llm, template, requests, per_sample=True))
    finally:
        shutdown_engine(llm)
    rates = {name: statistics.median(count / wall for wall, count in runs) for name, runs in sides.items()}
    samples = sides["harness"][0][1]
    print(f"{samples} samples per round ({args.prompts} prompts x {args.n}, max_tokens {args.max_tokens}), "
          f"median of {args.rounds} rounds")  # fmt: skip
    print(f"raw LLM.chat, n per prompt       : {rates['raw_n']:8.2f} samples/s")
    print(f"raw LLM.chat, seeded per sample  : {rates['raw_per_sample']:8.2f} samples/s")
    print(f"harness VLLMBackend.generate     : {rates['harness']:8.2f} samples/s")
    print(f"ratio harness / raw (n)          : {rates['harness'] / rates['raw_n']:8.3f}   (target >= 0.9)")
    print(f"ratio harness / raw (per sample) : {rates['harness'] / rates['raw_per_sample']:8.3f}")
    print(json.dumps({"bench": "vllm", **{k: round(v, 3) for k, v in rates.items()}, "samples": samples}))


if __name__ == "__main__":
    main()
