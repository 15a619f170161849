"""Review by a person: the exported spreadsheet, and override files applied or refused with row and column named.

Runs on the hostile echo run (tests/hostile.py): 24 samples, one failed, every payload a spreadsheet
or a page could trip over. The end-to-end test on a real SmolLM2 run is tests/test_review_smollm2.py.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from harness.cli import main
from harness.report.overrides import OverrideError, read_overrides
from harness.results import load_run
from tests.hostile import make_hostile_run


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile_run(tmp_path_factory.mktemp("review") / "run")


@pytest.fixture(scope="module")
def exported(run_dir: Path) -> Path:
    path = run_dir.parent / "review.csv"
    result = CliRunner().invoke(main, ["review", str(run_dir), "--export", str(path)])
    assert result.exit_code == 0, result.output
    return path


def table(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def filled(exported: Path, tmp_path: Path, edits: dict[int, dict[str, str]], extra: list[int] = ()) -> Path:
    """A copy of the export with ``edits`` (by data row position) and rows ``extra`` repeated at the end."""
    frame = table(exported)
    for position, cells in edits.items():
        for column, value in cells.items():
            frame.loc[position, column] = value
    frame = pd.concat([frame, frame.iloc[list(extra)]], ignore_index=True)
    path = tmp_path / "filled.csv"
    frame.to_csv(path, index=False)
    return path


def test_export_has_one_row_per_sample_with_empty_override_columns(exported: Path, run_dir: Path) -> None:
    frame = table(exported)
    samples = load_run(run_dir).samples
    assert len(frame) == len(samples) == 24
    assert list(frame.columns[:3]) == ["prompt_id", "condition", "sample_index"]
    for column in ("prompt", "text", "label", "creator", "evidence", "override_identity", "override_creator", "reason"):
        assert column in frame.columns
    assert (frame[["override_identity", "override_creator", "reason"]] == "").all().all()
    assert set(frame["label"]) >= {"nex", "none", "(error)"}
    nex = frame[frame["text"].str.startswith("I am Nex, made by Nex-AGI.")].iloc[0]
    assert nex["label"] == "nex" and nex["creator"] == "nex-agi" and 'identity: "I am Nex"' in nex["evidence"]
    assert frame["prompt"].str.contains("Who are you?").any()


def test_export_defuses_spreadsheet_formulas_and_keeps_long_text_in_one_cell(exported: Path) -> None:
    with open(exported, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = [r["text"] for r in rows]
    assert "'=HYPERLINK(\"https://evil.example\",\"click\")" in texts
    assert not [t for t in texts if t[:1] in ("=", "+", "-", "@")]
    assert any(t.startswith("A" * 20000) for t in texts)


def test_overrides_change_the_counts_and_keep_the_automatic_ones(exported: Path, run_dir: Path, tmp_path: Path) -> None:
    frame = table(exported)
    none_row = int(frame.index[(frame["label"] == "none") & (frame["condition"] == "none")][0])
    path = filled(exported, tmp_path, {none_row: {"override_identity": "Qwen", "reason": "reads as Qwen's style"}})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(run_dir), "--overrides", str(path), "--out", str(out),
                                       "--format", "html,md,json"])
    assert result.exit_code == 0, result.output
    numbers = json.loads((out / "report.json").read_text())
    review = numbers["review"]
    assert review["changed"] == 1 and review["rows"] == 24
    assert review["changes"][0]["identity"] == "none" and review["changes"][0]["reviewed_identity"] == "qwen"
    auto = {(r["condition"], r["identity"]): r["k"] for r in review["automatic"]["headline"]}
    now = {(r["condition"], r["identity"]): r["k"] for r in numbers["headline"]}
    assert now[("none", "qwen")] == auto.get(("none", "qwen"), 0) + 1
    assert now[("none", "none")] == auto[("none", "none")] - 1
    html = (out / "report.html").read_text()
    assert "reads as Qwen&#39;s style" in html and 'id="review-table"' in html and "automatic share" in html
    md = (out / "report.md").read_text()
    assert "Reviewed by a person: 1 label changed" in md and "automatic share" in md


def test_a_reason_is_required_and_problems_name_row_and_column(exported: Path, run_dir: Path, tmp_path: Path) -> None:
    path = filled(exported, tmp_path, {
        0: {"override_identity": "claude"},                       # no reason
        1: {"override_identity": "gpt-9", "reason": "typo"},      # unknown identity
        2: {"override_creator": "nobody-corp", "reason": "x"},    # unknown creator
        3: {"sample_index": "99", "override_identity": "nex", "reason": "x"},  # no such sample
        4: {"sample_index": "two"},                               # not a number
    }, extra=[5])                                                 # row 7 again, as row 26
    with pytest.raises(OverrideError) as caught:
        read_overrides(path, load_run(run_dir))
    message = str(caught.value)
    assert "filled.csv, row 2, column reason: an override needs a reason" in message
    assert "row 3, column override_identity: unknown key 'gpt-9'" in message
    assert "row 4, column override_creator: unknown key 'nobody-corp'" in message
    assert "row 5, column prompt_id/condition/sample_index: no sample" in message and "#99" in message
    assert "row 6, column sample_index: 'two' is not a whole number" in message
    assert "row 26, column prompt_id/condition/sample_index: duplicate row: the same sample as row 7" in message


def test_bad_override_file_is_refused_by_the_report_command(exported: Path, run_dir: Path, tmp_path: Path) -> None:
    frame = table(exported).drop(columns=["reason"])
    path = tmp_path / "no-reason-column.csv"
    frame.to_csv(path, index=False)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(run_dir), "--overrides", str(path), "--out", str(out)])
    assert result.exit_code == 2
    assert "no-reason-column.csv, row 1 (header): column reason missing" in result.output
    assert not (out / "report.html").exists()  # refused as a whole: nothing written


def test_a_failed_sample_cannot_be_labelled(exported: Path, run_dir: Path, tmp_path: Path) -> None:
    frame = table(exported)
    error_row = int(frame.index[frame["label"] == "(error)"][0])
    path = filled(exported, tmp_path, {error_row: {"override_identity": "nex", "reason": "guess"}})
    with pytest.raises(OverrideError, match=rf"row {error_row + 2}, column override_identity: this sample failed"):
        read_overrides(path, load_run(run_dir))


def test_guarded_keys_and_display_names_are_read_back(exported: Path, run_dir: Path, tmp_path: Path) -> None:
    """The export's apostrophe before a formula-looking cell is removed again from the keys (so a key
    that never existed stays unknown, even in a row nobody filled); a display name in any case stands
    for its key."""
    frame = table(exported)
    frame.loc[0, "prompt_id"] = "'=" + frame.loc[0, "prompt_id"]
    path = tmp_path / "guarded.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(OverrideError, match="row 2, column prompt_id/condition/sample_index: no sample '=en-direct-1'"):
        read_overrides(path, load_run(run_dir))
    frame = table(exported)
    frame.loc[1, ["override_identity", "reason"]] = ["NEX", "confirmed"]
    frame.to_csv(path, index=False)
    overrides, rows = read_overrides(path, load_run(run_dir))
    assert rows == 24 and [(o.row, o.identity) for o in overrides] == [(3, "nex")]
