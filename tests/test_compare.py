"""`idprobe compare` on real SmolLM2 runs: strict template mode (no system prompt at all) against
stock mode (the template's own "You are ... SmolLM" system prompt injected)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.report_cli import compare_command
from harness.safetext import md_escape
from harness.stats import holm
from tests.report_fixtures import smollm2_run


@pytest.fixture(scope="module")
def strict_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return smollm2_run(tmp_path_factory, "strict")  # made once per session, shared with the other modules


@pytest.fixture(scope="module")
def stock_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return smollm2_run(tmp_path_factory, "stock")  # made once per session, shared with the other modules


@pytest.fixture(scope="module")
def compared(strict_run: Path, stock_run: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("compare")
    result = CliRunner().invoke(compare_command, [str(strict_run), str(stock_run), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_compare_writes_html_markdown_and_json(compared: tuple[Path, str]) -> None:
    out, printed = compared
    assert {"compare.html", "compare.md", "compare.json"} <= {p.name for p in out.iterdir()}
    assert printed.startswith("## idprobe comparison: embedded\\:smollm2 \\(strict template\\) vs embedded\\:smollm2 \\(stock template\\)")
    html = (out / "compare.html").read_text()
    assert "<script" not in html and "script-src 'none'" in html.replace("&#39;", "'")


def test_every_identity_and_condition_has_shares_cluster_aware_tests_and_holm(compared: tuple[Path, str]) -> None:
    result = json.loads((compared[0] / "compare.json").read_text())
    assert result["same_suite"] and result["conditions"] == ["none", "rio"]
    assert "The runs differ in template mode: strict; stock." in result["notes"]
    assert len(result["shares"]) == 2 * len(result["identities"])
    for cell in result["shares"]:
        assert all(run["n"] == 6 for run in cell["runs"])
        assert all(run["cluster"][0] < run["cluster"][1] for run in cell["runs"])  # never a point
    tests = result["tests"]
    assert len(tests) == len(result["shares"])
    assert [t["p_holm"] for t in tests] == pytest.approx(holm([t["p"] for t in tests]))
    for t in tests:
        assert t["test"] == "paired permutation"  # same suite: prompts paired
        assert t["p_holm"] >= t["p"] and 0 < t["p"] <= 1 and 0 <= t["p_fisher"] <= 1
        assert t["significant"] == (t["p_holm"] < result["alpha"])
        assert t["diff"] == pytest.approx(t["share_b"] - t["share_a"])
        assert -1 <= t["diff_cluster"][0] < t["diff_cluster"][1] <= 1
    assert "Holm" in result["method"] and "permutation" in result["method"] and "assumes independent samples" in result["method"]


def test_three_prompts_cannot_make_a_difference_significant(compared: tuple[Path, str]) -> None:
    # 3 prompts paired: the smallest sign-flip p-value is 2/8, so nothing can be "different" at 5%
    # however far apart 6 samples look (Fisher, treating them as independent, may say otherwise).
    tests = json.loads((compared[0] / "compare.json").read_text())["tests"]
    assert min(t["p"] for t in tests) >= 0.25 and not any(t["significant"] for t in tests)


def test_the_finding_sentence_leads_every_format(compared: tuple[Path, str]) -> None:
    out, printed = compared
    result = json.loads((out / "compare.json").read_text())
    (sentence,) = result["findings"]
    assert result["finding"] == sentence
    assert sentence.startswith("With the system prompt removed, embedded:smollm2 (strict template) ")
    assert "embedded:smollm2 (stock template) in " in sentence and "paired permutation, Holm-adjusted p=" in sentence
    html = (out / "compare.html").read_text()
    assert html.index('id="finding"') < html.index('id="runs-table"')
    assert "Fisher p (assumes independent samples)" in html
    assert md_escape("paired permutation, Holm-adjusted p=") in printed and "Fisher p (assumes independent samples)" in printed


def test_runs_of_different_suites_are_refused_unless_allowed(strict_run: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(strict_run, other)
    manifest = json.loads((other / "manifest.json").read_text())
    manifest["suite"]["sha256"] = "0" * 64
    (other / "manifest.json").write_text(json.dumps(manifest))
    refused = CliRunner().invoke(compare_command, [str(strict_run), str(other)])
    assert refused.exit_code == 2
    assert "different suites" in refused.output and "--allow-different-suites" in refused.output
    allowed = CliRunner().invoke(compare_command, [str(strict_run), str(other), "--allow-different-suites"])
    assert allowed.exit_code == 0 and "DIFFERENT suites" in allowed.output
    # different suites: prompts cannot be paired, so every row uses the unpaired cluster-robust test
    assert f"| {md_escape('cluster-robust z')} |" in allowed.output and "| paired permutation |" not in allowed.output


def test_one_run_is_not_a_comparison(strict_run: Path) -> None:
    result = CliRunner().invoke(compare_command, [str(strict_run)])
    assert result.exit_code == 2 and "at least two" in result.output
