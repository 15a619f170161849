"""Statistics for shares of samples nested in prompts: intervals, two-run tests, multiplicity.

Every sample of a run belongs to a prompt, and samples of one prompt resemble each other (a prompt
that makes a model say "Nex" tends to do so in all its samples). A run of 345 samples over 69 prompts
therefore holds fewer than 345 independent observations. Everything here takes per-prompt counts:
``hits[i]`` samples of prompt ``i`` with the property (an identity claim, say) out of ``totals[i]``.

Interval (:func:`share_interval`): Wilson's score interval on an *effective sample size*, the
approach of Korn and Graubard (1998) for survey proportions (they apply it to Clopper-Pearson),
with three choices made for small runs:

* The design effect ``deff`` is the cluster-robust variance of the share (the prompt-level
  "sandwich") divided by the binomial variance; it is floored at 1, so the interval is never
  narrower than Wilson on all samples. ``n_eff = n / deff``.
* When no sample or every sample has the property, the data say nothing about how strongly prompts
  cluster. We then assume the worst case, that all samples of a prompt agree, so ``n_eff`` is the
  number of prompts: 0 of 345 answers over 69 prompts reads 0.0-5.5%, not Wilson's 0.0-1.1%. A share
  estimated from a few hits gets an upper bound no lower than that (and symmetrically near 1),
  because one more hit cannot make the evidence for "rare" stronger.
* The normal quantile is replaced by Student's t with P-1 degrees of freedom (P prompts), since the
  variance is estimated from P prompts, not from n samples.

Why not the prompt-clustered percentile bootstrap shown before: it collapses to a point whenever all
prompts agree (0/345 read "0.0%-0.0%"), and with a few dozen prompts it is too narrow in general.
Why Wilson and not Clopper-Pearson on ``n_eff``: Clopper-Pearson over-covers by design, while the
simulation in ``tests/test_stats_simulation.py`` shows Wilson on ``n_eff`` holds about 94-97.5%
coverage for 24-69 prompts x 5 samples over several intra-prompt correlations (100% at shares 0
and 1, where every run shows no hits or all hits). The zero-hit floor costs a little: with 24
prompts, shares near 0.1 and 0.9 are covered about 97.5% of the time, at the top of the band.

Two-run comparison (:func:`compare_shares`): when both runs asked the same prompts (same suite), a
paired permutation test: under "no difference" the two runs' shares of each prompt are exchangeable,
so the sign of each prompt's difference is flipped at random (all 2^P patterns when P <= 12, else
9,999 seeded draws). Otherwise a cluster-robust two-proportion test: the difference of shares over a
standard error whose prompt-level residuals are taken around the pooled share (a score test, which
keeps its level where one run has no hits), with the P/(P-1) small-sample factor, referred to
Student's t with Pa+Pb-2 degrees of freedom. Both keep their level under strong clustering (the
same simulation module: at most 6% false positives at alpha 0.05; in fact at most about 5%).
The interval of the difference is Newcombe's hybrid (method 10) built from the two clustered share
intervals: never zero-width, and for paired runs conservative, since it ignores the pairing.

Multiplicity (:func:`holm`): Holm's step-down adjustment, from statsmodels.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy.stats import t as student_t

LEVEL = 0.95
PERMUTATIONS = 9999
EXACT_UP_TO = 12  # prompts: enumerate all 2^P sign patterns up to this, else draw PERMUTATIONS
Method = Literal["paired permutation", "cluster-robust z"]


def _as_2d(hits: ArrayLike, totals: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    h, m = np.atleast_2d(np.asarray(hits, dtype=float)), np.atleast_2d(np.asarray(totals, dtype=float))
    if h.shape != m.shape:
        raise ValueError(f"hits {h.shape} and totals {m.shape} must have the same shape")
    if (h < 0).any() or (h > m).any():
        raise ValueError("hits must lie between 0 and totals for every prompt")
    return h, m


def _wilson(p: np.ndarray, n: np.ndarray, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score bounds for share ``p`` over (possibly non-integer) ``n`` at quantile ``z``."""
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    low, high = np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)
    return np.where(p <= 0, 0.0, low), np.where(p >= 1, 1.0, high)  # exact at the ends, not 1e-17 off


