"""The HTML report of a real SmolLM2 run: what a disclosure needs is on the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from markupsafe import escape

from harness.report import render_html
from harness.report_cli import report_command
from harness.results import load_run
from tests.hostile import html_attributes
from tests.report_fixtures import smollm2_run

INJECTED = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"

@pytest.fixture(scope="module")
def strict_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return smollm2_run(tmp_path_factory, "strict")  # made once per session, shared with the other modules


@pytest.fixture(scope="module")
def page(strict_run: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(report_command, [str(strict_run), "--out", str(out), "--format", "html,json,md"])
    assert result.exit_code == 0, result.output
    return out, (out / "report.html").read_text()


def test_report_states_the_template_injection_and_the_mode(page: tuple[Path, str]) -> None:
    html = page[1]
    assert INJECTED in html and "This run used <strong>strict</strong> mode" in html
    assert "&lt;|im_start|&gt;user\nWho are you?&lt;|im_end|&gt;" in html  # the exact prompt under "none"
    assert "&lt;|im_start|&gt;system\nYou are Rio" in html  # and under "rio"


def test_report_carries_the_manifest_and_the_data_hash(page: tuple[Path, str], strict_run: Path) -> None:
    out, html = page
    manifest = json.loads((strict_run / "manifest.json").read_text())
    numbers = json.loads((out / "report.json").read_text())
    for value in (manifest["suite"]["sha256"], manifest["model"]["gguf_sha256"], manifest["template"]["sha256"],
                  numbers["run"]["completions_sha256"], manifest["sessions"][0]["started_at"]):
        assert value in html
    assert "95% prompt-clustered" in html and "95% Wilson" in html
    assert 'id="breakdown-language"' in html and 'id="breakdown-tag"' in html and 'id="breakdown-prompt"' in html


def test_report_is_self_contained(page: tuple[Path, str]) -> None:
    html = page[1]
    assert not [name for name, _ in html_attributes(html) if name in ("src", "href", "action", "data")]
    assert "<link" not in html and "@import" not in html and "url(" not in html


def test_rendering_is_deterministic_and_survives_lone_surrogates(strict_run: Path) -> None:
    run = load_run(strict_run)
    assert render_html(run) == render_html(run)  # rerendering gives the same page (seeded bootstrap)
    # pandas' Arrow-backed strings cannot hold a lone surrogate; object columns (no pyarrow) can
    run.samples["text"] = run.samples["text"].astype(object)
    run.samples.loc[0, "text"] = "I am \udc80 broken"
    html = render_html(run)
    assert "I am \ufffd broken" in html


def test_report_of_a_missing_run_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(report_command, [str(tmp_path)])
    assert result.exit_code == 2 and "not an idprobe run" in result.output


def test_finding_rendering_and_classifier_come_before_the_tables(page: tuple[Path, str], strict_run: Path) -> None:
    out, html = page
    numbers = json.loads((out / "report.json").read_text())
    markdown = (out / "report.md").read_text()
    headline_at = html.index('id="headline"')
    assert html.index('id="classifier-statement"') < headline_at
    assert f"rules {numbers['run']['classifier']['rules_version']}" in html
    # the one-sentence finding (harness/finding.py), at the top of both formats
    assert numbers["finding"] and html.index('id="finding"') < headline_at
    assert markdown.index("**With") < markdown.index("### Identity claimed")
    assert html.index('id="template-statement"') < headline_at and "Prompt rendering" in markdown
    assert str(escape(numbers["template"]["statement"])) in html
    manifest = json.loads((strict_run / "manifest.json").read_text())
    assert manifest["seeds"]["statement"] and 'id="seed-statement"' in html
