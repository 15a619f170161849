"""Were two checkpoints trained from independent initialisations? A matching test that survives permutations.

In the spirit of Zhu, Ahmed, Kuditipudi and Liang, "Independence Tests for Language Models" (ICML
2025), constrained setting. Per layer and per kind of hidden unit (MLP neurons; attention heads):

* match B's units to A's twice, from two disjoint sets of weights, with the Hungarian algorithm
  (scipy's linear_sum_assignment) on cosine similarity: pi from the gate rows (query blocks for
  heads), rho from the up rows (output-projection column blocks for heads);
* the statistic is K, the number of units on which the two matchings agree.

Null: if B was initialised independently of A and its units are exchangeable (i.i.d. initialisation
of units, and training that treats units alike), rho is a uniformly random relabelling relative to
pi, so K is the number of fixed points of a uniform random permutation of n units. Its law is known
exactly (rencontres numbers: P(K = k) = (1/k!) sum_{j<=n-k} (-1)^j / j!), which gives exact p-values
without simulation, however small. Tests of several layers are combined by the exact law of the sum
of independent such counts; where that sum is beyond the computed range, P(S >= s) <= L^s / s!
(L tests; factorial moments) bounds it. A permutation of B's units (an adversary's relabelling)
moves pi and rho alike, so K is unchanged: the test survives it, and pi is the permutation found.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict
from scipy.optimize import linear_sum_assignment

from .st_numpy import StCheckpoint, StError

_LAYER = re.compile(r"^(.*\.layers\.(\d+)\.)mlp\.gate_proj\.weight$")
TAIL_TERMS = 400


class LayerTest(BaseModel):
    """One test: the units of one kind in one layer."""

    model_config = ConfigDict(extra="forbid")

    layer: int
    kind: str
    """mlp (neurons) or heads (attention query heads)."""
    units: int
    agreements: int
    """K: units on which the two independent matchings agree."""
    p_value: float
    log10_p: float
    matched_cosine: float
    """Mean cosine of matched units under the alignment found (combined weights)."""
    permutation: list[int]
    """pi: B's unit matched to each of A's units, from all of the unit's weights together."""
    moved: int
    """Units the permutation moves (0 when B is in A's order)."""


class LineageResult(BaseModel):
    """Everything in lineage.json."""

    model_config = ConfigDict(extra="forbid")

    tool: str = "idprobe lineage"
    a: Path
    b: Path
    tests: list[LayerTest]
    agreements: int
    p_value: float
    log10_p: float
    verdict: str


def _unit_rows(x: np.ndarray) -> np.ndarray:
    x = x.reshape(x.shape[0], -1).astype(np.float64)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-30)