def _robust_sum(h: np.ndarray, m: np.ndarray, centre: np.ndarray, small_sample: bool) -> np.ndarray:
    """Sum over prompts of (hits - centre * totals)^2 per row, times P/(P-1) if ``small_sample``
    (prompts with no samples add 0)."""
    resid = ((h - centre[:, None] * m) ** 2).sum(axis=1)
    if not small_sample:
        return resid
    prompts = (m > 0).sum(axis=1)
    return resid * prompts / np.maximum(prompts - 1, 1)


def design_effects(hits: ArrayLike, totals: ArrayLike) -> np.ndarray:
    """Design effect per row (runs x prompts in, one value per run out), floored at 1.

    Where it cannot be estimated (no hits, all hits, or one prompt) it is the worst case, the mean
    number of samples per prompt, so that the effective sample size is the number of prompts.
    """
    h, m = _as_2d(hits, totals)
    n, k = m.sum(axis=1), h.sum(axis=1)
    prompts = (m > 0).sum(axis=1)
    p = np.divide(k, n, out=np.zeros_like(n), where=n > 0)
    binomial = n * p * (1 - p)
    estimable = (binomial > 0) & (prompts > 1)
    deff = np.divide(_robust_sum(h, m, p, small_sample=False), binomial, out=np.ones_like(n), where=estimable)
    worst = np.divide(n, prompts, out=np.ones_like(n), where=prompts > 0)
    return np.where(estimable, np.maximum(deff, 1.0), np.maximum(worst, 1.0))


