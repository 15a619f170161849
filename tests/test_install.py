"""idprobe as users install it: an sdist, a wheel built from it, fresh virtual environments, no checkout.

The base environment gets the wheel and its declared dependencies from the package index, without the
``local`` extra: torch and transformers are not installed there at all, so every command that succeeds
in it proved that it never needed them. The second environment adds the ``local`` extra's libraries
(reused from the test environment rather than downloaded again) and runs the embedded model. Every
command runs from a directory outside the checkout, so nothing can be read from the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.suite import load_suite
from tests.conftest import ROOT

SHIPPED = {"probes": "identity.yaml", "reports": "report.html.j2", "configs": "smollm2.yaml"}
TINY_SUITE = """\
name: tiny
version: "1"
prompts:
  - id: who
    language: en
    tags: [direct]
    text: "Who are you?"
conditions:
  - id: none
sampling: {n: 2, temperature: 0.7, top_p: 0.9, max_tokens: 8, seed: 1}
"""


def _run(cmd: list[str], cwd: Path, timeout: float = 300, env: dict[str, str] | None = None) -> str:
    """Run a command, failing the test with its output when it fails."""
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An sdist of the checkout, and a wheel built from that sdist (as pip does for an sdist install)."""
    out = tmp_path_factory.mktemp("dist")
    build = "import sys; from setuptools import build_meta; build_meta.build_sdist(sys.argv[1])"
    _run([sys.executable, "-c", build, str(out)], cwd=ROOT)
    (sdist,) = out.glob("*.tar.gz")
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(sdist)], cwd=out)
    (wheel,) = out.glob("*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory with no checkout above it."""
    return tmp_path_factory.mktemp("user")


def _venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, timeout=120)
    return path / "bin"


@pytest.fixture(scope="module")
def base_env(dists: dict[str, Path], tmp_path_factory: pytest.TempPathFactory, outside: Path) -> Path:
    """A fresh environment with the wheel and its base dependencies only."""
    bin_dir = _venv(tmp_path_factory.mktemp("venv") / "base")
    _run([str(bin_dir / "pip"), "install", "-q", str(dists["wheel"])], cwd=outside, timeout=600)
    return bin_dir


def test_wheel_and_sdist_carry_the_shipped_data_and_every_package(dists: dict[str, Path]) -> None:
    wheel_names = set(zipfile.ZipFile(dists["wheel"]).namelist())
    for folder, example in SHIPPED.items():
        assert f"harness/data/{folder}/{example}" in wheel_names
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                assert f"harness/data/{folder}/{path.relative_to(ROOT / folder).as_posix()}" in wheel_names, path
    assert "harness/data/probes/lexicons/default.yaml" in wheel_names
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "harness").rglob("*.py") if "__pycache__" not in p.parts}
    assert modules - wheel_names == set(), "modules missing from the wheel"
    sdist_names = {name.split("/", 1)[1] for name in tarfile.open(dists["sdist"]).getnames() if "/" in name}
    assert {f"{folder}/{example}" for folder, example in SHIPPED.items()} <= sdist_names
    assert not any(name.startswith(("tests/data", "bench/")) for name in wheel_names)


def test_base_install_has_no_torch_or_transformers(base_env: Path, outside: Path) -> None:
    probe = "import importlib.util as u; print([m for m in ('torch', 'transformers', 'vllm') if u.find_spec(m)])"
    assert _run([str(base_env / "python"), "-c", probe], cwd=outside).strip() == "[]"


def test_base_install_validates_the_shipped_default_suite(base_env: Path, outside: Path) -> None:
    out = _run([str(base_env / "idprobe"), "validate"], cwd=outside)
    suite, _ = load_suite(ROOT / "probes" / "identity.yaml")
    assert f"harness/data/probes/identity.yaml: ok ({len(suite.prompts)} prompts" in out
    assert str(ROOT) not in out, "the suite must come from the installed package"


