"""Streamed per-tensor statistics that tell merge recipes apart (one pass, beside the fit).

Every sum here is over the elements one chunk holds, so a tensor of any size costs a few small
histograms. What each statistic is for:

* ``at_r`` / ``at_p``: elements where the suspect equals the base, or one parent, to within its own
  rounding. TIES and DARE drop most of a delta, so many moved elements sit exactly at R; TIES without
  a second contributor leaves S = P_i exactly. A linear merge with alpha >= 0.15 leaves neither.
* ``q`` histograms: the ratio (S - R) / (P_i - R) where P_i moved far (>= 64 ulp, so rounding moves
  the ratio by < 1/128). A sole contributor puts a sharp peak at its coefficient: 1 for TIES (it
  normalizes), weight / density for DARE (it rescales), alpha for a linear merge of one parent.
  Split by sign agreement of the parents: sign election leaves disagreeing elements single.
* ``mag`` histograms: |P_i - R| in 1/16 octaves over every element, all and where parent i
  contributes. TIES keeps the top-density share by magnitude, so contributors have a hard lower
  edge there; DARE drops at random, independent of magnitude.
* ``mixed``: normal equations of S - R on the parents over moved elements that are neither at R
  nor at any parent: the TIES mixing weights w_i / sum w.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .numerics import gram

MOVED_ULPS = 4.0
"""An element 'moved' when a parent differs from R by this many ulp: a linear merge with weight
above 0.15 then never rounds back onto R."""
RATIO_ULPS = 64.0
Q_LO, Q_HI, Q_BINS = -2.0, 6.0, 1024
MAG_SHIFT = 19  # float32 bits >> 19: sign-free exponent and 4 mantissa bits = 1/16 octave
MAG_BINS = 1 << 12


def _mag_code(x: np.ndarray) -> np.ndarray:
    """A histogram bin per element: log2 |x| in 1/16 octaves (monotone in |x|)."""
    bits = np.ascontiguousarray(np.abs(x), dtype=np.float32).view(np.int32)
    return np.clip(bits >> MAG_SHIFT, 0, MAG_BINS - 1)


def mag_value(code: int) -> float:
    """The lower edge of a magnitude bin, as a float."""
    return float(np.array([code << MAG_SHIFT], dtype=np.int32).view(np.float32)[0])


@dataclass
class RecipeSums:
    """The recipe statistics of one tensor; ``p`` parents."""

    p: int
    numel: int = 0
    moved: int = 0
    at_r: int = 0
    at_p: list[int] = field(default_factory=list)
    q_agree: np.ndarray = field(init=False)
    q_disagree: np.ndarray = field(init=False)
    q_sum_agree: np.ndarray = field(init=False)
    q_sum_disagree: np.ndarray = field(init=False)
    q_rows: list[int] = field(default_factory=lambda: [0, 0])
    """Elements in the q histograms (all parents far from R, S not at R): agreeing, disagreeing signs."""
    mag_all: np.ndarray = field(init=False)
    mag_contrib: np.ndarray = field(init=False)
    mixed: np.ndarray = field(init=False)
    mixed_n: int = 0

    def __post_init__(self) -> None:
        self.at_p = [0] * self.p
        self.q_agree = np.zeros((self.p, Q_BINS), dtype=np.float64)
        self.q_disagree = np.zeros((self.p, Q_BINS), dtype=np.float64)
        self.q_sum_agree = np.zeros((self.p, Q_BINS), dtype=np.float64)
        self.q_sum_disagree = np.zeros((self.p, Q_BINS), dtype=np.float64)
        self.mag_all = np.zeros((self.p, MAG_BINS), dtype=np.float64)
        self.mag_contrib = np.zeros((self.p, MAG_BINS), dtype=np.float64)
        self.mixed = np.zeros((self.p + 1, self.p + 1), dtype=np.float64)

    def add(self, y: np.ndarray, x: np.ndarray, ulp_r: np.ndarray, tol: np.ndarray) -> None:
        """One chunk: y = S - R (m,), x = P_i - R (p, m), ulp_r on R's value grid, tol = ulp of S's grid."""
        self.numel += y.size
        half = 0.5 * tol
        at_r = np.abs(y) <= half
        at_p = np.abs(y[None] - x) <= half
        at_p &= ~at_r
        size = np.abs(x)
        moved = (size >= MOVED_ULPS * ulp_r).any(axis=0)
        self.moved += int(np.count_nonzero(moved))
        self.at_r += int(np.count_nonzero(at_r & moved))
        for i in range(self.p):
            self.at_p[i] += int(np.count_nonzero(at_p[i] & moved))
        self._add_ratios(y, x, size >= RATIO_ULPS * ulp_r, at_r)
        self._add_magnitudes(x, at_r, at_p)
        mixed = moved & ~at_r & ~at_p.any(axis=0)
        self.mixed += gram(np.concatenate([x[:, mixed], y[mixed][None]]).astype(np.float64), None)
        self.mixed_n += int(np.count_nonzero(mixed))

    def _add_ratios(self, y: np.ndarray, x: np.ndarray, far: np.ndarray, at_r: np.ndarray) -> None:
        rows = far.all(axis=0) & ~at_r
        if not bool(rows.any()):
            return
        xs, ys = x[:, rows], y[rows]
        signs = np.sign(xs)
        agree = (signs == signs[0]).all(axis=0)
        n_agree = int(np.count_nonzero(agree))
        self.q_rows[0] += n_agree
        self.q_rows[1] += agree.size - n_agree
        # One bincount per parent for both sign groups: bin b of the agreeing rows goes to b + 1, of the
        # disagreeing ones to b + Q_BINS + 3; ratios outside [Q_LO, Q_HI) (b = -1 or Q_BINS) land in
        # the four edge bins, which are dropped.
        offset = np.where(agree, 1, Q_BINS + 3)
        width = 2 * Q_BINS + 4
        for i in range(self.p):
            q = (ys / xs[i]).astype(np.float64)
            with np.errstate(invalid="ignore"):  # inf or NaN casts to some integer: clipped to an edge
                codes = np.floor((q - Q_LO) * (Q_BINS / (Q_HI - Q_LO))).astype(np.int64)
            np.clip(codes, -1, Q_BINS, out=codes)
            codes += offset
            counts = np.bincount(codes, minlength=width)
            sums = np.bincount(codes, weights=q, minlength=width)
            self.q_agree[i] += counts[1:Q_BINS + 1]
            self.q_disagree[i] += counts[Q_BINS + 3:2 * Q_BINS + 3]
            self.q_sum_agree[i] += sums[1:Q_BINS + 1]
            self.q_sum_disagree[i] += sums[Q_BINS + 3:2 * Q_BINS + 3]

    def _add_magnitudes(self, x: np.ndarray, at_r: np.ndarray, at_p: np.ndarray) -> None:
        for i in range(self.p):
            nonzero = x[i] != 0
            others = at_p[[j for j in range(self.p) if j != i]].any(axis=0) if self.p > 1 else np.zeros_like(at_r)
            contrib = nonzero & ~at_r & ~others
            # One bincount: zeros in group 0 (dropped), other moved elements in 1, contributors in 2.
            group = nonzero.astype(np.intp)
            group += contrib
            group *= MAG_BINS
            group += _mag_code(x[i])
            counts = np.bincount(group, minlength=3 * MAG_BINS).astype(np.float64)
            self.mag_all[i] += counts[MAG_BINS:2 * MAG_BINS] + counts[2 * MAG_BINS:]
            self.mag_contrib[i] += counts[2 * MAG_BINS:]
