"""Where the shipped data lives.

The suites, templates and lexicon sit at the top of the repository (``probes/``, ``reports/``) so
that users can read and extend them; the package finds them relative to its own location.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBES_DIR = ROOT / "probes"
REPORTS_DIR = ROOT / "reports"
CONFIGS_DIR = ROOT / "configs"
DEFAULT_SUITE = PROBES_DIR / "identity.yaml"
