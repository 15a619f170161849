"""The report's other formats, from the same numbers as the HTML page.

``report.md``       a summary to paste into an issue or a disclosure (model text only in code spans)
``report.json``     the numbers, for machines (exactly what the HTML page shows)
``tallies.csv``     every share with both intervals, one row per table, condition and name
``completions.csv`` every sample with its classification (formula-looking cells defused)
``completions.parquet`` the same, text exact (needs ``pyarrow``)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from harness.results import RunData
from harness.safetext import csv_guard, encodable
from harness.store import write_text_atomic

ALL_FORMATS = ("html", "md", "json", "csv", "parquet")
DEFAULT_FORMATS = ("html", "md", "json", "csv")
EXAMPLES_PER_IDENTITY = 1


class ExportError(ValueError):
    """A format cannot be written (unknown, or its library is missing)."""


def parse_formats(text: str) -> list[str]:
    """``"html,md"`` -> ``["html", "md"]``; unknown names are an error that lists the known ones."""
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown or not formats:
        raise ExportError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(ALL_FORMATS)}")
    return formats


def tallies_frame(summary: dict[str, Any]) -> pd.DataFrame:
    """All shares in one long table: identity claims, creator claims and mentions."""
    rows = []
    for table, key in (("identity", "identity"), ("creator", "creator"), ("mention", "key")):
        source = {"identity": "headline", "creator": "creators", "mention": "mentions"}[table]
        for r in summary[source]:
            rows.append({"table": table, "condition": r["condition"], "name": r[key], "k": r["k"], "n": r["n"],
                         "share": r["share"], "cluster_lo": r["cluster"][0], "cluster_hi": r["cluster"][1],
                         "wilson_lo": r["wilson"][0], "wilson_hi": r["wilson"][1]})
    columns = ["table", "condition", "name", "k", "n", "share", "cluster_lo", "cluster_hi", "wilson_lo", "wilson_hi"]
    return pd.DataFrame(rows, columns=columns)


def map_distinct(values: pd.Series, fn: Callable[[Any], Any], keys: pd.Series | None = None) -> list[Any]:
    """``fn`` of each value, computed once per distinct key (the value itself by default): a large
    run repeats its answers, tags and labels many times over."""
    cache: dict[Any, Any] = {}
    out = []
    for key, value in zip(values if keys is None else keys, values):
        try:
            out.append(cache[key])
        except KeyError:
            out.append(cache.setdefault(key, fn(value)))
    return out


def completions_frame(run: RunData) -> pd.DataFrame:
    """One row per sample, flat (lists joined, evidence as JSON) so every tool can read it."""
    frame = run.samples.copy()
    frame["tags"] = map_distinct(frame["tags"], ";".join)
    frame["mentions"] = map_distinct(frame["mentions"], lambda found: ";".join(sorted(found)))
    # evidence is a function of the text (the classifier is deterministic), so the text keys it
    frame["evidence"] = map_distinct(frame["evidence"], json.dumps, keys=frame["text"].where(frame["ok"], None))
    frame["text"] = map_distinct(frame["text"], encodable)
    frame["error"] = map_distinct(frame["error"], encodable)
    return frame


def examples(run: RunData, summary: dict[str, Any]) -> list[dict[str, Any]]:
    """A first answer per condition and claimed identity, for the Markdown summary."""
    out = []
    answered = run.answered
    for condition in summary["conditions"]:
        part = answered[answered["condition"] == condition]
        for identity in summary["identities"]:
            hits = part[part["identity"] == identity].head(EXAMPLES_PER_IDENTITY)
            for row in hits.to_dict("records"):
                out.append({"condition": condition, "identity": identity, "prompt": row["prompt_id"],
                            "index": int(row["sample_index"]), "text": row["text"]})
    return out


def render_markdown(run: RunData, summary: dict[str, Any], env: jinja2.Environment) -> str:
    """The Markdown summary; every piece of model or suite text passes the ``md``/``mdcode`` filters."""
    template = env.get_template("report.md.j2")
    return template.render(summary=summary, manifest=run.manifest, examples=examples(run, summary))


def write_exports(run: RunData, summary: dict[str, Any], formats: Iterable[str], out: Path,
                  env: jinja2.Environment) -> list[Path]:
    """Write the non-HTML formats asked for into ``out``; returns the files written."""
    written: list[Path] = []
    for fmt in formats:
        if fmt == "md":
            written.append(out / "report.md")
            write_text_atomic(written[-1], render_markdown(run, summary, env))
        elif fmt == "json":
            written.append(out / "report.json")
            write_text_atomic(written[-1], json.dumps(summary, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
        elif fmt == "csv":
            written += _write_csv(run, summary, out)
        elif fmt == "parquet":
            written.append(_write_parquet(run, out))
        else:
            raise ExportError(f"unknown format {fmt!r}; choose from {', '.join(ALL_FORMATS)}")
    return written


def _write_csv(run: RunData, summary: dict[str, Any], out: Path) -> list[Path]:
    tallies, completions = out / "tallies.csv", out / "completions.csv"
    write_text_atomic(tallies, tallies_frame(summary).to_csv(index=False))
    frame = completions_frame(run)
    frame["text"] = map_distinct(frame["text"], csv_guard)  # spreadsheets run =... cells as formulas
    frame["error"] = map_distinct(frame["error"], csv_guard)
    write_text_atomic(completions, frame.to_csv(index=False))
    return [tallies, completions]


def _write_parquet(run: RunData, out: Path) -> Path:
    try:
        import pyarrow  # noqa: F401  (pandas needs it for Parquet; it is an optional dependency)
    except ImportError as exc:
        raise ExportError("the parquet format needs pyarrow: pip install pyarrow") from exc
    path = out / "completions.parquet"
    out.mkdir(parents=True, exist_ok=True)
    completions_frame(run).to_parquet(path, index=False)
    return path
