"""Write the case: case.html (self-contained, safe to open), case.md and case.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from markupsafe import Markup

# Styles of the case page beyond report.css; allowed by its hash in the page's policy like the rest.
CASE_STYLE = (
    "<style>.pair{display:grid;grid-template-columns:1fr 1fr;gap:.8rem;margin:.4rem 0 1rem}"
    ".pair>div{border:1px solid #e0e0e0;padding:.4rem .6rem;background:#fcfcfc}"
    "mark.span{background:#ffd3a8}.verdict-differs{color:#8a1c00;font-weight:600}"
    ".verdict-same{color:#166534;font-weight:600}ol.findings li{margin:.3rem 0}</style>"
)


def _chart(shares: dict[str, Any]) -> Markup:
    from harness.charts import share_chart
    from harness.compare import chart_rows

    rows, labels, display = chart_rows(shares)
    conditions = [{"id": c, "caption": c} for c in shares["conditions"]]
    return share_chart(rows, "row", conditions, labels, display, "Identity shares per run")


def render_html(case: dict[str, Any]) -> str:
    from harness.report import environment, inline_assets

    fragment = (case.get("weights_html") or "") + CASE_STYLE
    return environment().get_template("case.html.j2").render(
        c=case, r=case["shares"], chart=_chart(case["shares"]), case_style=Markup(CASE_STYLE),
        weights_html=Markup(case["weights_html"]) if case.get("weights_html") else None,  # our own escaped fragment
        **inline_assets(fragment, script=False))


def render_markdown(case: dict[str, Any]) -> str:
    from harness.report import environment

    return environment().get_template("case.md.j2").render(c=case, r=case["shares"])


def write_case(case: dict[str, Any], out: Path) -> list[Path]:
    """case.html, case.md and case.json in ``out``; returns their paths."""
    from harness.store import write_text_atomic

    out.mkdir(parents=True, exist_ok=True)
    data = {k: v for k, v in case.items() if k != "weights_html"}
    written = [out / "case.html", out / "case.md", out / "case.json"]
    write_text_atomic(written[0], render_html(case))
    write_text_atomic(written[1], render_markdown(case))
    write_text_atomic(written[2], json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    return written