def match(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """perm with perm[i] = the unit of b matched to unit i of a (rows are units), maximal total cosine."""
    sim = _unit_rows(a) @ _unit_rows(b).T
    rows, cols = linear_sum_assignment(-sim)
    perm = np.empty(len(rows), dtype=np.int64)
    perm[rows] = cols
    return perm


def rencontres_pmf(n: int, terms: int = TAIL_TERMS) -> np.ndarray:
    """P(K = k), k < terms, for the fixed points K of a uniform random permutation of n items."""
    inv_fact = [1.0 / math.factorial(j) for j in range(min(n, 170) + 1)]
    out = np.zeros(terms)
    for k in range(min(n, terms - 1) + 1):
        s = sum((-1) ** j * inv_fact[j] for j in range(min(n - k, 170) + 1))
        out[k] = math.exp(-math.lgamma(k + 1)) * s
    return np.clip(out, 0.0, None)


def tail(pmf: np.ndarray, k: int, tests: int) -> tuple[float, float]:
    """P(S >= k) as (p, log10 p): exact from the pmf in range, the factorial-moment bound beyond."""
    if k < len(pmf) - 1:
        p = float(pmf[k:].sum())
        if p > 0:
            return min(1.0, p), math.log10(min(1.0, p))
    log10 = (k * math.log(max(tests, 1)) - math.lgamma(k + 1)) / math.log(10)
    return 10.0 ** log10 if log10 > -300 else 0.0, min(0.0, log10)


def _heads(w: np.ndarray, heads: int, rows: bool) -> np.ndarray:
    """Per-head blocks of a projection: rows (q_proj) or columns (o_proj), flattened per head."""
    if rows:
        return w.reshape(heads, -1)
    hidden = w.shape[0]
    return w.reshape(hidden, heads, -1).transpose(1, 0, 2).reshape(heads, -1)


def _one_test(layer: int, kind: str, first: tuple[np.ndarray, np.ndarray], second: tuple[np.ndarray, np.ndarray],
              both: tuple[np.ndarray, np.ndarray]) -> LayerTest:
    pi, rho = match(*first), match(*second)
    n = len(pi)
    k = int((pi == rho).sum())
    p, log10 = tail(rencontres_pmf(n), k, 1)
    perm = match(*both)
    a, b = _unit_rows(both[0]), _unit_rows(both[1])
    cos = float(np.mean(np.sum(a * b[perm], axis=1)))
    return LayerTest(layer=layer, kind=kind, units=n, agreements=k, p_value=p, log10_p=log10, matched_cosine=cos,
                     permutation=perm.tolist(), moved=int((perm != np.arange(n)).sum()))


def layer_tests(a: StCheckpoint, b: StCheckpoint) -> list[LayerTest]:
    """The MLP and attention-head tests of every layer both checkpoints hold."""
    heads = int(a.config.get("num_attention_heads", 0) or 0)
    out = []
    prefixes = sorted({(int(m.group(2)), m.group(1)) for n in a.entries if (m := _LAYER.match(n))})
    for layer, pre in prefixes:
        g = [c.get(pre + "mlp.gate_proj.weight") for c in (a, b)]
        u = [c.get(pre + "mlp.up_proj.weight") for c in (a, b)]
        d = [c.get(pre + "mlp.down_proj.weight").T for c in (a, b)]
        both = tuple(np.concatenate([gi, ui, di], axis=1) for gi, ui, di in zip(g, u, d, strict=True))
        out.append(_one_test(layer, "mlp", (g[0], g[1]), (u[0], u[1]), both))
        q_name, o_name = pre + "self_attn.q_proj.weight", pre + "self_attn.o_proj.weight"
        if heads > 1 and q_name in a.entries and q_name in b.entries:
            q = [_heads(c.get(q_name), heads, True) for c in (a, b)]
            o = [_heads(c.get(o_name), heads, False) for c in (a, b)]
            both = tuple(np.concatenate([qi, oi], axis=1) for qi, oi in zip(q, o, strict=True))
            out.append(_one_test(layer, "heads", (q[0], q[1]), (o[0], o[1]), both))
    return out


def combine(tests: list[LayerTest]) -> tuple[int, float, float]:
    """Total agreements and its exact p-value under independence of the per-test counts."""
    pmf = np.zeros(TAIL_TERMS)
    pmf[0] = 1.0
    for t in tests:
        pmf = np.convolve(pmf, rencontres_pmf(t.units))[:TAIL_TERMS]
    total = sum(t.agreements for t in tests)
    p, log10 = tail(pmf, total, len(tests))
    return total, p, log10


def run_lineage(a_path: Path, b_path: Path) -> LineageResult:
    """Test A against B; raises StError for unreadable inputs or ones with no comparable layer."""
    a, b = StCheckpoint(a_path), StCheckpoint(b_path)
    tests = layer_tests(a, b)
    if not tests:
        raise StError(f"{a_path}: no layers with mlp.gate_proj/up_proj/down_proj weights to compare")
    total, p, log10 = combine(tests)
    expected = len(tests)
    if log10 < -6:
        verdict = (f"Not independent: the two matchings agree on {total} units where independent "
                   f"initialisations give about {expected} (p <= 10^{log10:.0f}). B shares its initialisation "
                   "(and, per layer below, its units) with A.")
    else:
        verdict = (f"Consistent with independent initialisations: {total} agreements, about {expected} expected "
                   f"by chance (p = {p:.3g}).")
    return LineageResult(a=a_path, b=b_path, tests=tests, agreements=total, p_value=p, log10_p=log10,
                         verdict=verdict)


def md_escape(text: object) -> str:
    """Backslash-escape Markdown syntax (paths come from the command line, but may hold anything)."""
    return re.sub(r"([\\`*_{}\[\]()#+!|<>~])", r"\\\1", str(text)).replace("\n", " ")


def render_lineage(result: LineageResult) -> str:
    """The result as Markdown: verdict, then one row per test (paths and names escaped)."""
    rows = [f"| {t.layer} | {t.kind} | {t.units:,} | {t.agreements:,} | {t.p_value:.3g} | {t.log10_p:.1f} | "
            f"{t.matched_cosine:.4f} | {t.moved:,} |" for t in result.tests]
    return "\n".join([
        "## Lineage: trained from independent initialisations?", "",
        md_escape(result.verdict), "",
        f"A = {md_escape(result.a)}; B = {md_escape(result.b)}. Combined: {result.agreements:,} agreements over "
        f"{len(result.tests)} tests, p = {result.p_value:.3g} (log10 p = {result.log10_p:.1f}).", "",
        "| layer | units | n | agreements K | p | log10 p | matched cosine | units moved by the alignment |",
        "|---:|---|---:|---:|---:|---:|---:|---:|", *rows, "",
    ])
