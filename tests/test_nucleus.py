"""NucleusWarper keeps the same tokens as transformers' temperature + top-p warpers, without a sort."""

from __future__ import annotations

import pytest
import torch
from transformers.generation.logits_process import TemperatureLogitsWarper, TopPLogitsWarper

from harness.backends.nucleus import FIRST_K, NucleusWarper


def _reference(scores: torch.Tensor, temperature: float, top_p: float) -> torch.Tensor:
    return TopPLogitsWarper(top_p)(None, TemperatureLogitsWarper(temperature)(None, scores))


def _logits(rows: int, vocab: int, spread: float, seed: int) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(rows, vocab, generator=generator) * spread


@pytest.mark.parametrize("spread", [8.0, 30.0])  # peaked, as a language model's next-token logits are
@pytest.mark.parametrize(("temperature", "top_p"), [(0.7, 0.95), (1.0, 0.9), (1.3, 0.5), (0.2, 0.99)])
def test_keeps_the_same_tokens_as_transformers_top_p(spread: float, temperature: float, top_p: float) -> None:
    scores = _logits(48, 49152, spread, seed=int(spread * 10))
    ours, theirs = NucleusWarper(temperature, top_p)(None, scores), _reference(scores, temperature, top_p)
    assert torch.equal(torch.isinf(ours), torch.isinf(theirs))
    kept = ~torch.isinf(ours)
    assert torch.equal(ours[kept], theirs[kept])  # the surviving logits are divided exactly alike


@pytest.mark.parametrize("spread", [0.5, 2.0])  # flat: nuclei of 4,000-40,000 tokens
@pytest.mark.parametrize(("temperature", "top_p"), [(0.7, 0.95), (1.0, 0.9), (0.2, 0.99)])
def test_wide_nuclei_differ_at_most_by_one_boundary_token_of_rounding_size(spread: float, temperature: float, top_p: float) -> None:
    # Summing tens of thousands of float32 probabilities from the top (here) or from the bottom
    # (transformers) rounds differently, so the last token in or out may differ: by one token per
    # row at most, carrying a probability far below anything a sample could notice.
    scores = _logits(48, 49152, spread, seed=int(spread * 10))
    ours, theirs = torch.isinf(NucleusWarper(temperature, top_p)(None, scores)), torch.isinf(_reference(scores, temperature, top_p))
    differ = ours != theirs
    assert differ.sum(dim=-1).max() <= 1
    assert ((scores / temperature).softmax(dim=-1) * differ).sum(dim=-1).max() < 1e-4


def test_a_nucleus_wider_than_the_first_k_is_found_by_growing_k() -> None:
    scores = _logits(4, 49152, 0.1, seed=1)  # nearly uniform: the 0.9 nucleus holds ~44,000 tokens
    ours = torch.isinf(NucleusWarper(1.0, 0.9)(None, scores))
    assert (~ours).sum(dim=-1).min() > FIRST_K * 8
    assert (ours != torch.isinf(_reference(scores, 1.0, 0.9))).sum(dim=-1).max() <= 1


def test_the_most_likely_token_is_always_kept_and_top_p_1_keeps_all() -> None:
    scores = _logits(8, 1000, 50.0, seed=2)
    assert (~torch.isinf(NucleusWarper(1.0, 0.01)(None, scores))).sum(dim=-1).tolist() == [1] * 8
    assert not torch.isinf(NucleusWarper(0.5, 1.0)(None, scores)).any()


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="temperature"):
        NucleusWarper(0.0, 0.9)
    with pytest.raises(ValueError, match="top_p"):
        NucleusWarper(0.7, 0.0)
