"""ulp grids, the streamed fit, chunking, the min-ulps filter and configuration errors."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from pydantic import ValidationError

from harness.weights.config import MAX_CHUNK_ELEMENTS, WeightsConfig
from harness.weights.floats import round_to, same_bits, ulp
from harness.weights.job import row_ranges
from harness.weights.numerics import FitSums, kappa

TORCH_DTYPE = {"BF16": torch.bfloat16, "F16": torch.float16, "F32": torch.float32}


@pytest.mark.parametrize("grid", ["BF16", "F16", "F32"])
def test_ulp_equals_distance_to_next_representable_value(grid: str) -> None:
    # torch (test environment only) is the independent oracle: it has bf16 and nextafter on it.
    x = torch.randn(10_000, dtype=torch.float64) * torch.logspace(-3, 3, 10_000, dtype=torch.float64)
    x = x.to(TORCH_DTYPE[grid])
    ax = x.abs()
    spacing = (torch.nextafter(ax, torch.full_like(ax, math.inf)) - ax).to(torch.float64).numpy()
    assert np.array_equal(ulp(x.float().numpy(), grid).astype(np.float64), spacing)


@pytest.mark.parametrize("grid", ["BF16", "F16"])
def test_rounding_to_a_grid_matches_torch_bit_for_bit(grid: str) -> None:
    # Ties, overflow to inf, subnormals and signed zeros included.
    gen = torch.Generator().manual_seed(3)
    x = (torch.randn(200_000, generator=gen, dtype=torch.float64)
         * torch.logspace(-45, 38, 200_000, dtype=torch.float64)).float()
    x[:6] = torch.tensor([math.inf, -math.inf, 0.0, -0.0, 3.39e38, 1.0 + 2.0**-8])
    expected = x.to(TORCH_DTYPE[grid]).float().numpy().view(np.uint32)
    assert np.array_equal(round_to(x.numpy(), grid).view(np.uint32), expected)


def test_same_bits_distinguishes_signed_zeros() -> None:
    a = np.array([0.0, 1.0], dtype=np.float32)
    b = np.array([-0.0, 1.0], dtype=np.float32)
    assert same_bits(a, b).tolist() == [False, True]


def _streamed(x: np.ndarray, y: np.ndarray, chunk: int) -> FitSums:
    sums = FitSums(p=x.shape[0])
    for a in range(0, y.size, chunk):
        sums.add(x[:, a:a + chunk], y[a:a + chunk], np.ones(y[a:a + chunk].size, dtype=x.dtype), None)
    return sums


def test_streamed_fit_matches_direct_least_squares_for_any_chunking() -> None:
    gen = np.random.default_rng(0)
    x = gen.standard_normal((2, 50_000))
    y = 0.3 * x[0] - 0.2 * x[1] + 0.01 * gen.standard_normal(50_000)
    direct = np.linalg.lstsq(x.T, y, rcond=None)[0]
    rss = float(((y - direct @ x) ** 2).sum())
    for chunk in (1_000, 7_777, 50_000):
        fit = _streamed(x, y, chunk).fit_kept()
        assert fit is not None
        assert fit.beta == pytest.approx(direct.tolist(), abs=1e-12)
        assert fit.rss == pytest.approx(rss, rel=1e-9)


def test_residual_far_below_signal_is_measured_without_cancellation() -> None:
    # y = 0.57 x + e with |e| ~ 1e-9 |y|: y'y - beta'X'y would lose all digits of RSS.
    gen = np.random.default_rng(1)
    x = gen.standard_normal((1, 200_000))
    e = 1e-9 * gen.standard_normal(200_000)
    y = 0.57 * x[0] + e
    fit = _streamed(x, y, 10_000).fit_kept()
    assert fit is not None
    assert fit.rss == pytest.approx(float(e @ e), rel=0.01)


def test_min_ulps_filter_removes_the_pull_toward_round_values(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from harness.weights.job import analyze_tensor
    from harness.weights.models import TensorTask
    from harness.weights.sources import open_checkpoint
    from harness.weights.st_numpy import write_raw

    gen = np.random.default_rng(2)
    r = round_to(gen.standard_normal(200_000).astype(np.float32), "BF16")
    # Most parent differences are one ulp; a tenth are large.
    big = gen.random(200_000) < 0.1
    step = np.where(big, 100.0, 1.0).astype(np.float32) * ulp(r, "BF16")
    p = round_to(r + step, "BF16")
    s = round_to(np.float32(0.57) * p + np.float32(0.43) * r, "BF16")
    refs = {}
    for key, t in {"s": s, "r": r, "p": p}.items():
        file = write_raw(tmp_path / f"{key}.safetensors", {"w": ("BF16", (t.view(np.uint32) >> 16).astype(np.uint16))})
        refs[key] = open_checkpoint(file).tensors["w"]
    task = TensorTask(suspect=refs["s"], reference=refs["r"], parents=(refs["p"],), chunk_elements=65_536,
                      min_ulps=32, ulp_dtype="BF16", exact_max_elements=0, min_kept=64)
    res = analyze_tensor(task)
    assert res.alpha is not None and res.alpha_all is not None
    assert res.alpha[0] == pytest.approx(0.57, abs=0.003)
    assert abs(res.alpha_all[0] - 0.57) > 3 * abs(res.alpha[0] - 0.57)  # the unfiltered fit is biased
    assert 0.05 * 200_000 < res.n_kept < 0.15 * 200_000


def test_kappa_is_one_for_uniform_rounding_noise() -> None:
    n, u = 1_000_000, 2.0**-8
    rss = n * u * u / 12
    assert kappa(rss, n, n * u * u) == pytest.approx(1.0)


def test_row_ranges_cover_every_row_once_and_respect_the_chunk() -> None:
    ranges = row_ranges((1000, 300), 10_000)
    assert ranges[0] == (0, 33) and ranges[-1][1] == 1000
    assert sum(b - a for a, b in ranges) == 1000
    assert row_ranges((5, 1_000_000), 10)[0] == (0, 1)  # a row bigger than the chunk is read alone
    assert row_ranges((7,), 3) == [(0, 3), (3, 6), (6, 7)]


def test_chunk_shrinks_with_workers_and_memory(tmp_path) -> None:
    def chunk(mb: int, workers: int) -> int:
        return WeightsConfig(suspect=tmp_path / "s", parents=(tmp_path / "p",), base=tmp_path / "r",
                             max_memory_mb=mb, workers=workers).chunk_elements()

    assert chunk(64, 4) < chunk(64, 1) <= MAX_CHUNK_ELEMENTS
    assert chunk(16, 8) * 8 * 168 <= 16 * 1024 * 1024 or chunk(16, 8) == 1024


def test_config_refuses_a_fit_without_any_parent_column(tmp_path) -> None:
    with pytest.raises(ValidationError, match="nothing to fit"):
        WeightsConfig(suspect=tmp_path / "s", parents=(tmp_path / "p",))
    with pytest.raises(ValidationError, match="also given as a parent"):
        WeightsConfig(suspect=tmp_path / "s", parents=(tmp_path / "p",), base=tmp_path / "p")
    with pytest.raises(ValidationError):
        WeightsConfig(suspect=tmp_path / "s", parents=(tmp_path / "p",), base=tmp_path / "r", surprise=1)


@pytest.mark.parametrize(
    ("name", "component", "layer"),
    [
        ("model.layers.3.self_attn.q_proj.weight", "attention", 3),
        ("model.layers.3.post_attention_layernorm.weight", "norms", 3),
        ("model.layers.12.mlp.experts.7.down_proj.weight", "mlp/experts", 12),
        ("model.layers.0.mlp.gate.weight", "mlp/experts", 0),
        ("model.embed_tokens.weight", "embeddings", None),
        ("lm_head.weight", "head", None),
        ("blk.4.attn_v.weight", "attention", 4),
        ("blk.4.ffn_up.weight", "mlp/experts", 4),
        ("output.weight", "head", None),
        ("output_norm.weight", "norms", None),
        ("token_embd.weight", "embeddings", None),
    ],
)
def test_tensor_names_map_to_components_and_layers(name: str, component: str, layer: int | None) -> None:
    from harness.weights.naming import component_of, layer_of

    assert component_of(name) == component
    assert layer_of(name) == layer