def share_intervals(hits: ArrayLike, totals: ArrayLike, level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised :func:`share_interval`: rows are runs, columns prompts (pad with totals 0).

    Returns arrays ``low`` and ``high``, NaN for a row without samples.
    """
    h, m = _as_2d(hits, totals)
    n, k = m.sum(axis=1), h.sum(axis=1)
    prompts = (m > 0).sum(axis=1)
    safe_n = np.maximum(n, 1)
    p = k / safe_n
    z = student_t.ppf(0.5 + level / 2, np.maximum(prompts - 1, 1))
    low, high = _wilson(p, safe_n / design_effects(h, m), z)
    # the bound that zero hits (or all hits) would give: a few hits must not claim more certainty
    floor_n = np.maximum(prompts, 1).astype(float)
    _, high_at_zero = _wilson(np.zeros_like(p), floor_n, z)
    low_at_all, _ = _wilson(np.ones_like(p), floor_n, z)
    high, low = np.maximum(high, np.minimum(high_at_zero, 1.0)), np.minimum(low, low_at_all)
    empty = n == 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def share_interval(hits: ArrayLike, totals: ArrayLike, level: float = LEVEL) -> tuple[float, float]:
    """95% interval (by default) of the share ``sum(hits) / sum(totals)`` of samples nested in prompts.

    ``hits[i]`` of ``totals[i]`` samples of prompt ``i`` have the property. Never zero-width; keeps
    its coverage at 0 and at n (see the module docstring). ``(nan, nan)`` when there are no samples.
    """
    low, high = share_intervals(np.asarray(hits, dtype=float)[None, :], np.asarray(totals, dtype=float)[None, :], level)
    return float(low[0]), float(high[0])


def _sign_flip_p(d: np.ndarray, w: np.ndarray, seed: int, draws: int) -> np.ndarray:
    """Two-sided sign-flip p-values; ``d`` and ``w`` are runs x prompts (w = 0 for absent prompts)."""
    prompts = d.shape[1]
    if prompts <= EXACT_UP_TO:
        codes = np.arange(2**prompts)[:, None] >> np.arange(prompts)[None, :]
        signs = 1.0 - 2.0 * (codes & 1)  # every pattern once, the identity (all +1) included
        extra = 0
    else:
        signs = np.random.default_rng(seed).choice([-1.0, 1.0], size=(draws, prompts))
        extra = 1  # the observed statistic counts as one draw: (1 + count) / (1 + draws)
    wd = d * w
    observed = np.abs(wd.sum(axis=1))
    flipped = np.abs(signs @ wd.T)  # patterns x runs
    tolerance = 1e-12 * np.maximum(np.abs(wd).sum(axis=1), 1.0)
    count = (flipped >= observed[None, :] - tolerance[None, :]).sum(axis=0)
    return (count + extra) / (signs.shape[0] + extra)


def paired_permutation_pvalues(hits_a: ArrayLike, totals_a: ArrayLike, hits_b: ArrayLike, totals_b: ArrayLike,
                               seed: int = 0, draws: int = PERMUTATIONS) -> np.ndarray:
    """Vectorised paired permutation test (rows are runs, columns the SAME prompts in both runs).

    The statistic is the difference of shares weighted by each prompt's samples in both runs; a
    prompt without samples in either run is left out. Seeded, so reports are reproducible.
    """
    ha, ma = _as_2d(hits_a, totals_a)
    hb, mb = _as_2d(hits_b, totals_b)
    both = (ma > 0) & (mb > 0)
    d = np.where(both, np.divide(hb, mb, out=np.zeros_like(hb), where=mb > 0)
                 - np.divide(ha, ma, out=np.zeros_like(ha), where=ma > 0), 0.0)
    return _sign_flip_p(d, np.where(both, ma + mb, 0.0), seed, draws)


def robust_z_pvalues(hits_a: ArrayLike, totals_a: ArrayLike, hits_b: ArrayLike, totals_b: ArrayLike) -> np.ndarray:
    """Vectorised cluster-robust two-proportion test (rows are runs; prompts need not match).

    Residuals are taken around the pooled share (the null), so a run with no hits still contributes
    its variance; the statistic is referred to Student's t with Pa + Pb - 2 degrees of freedom.
    """
    ha, ma = _as_2d(hits_a, totals_a)
    hb, mb = _as_2d(hits_b, totals_b)
    na, nb = ma.sum(axis=1), mb.sum(axis=1)
    pa, pb = ha.sum(axis=1) / np.maximum(na, 1), hb.sum(axis=1) / np.maximum(nb, 1)
    pooled = (ha.sum(axis=1) + hb.sum(axis=1)) / np.maximum(na + nb, 1)
    var = (_robust_sum(ha, ma, pooled, small_sample=True) / np.maximum(na, 1) ** 2
           + _robust_sum(hb, mb, pooled, small_sample=True) / np.maximum(nb, 1) ** 2)
    diff = pb - pa
    stat = np.divide(np.abs(diff), np.sqrt(var), out=np.zeros_like(diff), where=var > 0)
    df = np.maximum((ma > 0).sum(axis=1) + (mb > 0).sum(axis=1) - 2, 1)
    return np.where(var > 0, 2 * student_t.sf(stat, df), 1.0)


@dataclass(frozen=True)
class Comparison:
    """The difference ``share_b - share_a`` of two runs, with its interval and the cluster-aware test."""

    share_a: float
    share_b: float
    diff: float
    diff_low: float
    diff_high: float
    p_value: float
    method: Method
    paired: bool

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able fields (floats and strings)."""
        return asdict(self)


def newcombe(share_a: float, interval_a: tuple[float, float], share_b: float, interval_b: tuple[float, float]) -> tuple[float, float]:
    """Newcombe's hybrid interval (method 10) for ``share_b - share_a`` from the two share intervals."""
    (la, ua), (lb, ub) = interval_a, interval_b
    diff = share_b - share_a
    low = diff - float(np.hypot(share_b - lb, ua - share_a))
    high = diff + float(np.hypot(ub - share_b, share_a - la))
    return max(low, -1.0), min(high, 1.0)


def compare_shares(hits_a: ArrayLike, totals_a: ArrayLike, hits_b: ArrayLike, totals_b: ArrayLike,
                   paired: bool, level: float = LEVEL, seed: int = 0) -> Comparison:
    """Compare the share of run b with run a, treating prompts as clusters.

    ``paired=True`` requires both runs' arrays aligned by the same prompts (same suite) and uses the
    paired permutation test; otherwise the cluster-robust two-proportion test. Either run must
    have samples (raises ``ValueError`` otherwise).
    """
    ha, ma = np.asarray(hits_a, dtype=float), np.asarray(totals_a, dtype=float)
    hb, mb = np.asarray(hits_b, dtype=float), np.asarray(totals_b, dtype=float)
    if ma.sum() == 0 or mb.sum() == 0:
        raise ValueError("both runs need answered samples to be compared")
    if paired and ha.shape != hb.shape:
        raise ValueError(f"paired runs need the same prompts: {ha.shape} vs {hb.shape}")
    share_a, share_b = float(ha.sum() / ma.sum()), float(hb.sum() / mb.sum())
    if paired:
        p, method = float(paired_permutation_pvalues(ha, ma, hb, mb, seed)[0]), "paired permutation"
    else:
        p, method = float(robust_z_pvalues(ha, ma, hb, mb)[0]), "cluster-robust z"
    low, high = newcombe(share_a, share_interval(ha, ma, level), share_b, share_interval(hb, mb, level))
    return Comparison(share_a, share_b, share_b - share_a, low, high, p, method, paired)  # type: ignore[arg-type]


def holm(pvalues: ArrayLike) -> list[float]:
    """Holm's step-down adjusted p-values, in the order given (statsmodels' ``multipletests``)."""
    from statsmodels.stats.multitest import multipletests

    values = np.asarray(pvalues, dtype=float)
    if values.size == 0:
        return []
    return [float(x) for x in multipletests(values, method="holm")[1]]


def prompt_counts(frame: pd.DataFrame, column: str, label: str, prompts: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per prompt (sorted ids, or the order of ``prompts``; absent ones get 0 of 0): samples of
    ``frame`` whose ``column`` equals ``label``, and all samples. ``frame`` needs ``prompt_id``."""
    order = sorted(frame["prompt_id"].unique()) if prompts is None else prompts
    grouped = frame.groupby("prompt_id")[column]
    hits = grouped.apply(lambda s: int((s == label).sum())).reindex(order, fill_value=0)
    totals = grouped.size().reindex(order, fill_value=0)
    return hits.to_numpy(dtype=float), totals.to_numpy(dtype=float)


def pooled_prompt_counts(frames: list[pd.DataFrame], column: str, label: str) -> tuple[np.ndarray, np.ndarray]:
    """:func:`prompt_counts` over answers of one model to different prompts held in several frames
    (runs of several suites), concatenated: each prompt stays one cluster."""
    counts = [prompt_counts(frame, column, label) for frame in frames]
    return np.concatenate([c[0] for c in counts]), np.concatenate([c[1] for c in counts])


def compare_frames(a: pd.DataFrame, b: pd.DataFrame, column: str, label: str, paired: bool, level: float = LEVEL) -> Comparison:
    """:func:`compare_shares` on two runs' answered samples (rows with ``prompt_id`` and ``column``):
    the share of samples whose ``column`` is ``label``. ``paired`` (the same suite) aligns the prompts
    by id, so each prompt is compared with itself; a prompt one run lacks is left out of the pairing."""
    if paired:
        prompts = sorted(set(a["prompt_id"]) | set(b["prompt_id"]))
        counts_a, counts_b = prompt_counts(a, column, label, prompts), prompt_counts(b, column, label, prompts)
    else:
        counts_a, counts_b = prompt_counts(a, column, label), prompt_counts(b, column, label)
    return compare_shares(*counts_a, *counts_b, paired=paired, level=level)
