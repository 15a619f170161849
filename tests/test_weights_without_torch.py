"""`idprobe weights` on safetensors runs where torch cannot be imported at all (the base install)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from weights_tiny import ALPHA, write_blend

# Loaded by every interpreter started with this folder on PYTHONPATH, spawned pool workers included:
# `import torch` (and anything under it) raises ImportError there.
BLOCKER = "import sys\nsys.modules['torch'] = None\nsys.modules['transformers'] = None\n"


@pytest.fixture(scope="module")
def no_torch_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    site = tmp_path_factory.mktemp("no-torch")
    (site / "sitecustomize.py").write_text(BLOCKER)
    return {"PYTHONPATH": str(site), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}


def _python(code: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_blocker_really_makes_torch_unimportable(no_torch_env: dict[str, str], tmp_path: Path) -> None:
    proc = _python("import torch", no_torch_env, tmp_path)
    assert proc.returncode == 1 and "import of torch halted" in proc.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_weights_names_a_blend_and_its_alpha_without_torch(no_torch_env: dict[str, str], tmp_path: Path,
                                                           workers: int) -> None:
    files = write_blend(tmp_path / "ckpt")
    args = [str(files["blend"]), "--parent", str(files["parent"]), "--base", str(files["base"]),
            "--out", str(tmp_path / "out"), "--no-progress", "--workers", str(workers)]
    code = ("import sys\nfrom harness.cli import main\n"
            f"main({['weights', *args]!r}, standalone_mode=False)\n"
            "assert sys.modules.get('torch') is None, 'torch was imported'\n")
    proc = _python(code, {**no_torch_env, "PYTHONPATH": f"{no_torch_env['PYTHONPATH']}:{ROOT}"}, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("blend: Derived from these parents"), proc.stdout
    alpha = float(re.search(r"recipe: linear.*alpha=\[([0-9.]+)\]", proc.stdout).group(1))  # type: ignore[union-attr]
    assert alpha == pytest.approx(ALPHA, abs=0.002)
    data = json.loads((tmp_path / "out" / "weights.json").read_text())
    assert data["verdict"]["label"] == "blend" and data["recipe"]["method"] == "linear"
    assert {t["value_dtype"] for t in data["tensors"]} == {"BF16"}
    assert all(t["exact"]["share_kept"] > 0.99 for t in data["tensors"])
