"""Weight forensics: is a suspect checkpoint derived from its suspected parents, and by which recipe?

Entry points: ``run_weights`` (library), ``weights_command`` (click), the report renderers
``render_weights_section`` / ``render_weights_markdown``, and ``run_lineage`` (independence test).
Names load on first use (PEP 562), so importing this package stays cheap. Neither command needs torch:
the fit and lineage run on numpy (GGUF inputs need the ``gguf`` package of the local extra).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Thresholds": ".config", "WeightsConfig": ".config", "WeightsResult": ".models",
    "render_weights_markdown": ".report", "render_weights_section": ".report", "run_weights": ".run",
    "run_lineage": ".lineage",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'harness.weights' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name], __name__), name)
