"""Per-tensor recipe evidence from the streamed sums: SLERP's angle and t, the sparse-merge signatures.

SLERP (as mergekit computes it) gives S = s0 R + s1 P with s0 = sin((1-t)θ)/sin θ and
s1 = sin(tθ)/sin θ, θ the angle between R and P over the whole tensor. In difference space that
is S - R = c R + s1 (P - R) with c = s0 + s1 - 1: zero for any linear merge, positive for SLERP.
Fitting c alongside the parents therefore separates the two, and t follows from s1 and θ. Where
cos θ > 0.9995 mergekit itself interpolates linearly, and the two cannot be told apart.
"""

from __future__ import annotations

import math

import numpy as np

from .models import ExactCheck, TensorRecipe
from .floats import mantissa_bits
from .numerics import FitSums, kappa
from .recipe_sums import MAG_BINS, Q_BINS, Q_HI, Q_LO, RecipeSums

SLERP_LINEAR_COS = 0.9995
"""mergekit's SLERP falls back to linear interpolation above this cosine."""
SIGNIFICANT = 6.0
"""Standard errors for the R coefficient to count as present."""
_PEAK_HALF_WIDTH = 2  # bins either side of a ratio peak (1/128 each) that count as 'at the peak'


def _peak(hist: np.ndarray, sums: np.ndarray) -> tuple[float | None, float]:
    """The ratio at the histogram's peak (mean of the values near it) and the count there."""
    total = float(hist.sum())
    if total < 20:
        return None, 0.0
    top = int(np.argmax(hist))
    lo, hi = max(0, top - _PEAK_HALF_WIDTH), min(Q_BINS, top + _PEAK_HALF_WIDTH + 1)
    count = float(hist[lo:hi].sum())
    # A real sole contributor piles far more than a smooth spread into five bins of 1/128.
    if count < 0.02 * total or count < 10:
        return None, 0.0
    return float(sums[lo:hi].sum()) / count, count


def _trim_cut(all_: np.ndarray, contrib: np.ndarray) -> tuple[float | None, float | None]:
    """Best magnitude cut predicting contribution: (error relative to the smaller class, share above it)."""
    total, n_contrib = float(all_.sum()), float(contrib.sum())
    n_other = total - n_contrib
    if total <= 0 or min(n_contrib, n_other) < 0.01 * total or min(n_contrib, n_other) < 50:
        return None, None
    other = all_ - contrib
    # error(b) = contributors below bin b + non-contributors at or above b
    below = np.cumsum(contrib) - contrib
    above_other = np.cumsum(other[::-1])[::-1]
    err = below + above_other
    b = int(np.argmin(err))
    share_above = float(all_[b:].sum()) / total
    return float(err[b]) / min(n_contrib, n_other), share_above


def sparse_evidence(rec: TensorRecipe, sums: RecipeSums) -> None:
    """Fill the TIES/DARE fields of ``rec`` from ``sums``."""
    p = sums.p
    rec.moved = sums.moved
    if sums.moved:
        rec.share_at_base = sums.at_r / sums.moved
        rec.share_at_parent = [a / sums.moved for a in sums.at_p]
    hist = sums.q_agree + sums.q_disagree
    qsum = sums.q_sum_agree + sums.q_sum_disagree
    peaks = [_peak(hist[i], qsum[i]) for i in range(p)]
    rows = max(1, sum(sums.q_rows))
    rec.sole_coefficient = [c for c, _ in peaks]
    rec.sole_share = [n / rows for _, n in peaks]
    if p > 1:
        rec.single_share_agree = _single_share(sums.q_agree, rec.sole_coefficient, sums.q_rows[0])
        rec.single_share_disagree = _single_share(sums.q_disagree, rec.sole_coefficient, sums.q_rows[1])
    cuts = [_trim_cut(sums.mag_all[i], sums.mag_contrib[i]) for i in range(p)]
    rec.trim_error = [c[0] for c in cuts]
    rec.magnitude_density = [None if c[1] is None else c[1] * float(sums.mag_all[i].sum()) / max(1, sums.numel)
                             for i, c in enumerate(cuts)]
    rec.mixed_n = sums.mixed_n
    if sums.mixed_n > 10 * p:
        try:
            w = np.linalg.solve(sums.mixed[:p, :p], sums.mixed[:p, p])
            rec.mixed_weights = [float(v) for v in w]
        except np.linalg.LinAlgError:  # singular: the parents coincide where they mix
            rec.mixed_weights = None