def test_base_install_probes_an_endpoint_and_reports(base_env: Path, outside: Path) -> None:
    stub = subprocess.Popen([sys.executable, str(ROOT / "bench" / "stub_server.py"), "--max-seconds", "300"],
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        port = int(stub.stdout.readline().split()[1])  # type: ignore[union-attr]
        target = outside / "stub.yaml"
        target.write_text(f"backend: openai\nmodel: stub-model\nbase_url: http://127.0.0.1:{port}/v1\n")
        env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
        run = _run([str(base_env / "idprobe"), "run", "--target", str(target), "--out", "stub-run"], cwd=outside, env=env)
    finally:
        stub.kill()
        stub.wait()
    run_dir = outside / "stub-run"
    records = [json.loads(line) for line in (run_dir / "completions.jsonl").read_text().splitlines()]
    suite, _ = load_suite(ROOT / "probes" / "identity.yaml")
    wanted = len(suite.prompts) * len(suite.conditions) * suite.sampling.n
    assert len(records) == wanted and all(r["error"] is None for r in records)
    imported = {line.split("|")[-1].strip() for line in run.splitlines() if line.startswith("import time:")}
    assert "harness.backends.http_retry" in imported and not {"torch", "transformers"} & imported
    _run([str(base_env / "idprobe"), "report", "stub-run"], cwd=outside)
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    assert "StubModel" in html and "stub-model" in html


def test_base_install_names_the_local_extra_for_the_embedded_model(base_env: Path, outside: Path) -> None:
    proc = subprocess.run([str(base_env / "idprobe"), "run", "--out", "embedded-run"], cwd=outside,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: backend 'transformers' needs the local extra: pip install 'idprobe[local]'"


def test_base_install_compares_safetensors_weights_without_torch(base_env: Path, outside: Path) -> None:
    from tests.weights_tiny import ALPHA, write_blend

    files = write_blend(outside / "weights-ckpt")
    out = _run([str(base_env / "idprobe"), "weights", str(files["blend"]), "--parent", str(files["parent"]), "--base",
                str(files["base"]), "--out", "weights-out", "--no-progress", "--workers", "2"], cwd=outside)
    assert out.startswith("blend: Derived from these parents") and f"alpha=[{ALPHA:.4f}]" in out, out
    assert json.loads((outside / "weights-out" / "weights.json").read_text())["recipe"]["method"] == "linear"


@pytest.fixture(scope="module")
def local_env(dists: dict[str, Path], tmp_path_factory: pytest.TempPathFactory, outside: Path) -> Iterator[Path]:
    """A fresh environment with the wheel and the local extra; the extra's libraries (torch is large) are
    those of the test environment, seen through a path entry, so pip finds the extra satisfied."""
    bin_dir = _venv(tmp_path_factory.mktemp("venv") / "local")
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(subprocess.check_output([str(bin_dir / "python"), "-c", where], text=True).strip())
    (site / "reuse-test-env.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run([str(bin_dir / "pip"), "install", "-q", "--no-build-isolation", f"{dists['wheel']}[local]"], cwd=outside, timeout=600)
    yield bin_dir


def test_local_install_runs_the_embedded_model_outside_the_checkout(local_env: Path, outside: Path) -> None:
    where = _run([str(local_env / "python"), "-c", "import harness; print(harness.__file__)"], cwd=outside).strip()
    assert not where.startswith(str(ROOT)), "the wheel, not the checkout, must be imported"
    (outside / "tiny.yaml").write_text(TINY_SUITE)
    _run([str(local_env / "idprobe"), "run", "tiny.yaml", "--out", "tiny-run"], cwd=outside, timeout=600)
    records = [json.loads(line) for line in (outside / "tiny-run" / "completions.jsonl").read_text().splitlines()]
    assert len(records) == 2 and all(r["error"] is None and r["text"].strip() for r in records)
    assert (outside / "tiny-run" / "report.html").is_file()
