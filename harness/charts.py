"""Inline SVG charts, written by hand: no plotting library, no fonts, no external references.

The SVG uses presentation attributes only (no ``style`` attributes), so the report's
Content-Security-Policy does not need to allow inline styles for it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from markupsafe import Markup

PALETTE = ("#1f5fbf", "#c2410c", "#15803d", "#7e22ce", "#b45309", "#0e7490")
LABEL_W, PLOT_W, VALUE_W = 150, 430, 180
ROW_H, HEAD_H, TOP = 22, 26, 34


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _x(share: float | None, left: float = LABEL_W) -> float:
    return left + PLOT_W * (share or 0.0)


def _text(x: float, y: float, body: str, anchor: str = "start", weight: str = "normal", size: int = 12) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'font-weight="{weight}" fill="#1d1d1f">{escape(body)}</text>')


def _row(y: float, label: str, row: dict[str, Any], colour: str, left: float) -> list[str]:
    """One identity: a bar for the share, a thick whisker for the clustered interval and a thin,
    lower one for Wilson, then the numbers in words."""
    mid = y + ROW_H / 2
    c_lo, c_hi = row["cluster"]
    w_lo, w_hi = row["wilson"]
    parts = [
        _text(left - 8, mid + 4, label, anchor="end"),
        (f'<rect x="{left}" y="{y + 4:.1f}" width="{_x(row["share"], left) - left:.1f}" height="{ROW_H - 8}" '
         f'fill="{colour}" fill-opacity="0.28"/>'),
    ]
    if c_lo is not None:
        parts.append(f'<line x1="{_x(c_lo, left):.1f}" x2="{_x(c_hi, left):.1f}" y1="{mid - 2:.1f}" y2="{mid - 2:.1f}" '
                     f'stroke="{colour}" stroke-width="5" stroke-linecap="butt"/>')
    if w_lo is not None:
        for x in (_x(w_lo, left), _x(w_hi, left)):
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{mid + 2:.1f}" y2="{mid + 8:.1f}" stroke="#333"/>')
        parts.append(f'<line x1="{_x(w_lo, left):.1f}" x2="{_x(w_hi, left):.1f}" y1="{mid + 5:.1f}" y2="{mid + 5:.1f}" stroke="#333"/>')
    if row["share"] is not None:
        parts.append(f'<line x1="{_x(row["share"], left):.1f}" x2="{_x(row["share"], left):.1f}" y1="{y + 3:.1f}" '
                     f'y2="{y + ROW_H - 3:.1f}" stroke="#111" stroke-width="2"/>')
    words = f'{_pct(row["share"])}  ({row["k"]}/{row["n"]})'
    parts.append(_text(left + PLOT_W + 10, mid + 4, words))
    return parts


def _axis(top: float, bottom: float, left: float) -> list[str]:
    parts = []
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = _x(tick, left)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" stroke="#ccc"/>')
        parts.append(_text(x, top - 4, f"{int(tick * 100)}%", anchor="middle", size=10))
    return parts


def _legend(left: float) -> list[str]:
    x = left
    return [
        f'<rect x="{x}" y="6" width="18" height="10" fill="#555" fill-opacity="0.28"/>',
        _text(x + 24, 15, "share", size=11),
        f'<line x1="{x + 70}" x2="{x + 100}" y1="11" y2="11" stroke="#555" stroke-width="5"/>',
        _text(x + 106, 15, "95% prompt-clustered", size=11),
        f'<line x1="{x + 290}" x2="{x + 320}" y1="11" y2="11" stroke="#333"/>',
        _text(x + 326, 15, "95% Wilson", size=11),
    ]


def share_chart(rows: list[dict[str, Any]], key: str, conditions: list[dict[str, str]],
                labels: list[str], display: dict[str, str], title: str) -> Markup:
    """Horizontal share chart: one panel per condition, one row per label.

    ``rows`` are published share records (``share``, ``k``, ``n``, ``wilson``, ``cluster``) keyed by
    ``condition`` and ``key``; ``conditions`` gives each condition's ``id`` and a caption.
    """
    by = {(r["condition"], r[key]): r for r in rows}
    left = max(LABEL_W, 16 + 7 * max((len(display.get(label, label)) for label in labels), default=0))
    width = left + PLOT_W + VALUE_W + 20
    parts, y = _legend(left), TOP
    for i, cond in enumerate(conditions):
        present = [label for label in labels if (cond["id"], label) in by]
        if not present:
            continue
        parts.append(_text(8, y + 16, cond["caption"], weight="bold", size=13))
        y += HEAD_H
        bottom = y + ROW_H * len(present) + 6
        parts.extend(_axis(y + 10, bottom, left))
        y += 12
        for label in present:
            parts.extend(_row(y, display.get(label, label), by[(cond["id"], label)], PALETTE[i % len(PALETTE)], left))
            y += ROW_H
        y += 14
    svg = (f'<svg role="img" width="{width}" height="{y:.0f}" '
           f'viewBox="0 0 {width} {y:.0f}" font-family="system-ui, sans-serif">'
           f'<title>{escape(title)}</title>{"".join(parts)}</svg>')
    return Markup(svg)  # every piece of text above went through html.escape
