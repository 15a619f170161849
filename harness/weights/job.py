"""The per-tensor analysis a worker runs: a streamed fit, then a sampled bit-exact check."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .floats import coarsest, mantissa_bits, on_grid, round_to, same_bits, ulp, value_grid
from .models import ExactCheck, TensorRecipe, TensorResult, TensorTask
from .naming import component_of, layer_of
from .numerics import FitSums, dot, kappa
from .recipe_sums import RecipeSums
from .recipe_tensor import SLERP_LINEAR_COS, settle_family, slerp_evidence, sparse_evidence
from .sources import TensorRef, read_rows

_NARROW = ("BF16", "F16")
RECIPE_SAMPLE = 1 << 19
"""Elements per tensor behind the recipe statistics (every k-th element; all of a smaller tensor)."""
_Work = type[np.floating[Any]]
"""The float type the fit computes in: np.float32 or np.float64 (see compute_dtype)."""


@dataclass
class _Chunk:
    """One row range of every input, as stored (held wide, see floats.py) and in difference space."""

    s: np.ndarray
    r: np.ndarray
    ps: list[np.ndarray]
    y: np.ndarray
    x: np.ndarray
    """(p + 1, m): the parents' differences from R, then R itself (SLERP's extra column)."""
    w: np.ndarray
    ulp_r: np.ndarray
    """ulp of R on the coarsest grid the inputs' values lie on."""


