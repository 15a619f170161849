"""Release gates relative to a baseline run: "no more Nex than the last release, give or take 5 points".

``nex<=+0.05`` (a signed number) bounds the CHANGE of a share from the baseline run to this run.
It fails when the 95% interval of the change lies entirely above +0.05: the run is shown to have
moved past the margin. ``rio>=-0.10`` fails when that interval lies entirely below -0.10.

Absolute gates (``rio>=0.5``) ask for evidence that a share is within bounds. Relative gates ask for
evidence of a change beyond the margin instead, on purpose: two runs of an unchanged model can never
be shown identical, so a gate that asked for proof of "no change" would fail every release of a
model that did not change. The interval of the change is Newcombe's, built from the two runs'
prompt-clustered intervals; the cluster-aware test's p-value (paired by prompt when both runs used
the same suite) is printed beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from harness.check import CheckUsageError
from harness.results import RunData
from harness.stats import compare_shares, prompt_counts

_RELATIVE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*(>=|<=)\s*([+-])\s*([0-9]*\.?[0-9]+)\s*(%?)\s*$")


def is_relative(text: str) -> bool:
    """A signed threshold (``+0.05``, ``-10%``) bounds a change from the baseline."""
    return _RELATIVE.match(text) is not None


@dataclass(frozen=True)
class RelativeExpectation:
    """``key op margin``: the change of the share (run minus baseline) against a signed margin."""

    key: str
    op: str
    margin: float
    text: str


def parse_relative(text: str, known: list[str]) -> RelativeExpectation:
    """Parse ``KEY<=+X`` or ``KEY>=-X`` (X a fraction or a percentage)."""
    match = _RELATIVE.match(text)
    if match is None:
        raise CheckUsageError(f"cannot read relative expectation {text!r}: write e.g. 'nex<=+0.05' or 'rio>=-10%'")
    key, op, sign, number, percent = match.groups()
    key = key.lower()
    if key not in known:
        raise CheckUsageError(f"unknown identity {key!r} in {text!r}; known keys: {', '.join(known)}")
    margin = float(number) / (100 if percent else 1) * (-1 if sign == "-" else 1)
    if not -1.0 <= margin <= 1.0:
        raise CheckUsageError(f"margin in {text!r} must lie between -1 and +1 (or -100% and +100%)")
    return RelativeExpectation(key, op, margin, f"{key}{op}{sign}{number}{percent}")


@dataclass(frozen=True)
class RelativeOutcome:
    """One relative expectation under one condition."""

    expectation: RelativeExpectation
    condition: str
    share: float
    baseline_share: float
    change: float
    low: float
    high: float
    p_value: float
    test: str
    passed: bool

    def line(self) -> str:
        """One line a release log can show as is."""
        e = self.expectation
        word = "ok  " if self.passed else "FAIL"
        beyond = "above" if e.op == "<=" else "below"
        verdict = (f"the whole interval is {beyond} {_pp(e.margin)}" if not self.passed
                   else f"not shown to move {beyond} {_pp(e.margin)}")
        return (f"{word} {e.text} [{self.condition}] vs baseline: share {_pct(self.share)} (baseline "
                f"{_pct(self.baseline_share)}), change {_pp(self.change)}, 95% interval {_pp(self.low)} to "
                f"{_pp(self.high)}: {verdict} ({self.test} p={self.p_value:.3g})")

    def to_dict(self) -> dict[str, Any]:
        return {"expectation": self.expectation.text, "condition": self.condition, "share": self.share,
                "baseline_share": self.baseline_share, "change": self.change, "low": self.low, "high": self.high,
                "p_value": self.p_value, "test": self.test, "passed": self.passed}


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _pp(x: float) -> str:
    return f"{100 * x:+.1f} pp"


def evaluate_relative(run: RunData, baseline: RunData, expectation: RelativeExpectation, condition: str,
                      paired: bool) -> RelativeOutcome:
    """Check one relative expectation under one condition (both runs need answers there)."""
    a = baseline.answered[baseline.answered["condition"] == condition]
    b = run.answered[run.answered["condition"] == condition]
    if a.empty or b.empty:
        raise CheckUsageError(f"condition {condition!r} has no answered samples in "
                              f"{'the baseline' if a.empty else 'the run'}; nothing to compare")
    prompts = sorted(set(a["prompt_id"]) | set(b["prompt_id"])) if paired else None
    result = compare_shares(*prompt_counts(a, "identity", expectation.key, prompts),
                            *prompt_counts(b, "identity", expectation.key, prompts), paired=paired)
    if expectation.op == "<=":
        passed = result.diff_low <= expectation.margin
    else:
        passed = result.diff_high >= expectation.margin
    return RelativeOutcome(expectation, condition, result.share_b, result.share_a, result.diff, result.diff_low,
                           result.diff_high, result.p_value, result.method, passed)


def run_relative_checks(run: RunData, baseline: RunData, texts: list[str],
                        conditions: tuple[str, ...] = ()) -> list[RelativeOutcome]:
    """Parse every relative expectation first (a typo fails the whole check), then evaluate each.

    The runs must have used the same suite (prompts are then paired); a baseline of another suite
    is refused, as ``compare`` refuses it, because a changed prompt moves a share by itself.
    """
    from harness.check import known_keys, pick_conditions
    from harness.compare import CompareError, check_suites

    try:
        check_suites([baseline, run], allow_different=False)
    except CompareError as exc:
        raise CheckUsageError(f"the baseline cannot gate this run: {exc}") from exc
    expectations = [parse_relative(text, known_keys(run)) for text in texts]
    return [evaluate_relative(run, baseline, e, c, paired=True)
            for c in pick_conditions(run, conditions) for e in expectations]
