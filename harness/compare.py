"""Two or more runs side by side: a suspect beside its suspected parents, release N beside N+1.

Every later run is compared with the first. Per condition and identity, a test that treats prompts
as clusters (:func:`harness.stats.compare_shares`: a paired permutation test of prompt-level shares
when the runs share a suite, else a cluster-robust two-proportion test), Holm's correction over
every test of the comparison, and a never-zero-width interval for the difference. Fisher's exact
test stays as a secondary column: it assumes independent samples, which samples of one prompt are not.

The result is a plain JSON-able dict; other modules may add keys to it before it is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from scipy.stats import fisher_exact

from harness.finding import comparison_findings
from harness.results import RunData, load_run
from harness.stats import compare_frames, holm
from harness.summary import condition_details, display_name, ordered_labels, share_record
from harness.tally import shares

FORMAT = "idprobe-compare/1"
ALPHA = 0.05
METHOD = (
    "Each run after the first is compared with the first, per condition and identity, by a test that treats "
    "prompts as clusters, because samples of one prompt are not independent: when both runs used the same "
    "suite, a paired permutation test of the prompts' shares (the sign of each prompt's difference flipped "
    "at random); otherwise a cluster-robust two-proportion test. The p-values are adjusted with Holm's method "
    "over every test in this comparison (all identities, conditions and run pairs), which controls the chance "
    f"of any false finding at {ALPHA:.0%}; the verdict uses the adjusted p-value. The 95% interval of the "
    "difference is Newcombe's, built from the two prompt-clustered share intervals. Fisher's exact test is "
    "shown for reference only: it assumes independent samples and so overstates the evidence."
)


class CompareError(ValueError):
    """The runs cannot be compared as asked (exit status 2)."""


def check_suites(runs: list[RunData], allow_different: bool) -> bool:
    """True when every run used the same suite file (by SHA-256); otherwise refuse unless allowed."""
    hashes = [r.manifest["suite"]["sha256"] for r in runs]
    if len(set(hashes)) == 1:
        return True
    if not allow_different:
        lines = "; ".join(f"{r.run_dir} ran {r.manifest['suite']['name']} sha256 {h[:12]}" for r, h in zip(runs, hashes))
        raise CompareError(
            f"the runs used different suites ({lines}). Shares from different prompts, conditions or sampling "
            "settings are not comparable, and a changed prompt can move a share by itself. Rerun with the same "
            "suite, or pass --allow-different-suites to compare anyway (the report will say so).")
    return False


def run_names(runs: list[RunData]) -> list[str]:
    """Display names: the target label, told apart where labels collide by the directory name,
    else the template mode, else a number."""
    labels = [r.label for r in runs]
    if len(set(labels)) == len(labels):
        return labels
    for extra in ([r.run_dir.name for r in runs], [f"{r.manifest.get('template', {}).get('mode')} template" for r in runs]):
        names = [f"{label} ({x})" if labels.count(label) > 1 else label for label, x in zip(labels, extra)]
        if len(set(names)) == len(names):
            return names
    return [f"{label} #{i + 1}" for i, label in enumerate(labels)]


def _share_rows(runs: list[RunData], conditions: list[str], identities: list[str]) -> dict[tuple[int, str, str], dict[str, Any]]:
    out = {}
    for index, run in enumerate(runs):
        answered = run.answered[run.answered["condition"].isin(conditions)]
        for row in shares(answered, ["condition"], "identity", labels=identities).to_dict("records"):
            out[(index, row["condition"], row["label"])] = share_record(row, "identity")
    return out


def _test(a: pd.DataFrame, b: pd.DataFrame, identity: str, paired: bool) -> dict[str, Any]:
    """The cluster-aware test of one identity between two runs' answers under one condition."""
    result = compare_frames(a, b, "identity", identity, paired)
    return {"diff": result.diff, "diff_cluster": [result.diff_low, result.diff_high], "p": result.p_value,
            "test": result.method}


def _tests(runs: list[RunData], conditions: list[str], identities: list[str], cells: dict, paired: bool) -> list[dict[str, Any]]:
    tests = []
    for other in range(1, len(runs)):
        for condition in conditions:
            a = runs[0].answered[runs[0].answered["condition"] == condition]
            b = runs[other].answered[runs[other].answered["condition"] == condition]
            for identity in identities:
                ra, rb = cells.get((0, condition, identity)), cells.get((other, condition, identity))
                if ra is None or rb is None or not ra["n"] or not rb["n"]:
                    continue
                _, p_fisher = fisher_exact([[ra["k"], ra["n"] - ra["k"]], [rb["k"], rb["n"] - rb["k"]]])
                tests.append({"condition": condition, "identity": identity, "a": 0, "b": other,
                              "share_a": ra["share"], "share_b": rb["share"], **_test(a, b, identity, paired),
                              "p_fisher": float(p_fisher)})
    for test, adjusted in zip(tests, holm([t["p"] for t in tests])):
        test.update(p_holm=adjusted, significant=adjusted < ALPHA)
    return tests


