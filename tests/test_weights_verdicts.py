"""The weights check on checkpoints built from the real SmolLM2 weights (see weights_fixtures)."""

from __future__ import annotations

import functools

import pytest

from harness.weights import WeightsConfig, WeightsResult, run_weights
from weights_fixtures import family


@functools.cache
def analyse(suspect: str, parents: tuple[str, ...]) -> WeightsResult:
    """Run once per (suspect, parents) pair; the base is always SmolLM2."""
    fam = family()
    config = WeightsConfig(suspect=getattr(fam, suspect), parents=tuple(getattr(fam, p) for p in parents),
                           base=fam.base, progress=False, max_memory_mb=64)
    return run_weights(config)


def test_blend_recovers_alpha_within_half_a_percent() -> None:
    result = analyse("blend", ("p1",))
    assert result.overall.alpha_mean is not None
    assert result.overall.alpha_mean[0] == pytest.approx(0.57, abs=0.005)
    for component in result.components:  # the same weight in every part of the model
        assert component.alpha_mean is not None
        assert component.alpha_mean[0] == pytest.approx(0.57, abs=0.005), component.key
    assert result.mismatched == []


def test_blend_is_called_blend_with_rounding_level_residual() -> None:
    result = analyse("blend", ("p1",))
    assert result.verdict.label == "blend"
    assert result.overall.kappa_median == pytest.approx(1.0, abs=0.2)
    assert result.overall.exact_share_kept is not None and result.overall.exact_share_kept > 0.99
    assert result.overall.cos_fit_median is not None and result.overall.cos_fit_median > 0.999
    best = [t.exact.alpha for t in result.tensors if t.exact is not None]
    assert best and all(a == [0.57] for a in best)  # the round value the merge used is found


def test_fit_keeps_most_elements_of_a_large_update() -> None:
    result = analyse("blend", ("p1",))
    assert result.overall.kept > 0.6 * result.overall.elements
    assert all(t.n_kept <= t.numel for t in result.tensors)


def test_blend_plus_noise_is_blend_plus_further_training() -> None:
    result = analyse("blend_trained", ("p1",))
    assert result.verdict.label == "blend plus further training"
    assert result.verdict.text.startswith("Derived from these parents")
    assert result.overall.alpha_mean is not None
    assert result.overall.alpha_mean[0] == pytest.approx(0.57, abs=0.005)
    assert result.overall.kappa_median is not None and result.overall.kappa_median > 10
    assert "changed after blending" in result.verdict.text and "50" not in result.verdict.label


@pytest.mark.parametrize("descendant", ["p2", "p2_child"])
def test_descendants_of_an_independent_fine_tune_are_not_derived_from_it(descendant: str) -> None:
    result = analyse(descendant, ("p1",))
    assert result.verdict.label == "not derived from these parents"
    assert result.verdict.text.startswith("The parents do not explain the suspect")
    assert result.recipe is not None and result.recipe.method == "unknown"
    assert result.overall.alpha_mean is not None
    assert abs(result.overall.alpha_mean[0]) < 0.02
    assert result.overall.cos_fit_median is not None and result.overall.cos_fit_median < 0.1


def test_second_parent_gets_no_weight_when_it_was_not_blended_in() -> None:
    result = analyse("blend", ("p1", "p2"))
    assert result.verdict.label == "blend"
    assert result.overall.alpha_mean is not None
    assert result.overall.alpha_mean[0] == pytest.approx(0.57, abs=0.005)
    assert result.overall.alpha_mean[1] == pytest.approx(0.0, abs=0.005)
    assert len(result.parent_labels) == 2


def test_child_of_second_parent_is_credited_to_it() -> None:
    result = analyse("p2_child", ("p1", "p2"))
    assert result.overall.alpha_mean is not None
    assert result.overall.alpha_mean[0] == pytest.approx(0.0, abs=0.01)
    assert result.overall.alpha_mean[1] == pytest.approx(0.6, abs=0.01)


def test_standard_errors_are_small_but_positive_on_big_tensors() -> None:
    result = analyse("blend", ("p1",))
    big = [t for t in result.tensors if t.numel > 100_000]
    assert big
    for t in big:
        assert t.alpha_se is not None and 0 < t.alpha_se[0] < 1e-3
        assert t.z is not None and t.z > 100


def test_bf16_values_stored_as_float32_are_judged_by_their_bf16_precision(tmp_path) -> None:
    """The Rio-case blend: 0.6 P + 0.4 R in float32, rounded to bf16 values, saved as float32."""
    import torch
    from safetensors.torch import save_file

    from weights_fixtures import load

    fam = family()
    base, p1 = load(fam.base), load(fam.p1)
    blend = {k: (0.6 * p1[k].float() + 0.4 * base[k].float()).to(torch.bfloat16).float() for k in base}
    save_file(blend, str(tmp_path / "blend32.safetensors"))
    result = run_weights(WeightsConfig(suspect=tmp_path / "blend32.safetensors", parents=(fam.p1,), base=fam.base,
                                       progress=False, max_memory_mb=64))
    assert result.verdict.label == "blend", result.verdict.text
    assert all(t.value_dtype == "BF16" and t.suspect_dtype == "F32" for t in result.tensors)
    assert result.overall.kappa_median == pytest.approx(1.0, abs=0.2)
    assert result.overall.alpha_mean is not None and result.overall.alpha_mean[0] == pytest.approx(0.6, abs=0.005)
    assert result.overall.exact_share_kept is not None and result.overall.exact_share_kept > 0.99


def test_float32_values_off_the_bf16_grid_keep_float32_precision(tmp_path) -> None:
    import torch
    from safetensors.torch import save_file

    from weights_fixtures import load

    fam = family()
    base, p1 = load(fam.base), load(fam.p1)
    blend = {k: 0.6 * p1[k].float() + 0.4 * base[k].float() for k in base}
    blend = {k: v + torch.randn(v.shape, generator=torch.Generator().manual_seed(0)) * 1e-3 * float(v.std())
             for k, v in blend.items()}  # small but far above float32 rounding
    save_file(blend, str(tmp_path / "trained32.safetensors"))
    result = run_weights(WeightsConfig(suspect=tmp_path / "trained32.safetensors", parents=(fam.p1,), base=fam.base,
                                       progress=False, max_memory_mb=64))
    assert all(t.value_dtype == "F32" for t in result.tensors)
    assert result.verdict.label == "blend plus further training"
