"""The per-tensor analysis a worker runs: a streamed fit, then a direct residual and exact check."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from .models import ExactCheck, TensorResult, TensorTask
from .naming import component_of, layer_of
from .numerics import FitSums, kappa, same_bits, solve, ulp
from .sources import FLOAT_DTYPES, read_rows


@dataclass
class _Chunk:
    """One row range of every input, as stored and in difference space."""

    s: torch.Tensor
    r: torch.Tensor
    ps: list[torch.Tensor]
    y: torch.Tensor
    x: torch.Tensor
    w: torch.Tensor


def row_ranges(shape: tuple[int, ...], chunk_elements: int) -> list[tuple[int, int]]:
    """Row ranges along the first dimension of about ``chunk_elements`` elements (at least one row)."""
    rows = shape[0] if shape else 1
    row_elems = math.prod(shape[1:]) if len(shape) > 1 else 1
    step = max(1, chunk_elements // row_elems)
    return [(a, min(rows, a + step)) for a in range(0, rows, step)]


def _load(task: TensorTask, start: int, stop: int) -> _Chunk:
    s = read_rows(task.suspect, start, stop).reshape(-1)
    r = read_rows(task.reference, start, stop).reshape(-1)
    ps = [read_rows(p, start, stop).reshape(-1) for p in task.parents]
    r64 = r.to(torch.float64)
    y = s.to(torch.float64) - r64
    x = torch.stack([p.to(torch.float64) - r64 for p in ps])
    # Select on X only (never on y), so the selection cannot bias the slope.
    threshold = ulp(r, FLOAT_DTYPES[task.ulp_dtype]) * task.min_ulps
    w = (x.abs().amax(dim=0) >= threshold).to(torch.float64)
    return _Chunk(s=s, r=r, ps=ps, y=y, x=x, w=w)


def _ulp2(s: torch.Tensor) -> torch.Tensor:
    """ulp(S)^2 on the suspect's own storage grid (callers skip block-quantized storage)."""
    return ulp(s, s.dtype).square()


def analyze_tensor(task: TensorTask) -> TensorResult:
    """Fit S - R on [P_i - R] for one tensor; never holds more than one chunk of each input."""
    ref = task.suspect
    result = TensorResult(
        name=ref.name, shape=list(ref.shape), numel=ref.numel, component=component_of(ref.name),
        layer=layer_of(ref.name), suspect_dtype=ref.dtype, ulp_dtype=task.ulp_dtype,
    )
    ranges = row_ranges(ref.shape, task.chunk_elements)
    sums = FitSums(p=len(task.parents))
    quantized = ref.float_dtype is None
    for start, stop in ranges:
        chunk = _load(task, start, stop)
        sums.add(chunk.x, chunk.y, chunk.w, None if quantized else _ulp2(chunk.s))
    if not all(math.isfinite(v) for v in (sums.yty, sums.yty_all, float(sums.xtx.sum()))):
        result.note = "non-finite values (inf or NaN) in an input; no fit"
        return result
    result.n_kept = int(sums.n)
    fit_all = solve(sums.xtx_all, sums.xty_all, sums.yty_all, sums.n_all)
    result.alpha_all = fit_all.beta if fit_all else None
    if sums.n < task.min_kept:
        result.note = f"only {int(sums.n)} elements differ from R by >= {task.min_ulps:g} ulp; no fit"
        return result
    fit = solve(sums.xtx, sums.xty, sums.yty, sums.n)
    if fit is None:
        result.note = "singular design (S equals R, or parents coincide on the informative elements)"
        return result
    result.alpha, result.alpha_se = fit.beta, fit.se
    result.cos_fit, result.rel_residual, result.z = fit.cos_fit, fit.rel_residual, fit.z
    if quantized:
        result.note = f"suspect stored as {ref.dtype}: no ulp grid, so no kappa or exact check"
        return result
    result.kappa = kappa(fit.rss, sums.n, sums.ulp2)
    result.kappa_elements = int(sums.n)
    if task.exact_max_elements > 0:
        _second_pass(task, ranges, fit.beta, result)
    return result


def _pick_ranges(ranges: list[tuple[int, int]], rows_wanted: int) -> list[tuple[int, int]]:
    """Evenly spread chunks covering about ``rows_wanted`` rows (all chunks if they fit)."""
    rows_each = max(1, ranges[0][1] - ranges[0][0])
    count = max(1, math.ceil(rows_wanted / rows_each))
    if count >= len(ranges):
        return ranges
    idx = sorted({round(i * (len(ranges) - 1) / max(1, count - 1)) for i in range(count)})
    return [ranges[i] for i in idx]


def _candidates(beta: list[float]) -> list[list[float]]:
    """The fitted weights, and the round values a merge config would plausibly have used."""
    out: list[list[float]] = []
    for cand in (beta, [round(b, 2) for b in beta], [round(b, 3) for b in beta]):
        if cand not in out:
            out.append(cand)
    return out


def _merge32(chunk: _Chunk, alpha: list[float], form: str) -> torch.Tensor:
    """A linear merge as a float32 tool computes it."""
    r32 = chunk.r.to(torch.float32)
    p32 = [p.to(torch.float32) for p in chunk.ps]
    if form == "weighted":
        out = r32 * (1.0 - sum(alpha))
        for a, p in zip(alpha, p32):
            out = out + p * a
        return out
    out = r32.clone()
    for a, p in zip(alpha, p32):
        out = out + (p - r32) * a
    return out


def _second_pass(task: TensorTask, ranges: list[tuple[int, int]], beta: list[float], result: TensorResult) -> None:
    """Measure the residual directly (no cancellation) and count bit-exact reproductions."""
    row_elems = max(1, result.numel // max(1, result.shape[0] if result.shape else 1))
    picked = _pick_ranges(ranges, task.exact_max_elements // row_elems)
    cands = [(a, f) for a in _candidates(beta) for f in ("weighted", "task")]
    hits = torch.zeros(len(cands), dtype=torch.float64)
    hits_kept = torch.zeros(len(cands), dtype=torch.float64)
    rss = ulp2 = n_kept = 0.0
    n = equal_base = 0
    b = torch.tensor(beta, dtype=torch.float64)
    for start, stop in picked:
        chunk = _load(task, start, stop)
        resid = chunk.y - b @ chunk.x
        rss += float((resid * resid) @ chunk.w)
        ulp2 += float(ulp(chunk.s, chunk.s.dtype).square() @ chunk.w)
        n_kept += float(chunk.w.sum())
        n += chunk.s.numel()
        equal_base += int(same_bits(chunk.r.to(chunk.s.dtype), chunk.s).sum())
        for i, (alpha, form) in enumerate(cands):
            same = same_bits(_merge32(chunk, alpha, form).to(chunk.s.dtype), chunk.s)
            hits[i] += float(same.sum())
            hits_kept[i] += float(same.to(torch.float64) @ chunk.w)
    best = int(torch.argmax(hits_kept if n_kept > 0 else hits))
    result.exact = ExactCheck(
        alpha=cands[best][0], form=cands[best][1], elements=n, share=float(hits[best]) / n,  # type: ignore[arg-type]
        share_kept=float(hits_kept[best]) / n_kept if n_kept > 0 else None, share_equal_base=equal_base / n,
    )
    measured = kappa(rss, n_kept, ulp2)
    if measured is not None:  # the direct residual is exact even where RSS/y'y is near float64 eps
        result.kappa, result.kappa_elements = measured, int(n_kept)