def notes(runs: list[RunData], same_suite: bool) -> list[str]:
    """Differences between the runs a reader must know before reading the numbers."""
    out = [] if same_suite else ["The runs used DIFFERENT suites (compared anyway, --allow-different-suites)."]
    for field, what in (("template", "template mode"), ("sampling", "sampling settings")):
        values = [r.manifest.get(field, {}).get("mode") if field == "template" else r.manifest.get(field) for r in runs]
        if any(v != values[0] for v in values):
            out.append(f"The runs differ in {what}: " + "; ".join(str(v) for v in values) + ".")
    return out


def compare(runs: list[RunData], same_suite: bool) -> dict[str, Any]:
    """The comparison as JSON-able data (what ``compare.json`` holds and the pages show).

    ``tests`` rows: ``condition``, ``identity``, ``a``/``b`` (run indices), ``share_a``/``share_b``,
    ``diff`` with its 95% interval ``diff_cluster``, ``p`` (the cluster-aware test named in ``test``),
    ``p_holm``, ``significant`` (Holm-adjusted p below ``alpha``) and ``p_fisher`` (assumes
    independent samples; reference only). ``finding``/``findings``: the suspect (first run) against
    each other run, in sentences.
    """
    from harness.templating import template_summary

    conditions = [c for c in (c.id for c in runs[0].suite.conditions) if all(c in {x.id for x in r.suite.conditions} for r in runs)]
    if not conditions:
        raise CompareError("the runs share no condition id; nothing to compare")
    pooled = pd.concat([r.answered[r.answered["condition"].isin(conditions)]["identity"] for r in runs])
    identities = ordered_labels(pooled)
    cells = _share_rows(runs, conditions, identities)
    names = run_names(runs)
    result: dict[str, Any] = {
        "format": FORMAT, "method": METHOD, "alpha": ALPHA, "same_suite": same_suite, "notes": notes(runs, same_suite),
        "runs": [{"name": name, "dir": str(r.run_dir), "label": r.label, "suite": r.manifest["suite"],
                  "template_mode": template_summary(r.manifest)["mode"], "template": template_summary(r.manifest),
                  "model": r.manifest.get("model", {}),
                  "completions_sha256": r.results_sha256} for name, r in zip(names, runs)],
        "conditions": conditions, "condition_details": condition_details(runs[0]), "identities": identities,
        "display": {key: display_name(runs[0], key) for key in identities},
        "shares": [{"condition": c, "identity": i, "runs": [cells.get((k, c, i)) for k in range(len(runs))]}
                   for c in conditions for i in identities],
        "tests": _tests(runs, conditions, identities, cells, same_suite),
    }
    result["findings"] = comparison_findings(result)  # one sentence per later run
    result["finding"] = " ".join(result["findings"])
    return result


def load_and_compare(run_dirs: list[Path], allow_different_suites: bool = False) -> dict[str, Any]:
    """Load the runs, refuse different suites unless allowed, compare."""
    if len(run_dirs) < 2:
        raise CompareError("give at least two run directories")
    runs = [load_run(d) for d in run_dirs]
    same = check_suites(runs, allow_different_suites)
    return compare(runs, same)


def chart_rows(result: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str], dict[str, str]]:
    """Share records keyed by identity and run, for ``charts.share_chart``."""
    rows, labels, display = [], [], {}
    for identity in result["identities"]:
        for index, run in enumerate(result["runs"]):
            key = f"{identity}\x00{index}"
            labels.append(key)
            display[key] = f"{result['display'][identity]} · {run['name']}"
    for cell in result["shares"]:
        for index, record in enumerate(cell["runs"]):
            if record is not None:
                rows.append({**record, "row": f"{cell['identity']}\x00{index}"})
    return rows, labels, display


def write_comparison(result: dict[str, Any], out: Path, formats: tuple[str, ...] = ("html", "md", "json")) -> list[Path]:
    """Write compare.html (self-contained), compare.md and compare.json into ``out``."""
    import json

    from harness.charts import share_chart
    from harness.report import environment, inline_assets
    from harness.store import write_text_atomic

    env, written = environment(), []
    if "json" in formats:
        written.append(out / "compare.json")
        write_text_atomic(written[-1], json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    if "md" in formats:
        written.append(out / "compare.md")
        write_text_atomic(written[-1], env.get_template("compare.md.j2").render(r=result))
    if "html" in formats:
        rows, labels, display = chart_rows(result)
        conditions = [{"id": c, "caption": c} for c in result["conditions"]]
        chart = share_chart(rows, "row", conditions, labels, display, "Identity shares per run")
        written.append(out / "compare.html")
        write_text_atomic(written[-1], env.get_template("compare.html.j2").render(r=result, chart=chart, **inline_assets(script=False)))
    return written
