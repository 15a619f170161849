"""Backends: one small class per way of running a model, looked up by name.

Each backend module is imported only when its backend is used, so heavy libraries (torch,
transformers, vllm) load only where needed.
"""

from __future__ import annotations

import importlib

from harness.backends.base import Backend
from harness.extras import require
from harness.target import Target

# name -> "module:Class"; the module is imported on first use.
REGISTRY: dict[str, str] = {
    "transformers": "harness.backends.hf:TransformersBackend",
    "openai": "harness.backends.openai_compat:OpenAIBackend",
    "vllm": "harness.backends.vllm_offline:VLLMBackend",
    "vllm-server": "harness.backends.vllm_server:VLLMServerBackend",
    "echo": "harness.backends.echo:EchoBackend",
}

# name -> libraries it runs on, checked before anything loads (each belongs to an extra, see
# harness/extras.py); backends not listed need only the base install.
REQUIRES: dict[str, tuple[str, ...]] = {
    "transformers": ("torch", "transformers", "gguf"),
    "vllm": ("vllm", "transformers"),
    "vllm-server": ("vllm", "transformers"),
}


def backend_class(name: str) -> type[Backend]:
    try:
        module_name, class_name = REGISTRY[name].split(":")
    except KeyError:
        raise ValueError(f"unknown backend {name!r}; known: {', '.join(sorted(REGISTRY))}") from None
    require(f"backend {name!r}", REQUIRES.get(name, ()))
    return getattr(importlib.import_module(module_name), class_name)


def create_backend(target: Target) -> Backend:
    """Build the backend for a target, validating its options."""
    cls = backend_class(target.backend)
    return cls(target, cls.Options.model_validate(target.options))
