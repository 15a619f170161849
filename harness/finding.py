"""The finding of a run, or of a comparison, in one sentence a journalist can quote.

Built only from the summary numbers (shares and their prompt-clustered 95% intervals), so the
sentence can never say more than the tables: for example "With the system prompt removed,
Rio-3.5-Open claimed to be Nex in 79% of 120 answers (95% CI 68-87%) and Rio in 0% (0-4%); with
system prompt "rio", it claimed to be Rio in 97% of 120 answers (93-99%)."
"""

from __future__ import annotations

from typing import Any

from harness.classify import NONE, OTHER

NOT_IDENTITIES = (NONE, OTHER)
MAX_NAMED = 3  # identities named per condition: more would not be quotable


def pct(x: float | None) -> str:
    """A share as a percentage a reader can quote: whole numbers, one decimal near 0% and 100%."""
    if x is None:
        return "n/a"
    value = 100 * x
    if 0 < value < 1 or 99 < value < 100:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{round(value)}"


def span(interval: list[float | None]) -> str:
    """``68-87%`` from ``[0.68, 0.87]``."""
    return f"{pct(interval[0])}-{pct(interval[1])}%"


def _rows(summary: dict[str, Any], condition: str) -> dict[str, dict[str, Any]]:
    return {row["identity"]: row for row in summary["headline"] if row["condition"] == condition}


def bare_condition(conditions: list[str], details: dict[str, dict[str, Any]]) -> str | None:
    """The condition without a system prompt (the suite's ``none``), if any."""
    bare = [c for c in conditions if not details.get(c, {}).get("system_prompt", c != "none")]
    return bare[0] if bare else None


def named(rows: dict[str, dict[str, Any]]) -> list[str]:
    """Identities actually claimed (k > 0) under a condition, most frequent first."""
    found = [key for key, row in rows.items() if key not in NOT_IDENTITIES and row["k"] > 0]
    return sorted(found, key=lambda key: (-rows[key]["k"], key))


def _claim(display: dict[str, str], key: str) -> str:
    if key == NONE:
        return "made no identity claim"
    if key == OTHER:
        return "claimed a name outside the lexicon"
    return f"claimed to be {display.get(key, key)}"


def _first_clause(display: dict[str, str], rows: dict[str, dict[str, Any]], key: str) -> str:
    row = rows[key]
    return f"{_claim(display, key)} in {pct(row['share'])}% of {row['n']} answers (95% CI {span(row['cluster'])})"


def _later_clause(display: dict[str, str], rows: dict[str, dict[str, Any]], key: str) -> str:
    row = rows[key]
    name = display.get(key, key) if key not in NOT_IDENTITIES else _claim(display, key)
    return f"{name} in {pct(row['share'])}% ({span(row['cluster'])})"


def condition_clause(summary: dict[str, Any], condition: str, also: list[str]) -> str | None:
    """What the model claimed under one condition: its leading claim, then ``also`` (other keys to
    report here, e.g. the name it takes under another condition), at most MAX_NAMED names."""
    rows = _rows(summary, condition)
    if not rows or all(row["n"] == 0 for row in rows.values()):
        return None
    display = summary.get("display", {})
    claimed = named(rows)
    lead = claimed[0] if claimed else NONE
    if lead not in rows:  # no claim and no "none" row: every answer fell outside the lexicon
        lead = OTHER
    keys = [lead] + [k for k in [*claimed[1:2], *also] if k in rows and k != lead]
    keys = list(dict.fromkeys(keys))[:MAX_NAMED]
    return join([_first_clause(display, rows, keys[0]), *(_later_clause(display, rows, k) for k in keys[1:])])


def join(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _lead_key(summary: dict[str, Any], condition: str) -> str | None:
    claimed = named(_rows(summary, condition))
    return claimed[0] if claimed else None


def run_finding(summary: dict[str, Any]) -> str:
    """The run's finding in one sentence, from ``summary`` (:func:`harness.summary.summarize`)."""
    label = summary.get("run", {}).get("label") or "The model"
    conditions = summary.get("conditions", [])
    details = summary.get("condition_details", {})
    if not summary.get("headline"):
        return f"{label} gave no answers that could be classified, so this run has no finding."
    bare = bare_condition(conditions, details)
    ordered = ([bare] if bare else []) + [c for c in conditions if c != bare]
    leads = {c: _lead_key(summary, c) for c in ordered}
    parts: list[str] = []
    for index, condition in enumerate(ordered):
        also = [k for c, k in leads.items() if c != condition and k]  # the names it takes elsewhere
        clause = condition_clause(summary, condition, also if index == 0 else [])
        if clause is None:
            continue
        where = "with the system prompt removed" if condition == bare else f'with system prompt "{condition}"'
        parts.append(f"{where}, {label} {clause}" if not parts else f"{where}, it {clause}")
    if not parts:
        return f"{label} gave no answers that could be classified, so this run has no finding."
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def comparison_findings(result: dict[str, Any]) -> list[str]:
    """One sentence per later run of a comparison: the first run (the suspect) against it (a parent
    or control), on the suspect's leading claim without a system prompt, with the cluster-aware test."""
    conditions, details = result["conditions"], result.get("condition_details", {})
    condition = bare_condition(conditions, details) or conditions[0]
    cells = {cell["identity"]: cell["runs"] for cell in result["shares"] if cell["condition"] == condition}
    first = {key: runs[0] for key, runs in cells.items() if runs[0] is not None}
    claimed = named(first)
    key = claimed[0] if claimed else (NONE if NONE in first else None)
    if key is None:
        return []
    display, runs = result["display"], result["runs"]
    where = "With the system prompt removed" if condition == bare_condition(conditions, details) else f'With system prompt "{condition}"'
    out = []
    for test in result["tests"]:
        if test["condition"] != condition or test["identity"] != key:
            continue
        a, b = cells[key][test["a"]], cells[key][test["b"]]
        verdict = ("a difference unlikely to be chance" if test["significant"] else "no evidence of a difference")
        out.append(
            f"{where}, {runs[test['a']]['name']} {_claim(display, key)} in {pct(a['share'])}% of {a['n']} answers "
            f"(95% CI {span(a['cluster'])}) and {runs[test['b']]['name']} in {pct(b['share'])}% of {b['n']} "
            f"({span(b['cluster'])}): {verdict} ({test['test']}, Holm-adjusted p={test['p_holm']:.2g}).")
    return out
