"""Render a run's report: one self-contained HTML file, plus the other formats (see ``exports``).

The samples travel as compact JSON drawn by the page's script (see ``data``); the page is streamed
to disk, so memory holds the run's table but never the page.

The HTML page loads nothing from anywhere: styles and the filter script are inline and allowed
by their SHA-256 in a Content-Security-Policy that forbids everything else, so the report opens
offline years later and model output in it can never run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from harness.charts import share_chart
from harness.paths import REPORTS_DIR
from harness.report.data import data_chunks, sample_table
from harness.results import RunData, load_run
from harness.safetext import clean_text, md_code, md_escape
from harness.summary import summarize

REPORT_HTML = "report.html"
WEIGHTS_JSON = "weights.json"


def _pct(x: float | None) -> str:
    return "n/a" if x is None or math.isnan(x) else f"{100 * x:.1f}%"


def _interval(pair: list[float | None] | tuple[float | None, float | None]) -> str:
    return f"{_pct(pair[0])} – {_pct(pair[1])}"


def _pp(pair: list[float | None]) -> str:
    """A difference interval in percentage points."""
    return " – ".join("n/a" if x is None else f"{100 * x:+.1f} pp" for x in pair)


def environment() -> jinja2.Environment:
    """Autoescaping on for every template, Markdown included: model output is hostile input."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(REPORTS_DIR),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=True,
                                            default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(pct=_pct, interval=_interval, pp=_pp, clean=clean_text, md=md_escape, mdcode=md_code)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "allow_nan": False}  # NaN is not JSON: fail loudly
    return env


def csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


_STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)
_STYLE_ATTRIBUTE = re.compile(r'style="([^"]*)"')


def fragment_styles(fragment: str | None) -> list[str]:
    """CSP sources for the inline styles of a trusted fragment we embed (the weights section):
    hashes of its style elements and, with 'unsafe-hashes', of its exact style attributes."""
    if not fragment:
        return []
    sources = [csp_hash(body) for body in _STYLE_ELEMENT.findall(fragment)]
    attributes = sorted({html.unescape(value) for value in _STYLE_ATTRIBUTE.findall(fragment)})
    if attributes:
        sources += ["'unsafe-hashes'", *(csp_hash(value) for value in attributes)]
    return sources


def inline_assets(fragment: str | None = None, script: bool = True) -> dict[str, Any]:
    """Our own CSS and script (trusted files from ``reports/``) and the policy that allows only
    them: no other script, style, image, font, frame or connection, whatever the data holds."""
    css = (REPORTS_DIR / "report.css").read_text(encoding="utf-8")
    js = (REPORTS_DIR / "report.js").read_text(encoding="utf-8")
    styles = " ".join([csp_hash(css), *fragment_styles(fragment)])
    scripts = csp_hash(js) if script else "'none'"
    policy = (f"default-src 'none'; style-src {styles}; script-src {scripts}; "
              "img-src 'none'; base-uri 'none'; form-action 'none'")
    return {"css": Markup(css), "js": Markup(js if script else ""), "csp": policy}


def condition_info(run: RunData) -> list[dict[str, Any]]:
    """Each condition with its caption and the exact text the model saw for its first prompt."""
    rendered = run.manifest.get("rendered_prompts", [])
    out = []
    for c in run.suite.conditions:
        mine = [r for r in rendered if r["condition"] == c.id]
        caption = f"{c.id}: {c.description}" if c.description else c.id
        out.append({**c.model_dump(), "caption": caption, "rendered": mine})
    return out


def weights_section(run_dir: Path, weights_dir: Path | None) -> Markup | None:
    """The weight-forensics section, when ``weights.json`` from ``idprobe weights`` is at hand.

    Hook for ``harness.weights.report.render_weights_section``; absent module or file: no section.
    """
    path = Path(weights_dir or run_dir) / WEIGHTS_JSON
    if not path.is_file():
        return None
    try:  # the weights helper's module; optional, so a report never fails for its sake
        from harness.weights.models import WeightsResult
        from harness.weights.report import render_weights_section
    except ImportError:
        return Markup("<p class=note>A <code>weights.json</code> is present, but this idprobe cannot render it.</p>")
    result = WeightsResult.model_validate_json(path.read_text(encoding="utf-8"))
    # The fragment comes from an autoescaping template of our own, so it is trusted as markup.
    return Markup(render_weights_section(result))


def filter_values(table: dict[str, Any]) -> dict[str, list[str]]:
    """The values each filter offers: only those some sample has."""
    rows, keys = table["rows"], table["keys"]
    values = {column: [keys[i] for i in sorted(set(rows[column].tolist()))] for column in ("identity", "creator")}
    values["condition"] = [table["conditions"][i] for i in sorted(set(rows["condition"].tolist()))]
    values["prompt"] = [p for p, _ in table["prompts"]]
    values["language"] = sorted({language for _, language in table["prompts"]})
    return values


