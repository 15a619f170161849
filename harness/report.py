"""Render a run's report: one self-contained HTML file, plus the other formats (see ``exports``).

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
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from harness.charts import share_chart
from harness.paths import REPORTS_DIR
from harness.results import RunData, load_run
from harness.safetext import clean_text, md_code, md_escape
from harness.store import write_text_atomic
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


def highlight(text: str, evidence: Iterable[dict[str, Any]]) -> list[tuple[str, str | None]]:
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


def sample_rows(run: RunData) -> list[dict[str, Any]]:
    """One row per sample, text cleaned (same length, so evidence offsets still hold)."""
    rows = []
    for i, s in enumerate(run.samples.to_dict("records")):
        text = clean_text(s["text"])
        rows.append({
            "i": i, "condition": s["condition"], "prompt": s["prompt_id"], "index": int(s["sample_index"]),
            "language": s["language"], "tags": list(s["tags"]), "ok": bool(s["ok"]),
            "identity": s["identity"] if s["ok"] else "(error)", "creator": s["creator"] if s["ok"] else "",
            "finish": s["finish_reason"] if isinstance(s["finish_reason"], str) else None, "error": clean_text(s["error"]), "text": text,
            "pieces": highlight(text, s["evidence"]) if s["ok"] else [],
        })
    return rows


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


def build_context(run: RunData, summary: dict[str, Any] | None = None, weights: Markup | None = None) -> dict[str, Any]:
    """Everything the HTML template shows."""
    summary = summary or summarize(run)
    conditions = condition_info(run)
    samples = sample_rows(run)
    data = {"summary": summary, "samples": [{k: v for k, v in s.items() if k != "pieces"} for s in samples]}
    chart = share_chart(summary["headline"], "identity", conditions, summary["identities"], summary["display"],
                        f"Share of samples claiming each identity, {run.label}")
    return {
        "title": f"idprobe: who does {run.label} say it is?",
        "label": run.label, "summary": summary, "manifest": run.manifest, "conditions": conditions,
        "samples": samples, "data": data, "chart": chart, "weights": weights,
        "mention_rows": mention_rows(summary),
        "prompt_text": {p.id: p.text or " / ".join(m.content for m in p.turns()) for p in run.suite.prompts},
        "preflight": flat_items(run.manifest.get("preflight")),
        "filters": {key: sorted({s[key] for s in samples}) for key in ("identity", "condition", "language", "prompt")},
        **inline_assets(weights),
    }


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


def render_html(run: RunData, summary: dict[str, Any] | None = None, weights: Markup | None = None) -> str:
    return environment().get_template("report.html.j2").render(**build_context(run, summary, weights))


def write_report(run_dir: Path, formats: Iterable[str] | None = None, weights_dir: Path | None = None,
                 out_dir: Path | None = None) -> Path:
    """Write report.html (and the other formats asked for) from a run's stored results; returns
    the HTML path, or the first file written when HTML is not among ``formats``."""
    from harness.exports import DEFAULT_FORMATS, write_exports

    run = load_run(run_dir)
    out = Path(out_dir or run_dir)
    formats = list(formats or DEFAULT_FORMATS)
    summary = summarize(run)
    written = []
    if "html" in formats:
        html = render_html(run, summary, weights_section(Path(run_dir), weights_dir))
        written.append(out / REPORT_HTML)
        write_text_atomic(written[-1], html)
    written.extend(write_exports(run, summary, [f for f in formats if f != "html"], out, environment()))
    return written[0]
