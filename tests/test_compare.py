"""`idprobe compare` on real SmolLM2 runs: strict template mode (no system prompt at all) against
stock mode (the template's own "You are ... SmolLM" system prompt injected)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.compare import holm
from harness.report_cli import compare_command
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
    assert {p.name for p in out.iterdir()} == {"compare.html", "compare.md", "compare.json"}
    assert printed.startswith("## idprobe comparison: embedded\\:smollm2 \\(strict template\\) vs embedded\\:smollm2 \\(stock template\\)")
    html = (out / "compare.html").read_text()
    assert "<script" not in html and "script-src 'none'" in html.replace("&#39;", "'")


def test_every_identity_and_condition_has_shares_tests_and_holm(compared: tuple[Path, str]) -> None:
    result = json.loads((compared[0] / "compare.json").read_text())
    assert result["same_suite"] and result["conditions"] == ["none", "rio"]
    assert "The runs differ in template mode: strict; stock." in result["notes"]
    assert len(result["shares"]) == 2 * len(result["identities"])
    for cell in result["shares"]:
        assert all(run["n"] == 6 for run in cell["runs"])
    tests = result["tests"]
    assert len(tests) == len(result["shares"])
    assert [t["p_holm"] for t in tests] == pytest.approx(holm([t["p"] for t in tests]))
    for t in tests:
        assert t["p_holm"] >= t["p"] and 0 <= t["p"] <= 1
        assert t["diff"] == pytest.approx(t["share_b"] - t["share_a"])
        assert -1 <= t["diff_cluster"][0] <= t["diff_cluster"][1] <= 1
    assert "Holm" in result["method"] and "Fisher" in result["method"]


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


def test_one_run_is_not_a_comparison(strict_run: Path) -> None:
    result = CliRunner().invoke(compare_command, [str(strict_run)])
    assert result.exit_code == 2 and "at least two" in result.output


def test_holm_adjustment_by_hand() -> None:
    # sorted p: 0.01, 0.02, 0.04 -> 3*0.01, max(.03, 2*0.02), max(.04, 1*0.04)
    assert holm([0.04, 0.01, 0.02]) == pytest.approx([0.04, 0.03, 0.04])
