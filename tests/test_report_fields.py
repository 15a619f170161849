"""Fields other parts of idprobe put in a run's summary reach the top of the HTML and Markdown reports:
an endpoint run's `server` template mode with its preflight verdict, the classifier's measured accuracy,
and the "based on" table. Each is rendered when present and simply absent otherwise."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from harness.report.exports import render_markdown
from harness.report.html import environment, render_html
from harness.results import RunData, load_run
from harness.summary import summarize
from tests.hostile import make_hostile_run

SERVER = {
    "mode": "server", "requested_mode": "strict", "rendered_by": "server",
    "statement": "A chat-completions server rendered every prompt with its own template, which may add a system block.",
    "preflight": {"prompt_tokens_reported": 31, "expected_bare_tokens": 9, "overhead_tokens": 22, "threshold_tokens": 8,
                  "suspected_hidden_system_prompt": True, "method": "chat", "note": None,
                  "verdict": "hidden system prompt likely",
                  "sentence": "Preflight: the server counted 31 prompt tokens for a user-only 'Hi'; the message itself costs 9."},
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> RunData:
    return load_run(make_hostile_run(tmp_path_factory.mktemp("fields") / "run"))


def render_both(run: RunData, summary: dict[str, Any]) -> tuple[str, str]:
    return render_html(run, summary), render_markdown(run, summary, environment())


def test_server_mode_and_preflight_are_stated_before_the_headline(run: RunData) -> None:
    summary = copy.deepcopy(summarize(run))
    summary["template"] = SERVER
    html, markdown = render_both(run, summary)
    top = html[: html.index('id="headline"')]
    assert "<strong class=\"warn\">server</strong>: A chat-completions server rendered" in top
    assert "hidden system prompt likely</strong>. Preflight: the server counted 31 prompt tokens" in top
    assert "Prompt rendering (server): A chat\\-completions server" in markdown
    assert "Hidden-system-prompt preflight: **hidden system prompt likely**" in markdown


def test_classifier_accuracy_is_stated_when_measured(run: RunData) -> None:
    summary = copy.deepcopy(summarize(run))
    html, markdown = render_both(run, summary)
    measured = summary["classifier"]["test_split_identity_accuracy"]  # this build's test-split figure
    assert f"test split identity accuracy <strong>{100 * measured:.1f}%</strong>" in html
    summary["classifier"] = {}
    html, markdown = render_both(run, summary)
    assert "its measured accuracy is not recorded with this run" in html
    summary["classifier"] = {"version": "rules-3", "test_accuracy": 0.962, "test_split": "held-out, 412 answers",
                             "per_language": {"en": 0.98}}
    html, markdown = render_both(run, summary)
    statement = html.split('id="classifier-statement">', 1)[1].split("</td>", 1)[0]
    assert "version <strong>rules-3</strong>" in statement and "test accuracy <strong>96.2%</strong>" in statement
    assert "test split <strong>held-out, 412 answers</strong>" in statement and "per_language" not in statement
    assert "; test accuracy 96\\.2\\%; test split held\\-out\\, 412 answers." in markdown


def test_based_on_table_appears_only_with_a_based_on_claim(run: RunData) -> None:
    summary = copy.deepcopy(summarize(run))
    row = {"condition": "none", "based_on": "llama", "k": 3, "n": 12, "share": 0.25,
           "wilson": [0.09, 0.53], "cluster": [0.05, 0.66]}
    summary["based_on"] = [{**row, "based_on": "none", "k": 12, "share": 1.0}]
    html, markdown = render_both(run, summary)
    assert 'id="based-on-table"' not in html and "### Based on" not in markdown
    summary["based_on"] = [row]
    summary["display"]["llama"] = "Llama"
    html, markdown = render_both(run, summary)
    assert 'id="based-on-table"' in html and "<td>Llama</td><td class=\"num\">3/12</td>" in html
    assert "| none | Llama | 3/12 | 25.0% |" in markdown
