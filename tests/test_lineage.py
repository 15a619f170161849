"""`idprobe lineage`: exact p-values for shared initialisation that survive permutations of hidden units,
and `idprobe weights --align` undoing such a permutation."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from harness.weights import WeightsConfig, run_weights
from harness.weights.lineage import combine, rencontres_pmf, run_lineage, tail
from harness.weights.permute import apply_permutations, random_permutations
from harness.weights.st_numpy import StCheckpoint, write_raw
from weights_mergekit_fixtures import merge_root

TINY = dict(vocab_size=128, hidden_size=64, intermediate_size=192, num_hidden_layers=2, num_attention_heads=4,
            num_key_value_heads=2)


def permuted_copy(src: Path, dest: Path, seed: int) -> Path:
    """``src`` with its MLP neurons and attention heads relabelled at random (same function)."""
    ck = StCheckpoint(src)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(src / "config.json", dest / "config.json")
    write_raw(dest / "model.safetensors", apply_permutations(ck, *random_permutations(ck, seed)))
    return dest


def test_fixed_point_law_is_exact_for_small_n() -> None:
    # n = 3: permutations with 0, 1, 3 fixed points number 2, 3, 1 of 6.
    pmf = rencontres_pmf(3)
    assert pmf[:4] == pytest.approx([2 / 6, 3 / 6, 0.0, 1 / 6])
    assert tail(pmf, 1, 1)[0] == pytest.approx(4 / 6)


def test_fine_tune_against_its_base_is_not_independent_even_after_permutation(tmp_path: Path) -> None:
    root = merge_root()
    plain = run_lineage(root / "base", root / "ft_far")
    assert plain.p_value < 1e-6 and plain.log10_p < -6
    shuffled = permuted_copy(root / "ft_far", tmp_path / "shuffled", seed=3)
    result = run_lineage(root / "base", shuffled)
    assert result.p_value < 1e-6 and "Not independent" in result.verdict
    for test in result.tests:
        assert test.log10_p < -6 if test.kind == "mlp" else test.agreements == test.units
        assert test.moved > 0  # the permutation was found, not assumed
    # The reported permutation is the one applied: undoing it restores the fine-tune's order.
    mlp, _ = random_permutations(StCheckpoint(root / "ft_far"), 3)
    assert [t.permutation for t in result.tests if t.kind == "mlp"][0] == np.argsort(mlp[0]).tolist()


def test_permutation_keeps_the_model_function(tmp_path: Path) -> None:
    from transformers import AutoModelForCausalLM

    root = merge_root()
    shuffled = permuted_copy(root / "ft_far", tmp_path / "shuffled", seed=5)
    ids = torch.randint(0, 2048, (1, 12), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        a = AutoModelForCausalLM.from_pretrained(str(root / "ft_far"))(ids).logits
        b = AutoModelForCausalLM.from_pretrained(str(shuffled))(ids).logits
    assert torch.allclose(a, b, atol=1e-5)


def test_independent_initialisations_give_uniform_p_values(tmp_path: Path) -> None:
    from transformers import LlamaConfig, LlamaForCausalLM

    p_values = []
    for pair in range(20):
        paths = []
        for side in (0, 1):
            torch.manual_seed(1000 * pair + side + 1)
            model = LlamaForCausalLM(LlamaConfig(**TINY, architectures=["LlamaForCausalLM"]))
            folder = tmp_path / f"{pair}-{side}"
            model.save_pretrained(str(folder))
            paths.append(folder)
        p_values.append(run_lineage(*paths).p_value)
    assert sum(p < 0.05 for p in p_values) <= 2, p_values
    assert min(p_values) > 1e-4 and np.mean(p_values) > 0.3, p_values  # no pair looks related


def test_combined_p_value_is_a_valid_tail() -> None:
    from harness.weights.lineage import LayerTest

    tests = [LayerTest(layer=i, kind="mlp", units=50, agreements=a, p_value=1.0, log10_p=0.0, matched_cosine=0.0,
                       permutation=[], moved=0) for i, a in enumerate((1, 0, 2))]
    total, p, _ = combine(tests)
    assert total == 3
    assert 0.3 < p < 0.7  # about P(Poisson(3) >= 3) = 0.577


def test_weights_align_recovers_alpha_on_a_permuted_blend(tmp_path: Path) -> None:
    root = merge_root()
    shuffled = permuted_copy(root / "linear-bfloat16", tmp_path / "shuffled", seed=11)
    plain = run_weights(WeightsConfig(suspect=shuffled, parents=(root / "ft_far",), base=root / "base",
                                      progress=False))
    assert plain.verdict.label != "blend"  # element-wise comparison is defeated by the permutation
    aligned = run_weights(WeightsConfig(suspect=shuffled, parents=(root / "ft_far",), base=root / "base",
                                        progress=False, align=True, out_dir=tmp_path / "out"))
    assert aligned.recipe is not None and aligned.recipe.method == "linear"
    assert aligned.recipe.params["alpha"][0] == pytest.approx(0.6, abs=0.01)
    assert aligned.verdict.label == "blend"
    assert aligned.aligned is not None and sum(aligned.aligned["mlp_moved"].values()) > 0
    assert json.loads((tmp_path / "out" / "weights.json").read_text())["aligned"]["heads_moved"]


def test_lineage_cli_writes_json_and_markdown_and_runs_without_torch(tmp_path: Path) -> None:
    root = merge_root()
    code = ("import sys; sys.modules['torch'] = None\n"
            "from harness.cli import main\n"
            f"main(['lineage', {str(root / 'base')!r}, {str(root / 'ft_near')!r}, '--out', {str(tmp_path)!r}])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Not independent" in run.stdout
    data = json.loads((tmp_path / "lineage.json").read_text())
    assert data["log10_p"] < -6 and len(data["tests"]) == 4
    assert "| layer |" in (tmp_path / "lineage.md").read_text()
    help_run = CliRunner().invoke(__import__("harness.cli", fromlist=["main"]).main, ["lineage", "--help"])
    assert "fixed points" in help_run.output


def test_lineage_rejects_a_checkpoint_without_mlp_layers(tmp_path: Path) -> None:
    write_raw(tmp_path / "x.safetensors", {"w": ("F32", np.zeros((2, 2), dtype=np.float32))})
    run = CliRunner().invoke(__import__("harness.weights.lineage_cli", fromlist=["x"]).lineage_command,
                             [str(tmp_path / "x.safetensors"), str(tmp_path / "x.safetensors"), "--out",
                              str(tmp_path / "o")])
    assert run.exit_code == 1 and "no layers" in run.output

