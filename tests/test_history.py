"""`idprobe history`: shares across releases, the release where a share moved flagged, and no other."""

from __future__ import annotations

import csv
import html
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import main
from tests.release_fixtures import make_release


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("releases")
    return {r: make_release(root, r) for r in ("1.0", "1.1", "2.0")}


@pytest.fixture(scope="module")
def history(releases: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("history")
    # given out of order on purpose: the history orders them by release date
    args = ["history", str(releases["2.0"]), str(releases["1.0"]), str(releases["1.1"]), "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return out, result.output


def test_releases_are_ordered_by_date_released(history: tuple[Path, str]) -> None:
    data = json.loads((history[0] / "history.json").read_text())
    assert [r["name"] for r in data["releases"]] == ["1.0", "1.1", "2.0"]
    assert [r["released"] for r in data["releases"]] == ["2026-01-10", "2026-03-02", "2026-06-20"]


def test_the_planted_shift_is_flagged_and_the_unchanged_release_is_not(history: tuple[Path, str]) -> None:
    changes = json.loads((history[0] / "history.json").read_text())["changes"]
    nex = {c["release"]: c for c in changes if c["identity"] == "nex"}
    assert set(nex) == {"1.1", "2.0"}
    assert nex["1.1"]["previous"] == "1.0" and not nex["1.1"]["significant"]
    assert nex["2.0"]["previous"] == "1.1" and nex["2.0"]["significant"]
    assert nex["2.0"]["share"] > nex["2.0"]["previous_share"] + 0.3
    assert not any(c["significant"] for c in changes if c["release"] == "1.1")


def test_every_change_entry_carries_the_fields_ci_reads(history: tuple[Path, str]) -> None:
    changes = json.loads((history[0] / "history.json").read_text())["changes"]
    fields = {"release", "previous", "condition", "identity", "share", "previous_share", "p_value", "significant"}
    assert changes and all(fields <= set(c) for c in changes)
    assert all(0.0 <= c["p_value"] <= 1.0 and c["p_holm"] >= c["p_value"] for c in changes)


def test_the_finding_names_the_release_and_the_move(history: tuple[Path, str]) -> None:
    out, printed = history
    finding = json.loads((out / "history.json").read_text())["finding"]
    assert finding.startswith("Between 1.1 and 2.0 the share claiming Nex under condition none rose from")
    assert finding in printed
    assert finding in (out / "history.html").read_text()
    assert "Between 1\\.1 and 2\\.0" in (out / "history.md").read_text()  # Markdown-escaped


def test_html_is_self_contained_with_a_chart_and_no_script(history: tuple[Path, str]) -> None:
    page = (history[0] / "history.html").read_text()
    assert "Content-Security-Policy" in page and "script-src 'none'" in html.unescape(page)
    assert "<svg" in page and "<polyline" in page
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_csv_has_a_row_per_release_condition_and_identity(history: tuple[Path, str]) -> None:
    with (history[0] / "history.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert {r["release"] for r in rows} == {"1.0", "1.1", "2.0"}
    flagged = [r for r in rows if r["significant"] == "True"]
    assert ("2.0", "nex") in {(r["release"], r["identity"]) for r in flagged}
    assert {r["release"] for r in flagged} == {"2.0"}


def test_runs_of_different_suites_are_refused(releases: dict[str, Path], tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    suite = other / "suite.yaml"
    suite.write_text((releases["1.0"].parent / "suite.yaml").read_text().replace("version: \"1\"", "version: \"2\""))
    target = releases["1.0"].parent / "target-1.0.yaml"
    run = CliRunner().invoke(main, ["run", str(suite), "--target", str(target), "--out", str(other / "run"), "--no-report"])
    assert run.exit_code == 0, run.output
    result = CliRunner().invoke(main, ["history", str(releases["1.0"]), str(other / "run"), "--out", str(tmp_path / "h")])
    assert result.exit_code == 2
    assert "different suites" in result.output
