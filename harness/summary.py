"""The numbers of a run, once, as plain JSON-able data.

Every output (HTML, Markdown, JSON, CSV) and ``idprobe check`` read this one structure, so the
page, the pasted summary and the machine-readable file can never disagree.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from harness import __version__
from harness.classify import NONE, OTHER
from harness.classify.accuracy import statement as classifier_statement
from harness.finding import run_finding
from harness.results import RunData
from harness.tally import mention_shares, shares
from harness.templating import template_summary

FORMAT = "idprobe-report/1"
_DISPLAY = {NONE: "(no claim)", OTHER: "(other name)"}
INTERVAL_NOTE = (
    "Two 95% intervals per share. Wilson treats every sample as independent. Samples of one prompt "
    "resemble each other, so a run holds fewer independent observations than samples; the "
    "prompt-clustered interval is Wilson's on that effective number (samples divided by the design "
    "effect measured from the intra-prompt correlation, never below 1), and where a name never or "
    "always appears it assumes the worst case, one observation per prompt. It is never a point. "
    "Read the clustered interval; Wilson is shown for comparison."
)


def _num(x: Any) -> float | None:
    """JSON has no NaN: an undefined share (no samples) becomes null."""
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def share_record(row: dict[str, Any], key_field: str) -> dict[str, Any]:
    """One tally row as published: counts, share and both intervals."""
    return {
        "condition": row["condition"], key_field: row["label"], "k": int(row["k"]), "n": int(row["n"]),
        "share": _num(row["share"]),
        "wilson": [_num(row["wilson_lo"]), _num(row["wilson_hi"])],
        "cluster": [_num(row["cluster_lo"]), _num(row["cluster_hi"])],
    }


def ordered_labels(values: pd.Series) -> list[str]:
    """Most frequent first; ``other`` and ``none`` last, because they are not identities."""
    counts = values.value_counts()
    named = sorted((v for v in counts.index if v not in (OTHER, NONE)), key=lambda v: (-counts[v], v))
    return named + [v for v in (OTHER, NONE) if v in counts.index]


def claim_table(run: RunData, column: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Exclusive claims (identity, creator, based_on): every answered sample counts once, per condition."""
    answered = run.answered.assign(**{column: run.answered[column].fillna(NONE)})  # a missing claim is no claim
    labels = ordered_labels(answered[column]) if len(answered) else []
    if not labels:
        return [], []
    rows = shares(answered, ["condition"], column, labels=labels).to_dict("records")
    return labels, [share_record(r, column) for r in rows]


def mention_table(run: RunData) -> tuple[list[str], list[dict[str, Any]]]:
    """Overlapping mentions: one sample counts for every key it names anywhere."""
    answered = run.answered
    keys = sorted({key for found in answered["mentions"] for key in found})
    if not keys:
        return [], []
    rows = mention_shares(answered, ["condition"], keys).to_dict("records")
    identities = set(run.classifier.lexicon.identity_keys)
    return keys, [{**share_record(r, "key"), "kind": "identity" if r["label"] in identities else "creator"}
                  for r in rows]


def breakdown(run: RunData, by: str, labels: list[str]) -> list[dict[str, Any]]:
    """Identity counts per prompt, language or tag, and condition (a prompt with two tags counts in both)."""
    frame = run.answered
    if by == "tag":
        frame = frame.assign(tag=frame["tags"].map(lambda t: list(t) or ["(none)"])).explode("tag")
    column = {"prompt": "prompt_id", "language": "language", "tag": "tag"}[by]
    rows = []
    for (group, condition), part in frame.groupby([column, "condition"], sort=True):
        counts = part["identity"].value_counts()
        rows.append({
            "group": str(group), "condition": condition, "n": int(len(part)),
            "counts": {label: int(counts.get(label, 0)) for label in labels},
        })
    return rows


def condition_counts(run: RunData) -> dict[str, dict[str, int]]:
    """Samples, answers and errors per condition: errors are never counted as answers."""
    out = {}
    for condition, part in run.samples.groupby("condition", sort=True):
        out[str(condition)] = {"samples": int(len(part)), "answered": int(part["ok"].sum()),
                               "errors": int((~part["ok"]).sum())}
    return out


def run_info(run: RunData) -> dict[str, Any]:
    """What identifies the run: enough for a reader to match the report with its data."""
    manifest = run.manifest
    return {
        "label": run.label,
        "suite": manifest.get("suite", {}),
        "target": manifest.get("target", {}),
        "template_mode": template_summary(manifest)["mode"],
        "template_sha256": manifest.get("template", {}).get("sha256"),
        "model": manifest.get("model", {}),
        "sampling": manifest.get("sampling", {}),
        "seeds": manifest.get("seeds", {}),  # with the backend's statement of what the seed reproduces
        "completions_sha256": run.results_sha256,
        # the classifier's rule version and lexicon, since reports are re-rendered after updates
        "classifier": run.classifier.fingerprint(),
        "lexicon_sha256": run.classifier.fingerprint()["lexicon_sha256"],
    }


def condition_details(run: RunData) -> dict[str, dict[str, Any]]:
    """Per condition id: its description and whether it sends a system prompt (the text is in the suite)."""
    return {c.id: {"description": c.description, "system_prompt": bool(c.system_prompt)} for c in run.suite.conditions}


def summarize(run: RunData) -> dict[str, Any]:
    """Everything a report shows as numbers (no model text): the content of ``report.json``.

    ``finding`` is the one-sentence finding (see :mod:`harness.finding`); ``based_on`` (rows shaped
    like ``creators``, key field ``based_on``) is present only when the classifier recorded one.
    """
    identities, headline = claim_table(run, "identity")
    creators, creator_rows = claim_table(run, "creator")
    based_keys, based_rows = claim_table(run, "based_on") if "based_on" in run.answered.columns else ([], [])
    mention_keys, mentions = mention_table(run)
    summary = {
        "format": FORMAT,
        "idprobe_version": __version__,
        "run": run_info(run),
        # who rendered the prompts (strict/stock: idprobe; server: an endpoint) and the preflight verdict
        "template": template_summary(run.manifest),
        "conditions": [c.id for c in run.suite.conditions],
        "condition_details": condition_details(run),
        "counts": {"samples": int(len(run.samples)), "answered": int(run.samples["ok"].sum()),
                   "errors": int((~run.samples["ok"]).sum()), "by_condition": condition_counts(run)},
        "identities": identities,
        "display": {key: display_name(run, key) for key in {*identities, *creators, *based_keys, *mention_keys}},
        "headline": headline,
        "creators": creator_rows,
        "mentions": mentions,
        "breakdown": {by: breakdown(run, by, identities) for by in ("prompt", "language", "tag")},
        "intervals": {"level": 0.95, "note": INTERVAL_NOTE},
        # the error rate behind the shares: the rules' accuracy on the frozen test split, when measured
        "classifier": classifier_statement(run.classifier),
    }
    if "based_on" in run.answered.columns:
        summary["based_on"] = based_rows
    summary["finding"] = run_finding(summary)
    return summary


def display_name(run: RunData, key: str) -> str:
    """How a key is shown: the lexicon's display name, or words for ``none``/``other``."""
    return _DISPLAY.get(key) or run.classifier.lexicon.display(key)


def find_share(summary: dict[str, Any], condition: str, identity: str) -> dict[str, Any] | None:
    """The headline row of one identity under one condition (``None`` if the run has no such row)."""
    for row in summary["headline"]:
        if row["condition"] == condition and row["identity"] == identity:
            return row
    return None
