"""Float grids and the streamed least-squares fit.

The fit is accumulated as normal equations in float64 (X'X, X'y, y'y, n), so a tensor of any size
costs O(p^2) memory beyond the chunk in hand. ulp values come from the stored exponent bits through a
lookup table: exact, and much cheaper than frexp on every element.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch

# dtype -> (integer view, mantissa bits, exponent mask, exponent bias)
_LAYOUT: dict[torch.dtype, tuple[torch.dtype, int, int, int]] = {
    torch.bfloat16: (torch.int16, 7, 0xFF, 127),
    torch.float16: (torch.int16, 10, 0x1F, 15),
    torch.float32: (torch.int32, 23, 0xFF, 127),
    torch.float64: (torch.int64, 52, 0x7FF, 1023),
}
_TABLES: dict[torch.dtype, torch.Tensor] = {}


def mantissa_bits(dtype: torch.dtype) -> int:
    """Explicit mantissa bits of a float dtype (more bits: finer grid)."""
    return _LAYOUT[dtype][1]


def ulp_table(dtype: torch.dtype) -> torch.Tensor:
    """ulp for every value of the exponent field; subnormals share the smallest normal spacing."""
    if dtype not in _TABLES:
        _, nmant, mask, bias = _LAYOUT[dtype]
        exps = torch.arange(mask + 1, dtype=torch.float64)
        exps[0] = 1.0  # subnormals and zero: same spacing as the smallest normal binade
        table = torch.pow(2.0, exps - bias - nmant)
        table[mask] = float("nan")  # inf/nan: no meaningful spacing, and it must not pass silently
        _TABLES[dtype] = table
    return _TABLES[dtype]


def exponent_field(x: torch.Tensor) -> torch.Tensor:
    """The biased exponent bits of every element of ``x`` (a float tensor in its storage dtype)."""
    int_dtype, nmant, mask, _ = _LAYOUT[x.dtype]
    bits = x.contiguous().view(int_dtype)
    # Arithmetic shift keeps bits nmant.. intact, the mask drops the sign.
    return ((bits >> nmant) & mask).long()


def ulp(x: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """Spacing of the ``dtype`` grid at each element of ``x`` (rounded to ``dtype`` first), as float64."""
    stored = x if x.dtype == dtype else x.to(dtype)
    return ulp_table(dtype)[exponent_field(stored)]


def same_bits(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Elementwise bit-for-bit equality of two tensors of one float dtype (NaN payloads included)."""
    int_dtype = _LAYOUT[a.dtype][0]
    return a.contiguous().view(int_dtype) == b.contiguous().view(int_dtype)


@dataclass
class FitSums:
    """Normal-equation sums of y on the columns of X, over kept (w=1) and over all elements."""

    p: int
    xtx: torch.Tensor = field(init=False)
    xty: torch.Tensor = field(init=False)
    yty: float = 0.0
    n: float = 0.0
    ulp2: float = 0.0
    """Sum of ulp(S)^2 over kept elements (for kappa when no direct residual is taken)."""
    xtx_all: torch.Tensor = field(init=False)
    xty_all: torch.Tensor = field(init=False)
    yty_all: float = 0.0
    n_all: float = 0.0

    def __post_init__(self) -> None:
        self.xtx = torch.zeros(self.p, self.p, dtype=torch.float64)
        self.xty = torch.zeros(self.p, dtype=torch.float64)
        self.xtx_all = torch.zeros(self.p, self.p, dtype=torch.float64)
        self.xty_all = torch.zeros(self.p, dtype=torch.float64)

    def add(self, x: torch.Tensor, y: torch.Tensor, w: torch.Tensor, ulp2_s: torch.Tensor | None) -> None:
        """Add one chunk: ``x`` (p, m) float64, ``y`` (m,), ``w`` (m,) 0/1 float64 weights."""
        xw = x * w
        self.xtx += xw @ x.T
        self.xty += xw @ y
        self.yty += float((y * w) @ y)
        self.n += float(w.sum())
        if ulp2_s is not None:
            self.ulp2 += float(ulp2_s @ w)
        self.xtx_all += x @ x.T
        self.xty_all += x @ y
        self.yty_all += float(y @ y)
        self.n_all += y.numel()


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


def solve(xtx: torch.Tensor, xty: torch.Tensor, yty: float, n: float) -> Fit | None:
    """beta = (X'X)^-1 X'y with standard errors; None when the design is singular or too small."""
    p = xty.numel()
    if n <= p or yty <= 0:
        return None
    try:
        inv = torch.linalg.inv(xtx)
    except RuntimeError:  # singular: a parent column is all zero or two parents coincide
        return None
    if not torch.isfinite(inv).all():
        return None
    beta = inv @ xty
    rss = max(0.0, yty - float(beta @ xty))
    se = torch.sqrt(torch.clamp(torch.diagonal(inv) * (rss / (n - p)), min=0.0))
    return Fit(beta=beta.tolist(), se=se.tolist(), rss=rss, yty=yty, n=int(n))


def kappa(rss: float, n: float, ulp2: float) -> float | None:
    """Residual RMS over the RMS of uniform rounding noise on the suspect's grid (ulp / sqrt 12)."""
    if n <= 0 or ulp2 <= 0:
        return None
    return math.sqrt(rss / n) / math.sqrt(ulp2 / n / 12.0)
