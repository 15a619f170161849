"""Float grids in numpy: bf16, f16, f32 and f64, named by their safetensors spelling.

Values travel "wide": bf16 and f16 as float32 (widening is exact and one-to-one, so bit patterns
compare as the stored ones would), f32 as float32, f64 as float64. numpy has no bfloat16, so
rounding to bf16 is done on the float32 bits: round to nearest, ties to even, the rule torch and
mergekit apply. f16, f32 and f64 use numpy's own casts, which round the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Grid:
    """One float format: its explicit mantissa bits, smallest normal value and wide numpy dtype."""

    mantissa: int
    tiny: float
    wide: type
    store: type
    """How numpy holds the stored bits (bf16 as uint16)."""

    @property
    def eps(self) -> float:
        return 2.0 ** -self.mantissa


GRIDS: dict[str, Grid] = {
    "BF16": Grid(7, 2.0 ** -126, np.float32, np.uint16),
    "F16": Grid(10, 2.0 ** -14, np.float32, np.float16),
    "F32": Grid(23, 2.0 ** -126, np.float32, np.float32),
    "F64": Grid(52, 2.0 ** -1022, np.float64, np.float64),
}
# Grids a value can lie on, coarsest first: a float32 tensor whose values all lie on the bf16 grid
# carries bf16 precision, whatever its storage type says.
_COARSE_FIRST = ("BF16", "F16", "F32")
_EXP_MASK = {np.dtype(np.float32): (np.int32, 0x7F800000), np.dtype(np.float64): (np.int64, 0x7FF0000000000000)}


def mantissa_bits(grid: str) -> int:
    """Explicit mantissa bits of a grid (more bits: finer grid)."""
    return GRIDS[grid].mantissa


def widen(raw: np.ndarray, grid: str) -> np.ndarray:
    """Stored values (as read from disk) to their wide dtype, exactly."""
    if grid == "BF16":
        bits = raw.astype(np.uint32)
        bits <<= 16
        return bits.view(np.float32)
    return raw.astype(GRIDS[grid].wide, copy=False)


def ulp(x: np.ndarray, grid: str) -> np.ndarray:
    """Spacing of ``grid`` at each element of ``x``, in float32 (float64 for the f64 grid).

    The largest power of two not above |x| is read off the exponent bits (masking the mantissa);
    subnormals share the spacing of the smallest normal binade.
    """
    spec = GRIDS[grid]
    values = np.ascontiguousarray(x, dtype=np.float64 if grid == "F64" else np.float32)
    int_dtype, mask = _EXP_MASK[values.dtype]
    pow2 = (values.view(int_dtype) & mask).view(values.dtype)
    np.maximum(pow2, spec.tiny, out=pow2)
    pow2 *= spec.eps
    return pow2


def _round_bf16(x: np.ndarray) -> np.ndarray:
    """float32 -> nearest bf16 (ties to even), returned as float32; NaN stays NaN."""
    bits = np.ascontiguousarray(x, dtype=np.float32).view(np.uint32)
    out = bits + (np.uint32(0x7FFF) + ((bits >> np.uint32(16)) & np.uint32(1)))
    out &= np.uint32(0xFFFF0000)
    nan = np.isnan(x)
    if nan.any():  # the carry would turn a NaN into an infinity or zero
        out[nan] = bits[nan] | np.uint32(0x00400000)
        out[nan] &= np.uint32(0xFFFF0000)
    return out.view(np.float32)


def round_to(x: np.ndarray, grid: str) -> np.ndarray:
    """``x`` rounded to ``grid``, in that grid's wide dtype (an overflow gives inf, as a cast does)."""
    with np.errstate(over="ignore", invalid="ignore"):
        if grid == "BF16":
            return _round_bf16(x.astype(np.float32, copy=False))
        if grid == "F16":
            return x.astype(np.float16).astype(np.float32)
        return x.astype(GRIDS[grid].wide, copy=False)


def on_grid(x: np.ndarray, grid: str, storage: str) -> bool:
    """Whether every finite value of ``x`` (held wide, stored as ``storage``) lies on ``grid``."""
    if grid == storage or mantissa_bits(grid) >= mantissa_bits(storage):
        return True
    if grid == "BF16" and x.dtype == np.float32:  # on the bf16 grid <=> low 16 bits clear
        off = (np.ascontiguousarray(x).view(np.uint32) & np.uint32(0xFFFF)) != 0
        return not bool(off.any()) or not bool((off & np.isfinite(x)).any())
    same = round_to(x, grid).astype(x.dtype, copy=False) == x
    return bool(same.all()) or bool((same | ~np.isfinite(x)).all())


def value_grid(x: np.ndarray, storage: str) -> str:
    """The coarsest grid (bf16, f16, f32, or the storage grid) that holds every value of ``x``."""
    for grid in _COARSE_FIRST:
        if mantissa_bits(grid) < mantissa_bits(storage) and on_grid(x, grid, storage):
            return grid
    return storage


def coarsest(grids: list[str]) -> str:
    """The grid with the fewest mantissa bits (its rounding dominates differences)."""
    return min(grids, key=mantissa_bits)


def same_bits(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Elementwise bit-for-bit equality of two arrays of one float dtype."""
    int_dtype = {2: np.int16, 4: np.int32, 8: np.int64}[a.dtype.itemsize]
    return np.ascontiguousarray(a).view(int_dtype) == np.ascontiguousarray(b).view(int_dtype)
