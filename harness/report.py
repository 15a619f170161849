"""Render a run's report (HTML first) from its stored results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from harness import __version__
from harness.paths import REPORTS_DIR
from harness.results import RunData, load_run
from harness.store import write_text_atomic
from harness.tally import shares

REPORT_HTML = "report.html"


def environment() -> jinja2.Environment:
    """Autoescaping on for every template: model output is hostile input."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(REPORTS_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda x: "n/a" if x is None or pd.isna(x) else f"{100 * x:.1f}%"
    return env


def highlight(text: str, evidence: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """Split ``text`` into (piece, role) so the template can mark evidence without raw HTML."""
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    for span in sorted(evidence, key=lambda s: s["start"]):
        start, end = max(span["start"], cursor), min(span["end"], len(text))
        if start >= end:
            continue
        pieces.append((text[cursor:start], None))
        pieces.append((text[start:end], span.get("role", "identity")))
        cursor = end
    pieces.append((text[cursor:], None))
    return [p for p in pieces if p[0]]


def headline(run: RunData) -> pd.DataFrame:
    """Share of answered samples claiming each identity, per condition, labels seen in any condition."""
    answered = run.answered
    labels = sorted(answered["identity"].unique())
    return shares(answered, ["condition"], "identity", labels=labels)


def build_context(run: RunData) -> dict[str, Any]:
    samples = run.samples
    table = headline(run)
    return {
        "title": f"idprobe: who does {run.label} say it is?",
        "label": run.label,
        "manifest": run.manifest,
        "results_sha256": run.results_sha256,
        "version": __version__,
        "headline": table.to_dict("records"),
        "conditions": [c.model_dump() for c in run.suite.conditions],
        "counts": {
            "samples": int(len(samples)),
            "answered": int(samples["ok"].sum()),
            "errors": int((~samples["ok"]).sum()),
        },
        "samples": [
            {**row, "pieces": highlight(row["text"] or "", row["evidence"]) if row["ok"] else []}
            for row in samples.to_dict("records")
        ],
    }


def render_html(run: RunData) -> str:
    return environment().get_template("report.html.j2").render(**build_context(run))


def write_report(run_dir: Path) -> Path:
    run = load_run(run_dir)
    out = Path(run_dir) / REPORT_HTML
    write_text_atomic(out, render_html(run))
    return out
