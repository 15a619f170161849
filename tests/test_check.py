"""`idprobe check` as a release gate, on real SmolLM2 runs of probes/smoke.yaml."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from harness.check import CheckUsageError, parse_expectation
from harness.report_cli import check_command
from harness.stats import share_interval
from tests.report_fixtures import smollm2_run

KNOWN = ["nex", "rio", "other", "none"]

@pytest.fixture(scope="module")
def strict_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return smollm2_run(tmp_path_factory, "strict")  # made once per session, shared with the other modules


def check(run_dir: Path, *args: str) -> click.testing.Result:
    return CliRunner().invoke(check_command, [str(run_dir), *args])


def bound(value: float) -> str:
    return f"{100 * value:.1f}%"


# Under "none" (no system prompt, strict template) SmolLM2 never says it is Rio: 0 of 6 answers, over
# the suite's 3 prompts. The clustered interval treats that as at least 3 observations, not 6.
ZERO_OF_SIX = share_interval([0, 0, 0], [2, 2, 2])


def test_expectation_that_holds_exits_zero(strict_run: Path) -> None:
    result = check(strict_run, "--expect", "rio<=0.9", "--condition", "none")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"ok   rio<=0.9 [none]: share 0.0% (0/6); 95% upper bound {bound(ZERO_OF_SIX[1])}")


def test_failed_expectation_exits_one_with_a_line_naming_share_and_interval(strict_run: Path) -> None:
    result = check(strict_run, "--expect", "rio<=0.9", "--expect", "rio>=0.5")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("ok   rio<=0.9 [none]")
    assert lines[1].startswith("FAIL rio>=0.5 [none]: share 0.0% (0/6); 95% lower bound 0.0% is below 50.0%")
    assert f"interval: cluster; clustered 0.0%-{bound(ZERO_OF_SIX[1])}, Wilson 0.0%-39.0%" in lines[1]


@pytest.mark.parametrize("interval", ["cluster", "wider", "wilson"])
def test_a_small_sample_cannot_pass_a_strict_upper_bound(strict_run: Path, interval: str) -> None:
    # 0 of 6 looks like "never", but six samples cannot show a share below 5% at the 95% level,
    # whichever interval decides (the old bootstrap read 0.0-0.0% and let this pass).
    result = check(strict_run, "--expect", "rio<=5%", "--interval", interval)
    assert result.exit_code == 1 and "is above 5.0%" in result.output


@pytest.mark.parametrize("args, message", [
    (["--expect", "rio=0.5"], "cannot read expectation 'rio=0.5'"),
    (["--expect", "nexx<=0.1"], "unknown identity 'nexx'"),
    (["--expect", "rio>=1.5"], "must lie between 0 and 1"),
    (["--expect", "rio>=0.5", "--condition", "prod"], "unknown condition prod; this run has: none, rio"),
    ([], "give at least one --expect"),
])
def test_usage_errors_exit_two_and_say_why(strict_run: Path, args: list[str], message: str) -> None:
    result = check(strict_run, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_unknown_identity_lists_the_known_keys() -> None:
    with pytest.raises(CheckUsageError, match="known keys: nex, rio, other, none"):
        parse_expectation("qwen>=0.5", KNOWN)


def test_thresholds_read_as_fractions_or_percentages() -> None:
    assert parse_expectation(" Rio >= 50% ", KNOWN).threshold == 0.5
    assert parse_expectation("nex<=.05", KNOWN).threshold == 0.05
    assert parse_expectation("none>=1", KNOWN).op == ">="


def test_help_documents_the_exit_codes() -> None:
    text = CliRunner().invoke(check_command, ["--help"]).output
    assert "0  every expectation holds" in text and "1  at least one" in text and "2  usage or input error" in text
