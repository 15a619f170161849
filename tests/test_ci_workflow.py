"""The release-gate workflow of docs/ci.md, its shell steps run for real against a local stub endpoint.

Two tags are released in turn. The first has no previous release and takes the absolute gate; the
second is gated against the first's run. GitHub-only steps (actions, `gh`) are not run here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from junitparser import JUnitXml

from tests.fake_openai_server import FakeConfig, FakeOpenAIServer

WORKFLOW = Path(__file__).resolve().parent.parent / "docs" / "release-gate.yml"
LOCAL_STEPS = ("Write the target", "Probe the staging endpoint")


def _steps() -> dict[str, dict]:
    job = yaml.safe_load(WORKFLOW.read_text())["jobs"]["identity"]
    return {step["name"]: step for step in job["steps"] if "name" in step}


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def _release(tag: str, work: Path, base_url: str, previous: str) -> subprocess.CompletedProcess[str]:
    """Run the workflow's local steps for one tag; returns the gate step's result."""
    steps = _steps()
    env = {**os.environ, "TAG": tag, "STAGING_URL": base_url, "STAGING_MODEL": "fake-model",
           "STAGING_API_KEY": "sk-test-not-a-real-key",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for name in LOCAL_STEPS:
        done = _bash(steps[name]["run"], work, env)
        assert done.returncode == 0, f"{name}: {done.stdout}\n{done.stderr}"
    gate = steps["Gate against the previous release" if previous else "Gate without a previous release"]
    return _bash(gate["run"].replace("${{ steps.previous.outputs.dir }}", previous), work, env)


@pytest.fixture(scope="module")
def server():  # type: ignore[no-untyped-def]
    with FakeOpenAIServer(FakeConfig(models=["fake-model"])) as srv:
        yield srv


def test_the_workflow_is_valid_yaml_with_the_steps_it_documents() -> None:
    steps = _steps()
    for name in (*LOCAL_STEPS, "Fetch the previous release's run", "Gate against the previous release",
                 "Publish the gate", "Keep the run directory", "Attach the report and the run to the release"):
        assert name in steps, name
    assert steps["Publish the gate"]["if"] == "always()"


def test_two_releases_probe_gate_and_write_junit(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _release("v1.0", tmp_path, server.base_url, previous="")
    assert first.returncode == 0, first.stdout + first.stderr
    second = _release("v1.1", tmp_path, server.base_url, previous="runs/v1.0")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "nex<=+0.05 [none] vs baseline" in second.stdout
    cases = [case for suite in JUnitXml.fromfile(str(tmp_path / "idprobe-gate.xml")) for case in suite]
    assert [c.name for c in cases] == ["nex<=+0.05 [none]", "rio>=-0.10 [none]"]
    assert all(c.is_passed for c in cases)
    assert (tmp_path / "runs" / "v1.1" / "report.html").is_file()
    manifest = (tmp_path / "runs" / "v1.1" / "manifest.json").read_text()
    assert '"release": "v1.1"' in manifest
    assert "sk-test-not-a-real-key" not in manifest + second.stdout + second.stderr
