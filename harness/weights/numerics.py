"""Float grids and the streamed least-squares fit.

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

import torch

BLOCK = 65_536
_INT_VIEW = {torch.float32: (torch.int32, 0x7F800000), torch.float64: (torch.int64, 0x7FF0000000000000)}


def mantissa_bits(dtype: torch.dtype) -> int:
    """Explicit mantissa bits of a float dtype (more bits: finer grid)."""
    return round(-math.log2(torch.finfo(dtype).eps))


def ulp(x: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """Spacing of the ``dtype`` grid at each element of ``x``, in float32 (float64 for float64 grids).

    The largest power of two not above |x| is read off the exponent bits (masking the mantissa);
    subnormals share the spacing of the smallest normal binade.
    """
    work = torch.float64 if dtype == torch.float64 else torch.float32
    values = x.to(work)
    int_dtype, exp_mask = _INT_VIEW[work]
    pow2 = (values.view(int_dtype) & exp_mask).view(work)
    info = torch.finfo(dtype)
    return pow2.clamp_min_(info.tiny).mul_(info.eps)


# Grids a value can lie on, coarsest first: a float32 tensor whose values all lie on the bf16 grid
# carries bf16 precision, whatever its storage type says.
_GRIDS = (torch.bfloat16, torch.float16, torch.float32)


def on_grid(x: torch.Tensor, grid: torch.dtype) -> bool:
    """Whether every (finite) value of ``x`` is exactly representable on ``grid``."""
    if grid == x.dtype or mantissa_bits(grid) >= mantissa_bits(x.dtype):
        return True
    finite = x[torch.isfinite(x)]
    if grid == torch.float16 and bool((finite.abs() > torch.finfo(torch.float16).max).any()):
        return False
    return bool(torch.equal(finite.to(grid).to(x.dtype), finite))


def value_grid(x: torch.Tensor) -> torch.dtype:
    """The coarsest grid (bf16, f16, f32, or the storage dtype) that holds every value of ``x``."""
    for grid in _GRIDS:
        if mantissa_bits(grid) < mantissa_bits(x.dtype) and on_grid(x, grid):
            return grid
    return x.dtype


def coarsest(dtypes: list[torch.dtype]) -> torch.dtype:
    """The grid with the fewest mantissa bits (its rounding dominates differences)."""
    return min(dtypes, key=mantissa_bits)


def same_bits(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Elementwise bit-for-bit equality of two tensors of one float dtype."""
    int_dtype = {2: torch.int16, 4: torch.int32, 8: torch.int64}[a.element_size()]
    return a.contiguous().view(int_dtype) == b.contiguous().view(int_dtype)


def _gram(z: torch.Tensor, w: torch.Tensor | None) -> torch.Tensor:
    """(Z w) Z' summed block by block into float64; Z is (k, m)."""
    out = torch.zeros(z.shape[0], z.shape[0], dtype=torch.float64)
    for start in range(0, z.shape[1], BLOCK):
        zb = z[:, start:start + BLOCK]
        left = zb if w is None else zb * w[start:start + BLOCK]
        out += (left @ zb.T).to(torch.float64)
    return out


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
    g: torch.Tensor = field(init=False)
    n: float = 0.0

    def __post_init__(self) -> None:
        self.g = torch.zeros(self.p + 2, self.p + 2, dtype=torch.float64)

    def solve(self, pilot: torch.Tensor, cols: list[int] | None = None) -> Fit | None:
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
            inv = torch.linalg.inv(xtx)
        except RuntimeError:  # singular: a parent column is all zero or two parents coincide
            return None
        if not bool(torch.isfinite(inv).all()):
            return None
        delta = inv @ xty1
        rss = max(0.0, y1y1 - float(delta @ xty1))
        se = torch.sqrt(torch.clamp(torch.diagonal(inv) * (rss / (n - p)), min=0.0))
        return Fit(beta=(pilot + delta).tolist(), se=se.tolist(), rss=rss, yty=yty, n=int(n))


@dataclass
class FitSums:
    """Streamed normal equations of y on X over kept (w=1) elements and over all elements."""

    p: int
    kept: _Gram = field(init=False)
    every: _Gram = field(init=False)
    pilot: torch.Tensor | None = None
    ulp2: float = 0.0
    """Sum of ulp(S)^2 over kept elements: the rounding-noise floor behind kappa."""

    def __post_init__(self) -> None:
        self.kept, self.every = _Gram(self.p), _Gram(self.p)

    def add(self, x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, ulp_s: torch.Tensor | None) -> None:
        """Add one chunk: ``x`` (p, m), ``y`` (m,), ``w`` (m,) 0/1 weights, all in one float dtype."""
        if self.pilot is None:
            self.pilot = self._pilot(x, y, w)
        y1 = y - self.pilot.to(x.dtype) @ x if self.p else y
        z = torch.cat([x, y1.unsqueeze(0), y.unsqueeze(0)])
        self.kept.g += _gram(z, w)
        self.kept.n += float(w.sum(dtype=torch.float64))
        self.every.g += _gram(z, None)
        self.every.n += y.numel()
        if ulp_s is not None:
            u2 = ulp_s.to(x.dtype).square_()
            self.ulp2 += sum(float(torch.dot(u2[i:i + BLOCK], w[i:i + BLOCK])) for i in range(0, u2.numel(), BLOCK))

    def _pilot(self, x: torch.Tensor, y: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        """A first estimate of beta from one chunk (zeros when that chunk cannot be solved)."""
        first = _Gram(self.p)
        z = torch.cat([x, y.unsqueeze(0), y.unsqueeze(0)])
        first.g, first.n = _gram(z, w), float(w.sum(dtype=torch.float64))
        fit = first.solve(torch.zeros(self.p, dtype=torch.float64))
        return torch.tensor(fit.beta, dtype=torch.float64) if fit else torch.zeros(self.p, dtype=torch.float64)

    def fit_kept(self, cols: list[int] | None = None) -> Fit | None:
        return self.kept.solve(self._pilot_or_zero(), cols)

    def fit_all(self, cols: list[int] | None = None) -> Fit | None:
        return self.every.solve(self._pilot_or_zero(), cols)

    def _pilot_or_zero(self) -> torch.Tensor:
        return self.pilot if self.pilot is not None else torch.zeros(self.p, dtype=torch.float64)

    def finite(self) -> bool:
        return bool(torch.isfinite(self.kept.g).all() and torch.isfinite(self.every.g).all())


def kappa(rss: float, n: float, ulp2: float) -> float | None:
    """Residual RMS over the RMS of uniform rounding noise on the suspect's grid (ulp / sqrt 12)."""
    if n <= 0 or ulp2 <= 0:
        return None
    return math.sqrt(rss / n) / math.sqrt(ulp2 / n / 12.0)
