"""The optional weights section: embedded when weights.json is present, its inline styles allowed
by hash (no 'unsafe-inline'), nothing blocked or run in Chromium."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.report import write_report
from harness.weights.models import InputInfo, RunInfo, TensorResult, Verdict, WeightsResult
from harness.weights.summary import by_component, by_layer, summarize
from tests.hostile import make_hostile_run


def _weights(path: Path) -> None:
    tensors = [TensorResult(name=f"model.layers.{i}.mlp.<b>w</b>", shape=[4, 4], numel=16, component="mlp", layer=i,
                            suspect_dtype="BF16", ulp_dtype="BF16", n_kept=16, alpha=[0.57], alpha_se=[1e-3],
                            alpha_all=[0.57], cos_fit=0.98, rel_residual=0.1, z=9.0, kappa=1.0, kappa_elements=16)
               for i in range(3)]
    result = WeightsResult(
        reference_role="base", parent_labels=["<script>window.__pwned=1</script>"],
        inputs=[InputInfo(role="suspect", path=Path("/m/s"), format="safetensors", tensors=3, files=[])],
        run=RunInfo(engine="process", workers=1, max_memory_mb=64, chunk_elements=1024, min_ulps=32.0,
                    elapsed_s=1.0, bytes_compared=300),
        matched=3, mismatched=[], tensors=tensors, layers=by_layer(tensors), components=by_component(tensors),
        overall=summarize("all", tensors), verdict=Verdict(label="blend", text="an interpolation", numbers={}))
    path.write_text(result.model_dump_json(), encoding="utf-8")


def test_weights_section_is_embedded_and_allowed_by_the_policy(tmp_path: Path) -> None:
    run_dir = make_hostile_run(tmp_path / "run")
    weights_dir = tmp_path / "weights"
    weights_dir.mkdir()
    _weights(weights_dir / "weights.json")
    report = write_report(run_dir, ["html"], weights_dir=weights_dir)
    html = report.read_text()
    assert "idprobe-weights" in html and "unsafe-inline" not in html
    console: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        page.on("console", lambda m: console.append(m.text))
        page.goto(report.as_uri())
        assert page.locator(".idprobe-weights .verdict").inner_text().startswith("blend")
        assert page.evaluate("window.__pwned") is None
        # the section's own <style> applied: its verdict box has the left border it asks for
        assert page.evaluate("getComputedStyle(document.querySelector('.idprobe-weights .verdict')).borderLeftWidth") == "4px"
        browser.close()
    assert not [m for m in console if "Content Security Policy" in m]


def test_no_weights_file_means_no_section(tmp_path: Path) -> None:
    report = write_report(make_hostile_run(tmp_path / "run"), ["html"])
    assert "idprobe-weights" not in report.read_text()
