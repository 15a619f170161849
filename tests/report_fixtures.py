"""Real SmolLM2 runs shared by the report, compare and check tests.

Each run takes a minute of CPU, so they are made at most once per test session, whichever test
module asks first (a module-level cache: pytest would otherwise run an imported session fixture
once per importing module).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import main
from tests.conftest import ROOT

SMOKE = ROOT / "probes" / "smoke.yaml"
_RUNS: dict[str, Path] = {}


def smollm2_run(factory: pytest.TempPathFactory, mode: str) -> Path:
    """probes/smoke.yaml on the embedded SmolLM2 in template mode ``mode`` (strict or stock)."""
    if mode not in _RUNS:
        run_dir = factory.mktemp(f"smollm2-{mode}") / "run"
        result = CliRunner().invoke(main, ["run", str(SMOKE), "--template-mode", mode, "--out", str(run_dir), "--no-report"])
        assert result.exit_code == 0, result.output
        _RUNS[mode] = run_dir
    return _RUNS[mode]

