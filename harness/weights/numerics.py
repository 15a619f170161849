"""The streamed least-squares fit (float grids are in floats.py).

The fit is accumulated as normal equations in float64: X'X, X'y, y'y and n, so a tensor of any size
costs O(p^2) memory beyond the chunk in hand. Two details keep it exact enough to measure residuals
at the level of bf16 rounding noise:

* y is shifted by a pilot fit from the first chunk (y' = y - X b0) before its sums are taken.
  RSS = y'y - beta'X'y cancels catastrophically when the fit is nearly perfect; on y' it does not.
* Products are summed in blocks (float32 inside a block of 64k elements when the inputs allow it,
  then float64 across blocks), which is fast and keeps the summation error far below the SE.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

BLOCK = 65_536


def gram(z: np.ndarray, w: np.ndarray | None) -> np.ndarray:
    """(Z w) Z' summed block by block into float64; Z is (k, m).

    Row by row with einsum (upper triangle only), not with a BLAS matrix product: BLAS threads
    stay spinning after each call and doubled the CPU time of a run on a busy machine, and for the
    k of 3 to 6 rows here einsum on one thread is about as fast as torch's product.
    """
    k = z.shape[0]
    out = np.zeros((k, k), dtype=np.float64)
    for start in range(0, z.shape[1], BLOCK):
        zb = z[:, start:start + BLOCK]
        left = zb if w is None else zb * w[start:start + BLOCK]
        for i in range(k):
            out[i, i:] += np.einsum("ij,j->i", zb[i:], left[i])
    return np.triu(out) + np.triu(out, 1).T


def dot(a: np.ndarray, b: np.ndarray) -> float:
    """a . b for 1-D arrays: float32 (or float64) sums within blocks, float64 across them (see gram)."""
    return sum(float(np.einsum("i,i->", a[i:i + BLOCK], b[i:i + BLOCK])) for i in range(0, a.size, BLOCK))


@dataclass(frozen=True)
class Fit:
    """A solved least-squares fit of y on X."""

    beta: list[float]
    se: list[float]
    rss: float
    yty: float
    n: int

    @property
    def cos_fit(self) -> float:
        """Cosine between y and its fitted part: sqrt(1 - RSS / y'y)."""
        return math.sqrt(max(0.0, 1.0 - self.rss / self.yty)) if self.yty > 0 else float("nan")

    @property
    def rel_residual(self) -> float:
        return math.sqrt(self.rss / self.yty) if self.yty > 0 else float("nan")

    @property
    def z(self) -> float:
        """cos_fit in standard deviations of a random-direction null (cos * sqrt(n))."""
        return self.cos_fit * math.sqrt(self.n)


@dataclass
class _Gram:
    """Sums over one element set: G = [X; y'; y] [X; y'; y]' and the element count."""

    p: int
    g: np.ndarray = field(init=False)
    n: float = 0.0

    def __post_init__(self) -> None:
        self.g = np.zeros((self.p + 2, self.p + 2), dtype=np.float64)

    def solve(self, pilot: np.ndarray, cols: list[int] | None = None) -> Fit | None:
        """beta = b0 + (X'X)^-1 X'y'; RSS = y'y' - delta'X'y'; SE from (X'X)^-1 RSS/(n-p).

        ``cols`` fits on a subset of the columns: the left-out columns' pilot part is added back to
        y' from the stored sums (y_S = y' + X_drop b0_drop), so no second pass is needed.
        """
        k, n = self.p, self.n
        keep = list(range(k)) if cols is None else cols
        drop = [j for j in range(k) if j not in keep]
        g = self.g
        b_drop = pilot[drop]
        xtx = g[keep][:, keep]
        xty1 = g[keep, k] + g[keep][:, drop] @ b_drop
        y1y1 = float(g[k, k] + 2 * b_drop @ g[drop, k] + b_drop @ g[drop][:, drop] @ b_drop)
        yty = float(g[k + 1, k + 1])
        pilot = pilot[keep]
        p = len(keep)
        if n <= p or yty <= 0:
            return None
        try:
            inv = np.linalg.inv(xtx)
        except np.linalg.LinAlgError:  # singular: a parent column is all zero or two parents coincide
            return None
        if not bool(np.isfinite(inv).all()):
            return None
        delta = inv @ xty1
        rss = max(0.0, y1y1 - float(delta @ xty1))
        se = np.sqrt(np.maximum(np.diagonal(inv) * (rss / (n - p)), 0.0))
        return Fit(beta=(pilot + delta).tolist(), se=se.tolist(), rss=rss, yty=yty, n=int(n))


@dataclass
class FitSums:
    """Streamed normal equations of y on X over kept (w=1) elements and over all elements."""

    p: int
    kept: _Gram = field(init=False)
    every: _Gram = field(init=False)
    pilot: np.ndarray | None = None
    ulp2: float = 0.0
    """Sum of ulp(S)^2 over kept elements: the rounding-noise floor behind kappa."""

    def __post_init__(self) -> None:
        self.kept, self.every = _Gram(self.p), _Gram(self.p)

    def add(self, x: np.ndarray, y: np.ndarray, w: np.ndarray, ulp_s: np.ndarray | None) -> None:
        """Add one chunk: ``x`` (p, m), ``y`` (m,), ``w`` (m,) 0/1 weights, all in one float dtype."""
        if self.pilot is None:
            self.pilot = self._pilot(x, y, w)
        # einsum, not BLAS: a threaded product leaves threads spinning (see gram).
        y1 = y - np.einsum("i,ij->j", self.pilot.astype(x.dtype), x) if self.p else y
        z = np.concatenate([x, y1[None], y[None]])
        self.kept.g += gram(z, w)
        self.kept.n += float(w.sum(dtype=np.float64))
        self.every.g += gram(z, None)
        self.every.n += y.size
        if ulp_s is not None:
            u2 = np.square(ulp_s.astype(x.dtype))
            self.ulp2 += dot(u2, w)

    def _pilot(self, x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
        """A first estimate of beta from one chunk (zeros when that chunk cannot be solved)."""
        first = _Gram(self.p)
        z = np.concatenate([x, y[None], y[None]])
        first.g, first.n = gram(z, w), float(w.sum(dtype=np.float64))
        fit = first.solve(np.zeros(self.p, dtype=np.float64))
        return np.array(fit.beta, dtype=np.float64) if fit else np.zeros(self.p, dtype=np.float64)

    def fit_kept(self, cols: list[int] | None = None) -> Fit | None:
        return self.kept.solve(self._pilot_or_zero(), cols)

    def fit_all(self, cols: list[int] | None = None) -> Fit | None:
        return self.every.solve(self._pilot_or_zero(), cols)

    def _pilot_or_zero(self) -> np.ndarray:
        return self.pilot if self.pilot is not None else np.zeros(self.p, dtype=np.float64)

    def finite(self) -> bool:
        return bool(np.isfinite(self.kept.g).all() and np.isfinite(self.every.g).all())


def kappa(rss: float, n: float, ulp2: float) -> float | None:
    """Residual RMS over the RMS of uniform rounding noise on the suspect's grid (ulp / sqrt 12)."""
    if n <= 0 or ulp2 <= 0:
        return None
    return math.sqrt(rss / n) / math.sqrt(ulp2 / n / 12.0)
