"""A model's identity shares release after release, with the releases where a share moved flagged.

Input: runs of ONE suite (refused otherwise, as in ``compare``), one per release. They are ordered by
the target's ``released`` date, then its ``release`` string (as a version where it parses as one),
then the run's start time. Each release is compared with the one before it, per condition and
identity, by the cluster-aware test of :mod:`harness.stats` (paired by prompt: the suite is the
same). Holm's correction runs over the identities of each release and condition, so a release is
flagged for an identity only when its change survives the number of identities looked at.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from packaging.version import InvalidVersion, Version

from harness.compare import check_suites
from harness.results import RunData
from harness.stats import compare_shares, holm, prompt_counts
from harness.summary import display_name, ordered_labels, share_record
from harness.tally import shares

FORMAT = "idprobe-history/1"
ALPHA = 0.05
METHOD = (
    "Each release is compared with the previous one, per condition and identity, by a paired permutation "
    "test over prompts (the same suite, so each prompt is compared with itself; prompts are the clusters). "
    "p-values are Holm-adjusted over the identities of each release and condition; a change is flagged "
    f"when the adjusted p-value is below {ALPHA:g}. Shares carry 95% prompt-clustered intervals."
)


class HistoryError(ValueError):
    """The runs cannot form a history (exit status 2)."""


def release_of(run: RunData) -> dict[str, Any]:
    """The release a run probed, as its target recorded it (``release``/``released`` may be absent)."""
    target = run.manifest.get("target", {})
    sessions = run.manifest.get("sessions") or [{}]
    return {"release": target.get("release"), "released": target.get("released"),
            "started": sessions[0].get("started") or run.manifest.get("created") or ""}


def _version_key(text: str | None) -> tuple[int, Any]:
    if text is None:
        return (2, "")
    try:
        return (0, Version(text))
    except InvalidVersion:  # "2026-spring" and the like: ordered as text, after real versions
        return (1, text)


def order_runs(runs: list[RunData]) -> list[RunData]:
    """Releases in order: by date released, then release string, then the run's start time."""
    def key(run: RunData) -> tuple[Any, ...]:
        info = release_of(run)
        released = info["released"]
        day = date.fromisoformat(str(released)) if released else date.max
        return (day, _version_key(info["release"]), info["started"])
    return sorted(runs, key=key)


def release_name(run: RunData) -> str:
    """What a reader calls a release: its version, else the run's label and directory."""
    info = release_of(run)
    return str(info["release"]) if info["release"] else f"{run.label} ({run.run_dir.name})"


def _shares(run: RunData, identities: list[str]) -> list[dict[str, Any]]:
    if run.answered.empty:
        return []
    rows = shares(run.answered, ["condition"], "identity", labels=identities).to_dict("records")
    return [share_record(r, "identity") for r in rows]


def _changes(prev: RunData, cur: RunData, identities: list[str]) -> list[dict[str, Any]]:
    """The tests of one release against the previous, Holm-adjusted within each condition."""
    out: list[dict[str, Any]] = []
    conditions = sorted(set(prev.answered["condition"]) & set(cur.answered["condition"]))
    for condition in conditions:
        a = prev.answered[prev.answered["condition"] == condition]
        b = cur.answered[cur.answered["condition"] == condition]
        prompts = sorted(set(a["prompt_id"]) | set(b["prompt_id"]))
        block = []
        for identity in identities:
            result = compare_shares(*prompt_counts(a, "identity", identity, prompts),
                                    *prompt_counts(b, "identity", identity, prompts), paired=True)
            block.append({"release": release_name(cur), "previous": release_name(prev), "condition": condition,
                          "identity": identity, "share": result.share_b, "previous_share": result.share_a,
                          "diff": result.diff, "diff_interval": [result.diff_low, result.diff_high],
                          "p_value": result.p_value, "test": result.method})
        for change, adjusted in zip(block, holm([c["p_value"] for c in block])):
            change.update(p_holm=adjusted, significant=bool(adjusted < ALPHA))
        out.extend(block)
    return out


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _span(row: dict[str, Any] | None) -> str:
    if row is None or row["share"] is None:
        return "n/a"
    low, high = row["cluster"]
    return f"{_pct(row['share'])} ({100 * low:.0f}-{_pct(high)})"


def finding(releases: list[dict[str, Any]], changes: list[dict[str, Any]], display: dict[str, str]) -> str:
    """One quotable sentence: the largest flagged move, or that nothing moved."""
    if len(releases) < 2:
        return f"Only one release ({releases[0]['name']}) was given; a history needs at least two."
    flagged = sorted((c for c in changes if c["significant"]), key=lambda c: -abs(c["diff"]))
    if not flagged:
        return (f"Across {len(releases)} releases ({releases[0]['name']} to {releases[-1]['name']}), no identity share "
                f"moved significantly from one release to the next (95% level, Holm-corrected).")
    c = flagged[0]
    rows = {r["name"]: {(s["condition"], s["identity"]): s for s in r["shares"]} for r in releases}
    before = rows[c["previous"]].get((c["condition"], c["identity"]))
    after = rows[c["release"]].get((c["condition"], c["identity"]))
    verb = "rose" if c["diff"] > 0 else "fell"
    more = f" ({len(flagged) - 1} other flagged change{'s' if len(flagged) > 2 else ''} below)" if len(flagged) > 1 else ""
    return (f"Between {c['previous']} and {c['release']} the share claiming {display.get(c['identity'], c['identity'])} "
            f"under condition {c['condition']} {verb} from {_span(before)} to {_span(after)}{more}.")


def build_history(runs: list[RunData]) -> dict[str, Any]:
    """The whole history as JSON-able data (what every output format renders)."""
    if not runs:
        raise HistoryError("give at least one run directory")
    check_suites(runs, allow_different=False)
    ordered = order_runs(runs)
    names = [release_name(r) for r in ordered]
    if len(set(names)) != len(names):
        raise HistoryError("two runs share a release name (" + ", ".join(names) + "); set `release` in each target")
    identities = ordered_labels(pd.concat([r.answered["identity"] for r in ordered]))
    display = {key: display_name(ordered[0], key) for key in identities}
    releases = [{"name": name, **release_of(run), "run_dir": str(run.run_dir), "label": run.label,
                 "completions_sha256": run.results_sha256, "answered": int(len(run.answered)),
                 "shares": _shares(run, identities)} for name, run in zip(names, ordered)]
    changes = [c for prev, cur in zip(ordered, ordered[1:]) for c in _changes(prev, cur, identities)]
    suite = ordered[0].manifest["suite"]
    return {"format": FORMAT, "suite": {"name": suite.get("name"), "sha256": suite.get("sha256")},
            "method": METHOD, "alpha": ALPHA, "identities": identities, "display": display,
            "conditions": sorted({s["condition"] for r in releases for s in r["shares"]}),
            "releases": releases, "changes": changes, "finding": finding(releases, changes, display)}
