"""Review by a person, end to end on a real SmolLM2 run (probes/smoke.yaml, made once per test session
and shared with the other report tests): export, correct two labels in the spreadsheet, re-render."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from harness.cli import main
from harness.results import load_run
from tests.report_fixtures import smollm2_run


@pytest.fixture(scope="module")
def strict_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return smollm2_run(tmp_path_factory, "strict")


def test_review_and_overrides_on_a_real_run(strict_run: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    export = tmp_path / "review.csv"
    result = runner.invoke(main, ["review", str(strict_run), "--export", str(export)])
    assert result.exit_code == 0, result.output
    sheet = pd.read_csv(export, dtype=str, keep_default_na=False)
    samples = load_run(strict_run).samples
    assert len(sheet) == len(samples) > 0
    answered = sheet[sheet["label"] != "(error)"]
    # the auditor corrects two answers: one to "other", one to Rio made by IplanRio, each with a reason
    first, second = answered.index[0], answered.index[-1]
    to_other = "rio" if answered.loc[first, "label"] == "other" else "other"
    sheet.loc[first, ["override_identity", "reason"]] = [to_other, "a name the lexicon lacks"]
    sheet.loc[second, ["override_identity", "override_creator", "reason"]] = ["Rio", "iplanrio", "persona named in Portuguese"]
    filled = tmp_path / "filled.csv"
    sheet.to_csv(filled, index=False)

    out = tmp_path / "out"
    result = runner.invoke(main, ["report", str(strict_run), "--overrides", str(filled), "--out", str(out)])
    assert result.exit_code == 0, result.output
    numbers = json.loads((out / "report.json").read_text())
    review = numbers["review"]
    assert review["rows"] == len(samples) and review["filled"] == 2
    changed = {(c["prompt_id"], c["condition"], c["sample_index"]): c for c in review["changes"]}
    key = (sheet.loc[first, "prompt_id"], sheet.loc[first, "condition"], int(sheet.loc[first, "sample_index"]))
    assert changed[key]["identity"] == sheet.loc[first, "label"] and changed[key]["reviewed_identity"] == to_other
    assert changed[key]["reason"] == "a name the lexicon lacks"
    # reviewed counts differ from the automatic ones by exactly the changes; the totals do not move
    auto = {(r["condition"], r["identity"]): r["k"] for r in review["automatic"]["headline"]}
    now = {(r["condition"], r["identity"]): r["k"] for r in numbers["headline"]}
    delta = {k: now.get(k, 0) - auto.get(k, 0) for k in {*auto, *now}}
    expected: dict[tuple[str, str], int] = {}
    for c in review["changes"]:
        if c["identity"] != c["reviewed_identity"]:
            expected[(c["condition"], c["identity"])] = expected.get((c["condition"], c["identity"]), 0) - 1
            expected[(c["condition"], c["reviewed_identity"])] = expected.get((c["condition"], c["reviewed_identity"]), 0) + 1
    assert {k: v for k, v in delta.items() if v} == {k: v for k, v in expected.items() if v} != {}
    html = (out / "report.html").read_text()
    assert "persona named in Portuguese" in html and f"<strong>{review['changed']}</strong> label" in html
    assert "automatic share" in (out / "report.md").read_text()
    # the run itself is untouched: a report without overrides shows the automatic counts again
    plain = tmp_path / "plain"
    assert runner.invoke(main, ["report", str(strict_run), "--out", str(plain), "--format", "json"]).exit_code == 0
    assert json.loads((plain / "report.json").read_text())["headline"] == review["automatic"]["headline"]
