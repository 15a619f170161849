"""Writing a history: JSON for tools and CI, CSV for spreadsheets, Markdown and one safe HTML file.

The chart is inline SVG drawn here with presentation attributes only, so the page's
Content-Security-Policy allows no script and no inline style beyond our own stylesheet.
"""

from __future__ import annotations

import csv
import json
from html import escape
from pathlib import Path
from typing import Any

from markupsafe import Markup

from harness.report.html import environment, inline_assets

PALETTE = ("#1f5fbf", "#c2410c", "#15803d", "#7e22ce", "#b45309", "#0e7490", "#be123c", "#4d7c0f")
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 720, 260, 52, 150, 16, 46


def _point(index: int, count: int, share: float) -> tuple[float, float]:
    step = (WIDTH - LEFT - RIGHT) / max(count - 1, 1)
    return LEFT + index * step, TOP + (HEIGHT - TOP - BOTTOM) * (1 - share)


def _axes(names: list[str]) -> list[str]:
    parts = []
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        _, y = _point(0, 1, tick)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e4e4e4"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick:.0%}</text>')
    for i, name in enumerate(names):
        x, _ = _point(i, len(names), 0)
        parts.append(f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="11">{escape(name)}</text>')
    return parts


def _series(rows: list[dict[str, Any] | None], count: int, colour: str, label: str) -> list[str]:
    """One identity: its interval as a faint band, its share as a line with dots, its name at the end."""
    points = [(i, r) for i, r in enumerate(rows) if r is not None and r["share"] is not None]
    if not points:
        return []
    upper = [_point(i, count, r["cluster"][1]) for i, r in points]
    lower = [_point(i, count, r["cluster"][0]) for i, r in reversed(points)]
    band = " ".join(f"{x:.1f},{y:.1f}" for x, y in upper + lower)
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(i, count, r["share"]) for i, r in points))
    parts = [f'<polygon points="{band}" fill="{colour}" fill-opacity="0.12" stroke="none"/>',
             f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>']
    for i, r in points:
        x, y = _point(i, count, r["share"])
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"><title>{escape(label)}: '
                     f'{100 * r["share"]:.1f}%</title></circle>')
    x, y = _point(points[-1][0], count, points[-1][1]["share"])
    parts.append(f'<text x="{x + 8:.1f}" y="{y + 4:.1f}" font-size="11" fill="{colour}">{escape(label)}</text>')
    return parts


def chart(history: dict[str, Any], condition: str) -> Markup:
    """Shares over releases under one condition, each identity a line inside its 95% band."""
    names = [r["name"] for r in history["releases"]]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
             f'height="{HEIGHT}" role="img" aria-label="identity shares over releases, condition {escape(condition)}">',
             *_axes(names)]
    for j, identity in enumerate(history["identities"]):
        rows = [next((s for s in r["shares"] if s["condition"] == condition and s["identity"] == identity), None)
                for r in history["releases"]]
        parts += _series(rows, len(names), PALETTE[j % len(PALETTE)], history["display"][identity])
    return Markup("\n".join(parts + ["</svg>"]))


def write_csv(history: dict[str, Any], path: Path) -> None:
    """One row per release, condition and identity, with the change from the previous release."""
    changes = {(c["release"], c["condition"], c["identity"]): c for c in history["changes"]}
    fields = ["release", "released", "condition", "identity", "k", "n", "share", "cluster_low", "cluster_high",
              "previous", "diff", "p_value", "p_holm", "significant"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for release in history["releases"]:
            for s in release["shares"]:
                c = changes.get((release["name"], s["condition"], s["identity"]), {})
                writer.writerow({"release": release["name"], "released": release["released"] or "",
                                 "condition": s["condition"], "identity": s["identity"], "k": s["k"], "n": s["n"],
                                 "share": s["share"], "cluster_low": s["cluster"][0], "cluster_high": s["cluster"][1],
                                 "previous": c.get("previous", ""), "diff": c.get("diff", ""),
                                 "p_value": c.get("p_value", ""), "p_holm": c.get("p_holm", ""),
                                 "significant": c.get("significant", "")})


def write_history(history: dict[str, Any], out: Path) -> dict[str, Path]:
    """history.json, history.csv, history.md and history.html in ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {ext: out / f"history.{ext}" for ext in ("json", "csv", "md", "html")}
    paths["json"].write_text(json.dumps(history, indent=2, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8")
    write_csv(history, paths["csv"])
    env = environment()
    shares = {(r["name"], s["condition"], s["identity"]): s for r in history["releases"] for s in r["shares"]}
    context = {"h": history, "shares": shares, "charts": {c: chart(history, c) for c in history["conditions"]}}
    paths["md"].write_text(env.get_template("history.md.j2").render(**context), encoding="utf-8")
    assets = inline_assets(script=False)
    paths["html"].write_text(env.get_template("history.html.j2").render(**context, **assets), encoding="utf-8")
    return paths
