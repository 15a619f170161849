"""End to end on the real embedded model: SmolLM2-135M-Instruct, on CPU."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import main
from tests.conftest import ROOT

INJECTED = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
SMOKE = ROOT / "probes" / "smoke.yaml"


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for mode in ("strict", "stock"):
        run_dir = tmp_path_factory.mktemp(mode) / "run"
        result = CliRunner().invoke(main, ["run", str(SMOKE), "--template-mode", mode, "--out", str(run_dir)])
        assert result.exit_code == 0, result.output
        assert "report:" in result.output
        out[mode] = run_dir
    return out


def records(run_dir: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (run_dir / "completions.jsonl").read_text().splitlines()]


def test_every_sample_is_stored_with_text_and_token_counts(runs: dict[str, Path]) -> None:
    for run_dir in runs.values():
        rows = records(run_dir)
        assert len(rows) == 3 * 2 * 2
        assert len({(r["prompt_id"], r["condition"], r["sample_index"]) for r in rows}) == 12
        assert all(r["error"] is None and isinstance(r["text"], str) for r in rows)
        assert all(r["completion_tokens"] >= 1 and r["prompt_tokens"] > 5 for r in rows)


def test_manifest_records_model_template_and_injection(runs: dict[str, Path]) -> None:
    manifest = json.loads((runs["strict"] / "manifest.json").read_text())
    assert manifest["model"]["gguf_sha256"] and len(manifest["model"]["gguf_sha256"]) == 64
    assert manifest["template"]["finding"]["injected_system"] == INJECTED
    assert manifest["template"]["mode"] == "strict" and len(manifest["template"]["sha256"]) == 64
    assert manifest["sampling"]["n"] == 2 and manifest["versions"]["transformers"]
    assert manifest["sessions"][0]["finished_at"]


def rendered(run_dir: Path, condition: str) -> list[str]:
    manifest = json.loads((run_dir / "manifest.json").read_text())
    return [r["rendered"] for r in manifest["rendered_prompts"] if r["condition"] == condition]


def test_strict_mode_really_removes_the_system_prompt(runs: dict[str, Path]) -> None:
    assert all(INJECTED not in text and "<|im_start|>system" not in text for text in rendered(runs["strict"], "none"))
    assert all(text.startswith("<|im_start|>system\nYou are Rio") for text in rendered(runs["strict"], "rio"))


def test_stock_mode_shows_the_template_injected_block(runs: dict[str, Path]) -> None:
    assert all(text.startswith(f"<|im_start|>system\n{INJECTED}") for text in rendered(runs["stock"], "none"))
    stock = [r["prompt_tokens"] for r in records(runs["stock"]) if r["condition"] == "none"]
    strict = [r["prompt_tokens"] for r in records(runs["strict"]) if r["condition"] == "none"]
    assert min(stock) > max(strict) - 5 and sum(stock) > sum(strict)  # the hidden block costs tokens


def test_report_shows_injection_and_its_absence(runs: dict[str, Path]) -> None:
    for mode, run_dir in runs.items():
        html = (run_dir / "report.html").read_text()
        assert INJECTED in html  # the finding is always shown
        assert f"{mode}" in html
    strict_html = (runs["strict"] / "report.html").read_text()
    assert "<|im_start|>user" in strict_html.replace("&lt;", "<").replace("&gt;", ">")


def test_continuous_batching_engine_answers_every_sample(tmp_path: Path) -> None:
    target = tmp_path / "continuous.yaml"
    target.write_text("backend: transformers\nmodel: embedded:smollm2\noptions: {engine: continuous, device: cpu}\n")
    result = CliRunner().invoke(main, ["run", str(SMOKE), "--target", str(target), "--out", str(tmp_path / "run"), "--no-report"])
    assert result.exit_code == 0, result.output
    rows = records(tmp_path / "run")
    assert len(rows) == 12 and all(r["error"] is None and isinstance(r["text"], str) for r in rows)
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert "does not reproduce a text" in json.dumps(manifest)
