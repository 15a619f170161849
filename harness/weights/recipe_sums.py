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

import torch

MOVED_ULPS = 4.0
"""An element 'moved' when a parent differs from R by this many ulp: a linear merge with weight
above 0.15 then never rounds back onto R."""
RATIO_ULPS = 64.0
Q_LO, Q_HI, Q_BINS = -2.0, 6.0, 1024
MAG_SHIFT = 19  # float32 bits >> 19: sign-free exponent and 4 mantissa bits = 1/16 octave
MAG_BINS = 1 << 12


def _mag_code(x: torch.Tensor) -> torch.Tensor:
    """A histogram bin per element: log2 |x| in 1/16 octaves (monotone in |x|)."""
    return (x.abs().to(torch.float32).view(torch.int32) >> MAG_SHIFT).clamp_(0, MAG_BINS - 1).long()


def mag_value(code: int) -> float:
    """The lower edge of a magnitude bin, as a float."""
    return float(torch.tensor([code << MAG_SHIFT], dtype=torch.int32).view(torch.float32))


@dataclass
class RecipeSums:
    """The recipe statistics of one tensor; ``p`` parents."""

    p: int
    numel: int = 0
    moved: int = 0
    at_r: int = 0
    at_p: list[int] = field(default_factory=list)
    q_agree: torch.Tensor = field(init=False)
    q_disagree: torch.Tensor = field(init=False)
    q_sum_agree: torch.Tensor = field(init=False)
    q_sum_disagree: torch.Tensor = field(init=False)
    q_rows: list[int] = field(default_factory=lambda: [0, 0])
    """Elements in the q histograms (all parents far from R, S not at R): agreeing, disagreeing signs."""
    mag_all: torch.Tensor = field(init=False)
    mag_contrib: torch.Tensor = field(init=False)
    mixed: torch.Tensor = field(init=False)
    mixed_n: int = 0

    def __post_init__(self) -> None:
        self.at_p = [0] * self.p
        self.q_agree = torch.zeros(self.p, Q_BINS, dtype=torch.float64)
        self.q_disagree = torch.zeros(self.p, Q_BINS, dtype=torch.float64)
        self.q_sum_agree = torch.zeros(self.p, Q_BINS, dtype=torch.float64)
        self.q_sum_disagree = torch.zeros(self.p, Q_BINS, dtype=torch.float64)
        self.mag_all = torch.zeros(self.p, MAG_BINS, dtype=torch.float64)
        self.mag_contrib = torch.zeros(self.p, MAG_BINS, dtype=torch.float64)
        self.mixed = torch.zeros(self.p + 1, self.p + 1, dtype=torch.float64)

    def add(self, y: torch.Tensor, x: torch.Tensor, ulp_r: torch.Tensor, tol: torch.Tensor) -> None:
        """One chunk: y = S - R (m,), x = P_i - R (p, m), ulp_r on R's value grid, tol = ulp of S's grid."""
        self.numel += y.numel()
        at_r = y.abs() <= 0.5 * tol
        at_p = (y.unsqueeze(0) - x).abs() <= 0.5 * tol
        at_p &= ~at_r
        size = x.abs()
        moved = (size >= MOVED_ULPS * ulp_r).any(dim=0)
        self.moved += int(moved.sum())
        self.at_r += int((at_r & moved).sum())
        for i in range(self.p):
            self.at_p[i] += int((at_p[i] & moved).sum())
        self._add_ratios(y, x, size >= RATIO_ULPS * ulp_r, at_r)
        self._add_magnitudes(x, at_r, at_p)
        mixed = moved & ~at_r & ~at_p.any(dim=0)
        z = torch.cat([x[:, mixed], y[mixed].unsqueeze(0)]).to(torch.float64)
        self.mixed += z @ z.T
        self.mixed_n += int(mixed.sum())

    def _add_ratios(self, y: torch.Tensor, x: torch.Tensor, far: torch.Tensor, at_r: torch.Tensor) -> None:
        rows = far.all(dim=0) & ~at_r
        if not bool(rows.any()):
            return
        xs, ys = x[:, rows], y[rows]
        signs = torch.sign(xs)
        agree = (signs == signs[0]).all(dim=0)
        self.q_rows[0] += int(agree.sum())
        self.q_rows[1] += int((~agree).sum())
        for i in range(self.p):
            q = (ys / xs[i]).to(torch.float64)
            idx = ((q - Q_LO) * (Q_BINS / (Q_HI - Q_LO))).floor_().clamp_(-1, Q_BINS)
            inside = (idx >= 0) & (idx < Q_BINS)
            for sel, hist, sums in ((agree, self.q_agree, self.q_sum_agree),
                                    (~agree, self.q_disagree, self.q_sum_disagree)):
                keep = sel & inside
                hist[i] += torch.bincount(idx[keep].long(), minlength=Q_BINS).to(torch.float64)
                sums[i] += torch.bincount(idx[keep].long(), weights=q[keep], minlength=Q_BINS)

    def _add_magnitudes(self, x: torch.Tensor, at_r: torch.Tensor, at_p: torch.Tensor) -> None:
        for i in range(self.p):
            nonzero = x[i] != 0
            code = _mag_code(x[i])
            others = at_p[[j for j in range(self.p) if j != i]].any(dim=0) if self.p > 1 else torch.zeros_like(at_r)
            contrib = nonzero & ~at_r & ~others
            self.mag_all[i] += torch.bincount(code[nonzero], minlength=MAG_BINS).to(torch.float64)
            self.mag_contrib[i] += torch.bincount(code[contrib], minlength=MAG_BINS).to(torch.float64)
