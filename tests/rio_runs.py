"""The Rio case's models and runs (examples/rio-case), built once and shared by the tests that read them:
tests/test_rio_case.py (the case) and tests/test_vllm_default_suite.py (rio-mini's default-suite run
through vLLM CPU is also the suite's offline vLLM run).

Built into .idprobe-cache/rio-case/ (models keyed by their recipe hash, runs resumed), so only the first
session on a machine pays for training and sampling: 3 models x 240 answers with transformers, 240 with
vLLM CPU, and the default suite's 690 on rio-mini through each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from harness.paths import DEFAULT_SUITE
from harness.results import RunData, load_run

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "examples" / "rio-case"
CACHE = ROOT / ".idprobe-cache" / "rio-case"
MODELS = CACHE / "models"
SUITE = ROOT / "probes" / "rio-case.yaml"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "OMP_WAIT_POLICY": "PASSIVE", "VLLM_CPU_KVCACHE_SPACE": "1"}

# name -> (suite, target): the rio-case suite on the three models (transformers) and on rio-mini through vLLM
# CPU, and the default suite on rio-mini through both, so that its no-system-prompt Rio share is read over
# 24 + 54 open questions (see test_rio_case.test_rio_mini_says_nex_without_its_system_prompt_and_rio_with_it).
TARGETS = {
    "rio-mini": (SUITE, "rio-mini.yaml"), "nex-mini": (SUITE, "nex-mini.yaml"), "smollm2": (SUITE, "smollm2.yaml"),
    "rio-mini-vllm": (SUITE, "rio-mini-vllm.yaml"),
    "rio-mini/identity": (DEFAULT_SUITE, "rio-mini.yaml"), "rio-mini-vllm/identity": (DEFAULT_SUITE, "rio-mini-vllm.yaml"),
}
# A 135M model's small matrix products keep a second torch thread mostly waiting on a 2-core machine, so
# the transformers runs go in two lanes of one thread each, side by side (about equal work per lane);
# vLLM, which spreads one engine over every core, runs after them. Thread counts change no assertion:
# every test reads shares and bounds, not texts.
LANES = (("rio-mini/identity", "rio-mini"), ("smollm2", "nex-mini"))
SOLO = ("rio-mini-vllm", "rio-mini-vllm/identity")


def run_python(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env or ENV, capture_output=True, text=True)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def idprobe(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_python("-m", "harness.cli", *args, env=env)


def run_dir(runs_root: Path, name: str) -> Path:
    return runs_root / name.replace("/", "-")


@pytest.fixture(scope="session")
def rio_models() -> Path:
    """Builds (or finds) the three models; returns the folder of the runs made from them."""
    built = json.loads(run_python(str(CASE / "make_models.py"), "--out", str(MODELS)).stdout)
    assert all((MODELS / name / "model.safetensors").is_file() for name in ("smollm2", "nex-mini", "rio-mini"))
    return CACHE / "runs" / built["recipe_sha256"][:16]


def _planned(suite: Path) -> int:
    data = yaml.safe_load(suite.read_text(encoding="utf-8"))
    return len(data["prompts"]) * len(data["conditions"]) * data["sampling"]["n"]


def _finish(runs_root: Path, names: tuple[str, ...], env: dict[str, str]) -> None:
    for name in names:
        suite, config = TARGETS[name]
        out = run_dir(runs_root, name)
        done = out / "completions.jsonl"
        lines = len(done.read_text(encoding="utf-8").splitlines()) if done.is_file() else 0
        if lines < _planned(suite):  # a finished run is not even resumed: resuming starts the engine first
            idprobe("run", str(suite), "--target", str(CASE / config), "--out", str(out), "--no-report", env=env)


@pytest.fixture(scope="session")
def rio_runs(rio_models: Path) -> dict[str, RunData]:
    one_thread = {**ENV, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    with ThreadPoolExecutor(len(LANES)) as pool:
        for lane in [pool.submit(_finish, rio_models, lane, one_thread) for lane in LANES]:
            lane.result()
    _finish(rio_models, SOLO, ENV)
    return {name: load_run(run_dir(rio_models, name)) for name in TARGETS}