def row_ranges(shape: tuple[int, ...], chunk_elements: int) -> list[tuple[int, int]]:
    """Row ranges along the first dimension of about ``chunk_elements`` elements (at least one row)."""
    rows = shape[0] if shape else 1
    row_elems = math.prod(shape[1:]) if len(shape) > 1 else 1
    step = max(1, chunk_elements // row_elems)
    return [(a, min(rows, a + step)) for a in range(0, rows, step)]


def compute_dtype(task: TensorTask) -> _Work:
    """float32 when every input is bf16/f16: their differences are then exact in float32 (or off by
    far less than an ulp of the suspect). Otherwise float64."""
    refs = (task.suspect, task.reference, *task.parents)
    return np.float32 if all(r.grid in _NARROW for r in refs) else np.float64


def _storage(ref: TensorRef) -> str:
    """The grid an input is held on: its own, or float32 for dequantized GGUF blocks."""
    return ref.grid or "F32"


def _load(task: TensorTask, start: int, stop: int, work: _Work) -> _Chunk:
    s = read_rows(task.suspect, start, stop)
    r = read_rows(task.reference, start, stop)
    ps = [read_rows(p, start, stop) for p in task.parents]
    rw = r.astype(work, copy=False)
    y = s.astype(work, copy=False) - rw
    x = np.empty((len(ps) + 1, r.size), dtype=work)
    for i, p in enumerate(ps):
        np.subtract(p.astype(work, copy=False), rw, out=x[i])
    x[-1] = rw
    # Select on X only (never on y), so the selection cannot bias the slope. The grid is the one the
    # values really lie on: bf16 values stored as float32 still differ by bf16 steps.
    grids = [value_grid(v, _storage(ref)) for v, ref in zip([r, *ps], [task.reference, *task.parents], strict=True)]
    grid = coarsest([task.ulp_dtype, *grids])
    ulp_r = ulp(r, grid).astype(work, copy=False)
    spread = np.abs(x[0]) if len(ps) == 1 else np.abs(x[:-1]).max(axis=0)
    w = (spread >= ulp_r * task.min_ulps).astype(work)
    return _Chunk(s=s, r=r, ps=ps, y=y, x=x, w=w, ulp_r=ulp_r)


def analyze_tensor(task: TensorTask) -> TensorResult:
    """Fit S - R on [P_i - R] for one tensor; never holds more than one chunk of each input.

    A tensor that cannot be read is returned with ``error`` set, so one bad tensor does not end a
    run over thousands; the report lists it.
    """
    ref = task.suspect
    result = TensorResult(
        name=ref.name, shape=list(ref.shape), numel=ref.numel, component=component_of(ref.name),
        layer=layer_of(ref.name), suspect_dtype=ref.dtype, ulp_dtype=task.ulp_dtype,
    )
    try:
        _fit_tensor(task, result)
    except (OSError, ValueError, RuntimeError) as exc:  # CheckpointError is a ValueError
        result.error = f"{type(exc).__name__}: {exc}"
    return result


@dataclass
class _Precision:
    """Sum of ulp(S)^2 over kept elements on each grid the suspect's values might lie on."""

    storage: str
    ulp2: dict[str, float]

    @classmethod
    def start(cls, storage: str) -> _Precision:
        grids = [g for g in ("BF16", "F16", "F32") if mantissa_bits(g) < mantissa_bits(storage)]
        return cls(storage=storage, ulp2={g: 0.0 for g in (*grids, storage)})

    def add(self, s: np.ndarray, w: np.ndarray) -> np.ndarray:
        """Account one chunk; returns ulp(S) on the coarsest grid still possible (the tolerance)."""
        for grid in [g for g in self.ulp2 if g != self.storage]:
            if not on_grid(s, grid, self.storage):
                del self.ulp2[grid]  # one value off the grid rules it out for the whole tensor
        tol = None
        for grid in self.ulp2:
            u = ulp(s, grid).astype(w.dtype, copy=False)
            self.ulp2[grid] += dot(u * u, w)
            tol = u if tol is None else tol
        return tol  # type: ignore[return-value]

    def best(self) -> tuple[str, float]:
        grid = coarsest(list(self.ulp2))
        return grid, self.ulp2[grid]


def _fit_tensor(task: TensorTask, result: TensorResult) -> None:
    """Fill ``result`` in place: pass one (the fit and recipe statistics), then the exact check."""
    ref = task.suspect
    ranges = row_ranges(ref.shape, task.chunk_elements)
    work = compute_dtype(task)
    p = len(task.parents)
    sums, recipe_sums = FitSums(p=p + 1), RecipeSums(p=p)
    quantized = ref.grid is None
    precision = _Precision.start(_storage(ref))
    for start, stop in ranges:
        chunk = _load(task, start, stop, work)
        sums.add(chunk.x, chunk.y, chunk.w, None)
        tol = precision.add(chunk.s, chunk.w)
        # The recipe statistics are shares and histograms: an even subsample of about
        # RECIPE_SAMPLE elements per tensor estimates them as well and costs a fraction of the pass.
        step = max(1, ref.numel // RECIPE_SAMPLE)
        recipe_sums.add(chunk.y[::step], chunk.x[:-1, ::step], chunk.ulp_r[::step], tol[::step])
    if not sums.finite():
        result.note = "non-finite values (inf or NaN) in an input; no fit"
        return
    parents = list(range(p))
    grid, ulp2 = precision.best()
    result.value_dtype = grid
    result.n_kept = int(sums.kept.n)
    fit_all = sums.fit_all(parents)
    result.alpha_all = fit_all.beta if fit_all else None
    result.recipe = TensorRecipe()
    sparse_evidence(result.recipe, recipe_sums)
    if sums.kept.n < task.min_kept:
        result.note = f"only {int(sums.kept.n)} elements differ from R by >= {task.min_ulps:g} ulp; no fit"
        return
    fit = sums.fit_kept(parents)
    if fit is None:
        result.note = "singular design (S equals R, or parents coincide on the informative elements)"
        return
    result.alpha, result.alpha_se = fit.beta, fit.se
    result.cos_fit, result.rel_residual, result.z = fit.cos_fit, fit.rel_residual, fit.z
    if quantized:
        result.note = f"suspect stored as {ref.dtype}: no ulp grid, so no kappa or exact check"
        return
    slerp_evidence(result.recipe, sums, ulp2)
    result.kappa, result.kappa_elements = kappa(fit.rss, sums.kept.n, ulp2), int(sums.kept.n)
    if task.exact_max_elements > 0:
        result.exact = _exact_check(task, ranges, fit.beta, work, grid, result)
        settle_family(result.recipe, result.exact, grid)


def _pick_ranges(ranges: list[tuple[int, int]], rows_wanted: int) -> list[tuple[int, int]]:
    """Evenly spread chunks covering about ``rows_wanted`` rows (all chunks if they fit)."""
    rows_each = max(1, ranges[0][1] - ranges[0][0])
    count = max(1, math.ceil(rows_wanted / rows_each))
    if count >= len(ranges):
        return ranges
    idx = sorted({round(i * (len(ranges) - 1) / max(1, count - 1)) for i in range(count)})
    return [ranges[i] for i in idx]


def _candidates(beta: list[float]) -> list[list[float]]:
    """Round weights a merge config would plausibly hold, then the fitted ones (ties go to the round)."""
    out: list[list[float]] = []
    for cand in ([round(b, 2) for b in beta], [round(b, 3) for b in beta], beta):
        if cand not in out:
            out.append(cand)
    return out


def _slerp_coefs(t: float, cos: float) -> tuple[float, float]:
    """SLERP's two coefficients, in float32 numpy and in the order mergekit computes them."""
    theta = np.arccos(np.float32(cos))
    theta_t = theta * np.float32(t)
    sin = np.sin(theta)
    return float(np.sin(theta - theta_t) / sin), float(np.sin(theta_t) / sin)


def _merge32(r32: np.ndarray, p32: list[np.ndarray], alpha: list[float], form: str,
             cos: float | None = None) -> np.ndarray:
    """A linear merge (or SLERP with t = alpha[0]) as a float32 tool computes it."""
    if form == "slerp" and cos is not None:
        s0, s1 = _slerp_coefs(alpha[0], cos)
        return r32 * s0 + p32[0] * s1
    if form == "weighted":
        out = r32 * (1.0 - sum(alpha))
        for a, p in zip(alpha, p32, strict=True):
            out += p * a
        return out
    out = r32.copy()
    for a, p in zip(alpha, p32, strict=True):
        out += (p - r32) * a
    return out


def _exact_check(task: TensorTask, ranges: list[tuple[int, int]], beta: list[float], work: _Work,
                 grid: str, slerp: TensorResult | None = None) -> ExactCheck:
    """Count elements that a float32 linear merge with the fitted (or rounded) weights, rounded to the
    suspect's value grid, reproduces exactly."""
    row_elems = max(1, task.suspect.numel // max(1, task.suspect.shape[0] if task.suspect.shape else 1))
    picked = _pick_ranges(ranges, task.exact_max_elements // row_elems)
    cands = [(a, f) for a in _candidates(beta) for f in ("weighted", "task")]
    rec = slerp.recipe if slerp is not None else None
    cos = rec.cos_base_parent if rec is not None else None
    if rec is not None and rec.slerp_t is not None and cos is not None and cos <= SLERP_LINEAR_COS:
        cands += [(t, "slerp") for t in _candidates([rec.slerp_t])]
    hits = [0] * len(cands)
    hits_kept = [0] * len(cands)
    n = n_kept = equal_base = 0
    for start, stop in picked:
        chunk = _load(task, start, stop, work)
        kept = chunk.w > 0
        n += chunk.s.size
        n_kept += int(np.count_nonzero(kept))
        equal_base += int(np.count_nonzero(same_bits(round_to(chunk.r, _storage(task.suspect)), chunk.s)))
        r32 = chunk.r.astype(np.float32, copy=False)
        p32 = [p.astype(np.float32, copy=False) for p in chunk.ps]
        for i, (alpha, form) in enumerate(cands):
            merged = round_to(_merge32(r32, p32, alpha, form, cos), grid).astype(chunk.s.dtype, copy=False)
            same = same_bits(merged, chunk.s)
            hits[i] += int(np.count_nonzero(same))
            hits_kept[i] += int(np.count_nonzero(same & kept))
    score = hits_kept if n_kept > 0 else hits
    best = max(range(len(cands)), key=lambda i: score[i])
    by_form = {f: max((score[i] for i in range(len(cands)) if cands[i][1] == f), default=None)
               for f in ("weighted", "slerp")}
    denom = max(1, n_kept if n_kept > 0 else n)
    return ExactCheck(
        alpha=cands[best][0], form=cands[best][1], elements=n, share=hits[best] / n,  # type: ignore[arg-type]
        share_kept=hits_kept[best] / n_kept if n_kept > 0 else None, share_equal_base=equal_base / n,
        misses_linear=denom - max(by_form["weighted"] or 0, max(score[i] for i in range(len(cands)) if cands[i][1] == "task")),
        misses_slerp=None if by_form["slerp"] is None else denom - by_form["slerp"],
    )
