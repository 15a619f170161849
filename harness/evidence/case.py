"""The case against a suspect model: one disclosure document from runs, evidence and weights.

``idprobe compare SUSPECT PARENT [PARENT ...] [--control RUN] [--weights weights.json] --out DIR``
builds it. Four legs, each with the numbers a reader can check:

1. identity shares side by side, with prompt-clustered intervals and tests (``harness.compare``);
2. the backstory: how often the suspect repeats long passages of each other run's answers
   (``harness.evidence.backstory``), read against the same figure between the other runs;
3. the distribution: whose answers the suspect's are indistinguishable from
   (``harness.evidence.distribution``);
4. the weights, when ``idprobe weights`` output is given.

Every run's manifest and the SHA-256 of its stored results close the document, so anyone holding
the run directories can check that the document describes them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from harness.evidence import backstory, distribution
from harness.evidence.answers import answers_of, prompt_texts_of
from harness.results import RunData, load_run

FORMAT = "idprobe-case/1"


class CaseError(ValueError):
    """The case cannot be built as asked (exit status 2)."""


def headline_condition(result: dict[str, Any]) -> str:
    """The condition without a system prompt when the suite has one (what a case is about)."""
    details = result.get("condition_details") or {}
    bare = [c for c in result["conditions"] if c == "none" or not (details.get(c) or {}).get("system_prompt")]
    return bare[0] if bare else result["conditions"][0]


def backstory_section(runs: list[RunData], names: list[str], conditions: list[str]) -> dict[str, Any]:
    """The suspect (first run) against every other run, and each pair of the others as the baseline."""
    answers = [answers_of(r, conditions) for r in runs]
    given = prompt_texts_of(runs[0])

    def pair(a: int, b: int) -> dict[str, Any]:
        found = backstory.overlap(answers[a], answers[b], given)
        return {"of": names[a], "against": names[b],
                "conditions": [backstory.summarize(found, c, backstory.EXAMPLES_PER_RUN if a == 0 else 0)
                               for c in conditions]}

    suspect = [pair(0, b) for b in range(1, len(runs))]
    baseline = [pair(a, b) for a in range(1, len(runs)) for b in range(1, len(runs)) if a < b]
    return {"min_words": backstory.MIN_WORDS, "min_chars": backstory.MIN_CHARS, "suspect": suspect, "baseline": baseline}


def distribution_section(runs: list[RunData], names: list[str], conditions: list[str]) -> dict[str, Any]:
    """The suspect's answers against each other run's, per condition."""
    mine = answers_of(runs[0], conditions)
    others = {name: answers_of(run, conditions) for name, run in zip(names[1:], runs[1:])}
    return {"ngrams": list(distribution.NGRAMS), "permutations": distribution.PERMUTATIONS,
            "conditions": [distribution.compare_runs(mine, others, c) for c in conditions]}


def weights_section(path: Path | None) -> tuple[dict[str, Any] | None, str | None]:
    """Summary of ``idprobe weights`` output (weights.json, or a directory holding it) and its HTML fragment."""
    if path is None:
        return None, None
    file = path / "weights.json" if path.is_dir() else path
    if not file.is_file():
        raise CaseError(f"{path}: no weights.json (write one with `idprobe weights ... --out DIR`)")
    from pydantic import ValidationError

    from harness.weights.models import WeightsResult
    from harness.weights.report import render_weights_section

    try:
        result = WeightsResult.model_validate_json(file.read_text(encoding="utf-8"))
    except ValidationError as exc:
        raise CaseError(f"{file}: not a weights.json of this idprobe: {exc.errors()[0]['msg']}") from None
    overall = result.overall
    summary = {"file": str(file), "sha256": _sha256(file), "verdict": result.verdict.label,
               "text": result.verdict.text, "alpha": overall.alpha_mean, "alpha_std": overall.alpha_std,
               "parents": list(result.parent_labels), "reference": result.reference_role}
    return summary, render_weights_section(result)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def provenance(runs: list[RunData], names: list[str], roles: list[str]) -> list[dict[str, Any]]:
    """Every run's manifest as stored, with the hashes of its results, manifest and suite."""
    out = []
    for name, role, run in zip(names, roles, runs):
        manifest_file = run.run_dir / "manifest.json"
        out.append({"name": name, "role": role, "dir": str(run.run_dir), "completions_sha256": run.results_sha256,
                    "manifest_sha256": _sha256(manifest_file) if manifest_file.is_file() else None,
                    "suite_sha256": run.manifest.get("suite", {}).get("sha256"),
                    "manifest": json.dumps(run.manifest, indent=2, ensure_ascii=False, sort_keys=True)})
    return out


def build_case(suspect: Path, parents: list[Path], controls: list[Path], weights: Path | None = None,
               allow_different_suites: bool = False) -> dict[str, Any]:
    """Everything the case documents show, as JSON-able data."""
    from harness.compare import check_suites, compare

    if not parents and not controls:
        raise CaseError("give the suspect and at least one parent or control run")
    runs = [load_run(d) for d in [suspect, *parents, *controls]]
    roles = ["suspect"] + ["parent"] * len(parents) + ["control"] * len(controls)
    shares = compare(runs, check_suites(runs, allow_different_suites))
    names = [r["name"] for r in shares["runs"]]
    weights_summary, weights_html = weights_section(weights)
    case = {"format": FORMAT, "suspect": names[0], "roles": roles, "shares": shares,
            "headline_condition": headline_condition(shares),
            "backstory": backstory_section(runs, names, shares["conditions"]),
            "distribution": distribution_section(runs, names, shares["conditions"]),
            "weights": weights_summary, "runs": provenance(runs, names, roles)}
    from harness.evidence.finding import case_findings

    case["findings"] = case_findings(case)
    case["weights_html"] = weights_html
    return case
