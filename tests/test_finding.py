"""The one-sentence finding, built from summary numbers."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from harness.finding import comparison_findings, pct, run_finding, span
from harness.summary import share_record
from harness.tally import shares

DISPLAY = {"nex": "Nex", "rio": "Rio", "qwen": "Qwen", "none": "(no claim)", "other": "(other name)"}


def summary_of(label: str, answers: dict[str, list[list[str]]], system_prompts: dict[str, bool]) -> dict[str, Any]:
    """A summary holding only what the finding reads: per condition, per prompt, the claims."""
    rows = [{"condition": c, "prompt_id": f"p{i}", "identity": claim}
            for c, prompts in answers.items() for i, claims in enumerate(prompts) for claim in claims]
    frame = pd.DataFrame(rows)
    labels = sorted(frame["identity"].unique())
    table = shares(frame, ["condition"], "identity", labels=labels).to_dict("records")
    return {"run": {"label": label}, "conditions": list(answers), "display": DISPLAY,
            "condition_details": {c: {"description": "", "system_prompt": s} for c, s in system_prompts.items()},
            "headline": [share_record(r, "identity") for r in table]}


def row(summary: dict[str, Any], condition: str, identity: str) -> dict[str, Any]:
    return next(r for r in summary["headline"] if r["condition"] == condition and r["identity"] == identity)


@pytest.fixture()
def rio_like() -> dict[str, Any]:
    # 24 prompts x 5: Nex in 95 of 120 answers without a system prompt, Rio in 116 of 120 with it
    bare = [["nex"] * 5] * 19 + [["none"] * 5] * 5
    prompted = [["rio"] * 5] * 23 + [["rio", "none", "none", "none", "none"]]
    return summary_of("Rio-3.5-Open", {"none": bare, "rio": prompted}, {"none": False, "rio": True})


def test_the_rio_finding_reads_like_the_published_one(rio_like: dict[str, Any]) -> None:
    nex, rio0, rio1 = row(rio_like, "none", "nex"), row(rio_like, "none", "rio"), row(rio_like, "rio", "rio")
    assert (nex["k"], rio0["k"], rio1["k"]) == (95, 0, 116)
    assert run_finding(rio_like) == (
        f"With the system prompt removed, Rio-3.5-Open claimed to be Nex in 79% of 120 answers "
        f"(95% CI {span(nex['cluster'])}) and Rio in 0% ({span(rio0['cluster'])}); "
        f'with system prompt "rio", it claimed to be Rio in 97% of 120 answers (95% CI {span(rio1["cluster"])}).')
    assert rio0["cluster"][1] > 0  # "0% (0-x%)" never "(0-0%)"


def test_a_run_without_identity_claims_says_so() -> None:
    summary = summary_of("SmolLM2", {"none": [["none"] * 5] * 23 + [["none"] * 4 + ["other"]]}, {"none": False})
    sentence = run_finding(summary)
    assert sentence.startswith("With the system prompt removed, SmolLM2 made no identity claim in 99.2% of 120 answers (95% CI ")
    assert sentence.endswith(").") and sentence.count(";") == 0


def test_only_system_prompted_conditions_lead_with_the_first() -> None:
    summary = summary_of("m", {"rio": [["rio"] * 5] * 6, "qwen": [["qwen"] * 5] * 6}, {"rio": True, "qwen": True})
    sentence = run_finding(summary)
    assert sentence.startswith('With system prompt "rio", m claimed to be Rio in 100% of 30 answers (95% CI ')
    assert 'with system prompt "qwen", it claimed to be Qwen in 100% of 30 answers' in sentence


def test_a_run_with_no_classified_answers_has_no_finding() -> None:
    assert "no finding" in run_finding({"run": {"label": "x"}, "conditions": ["none"], "headline": []})


@pytest.mark.parametrize(("share", "text"), [(0.0, "0"), (0.004, "0.4"), (0.79, "79"), (0.995, "99.5"), (1.0, "100"), (None, "n/a")])
def test_percentages_keep_small_shares_visible(share: float | None, text: str) -> None:
    assert pct(share) == text


def test_comparison_finding_names_suspect_parent_test_and_verdict(rio_like: dict[str, Any]) -> None:
    nex = row(rio_like, "none", "nex")
    parent = {**nex, "k": 100, "share": 100 / 120}
    result = {
        "conditions": ["none"], "condition_details": {"none": {"system_prompt": False}}, "display": DISPLAY,
        "runs": [{"name": "Rio-3.5-Open"}, {"name": "Nex-N1"}],
        "shares": [{"condition": "none", "identity": "nex", "runs": [nex, parent]}],
        "tests": [{"condition": "none", "identity": "nex", "a": 0, "b": 1, "significant": False,
                   "test": "paired permutation", "p_holm": 0.61}],
    }
    (sentence,) = comparison_findings(result)
    assert sentence == (
        f"With the system prompt removed, Rio-3.5-Open claimed to be Nex in 79% of 120 answers (95% CI "
        f"{span(nex['cluster'])}) and Nex-N1 in 83% of 120 ({span(parent['cluster'])}): no evidence of a "
        "difference (paired permutation, Holm-adjusted p=0.61).")
