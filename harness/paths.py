"""Where the shipped data lives: the default suites and lexicon, the report templates, the example targets.

In the repository they sit at the top (``probes/``, ``reports/``, ``configs/``) so that users can read and
extend them. The build maps them into the package as ``harness/data/<name>/`` (see ``[tool.setuptools]`` in
pyproject.toml), so a wheel, an sdist build or ``pipx install`` carries them and finds them through
``importlib.resources``. An editable install (``pip install -e .``) runs the package from the checkout,
where the same directories are found beside it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SHIPPED = ("probes", "reports", "configs")


class DataNotFound(FileNotFoundError):
    """The package was installed without its data: a broken build."""


def source_checkout() -> Path | None:
    """The repository root when the package runs from a checkout (editable install), else ``None``."""
    root = Path(str(resources.files("harness"))).parent
    return root if (root / "pyproject.toml").is_file() and (root / "harness" / "paths.py").is_file() else None


def shipped_dir(name: str) -> Path:
    """The directory of shipped data ``name`` (one of :data:`SHIPPED`), installed or in the checkout."""
    if name not in SHIPPED:
        raise ValueError(f"unknown shipped data {name!r}; known: {', '.join(SHIPPED)}")
    installed = resources.files("harness") / "data" / name
    # Regular (unzipped) installs give a real directory; templates and suites are read by path.
    if installed.is_dir():
        return Path(str(installed))
    checkout = source_checkout()
    if checkout is not None and (checkout / name).is_dir():
        return checkout / name
    raise DataNotFound(f"idprobe's {name}/ data is missing from {installed}: reinstall idprobe (a wheel or sdist build)")


PROBES_DIR = shipped_dir("probes")
REPORTS_DIR = shipped_dir("reports")
CONFIGS_DIR = shipped_dir("configs")
DEFAULT_SUITE = PROBES_DIR / "identity.yaml"


def find_file(arg: str | Path, name: str) -> Path:
    """``arg`` as a path when it exists, else a shipped file of ``name`` (``smoke``, ``smoke.yaml``)."""
    path = Path(arg)
    if path.is_file():
        return path
    shipped = shipped_dir(name)
    for candidate in (shipped / path, shipped / f"{path}.yaml"):
        if path.parent == Path(".") and candidate.is_file():
            return candidate
    known = ", ".join(sorted(p.stem for p in shipped.glob("*.yaml")))
    raise FileNotFoundError(f"{arg}: no such file, nor a shipped one in {name}/ (shipped: {known})")
