"""Render a weights result as an HTML section (with an inline SVG plot) or as Markdown.

The HTML environment autoescapes everything: tensor names and paths come from files someone else
made. The plot is drawn from coordinates computed here; no script, no external resource.
"""

from __future__ import annotations

import math
import re
from typing import Any

import jinja2

from harness.paths import REPORTS_DIR

from .models import GroupSummary, TensorResult, WeightsResult

COLORS = ("#1f5fa8", "#c2491d", "#2e8b3a", "#7a3fa0", "#8a6d00")
_W, _H, _LEFT, _RIGHT, _TOP, _BOTTOM = 640, 240, 56, 16, 16, 36
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def fmt(value: float | int | None, digits: int = 4) -> str:
    """A number for a table cell; a dash for missing values."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def param(value: object) -> str:
    """A recipe parameter for a table cell: numbers to 4 decimals, lists and per-layer maps inline."""
    if isinstance(value, bool) or value is None:
        return {True: "yes", False: "no", None: "cannot be told"}[value]
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list):
        return ", ".join(param(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {param(v)}" for k, v in value.items())
    return str(value)


def md_escape(text: object) -> str:
    """Backslash-escape Markdown syntax, so names from files render as text, never as markup."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def _ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    step = (hi - lo) / (count - 1)
    return [lo + i * step for i in range(count)]


def alpha_plot(result: WeightsResult) -> dict[str, Any] | None:
    """Coordinates of the alpha-per-layer plot: one series per parent, min-max bars, mean line."""
    layers = [g for g in result.layers if g.alpha_mean is not None]
    if not layers:
        return None
    values = [v for g in layers for v in (*(g.alpha_min or []), *(g.alpha_max or []))]
    lo, hi = min(values), max(values)
    pad = max((hi - lo) * 0.1, 0.005)
    lo, hi = lo - pad, hi + pad
    first, last = int(layers[0].key), int(layers[-1].key)

    def px(layer: int) -> float:
        return _LEFT + (layer - first) / max(1, last - first) * (_W - _LEFT - _RIGHT)

    def py(alpha: float) -> float:
        return _TOP + (hi - alpha) / (hi - lo) * (_H - _TOP - _BOTTOM)

    series = []
    for i, label in enumerate(result.parent_labels):
        pts = [(px(int(g.key)), py((g.alpha_mean or [])[i]), g) for g in layers]
        series.append({
            "label": label, "color": COLORS[i % len(COLORS)],
            "path": " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in pts),
            "dots": [{"x": x, "y": y, "title": f"layer {g.key}: alpha {fmt((g.alpha_mean or [])[i])}",
                      "y0": py((g.alpha_min or [])[i]), "y1": py((g.alpha_max or [])[i])} for x, y, g in pts],
        })
    mean = result.overall.alpha_mean[0] if result.overall.alpha_mean else None
    x_step = max(1, math.ceil((last - first + 1) / 12))
    return {
        "width": _W, "height": _H, "left": _LEFT, "right": _W - _RIGHT, "top": _TOP, "bottom": _H - _BOTTOM,
        "series": series, "mean_y": py(mean) if mean is not None else None,
        "yticks": [{"y": py(v), "label": f"{v:.3f}"} for v in _ticks(lo, hi)],
        "xticks": [{"x": px(k), "label": str(k)} for k in range(first, last + 1, x_step)],
    }


def outliers(result: WeightsResult, limit: int = 15) -> list[TensorResult]:
    """Fitted tensors furthest from the overall alpha of the first parent (where to look next)."""
    mean = result.overall.alpha_mean[0] if result.overall.alpha_mean else None
    fitted = [t for t in result.tensors if t.alpha is not None]
    if mean is None:
        return []
    return sorted(fitted, key=lambda t: -abs((t.alpha or [0.0])[0] - mean))[:limit]


def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(REPORTS_DIR)), autoescape=autoescape,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["fmt"] = fmt
    env.filters["md"] = md_escape
    env.filters["param"] = param
    return env


def _context(result: WeightsResult) -> dict[str, Any]:
    groups: list[GroupSummary] = [*result.components, result.overall]
    return {"r": result, "plot": alpha_plot(result), "groups": groups, "outliers": outliers(result),
            "colors": COLORS}


def render_weights_section(result: WeightsResult) -> str:
    """An HTML fragment (one <section>) for embedding in a combined disclosure."""
    return _environment(autoescape=True).get_template("weights.html.j2").render(**_context(result))


def render_weights_markdown(result: WeightsResult) -> str:
    """The same content as Markdown."""
    return _environment(autoescape=False).get_template("weights.md.j2").render(**_context(result))