def _single_share(hist: np.ndarray, peaks: list[float | None], rows: int) -> float | None:
    """Share of rows whose ratio to some parent sits at that parent's sole-contributor peak."""
    if rows < 50:
        return None
    scale = Q_BINS / (Q_HI - Q_LO)
    count = 0.0
    for i, peak in enumerate(peaks):
        if peak is None:
            continue
        b = int((peak - Q_LO) * scale)
        count += float(hist[i, max(0, b - _PEAK_HALF_WIDTH):b + _PEAK_HALF_WIDTH + 1].sum())
    return min(1.0, count / rows)


def slerp_evidence(rec: TensorRecipe, fits: FitSums, ulp2: float) -> None:
    """Fill the SLERP fields: the R coefficient, the angle, t, and which family this tensor reads as."""
    p = fits.p - 1  # the last column is R itself
    fit = fits.fit_kept()
    if fit is None:
        return
    rec.base_coef, rec.base_coef_se = fit.beta[p], fit.se[p]
    rec.kappa_with_base = kappa(fit.rss, fit.n, ulp2)
    if p != 1:
        rec.family = "linear"
        return
    g = fits.every.g
    rr, rd, dd = float(g[1, 1]), float(g[0, 1]), float(g[0, 0])
    pp = rr + 2 * rd + dd
    if rr <= 0 or pp <= 0:
        return
    cos = max(-1.0, min(1.0, (rr + rd) / math.sqrt(rr * pp)))
    rec.cos_base_parent = cos
    s1, s0 = fit.beta[0], fit.beta[1] + 1.0 - fit.beta[0]
    if cos > SLERP_LINEAR_COS:
        rec.slerp_t, rec.slerp_t_se, rec.slerp_c_predicted = s1, fit.se[0], 0.0
        rec.family = "linear or slerp"
        return
    theta = math.acos(cos)
    t1 = math.asin(max(-1.0, min(1.0, s1 * math.sin(theta)))) / theta
    t0 = 1.0 - math.asin(max(-1.0, min(1.0, s0 * math.sin(theta)))) / theta
    t = 0.5 * (t0 + t1)
    rec.slerp_t = t
    rec.slerp_t_se = fit.se[0] * math.sin(theta) / max(1e-12, theta * math.cos(t * theta))
    rec.slerp_c_predicted = (math.sin((1 - t) * theta) + math.sin(t * theta)) / math.sin(theta) - 1.0
    rec.family = _family(rec.base_coef, rec.base_coef_se, rec.slerp_c_predicted)


def _family(c: float, se: float, c_slerp: float) -> str:
    """linear (c ~ 0 where SLERP would show), slerp (c ~ its prediction), linear or slerp (too close to tell)."""
    noise = SIGNIFICANT * max(se, 1e-12)
    if abs(c_slerp) < noise:
        return "linear or slerp"
    if abs(c) < 0.25 * abs(c_slerp):
        return "linear"
    if abs(c - c_slerp) < 0.25 * abs(c_slerp):
        return "slerp"
    return "none"


def settle_family(rec: TensorRecipe | None, exact: ExactCheck | None, grid: str) -> None:
    """On a bf16/f16 grid the R coefficient of SLERP is often far below one ulp, and rounding without
    dither can hide it from the fit; which recipe reproduces more elements bit for bit decides there."""
    if rec is None or exact is None or exact.misses_slerp is None or exact.misses_linear is None:
        return
    if mantissa_bits(grid) > 10:  # float32 values: the fit's R coefficient is far above rounding
        return
    lin, sl = exact.misses_linear, exact.misses_slerp
    if abs(lin - sl) <= max(20, 0.2 * min(lin, sl)):
        rec.family = "linear or slerp"
    else:
        rec.family = "slerp" if sl < lin else "linear"


__all__ = ["MAG_BINS", "SLERP_LINEAR_COS", "slerp_evidence", "sparse_evidence"]
