"""Release gates: does a run's identity share hold up at the 95% level?

``rio>=0.5`` holds when the LOWER bound of the share's 95% interval is at least 0.5;
``nex<=0.05`` holds when the UPPER bound is at most 0.05. A share that merely looks right on a
handful of samples therefore fails: the gate asks for evidence, not a point estimate.

The interval is the reports' prompt-clustered one (:func:`harness.stats.share_interval`): never
zero-width, and 0 of 6 samples over 3 prompts gives an upper bound of 86%, so ``rio<=5%`` fails.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from harness.classify import NONE, OTHER
from harness.results import RunData
from harness.tally import shares

Interval = Literal["wider", "cluster", "wilson"]
INTERVALS: tuple[str, ...] = ("cluster", "wider", "wilson")
DEFAULT_INTERVAL: Interval = "cluster"
INTERVAL_HELP = {
    "cluster": "the prompt-clustered interval (Wilson on the effective sample size; the reports' interval)",
    "wider": "the less favourable bound of the prompt-clustered and Wilson intervals (the clustered one contains Wilson's)",
    "wilson": "the Wilson score interval, which assumes independent samples",
}
_EXPECTATION = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*(>=|<=)\s*([0-9]*\.?[0-9]+)\s*(%?)\s*$")


class CheckUsageError(ValueError):
    """An expectation or condition that cannot be checked as written (exit status 2)."""


@dataclass(frozen=True)
class Expectation:
    """``key op threshold``, with the threshold as a fraction."""

    key: str
    op: str
    threshold: float
    text: str


@dataclass(frozen=True)
class Outcome:
    """One expectation under one condition."""

    expectation: Expectation
    condition: str
    k: int
    n: int
    share: float | None
    low: float | None
    high: float | None
    interval: str
    bounds: Mapping[str, Sequence[float | None]]  # read-only: lists of floats and of Nones both fit
    passed: bool

    def line(self) -> str:
        """One line a release log can show as is."""
        e = self.expectation
        word = "ok  " if self.passed else "FAIL"
        if self.n == 0:
            return f"{word} {e.text} [{self.condition}]: no answered samples under this condition"
        bound, side = (self.low, "lower") if e.op == ">=" else (self.high, "upper")
        relation = ("reaches" if self.passed else "is below") if e.op == ">=" else ("is at or below" if self.passed else "is above")
        c, w = self.bounds["cluster"], self.bounds["wilson"]
        return (f"{word} {e.text} [{self.condition}]: share {_pct(self.share)} ({self.k}/{self.n}); "
                f"95% {side} bound {_pct(bound)} {relation} {_pct(e.threshold)} "
                f"(interval: {self.interval}; clustered {_pct(c[0])}-{_pct(c[1])}, Wilson {_pct(w[0])}-{_pct(w[1])})")

    def to_dict(self) -> dict[str, Any]:
        return {"expectation": self.expectation.text, "condition": self.condition, "k": self.k, "n": self.n,
                "share": self.share, "low": self.low, "high": self.high, "interval": self.interval,
                "passed": self.passed, **self.bounds}


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def known_keys(run: RunData) -> list[str]:
    """Identity keys an expectation may name: the lexicon's, plus ``other`` and ``none``."""
    return [*run.classifier.lexicon.identity_keys, OTHER, NONE]


def parse_expectation(text: str, known: list[str]) -> Expectation:
    """Parse ``KEY>=X`` or ``KEY<=X`` (X a fraction in [0, 1] or a percentage such as 50%)."""
    match = _EXPECTATION.match(text)
    if match is None:
        raise CheckUsageError(f"cannot read expectation {text!r}: write IDENTITY>=SHARE or IDENTITY<=SHARE, "
                              "e.g. 'rio>=0.5' or 'nex<=5%'")
    key, op, number, percent = match.groups()
    key = key.lower()
    if key not in known:
        raise CheckUsageError(f"unknown identity {key!r} in {text!r}; known keys: {', '.join(known)}")
    value = float(number) / (100 if percent else 1)
    if not 0.0 <= value <= 1.0:
        raise CheckUsageError(f"threshold in {text!r} must lie between 0 and 1 (or 0% and 100%)")
    return Expectation(key, op, value, f"{key}{op}{number}{percent}")


def pick_conditions(run: RunData, wanted: tuple[str, ...]) -> list[str]:
    """The conditions named, or the suite's one condition without a system prompt."""
    ids = [c.id for c in run.suite.conditions]
    if wanted:
        unknown = [c for c in wanted if c not in ids]
        if unknown:
            raise CheckUsageError(f"unknown condition {', '.join(unknown)}; this run has: {', '.join(ids)}")
        return list(wanted)
    bare = [c.id for c in run.suite.conditions if not c.system_prompt]
    if len(bare) != 1:
        raise CheckUsageError(f"say which condition to check with --condition (this run has: {', '.join(ids)})")
    return bare


def evaluate(run: RunData, expectation: Expectation, condition: str, interval: Interval = DEFAULT_INTERVAL) -> Outcome:
    """Check one expectation under one condition."""
    part = run.answered[run.answered["condition"] == condition]
    if part.empty:
        empty = {"cluster": [None, None], "wilson": [None, None]}
        return Outcome(expectation, condition, 0, 0, None, None, None, interval, empty, False)
    row = shares(part, [], "identity", labels=[expectation.key]).iloc[0]
    bounds = {"cluster": [float(row["cluster_lo"]), float(row["cluster_hi"])],
              "wilson": [float(row["wilson_lo"]), float(row["wilson_hi"])]}
    if interval == "wider":  # a gate should not pass on whichever interval happens to be kinder
        low = min(bounds["cluster"][0], bounds["wilson"][0])
        high = max(bounds["cluster"][1], bounds["wilson"][1])
    else:
        low, high = bounds[interval]
    passed = low >= expectation.threshold if expectation.op == ">=" else high <= expectation.threshold
    return Outcome(expectation, condition, int(row["k"]), int(row["n"]), float(row["share"]), low, high,
                   interval, bounds, passed)


def run_checks(run: RunData, texts: list[str], conditions: tuple[str, ...] = (),
               interval: Interval = DEFAULT_INTERVAL) -> list[Outcome]:
    """Parse every expectation first (a typo fails the whole check), then evaluate each."""
    if not texts:
        raise CheckUsageError("give at least one --expect, e.g. --expect 'rio>=0.5'")
    expectations = [parse_expectation(text, known_keys(run)) for text in texts]
    return [evaluate(run, e, c, interval) for c in pick_conditions(run, conditions) for e in expectations]
