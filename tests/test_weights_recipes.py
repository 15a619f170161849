"""`idprobe weights` on merges mergekit itself made from SmolLM2-derived fine-tunes (bf16 and float32)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.weights import WeightsConfig, WeightsResult, run_weights
from weights_mergekit_fixtures import merge_root

TWO_PARENTS = ("task_arithmetic", "ties", "dare_ties", "dare_linear")
DTYPES = ("bfloat16", "float32")


@functools.cache
def analyse(suspect: str) -> WeightsResult:
    root = merge_root()
    kind = suspect.rsplit("-", 1)[0]
    if kind in TWO_PARENTS:
        parents = (root / "ft_far", root / "ft_far2")
    else:
        parents = (root / ("ft_near" if kind == "slerp_parallel" else "ft_far"),)
    return run_weights(WeightsConfig(suspect=root / suspect, parents=parents, base=root / "base", progress=False,
                                     max_memory_mb=64))


def _derived(result: WeightsResult) -> None:
    assert result.verdict.label in ("blend", "sparse merge"), result.verdict.text
    assert result.verdict.text.startswith("Derived from these parents"), result.verdict.text


@pytest.mark.parametrize("dtype", DTYPES)
def test_linear_merge_is_named_and_alpha_recovered(dtype: str) -> None:
    result = analyse(f"linear-{dtype}")
    _derived(result)
    assert result.recipe is not None and result.recipe.method == "linear"
    assert result.recipe.params["alpha"][0] == pytest.approx(0.6, abs=0.01)
    assert "task_arithmetic" in result.recipe.alternatives  # said plainly: same model, cannot be told apart


@pytest.mark.parametrize("dtype", DTYPES)
def test_slerp_at_a_large_angle_is_named_with_its_t(dtype: str) -> None:
    result = analyse(f"slerp-{dtype}")
    _derived(result)
    assert result.recipe is not None and result.recipe.method == "slerp"
    assert result.recipe.params["t"] == pytest.approx(0.35, abs=0.01)
    assert result.verdict.label == "blend"  # no "further training" on a merge that had none


@pytest.mark.parametrize("dtype", DTYPES)
def test_slerp_gradient_profile_over_layers_is_recovered(dtype: str) -> None:
    result = analyse(f"slerp_gradient-{dtype}")
    _derived(result)
    assert result.recipe is not None and result.recipe.method == "slerp"
    profile = result.recipe.params["t_by_layer"]
    assert profile["0"] == pytest.approx(0.2, abs=0.01) and profile["1"] == pytest.approx(0.6, abs=0.01)


@pytest.mark.parametrize("dtype", DTYPES)
def test_slerp_between_nearly_parallel_tensors_reads_linear_or_slerp(dtype: str) -> None:
    result = analyse(f"slerp_parallel-{dtype}")
    _derived(result)
    assert result.recipe is not None and result.recipe.method == "linear"
    assert result.recipe.alternatives == ["slerp"] and "Linear or SLERP" in result.recipe.text
    assert result.recipe.params["t"] == pytest.approx(0.3, abs=0.01)


@pytest.mark.parametrize("dtype", DTYPES)
def test_task_arithmetic_weights_are_recovered(dtype: str) -> None:
    result = analyse(f"task_arithmetic-{dtype}")
    _derived(result)
    assert result.recipe is not None and result.recipe.method == "task_arithmetic"
    assert result.recipe.params["weights"] == pytest.approx([0.7, 0.5], abs=0.02)


@pytest.mark.parametrize("dtype", DTYPES)
def test_ties_is_named_with_density_ratio_and_sign_election(dtype: str) -> None:
    result = analyse(f"ties-{dtype}")
    _derived(result)
    assert result.recipe is not None and result.recipe.method == "ties"
    assert result.recipe.params["density"] == pytest.approx([0.5, 0.5], abs=0.05)
    assert result.recipe.params["relative_weights"] == pytest.approx([0.6, 0.4], abs=0.03)
    assert result.recipe.params["sign_election"] is True
    assert "only this ratio can be told" in result.recipe.text


@pytest.mark.parametrize("dtype", DTYPES)
def test_dare_ties_is_named_with_density_and_weights(dtype: str) -> None:
    result = analyse(f"dare_ties-{dtype}")
    _derived(result)
    assert result.recipe is not None and result.recipe.method == "dare_ties"
    assert result.recipe.params["density"] == pytest.approx(0.5, abs=0.05)
    assert result.recipe.params["weights"] == pytest.approx([0.5, 0.5], abs=0.05)


@pytest.mark.parametrize("dtype", DTYPES)
def test_dare_linear_is_named_without_sign_election(dtype: str) -> None:
    result = analyse(f"dare_linear-{dtype}")
    _derived(result)
    assert result.recipe is not None and result.recipe.method == "dare_linear"
    assert result.recipe.params["sign_election"] is False
    assert result.recipe.params["density"] == pytest.approx(0.6, abs=0.05)
    assert result.recipe.params["weights"] == pytest.approx([0.6, 0.4], abs=0.05)


def test_unrelated_checkpoint_is_not_explained_by_the_parents() -> None:
    result = analyse("unrelated")
    assert result.verdict.label == "not derived from these parents"
    assert "do not explain" in result.verdict.text
    assert result.recipe is not None and result.recipe.method == "unknown"


def test_cli_writes_method_and_params_in_every_format(tmp_path: Path) -> None:
    from harness.weights.cli import weights_command

    root = merge_root()
    out = tmp_path / "ties"
    run = CliRunner().invoke(weights_command, [str(root / "ties-bfloat16"), "--parent", str(root / "ft_far"),
                                               "--parent", str(root / "ft_far2"), "--base", str(root / "base"),
                                               "--out", str(out), "--no-progress"])
    assert run.exit_code == 0, run.output
    assert "recipe: ties" in run.output
    data = json.loads((out / "weights.json").read_text())
    assert data["recipe"]["method"] == "ties" and data["recipe"]["params"]["sign_election"] is True
    md, html = (out / "weights.md").read_text(), (out / "weights.html").read_text()
    for text in (md, html):
        assert "ties" in text and "density" in text and "Derived from these parents" in text
