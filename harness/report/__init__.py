"""A run's report: one self-contained HTML page (``html``), the other formats (``exports``), and a
person's review of the labels (``review``, ``overrides``).

The public names other modules import live here, so ``from harness.report import write_report`` keeps
working whatever module inside the package holds them.
"""

from harness.report.html import (
    REPORT_HTML,
    WEIGHTS_JSON,
    build_context,
    csp_hash,
    environment,
    inline_assets,
    render_html,
    write_report,
)

__all__ = [
    "REPORT_HTML", "WEIGHTS_JSON", "build_context", "csp_hash", "environment", "inline_assets", "render_html",
    "write_report",
]
