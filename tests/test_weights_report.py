"""The report section: self-contained HTML with an SVG plot, escaped names, and Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness.weights import render_weights_markdown, render_weights_section
from harness.weights.models import (GroupSummary, InputInfo, Mismatch, RunInfo, TensorResult, Verdict,
                                    WeightsResult)
from harness.weights.summary import by_component, by_layer, summarize

HOSTILE = "<script>alert(1)</script>|[x](javascript:alert(1))"


def _tensor(name: str, layer: int, alpha: float) -> TensorResult:
    return TensorResult(name=name, shape=[10, 10], numel=100, component="attention", layer=layer,
                        suspect_dtype="BF16", ulp_dtype="BF16", n_kept=90, alpha=[alpha], alpha_se=[1e-4],
                        alpha_all=[alpha], cos_fit=0.99, rel_residual=0.1, z=9.4, kappa=1.0, kappa_elements=90)


@pytest.fixture()
def result() -> WeightsResult:
    tensors = [_tensor(f"model.layers.{i}.self_attn.q_proj.weight", i, 0.57 + 0.001 * i) for i in range(4)]
    tensors.append(_tensor(f"model.layers.9.{HOSTILE}", 9, 0.58))
    overall = summarize("all", tensors)
    return WeightsResult(
        reference_role="base", parent_labels=[f"parent 1 ({HOSTILE})"],
        inputs=[InputInfo(role="suspect", path=Path(f"/m/{HOSTILE}"), format="safetensors", tensors=5, files=[])],
        run=RunInfo(engine="process", workers=1, max_memory_mb=64, chunk_elements=1024, min_ulps=32.0,
                    elapsed_s=1.0, bytes_compared=3000),
        matched=5, mismatched=[Mismatch(name=HOSTILE, reason="missing from base")], tensors=tensors,
        layers=by_layer(tensors), components=by_component(tensors), overall=overall,
        verdict=Verdict(label="blend", text=f"text {HOSTILE}", numbers={}),
    )


def test_html_section_escapes_names_and_has_no_script_or_external_resource(result: WeightsResult) -> None:
    html = render_weights_section(result)
    assert html.lstrip().startswith("<section") and html.rstrip().endswith("</section>")
    assert "<script" not in html and "&lt;script&gt;" in html
    assert not re.search(r"(src|href)\s*=", html) and "http" not in html.replace("http://www.w3.org/2000/svg", "")


def test_html_plots_alpha_for_every_fitted_layer(result: WeightsResult) -> None:
    html = render_weights_section(result)
    assert html.count("<svg") == 1
    assert html.count("<circle") == len(result.layers) == 5
    assert "layer 9: alpha 0.5800" in html


def test_markdown_escapes_link_and_table_syntax(result: WeightsResult) -> None:
    md = render_weights_markdown(result)
    assert "[x](javascript" not in md and r"\[x\]\(javascript" in md
    assert "<script>" not in md
    table_rows = [line for line in md.splitlines() if line.startswith("| attention")]
    assert len(table_rows) == 1 and table_rows[0].count("|") == 9


def test_empty_fit_renders_without_a_plot() -> None:
    overall = GroupSummary(key="all", tensors=0, fitted=0, failed=0, elements=0, kept=0, alpha_mean=None,
                           alpha_std=None, alpha_min=None, alpha_max=None, cos_fit_median=None, kappa_median=None,
                           exact_share_kept=None, z_min=None, z_median=None)
    empty = WeightsResult(reference_role="base", parent_labels=["p"], inputs=[],
                          run=RunInfo(engine="process", workers=1, max_memory_mb=64, chunk_elements=1024,
                                      min_ulps=32.0, elapsed_s=0.0, bytes_compared=0),
                          matched=0, mismatched=[], tensors=[], layers=[], components=[], overall=overall,
                          verdict=Verdict(label="undetermined", text="nothing", numbers={}))
    assert "<svg" not in render_weights_section(empty)
    assert "undetermined" in render_weights_markdown(empty)
