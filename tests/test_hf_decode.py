"""The static engine's decoding loop (harness/backends/hf_decode.py), where finished samples leave the
batch, against transformers' ``generate`` on the embedded SmolLM2: the same tokens where the two must
agree, and ``generate`` wherever the loop would not sample what it samples."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from harness.backends import create_backend, hf_decode
from harness.backends.hf import TransformersBackend, _sampling_kwargs, _warper
from harness.target import Target

pytestmark = pytest.mark.slow

QUESTIONS = ["Who are you?", "Say only: yes.", "Qui t'a créé ?", "Write two sentences about the sea.",
             "What is 2+2? Answer with the number.", "你是谁？"]


@pytest.fixture(scope="module")
def backend() -> TransformersBackend:
    target = Target.model_validate({"backend": "transformers", "model": "embedded:smollm2",
                                    "options": {"device": "cpu", "dtype": "float32"}})
    made = create_backend(target)
    assert isinstance(made, TransformersBackend)
    asyncio.run(made.start())
    return made


def _encode(backend: TransformersBackend) -> Any:
    texts = [backend.tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False,
                                                   add_generation_prompt=True) for q in QUESTIONS]
    return backend.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)


def _generate(backend: TransformersBackend, enc: Any, n: int, greedy: bool, max_new: int) -> list[list[int]]:
    import torch

    with torch.inference_mode():
        out = backend.model.generate(**enc, **_sampling_kwargs(greedy, 0.8, 0.95, "nucleus"), max_new_tokens=max_new,
                                     num_return_sequences=n, pad_token_id=backend.tokenizer.pad_token_id)
    return [row.tolist() for row in out[:, enc["input_ids"].shape[1]:]]


def _loop(backend: TransformersBackend, enc: Any, n: int, greedy: bool, max_new: int) -> list[list[int]]:
    import torch

    with torch.inference_mode():
        return hf_decode.sample(backend.model, enc, n, max_new, _warper(greedy, 0.8, 0.95, "nucleus"), backend.stops)


def _until_stop(tokens: list[int], stops: set[int]) -> list[int]:
    cut = next((k for k, t in enumerate(tokens) if t in stops), None)
    return tokens if cut is None else tokens[: cut + 1]


def test_greedy_decoding_equals_generate_while_short_answers_leave_early(backend: TransformersBackend) -> None:
    enc = _encode(backend)
    ours, theirs = _loop(backend, enc, 1, True, 24), _generate(backend, enc, 1, True, 24)
    lengths = [len(tokens) for tokens in ours]
    assert min(lengths) < 24 and max(lengths) == 24  # some rows left the batch before the others ended
    assert ours == [_until_stop(tokens, backend.stops) for tokens in theirs]


def test_sampled_tokens_equal_generates_until_the_first_sample_stops(backend: TransformersBackend) -> None:
    import torch

    enc = _encode(backend)
    torch.manual_seed(11)
    ours = _loop(backend, enc, 3, False, 24)
    torch.manual_seed(11)
    theirs = [_until_stop(tokens, backend.stops) for tokens in _generate(backend, enc, 3, False, 24)]
    first_stop = min(len(tokens) for tokens in ours)  # the step at which the batch first shrank
    assert first_stop < 24
    assert [tokens[:first_stop] for tokens in ours] == [tokens[:first_stop] for tokens in theirs]
    assert all(tokens[-1] in backend.stops or len(tokens) == 24 for tokens in ours)


def test_a_generation_config_with_a_repetition_penalty_keeps_generate(backend: TransformersBackend) -> None:
    assert hf_decode.can_prune(backend.model) and backend.drops_finished
    config = backend.model.generation_config
    before, config.repetition_penalty = config.repetition_penalty, 1.3
    try:
        assert not hf_decode.can_prune(backend.model)
    finally:
        config.repetition_penalty = before


def test_seed_statement_says_whether_finished_samples_leave_the_batch(backend: TransformersBackend) -> None:
    assert "finished samples leave the batch" in backend.seed_statement()
    backend.drops_finished = False
    try:
        assert "keeps finished samples in the batch as padding" in backend.seed_statement()
    finally:
        backend.drops_finished = True