def build_context(run: RunData, summary: dict[str, Any] | None = None, weights: Markup | None = None,
                  reviewed: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Everything the HTML template shows; ``data_chunks`` is a generator, so a context renders once."""
    summary = summary or summarize(run)
    conditions = condition_info(run)
    table = sample_table(run, summary, reviewed)
    chart = share_chart(summary["headline"], "identity", conditions, summary["identities"], summary["display"],
                        f"Share of samples claiming each identity, {run.label}")
    review = summary.get("review")
    return {
        "title": f"idprobe: who does {run.label} say it is?",
        "label": run.label, "summary": summary, "manifest": run.manifest, "conditions": conditions,
        "chart": chart, "weights": weights,
        "mention_rows": mention_rows(summary),
        "prompt_text": {p.id: p.text or " / ".join(m.content for m in p.turns()) for p in run.suite.prompts},
        "preflight": flat_items(run.manifest.get("preflight")),
        "filters": filter_values(table), "has_based_on": "based_on" in table["rows"],
        "template_info": summary.get("template") or {}, "classifier_info": summary.get("classifier") or {},
        "automatic": automatic_lookup(review), "data_chunks": data_chunks(summary, table),
        **inline_assets(weights),
    }


def automatic_lookup(review: dict[str, Any] | None) -> dict[tuple[str, str], dict[str, Any]]:
    """The automatic (unreviewed) headline rows by (condition, identity), to show beside reviewed ones."""
    if not review:
        return {}
    return {(r["condition"], r["identity"]): r for r in review["automatic"]["headline"]}


def mention_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Each mention share beside the claim share of the same name under the same condition."""
    claims = {(r["condition"], r["identity"]): r for r in summary["headline"]}
    return [{"condition": m["condition"], "key": m["key"], "mention": m,
             "claim": claims.get((m["condition"], m["key"])), "is_identity": m["kind"] == "identity"}
            for m in summary["mentions"]]


def flat_items(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    """A nested finding as (dotted key, text) pairs, for a plain table."""
    if value is None:
        return []
    if isinstance(value, dict):
        items: list[tuple[str, str]] = []
        for key, inner in value.items():
            items.extend(flat_items(inner, f"{prefix}{key}."))
        return items
    text = value if isinstance(value, str) else json.dumps(value)
    return [(prefix.rstrip("."), clean_text(text))]


def stream_html(run: RunData, summary: dict[str, Any] | None = None, weights: Markup | None = None,
                reviewed: list[dict[str, Any]] | None = None) -> Iterator[str]:
    """The page in pieces, in order: the summary figures first, the sample data last."""
    return environment().get_template("report.html.j2").generate(**build_context(run, summary, weights, reviewed))


def render_html(run: RunData, summary: dict[str, Any] | None = None, weights: Markup | None = None,
                reviewed: list[dict[str, Any]] | None = None) -> str:
    """The whole page as one string (tests and small runs; ``write_report`` streams it to disk)."""
    return "".join(stream_html(run, summary, weights, reviewed))


def write_streamed(path: Path, pieces: Iterable[str]) -> None:
    """Write ``pieces`` to ``path`` as they come, replacing it in one step at the end: memory holds
    one piece at a time, never the page, and a reader never sees a half-written report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", buffering=1 << 20) as handle:
            for piece in pieces:
                handle.write(piece)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(run_dir: Path, formats: Iterable[str] | None = None, weights_dir: Path | None = None,
                 out_dir: Path | None = None, overrides: Path | None = None) -> Path:
    """Write report.html (and the other formats asked for) from a run's stored results; returns
    the HTML path, or the first file written when HTML is not among ``formats``. ``overrides``: a
    filled review file (``idprobe review --export``) whose labels replace the classifier's."""
    from harness.report.exports import DEFAULT_FORMATS, write_exports
    from harness.report.overrides import apply_review

    run = load_run(run_dir)
    out = Path(out_dir or run_dir)
    formats = list(formats or DEFAULT_FORMATS)
    reviewed: list[dict[str, Any]] | None = None
    if overrides is not None:
        run, summary, reviewed = apply_review(run, Path(overrides))
    else:
        summary = summarize(run)
    written = []
    if "html" in formats:
        written.append(out / REPORT_HTML)
        write_streamed(written[-1], stream_html(run, summary, weights_section(Path(run_dir), weights_dir), reviewed))
    written.extend(write_exports(run, summary, [f for f in formats if f != "html"], out, environment()))
    return written[0]
