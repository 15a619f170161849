"""Input formats: sharded safetensors with an index, mismatched tensors, GGUF, and the CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from harness.weights import WeightsConfig, run_weights
from harness.weights.cli import weights_command
from harness.weights.sources import CheckpointError, TensorRef, open_checkpoint
from weights_fixtures import family, load, smollm2_gguf, write_gguf_bf16, write_sharded, write_subset


def _layer0(name: str) -> bool:
    return name.startswith("blk.0.") or name == "output_norm.weight"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Block 0 of the family (real weights), small enough for format tests."""
    fam, root = family(), tmp_path_factory.mktemp("small")
    return {key: write_subset(getattr(fam, key), root / f"{key}.safetensors", _layer0)
            for key in ("base", "p1", "blend", "p2_child")}


def test_sharded_index_gives_the_same_fit_as_one_file(small: dict[str, Path], tmp_path: Path) -> None:
    sharded = write_sharded(load(small["blend"]), tmp_path / "blend", shards=3)
    assert len(list(sharded.glob("*.safetensors"))) == 3
    single = run_weights(WeightsConfig(suspect=small["blend"], parents=(small["p1"],), base=small["base"],
                                       progress=False))
    split = run_weights(WeightsConfig(suspect=sharded, parents=(small["p1"],), base=small["base"], progress=False))
    assert {t.name: t.alpha for t in split.tensors} == {t.name: t.alpha for t in single.tensors}
    assert split.matched == single.matched == 10
    assert split.verdict.label == "blend"
    assert len(split.inputs[0].files) == 3 and all(f.size > 0 for f in split.inputs[0].files)


def test_index_naming_a_missing_shard_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "model.safetensors.index.json").write_text(json.dumps({"weight_map": {"a": "gone.safetensors"}}))
    with pytest.raises(CheckpointError, match="gone.safetensors"):
        open_checkpoint(folder)


def test_mismatched_tensors_are_reported_and_the_rest_compared(small: dict[str, Path], tmp_path: Path) -> None:
    tensors = load(small["blend"])
    del tensors["blk.0.attn_k.weight"]  # missing from the suspect
    tensors["blk.0.attn_v.weight"] = tensors["blk.0.attn_v.weight"][:64].contiguous()  # other shape
    tensors["extra.bias"] = torch.zeros(8, dtype=torch.bfloat16)  # only in the suspect
    from safetensors.torch import save_file

    save_file(tensors, str(tmp_path / "odd.safetensors"))
    result = run_weights(WeightsConfig(suspect=tmp_path / "odd.safetensors", parents=(small["p1"],),
                                       base=small["base"], progress=False, workers=2, out_dir=tmp_path / "out"))
    reasons = {m.name: m.reason for m in result.mismatched}
    assert "missing from suspect" in reasons["blk.0.attn_k.weight"]
    assert "shape" in reasons["blk.0.attn_v.weight"]
    assert "missing from base" in reasons["extra.bias"]
    compared = {t.name for t in result.tensors}
    assert compared.isdisjoint(reasons) and len(compared) == result.matched == 8
    assert result.verdict.label == "blend"
    written = json.loads((tmp_path / "out" / "weights.json").read_text())
    assert len(written["mismatched"]) == 3 and written["verdict"]["label"] == "blend"


def test_gguf_inputs_are_read_and_dequantized(small: dict[str, Path], tmp_path: Path) -> None:
    # Suspect: a BF16 GGUF; base: the shipped Q4_1/Q8_0 SmolLM2 GGUF itself, dequantized on the fly.
    suspect = write_gguf_bf16(load(small["blend"]), tmp_path / "blend.gguf")
    result = run_weights(WeightsConfig(suspect=suspect, parents=(small["p1"],), base=smollm2_gguf(),
                                       progress=False))
    assert result.inputs[0].format == "gguf" and result.inputs[2].format == "gguf"
    assert result.matched == 10
    assert any(m.reason == "in base but missing from suspect" for m in result.mismatched)
    assert result.overall.alpha_mean is not None
    assert result.overall.alpha_mean[0] == pytest.approx(0.57, abs=0.005)
    assert result.verdict.label == "blend"


def test_cli_writes_json_markdown_and_html(small: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "report"
    run = CliRunner().invoke(weights_command, [str(small["p2_child"]), "--parent", str(small["p1"]), "--base",
                                               str(small["base"]), "--out", str(out), "--no-progress",
                                               "--max-memory-mb", "32"])
    assert run.exit_code == 0, run.output
    assert "not derived from these parents" in run.output
    data = json.loads((out / "weights.json").read_text())
    assert data["verdict"]["label"] == "not derived from these parents"
    assert "<svg" in (out / "weights.html").read_text()
    assert "not derived from these parents" in (out / "weights.md").read_text()


def test_cli_explains_a_missing_reference(small: dict[str, Path]) -> None:
    run = CliRunner().invoke(weights_command, [str(small["blend"]), "--parent", str(small["p1"])])
    assert run.exit_code == 2 and "nothing to fit" in run.output


def test_cli_help_teaches_the_method() -> None:
    run = CliRunner().invoke(weights_command, ["--help"])
    assert run.exit_code == 0
    for word in ("kappa", "--min-ulps", "further training", "model.safetensors.index.json", "slerp",
                 "precision"):
        assert word in run.output


def test_a_tensor_that_fails_to_read_is_reported_and_the_rest_fitted(
    small: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import harness.weights.job as job

    real_read = job.read_rows

    def flaky(ref: TensorRef, start: int, stop: int) -> np.ndarray:
        if ref.name == "blk.0.ffn_up.weight":
            raise OSError("Input/output error")
        return real_read(ref, start, stop)

    monkeypatch.setattr(job, "read_rows", flaky)
    result = run_weights(WeightsConfig(suspect=small["blend"], parents=(small["p1"],), base=small["base"],
                                       progress=False))
    broken = [t for t in result.tensors if t.error]
    assert [t.name for t in broken] == ["blk.0.ffn_up.weight"] and "Input/output error" in (broken[0].error or "")
    assert result.overall.failed == 1 and result.overall.fitted == 9
    assert result.verdict.label == "blend" and "could not be read" in result.verdict.text


def test_gguf_input_without_the_gguf_package_names_the_local_extra(
    small: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suspect = write_gguf_bf16(load(small["blend"]), tmp_path / "blend.gguf")
    monkeypatch.setitem(sys.modules, "gguf", None)  # import gguf now raises ImportError
    wanted = r"blend\.gguf: GGUF input needs the local extra: pip install 'idprobe\[local\]'$"
    with pytest.raises(CheckpointError, match=wanted):
        open_checkpoint(suspect)
