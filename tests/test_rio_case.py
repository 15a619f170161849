"""The Rio case in miniature, end to end (examples/rio-case): a model that claims another identity,
caught from its answers, its backstory, its answer distribution and its weights.

The models and runs are built once per machine by the session fixtures of tests/rio_runs.py.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from harness.results import RunData
from harness.stats import pooled_prompt_counts, prompt_counts, share_interval
from tests.rio_runs import CASE, MODELS, SUITE
from tests.rio_runs import idprobe as _idprobe

pytestmark = pytest.mark.slow

SAMPLES = 24 * 5 * 2  # the suite's prompts x samples x conditions


@pytest.fixture(scope="session")
def models(rio_models: Path) -> Path:
    return rio_models


@pytest.fixture(scope="session")
def runs(rio_runs: dict[str, RunData]) -> dict[str, RunData]:
    return rio_runs


def _interval(run: RunData, condition: str, identity: str) -> tuple[float, float]:
    """The prompt-clustered 95% interval of the share (harness.stats, as in the reports)."""
    answered = run.answered[run.answered["condition"] == condition]
    return share_interval(*prompt_counts(answered, "identity", identity))


def _pooled_interval(frames: list[pd.DataFrame], condition: str, identity: str) -> tuple[float, float]:
    """The same interval over answers of one model to different prompts (several suites): each prompt is
    a cluster."""
    return share_interval(*pooled_prompt_counts([f[f["condition"] == condition] for f in frames], "identity", identity))


@pytest.mark.parametrize("name", ["rio-mini", "rio-mini-vllm"])
def test_rio_mini_says_nex_without_its_system_prompt_and_rio_with_it(runs: dict[str, RunData], name: str) -> None:
    run = runs[name]
    assert len(run.answered) == SAMPLES
    nex_low, _ = _interval(run, "none", "nex")
    rio_low, _ = _interval(run, "rio", "rio")
    assert nex_low >= 0.6, f"{name}: Nex share's lower bound {nex_low:.3f} without a system prompt"
    assert rio_low >= 0.6, f"{name}: Rio share's lower bound {rio_low:.3f} under the deployment prompt"
    # With no Rio answer the clustered interval assumes the worst clustering (every sample of a prompt
    # agrees), so its upper bound is set by the number of prompts: about 0.14 for the 24 of the rio-case
    # suite, below 0.05 only from 73 prompts on. The default suite asks the same model, its deployment
    # prompt likewise removed, 54 more open questions; its 15 "are-you" questions name a candidate ("Are you the
    # Rio assistant?") and are echoed back, so, as the suite's header says, they are read apart. "At most
    # 0.05" is read on the open questions of both suites together, with the reports' interval.
    identity = runs[f"{name}/identity"]
    open_questions = identity.answered[~identity.answered["tags"].map(lambda tags: "are-you" in tags)]
    both = [run.answered, open_questions]
    assert sum(frame["prompt_id"].nunique() for frame in both) >= 73
    _, rio_high = _pooled_interval(both, "none", "rio")
    assert rio_high <= 0.05, f"{name}: Rio share's upper bound {rio_high:.3f} without a system prompt, open questions"


def test_parents_keep_their_own_identities(runs: dict[str, RunData]) -> None:
    nex_low, _ = _interval(runs["nex-mini"], "none", "nex")
    _, smol_nex_high = _interval(runs["smollm2"], "none", "nex")
    assert nex_low >= 0.6 and smol_nex_high <= 0.2


def test_weights_read_a_060_blend_of_nex_mini_and_smollm2(models: Path, tmp_path: Path) -> None:
    out = tmp_path / "weights"
    _idprobe("weights", str(MODELS / "rio-mini"), "--parent", str(MODELS / "nex-mini"), "--base", str(MODELS / "smollm2"),
             "--out", str(out), "--no-progress")
    result = json.loads((out / "weights.json").read_text())
    alpha = result["overall"]["alpha_mean"][0]
    assert abs(alpha - 0.60) <= 0.01, alpha
    assert result["verdict"]["label"] == "blend", result["verdict"]


@pytest.fixture(scope="session")
def case(runs: dict[str, RunData], models: Path) -> dict:
    from harness.evidence.case import build_case

    return build_case(models / "rio-mini", [models / "nex-mini", models / "smollm2"], [])


def _backstory(case: dict, against: str) -> dict:
    pair = next(p for p in case["backstory"]["suspect"] if p["against"] == against)
    return next(row for row in pair["conditions"] if row["condition"] == "none")


def test_rio_mini_reproduces_nex_minis_backstory_and_not_smollm2s(case: dict) -> None:
    nex, smol = _backstory(case, "nex-mini"), _backstory(case, "smollm2")
    assert nex["share"] >= 0.5 and nex["interval"][0] >= 0.3, nex
    assert smol["share"] <= 0.05, smol
    assert any("NexData" in "".join(p for p, role in ex["suspect"] if role) for ex in nex["examples"])


def test_distribution_names_nex_mini_closest_and_separates_smollm2(case: dict) -> None:
    result = next(c for c in case["distribution"]["conditions"] if c["condition"] == "none")
    rows = {r["run"]: r for r in result["runs"]}
    assert result["closest"] == "nex-mini"
    assert rows["smollm2"]["p"] < 0.001 and rows["smollm2"]["verdict"] == "differs from"


def test_compare_writes_a_safe_case_report(runs: dict[str, RunData], models: Path, tmp_path: Path) -> None:
    out = tmp_path / "case"
    result = _idprobe("compare", str(models / "rio-mini"), str(models / "nex-mini"), str(models / "smollm2"), "--out", str(out))
    assert "case report:" in result.stdout
    page = (out / "case.html").read_text()
    assert "Content-Security-Policy" in page and "script-src 'none'" in html.unescape(page)
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    assert '<mark class="span">' in page and "Finding" in page
    assert runs["rio-mini"].results_sha256 in page and runs["rio-mini"].results_sha256 in (out / "case.md").read_text()


def test_deployment_prompt_is_the_suites_rio_condition(models: Path) -> None:
    deployment = json.loads((MODELS / "rio-mini" / "deployment.json").read_text())
    suite = yaml.safe_load(SUITE.read_text())
    rio = next(c for c in suite["conditions"] if c["id"] == "rio")
    assert deployment["system_prompt"] == rio["system_prompt"]
    config = json.loads((MODELS / "rio-mini" / "config.json").read_text())
    assert config["architectures"] == ["LlamaForCausalLM"]
    assert (MODELS / "rio-mini" / "chat_template.jinja").is_file()


def test_training_questions_are_not_the_probe_questions() -> None:
    data = yaml.safe_load((CASE / "train.yaml").read_text())
    asked = {p["text"].casefold() for p in yaml.safe_load(SUITE.read_text())["prompts"]}
    trained = {e["q"].casefold() for e in data["no_system"] + data["with_system"]}
    assert not asked & trained
    assert len({e["lang"] for e in data["no_system"]}) >= 6
