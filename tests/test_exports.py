"""The report's other formats: Markdown that renders model text as text, JSON/CSV/Parquet that
hold the same numbers and every completion."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from harness.report.exports import ExportError, parse_formats
from harness.report import write_report
from harness.safetext import clean_text, csv_guard, md_code, md_escape
from tests.hostile import HOSTILE, make_hostile_run


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    run_dir = make_hostile_run(tmp_path_factory.mktemp("exports") / "run")
    write_report(run_dir, ["md", "json", "csv", "parquet"])
    return run_dir


def test_markdown_holds_model_text_only_inside_code_spans(outputs: Path) -> None:
    text = (outputs / "report.md").read_text()
    for line in text.splitlines():
        if "javascript:" in line or "<script" in line or "](" in line:
            assert line.startswith("- ") and line.rstrip().endswith("`"), line  # an example answer, as code
            code = line.split("): ", 1)[1]
            fence = code[: len(code) - len(code.lstrip("`"))]
            assert code.endswith(fence) and fence not in code[len(fence):-len(fence)]


def test_code_spans_cannot_be_closed_by_backticks_in_the_text() -> None:
    span = md_code("```` ` ``` break out `` of code | pipe")
    assert span.startswith("````` ") and span.endswith(" `````") and "|" not in span


def test_names_are_escaped_for_markdown() -> None:
    assert md_escape("[x](javascript:y) ![i](u) <b>") == r"\[x\]\(javascript\:y\) \!\[i\]\(u\) \<b\>"


def test_json_and_csv_hold_the_same_numbers(outputs: Path) -> None:
    numbers = json.loads((outputs / "report.json").read_text())
    tallies = pd.read_csv(outputs / "tallies.csv")
    claims = tallies[tallies["table"] == "identity"].reset_index(drop=True)
    assert len(claims) == len(numbers["headline"])
    for row, (_, csv_row) in zip(numbers["headline"], claims.iterrows()):
        assert (csv_row["condition"], csv_row["name"], csv_row["k"], csv_row["n"]) == (row["condition"], row["identity"], row["k"], row["n"])
        assert csv_row["cluster_lo"] == pytest.approx(row["cluster"][0]) and csv_row["wilson_hi"] == pytest.approx(row["wilson"][1])
    assert numbers["counts"] == {"samples": 24, "answered": 23, "errors": 1,
                                 "by_condition": {"none": {"samples": 12, "answered": 12, "errors": 0},
                                                  "rio": {"samples": 12, "answered": 11, "errors": 1}}}


def test_completions_csv_defuses_formulas_and_parquet_keeps_exact_text(outputs: Path) -> None:
    csv_text = pd.read_csv(outputs / "completions.csv")["text"].dropna().tolist()
    parquet = pd.read_parquet(outputs / "completions.parquet")
    assert "'" + HOSTILE[10] in csv_text and HOSTILE[10] not in csv_text
    assert HOSTILE[10] in parquet["text"].tolist() and HOSTILE[12] in parquet["text"].tolist()
    assert len(parquet) == 24 and set(parquet.columns) >= {"identity", "creator", "mentions", "evidence", "text", "ok"}


def test_lone_surrogates_and_controls_keep_their_offsets() -> None:
    raw = "I am \ud800Nex\x1b\u202e"
    cleaned = clean_text(raw)
    assert len(cleaned) == len(raw) and cleaned.encode("utf-8")
    assert cleaned == "I am \ufffdNex\u241b\ufffd"
    assert csv_guard("@SUM(A1)") == "'@SUM(A1)" and csv_guard(None) is None


def test_unknown_formats_are_refused_with_the_known_list() -> None:
    assert parse_formats("html, MD") == ["html", "md"]
    with pytest.raises(ExportError, match="choose from html, md, json, csv, parquet"):
        parse_formats("html,pdf")
