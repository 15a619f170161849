"""`idprobe check --baseline` (gates on the change from the last release) and `--junit` output."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from junitparser import JUnitXml

from harness.cli import main
from tests.release_fixtures import make_release


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("gate-releases")
    return {r: make_release(root, r) for r in ("1.0", "1.1", "2.0")}


def _check(run: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", str(run), *args])
    return result.exit_code, result.output


def test_an_unchanged_release_passes_a_five_point_gate(releases: dict[str, Path]) -> None:
    code, out = _check(releases["1.1"], "--baseline", str(releases["1.0"]), "--expect", "nex<=+0.05")
    assert code == 0, out
    assert out.startswith("ok   nex<=+0.05 [none] vs baseline:")


def test_a_release_that_claims_nex_far_more_often_fails_with_exit_1(releases: dict[str, Path]) -> None:
    code, out = _check(releases["2.0"], "--baseline", str(releases["1.1"]), "--expect", "nex<=+0.05")
    assert code == 1, out
    assert out.startswith("FAIL nex<=+0.05 [none] vs baseline:")
    assert "the whole interval is above +5.0 pp" in out


def test_a_drop_in_no_claim_answers_fails_a_lower_margin(releases: dict[str, Path]) -> None:
    code, out = _check(releases["2.0"], "--baseline", str(releases["1.1"]), "--expect", "none>=-10%")
    assert code == 1, out
    code, out = _check(releases["1.1"], "--baseline", str(releases["1.0"]), "--expect", "none>=-10%")
    assert code == 0, out


def test_absolute_and_relative_expectations_mix(releases: dict[str, Path]) -> None:
    code, out = _check(releases["1.1"], "--baseline", str(releases["1.0"]),
                       "--expect", "nex<=+0.05", "--expect", "nex<=0.5")
    assert code == 0, out
    assert len([line for line in out.splitlines() if line.startswith("ok")]) == 2


def test_a_signed_margin_without_a_baseline_is_a_usage_error(releases: dict[str, Path]) -> None:
    code, out = _check(releases["1.1"], "--expect", "nex<=+0.05")
    assert code == 2
    assert "--baseline" in out


def test_a_baseline_of_another_suite_is_refused(releases: dict[str, Path], tmp_path: Path) -> None:
    suite = tmp_path / "suite.yaml"
    suite.write_text((releases["1.0"].parent / "suite.yaml").read_text().replace('version: "1"', 'version: "9"'))
    target = releases["1.0"].parent / "target-1.0.yaml"
    run = CliRunner().invoke(main, ["run", str(suite), "--target", str(target), "--out", str(tmp_path / "r"), "--no-report"])
    assert run.exit_code == 0, run.output
    code, out = _check(releases["1.1"], "--baseline", str(tmp_path / "r"), "--expect", "nex<=+0.05")
    assert code == 2
    assert "different suites" in out


def test_junit_file_parses_with_one_case_per_expectation_and_the_figures_in_the_message(
        releases: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "gate.xml"
    code, _ = _check(releases["2.0"], "--baseline", str(releases["1.1"]), "--expect", "nex<=+0.05",
                     "--expect", "nex>=0.3", "--junit", str(path))
    assert code == 1
    xml = JUnitXml.fromfile(str(path))
    cases = [case for suite in xml for case in suite]
    assert [c.name for c in cases] == ["nex>=0.3 [none]", "nex<=+0.05 [none]"]
    failed = [c for c in cases if not c.is_passed]
    assert [c.name for c in failed] == ["nex<=+0.05 [none]"]
    message = failed[0].result[0].message
    assert "share" in message and "baseline" in message and "95% interval" in message
    assert cases[0].is_passed and "%" in cases[0].system_out
