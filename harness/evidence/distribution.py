"""Whose answers does the suspect's distribution match? A two-sample test per prompt, combined.

Names are one clue; the whole answer is another, and the only one when a model declines to name
itself. For each (prompt, condition) the suspect's answers and another run's answers are two
samples; the statistic is the (biased) squared maximum mean discrepancy, MMD², with a character
n-gram kernel: each answer becomes its case-folded 3- and 4-gram counts, scaled to unit length, and
the kernel is their cosine. MMD² is 0 for identical samples and grows as the two sets of answers
use different wording.

Combining prompts: the statistic of a run pair is the sum of the per-prompt MMD² values. Under the
null "both runs draw their answers from the same distribution, prompt by prompt", the labels of
the answers to one prompt are exchangeable, and nothing else is. So each permutation shuffles the
labels within every prompt at once and sums again: one permutation p-value for the whole suite, valid
whatever the dependence between prompts, with no independence assumption across them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp

from harness.evidence.answers import Answers, Key

NGRAMS = (3, 4)
PERMUTATIONS = 4999
ALPHA = 0.05


def featurize(texts: list[str]) -> sp.csr_matrix:
    """Rows of unit-length character n-gram counts (an empty answer is a zero row)."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for row, text in enumerate(texts):
        padded = f" {' '.join(text.casefold().split())} "
        for n in NGRAMS:
            for i in range(max(len(padded) - n + 1, 0)):
                rows.append(row)
                cols.append(vocab.setdefault(padded[i : i + n], len(vocab)))
    counts = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), max(len(vocab), 1)))
    counts.sum_duplicates()
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    return sp.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ counts


@dataclass
class Group:
    """One (prompt, condition): the kernel over both runs' answers, the suspect's first."""

    key: Key
    kernel: np.ndarray
    m: int
    n: int

    def weights(self) -> np.ndarray:
        """+1/m for the suspect's answers, -1/n for the other's: MMD² is w'Kw."""
        return np.concatenate([np.full(self.m, 1 / self.m), np.full(self.n, -1 / self.n)])


def groups(suspect: Answers, other: Answers) -> list[Group]:
    """The (prompt, condition) pairs both runs answered, each with its Gram matrix."""
    keys = sorted(k for k in suspect if suspect[k] and other.get(k))
    texts = [t for k in keys for t in suspect[k] + other[k]]
    features = featurize(texts)
    out, row = [], 0
    for key in keys:
        m, n = len(suspect[key]), len(other[key])
        block = features[row : row + m + n]
        out.append(Group(key, (block @ block.T).toarray(), m, n))
        row += m + n
    return out


def permuted_statistics(group: Group, rng: np.random.Generator, draws: int) -> np.ndarray:
    """MMD² of this group under ``draws`` random relabellings (one row of weights per draw)."""
    base = np.broadcast_to(group.weights(), (draws, group.m + group.n))
    shuffled = rng.permuted(base, axis=1)
    return np.einsum("bi,ij,bj->b", shuffled, group.kernel, shuffled)


def mmd_test(suspect: Answers, other: Answers, permutations: int = PERMUTATIONS, seed: int = 0) -> dict[str, Any]:
    """The combined test of ``suspect`` against ``other`` over the prompts both answered.

    Returns the summed statistic (and its mean per prompt), the permutation p-value, and per prompt
    the MMD² with its own permutation p-value (from the same draws).
    """
    found = groups(suspect, other)
    if not found:
        return {"prompts": 0, "statistic": None, "mean_mmd2": None, "p": None, "per_prompt": []}
    rng = np.random.default_rng(seed)
    observed = np.array([g.weights() @ g.kernel @ g.weights() for g in found])
    draws = np.stack([permuted_statistics(g, rng, permutations) for g in found])  # groups x draws
    total = float(observed.sum())
    p = (1 + int((draws.sum(axis=0) >= total - 1e-12).sum())) / (permutations + 1)
    per_p = (1 + (draws >= observed[:, None] - 1e-12).sum(axis=1)) / (permutations + 1)
    per_prompt = [{"prompt_id": g.key[0], "condition": g.key[1], "mmd2": float(o), "p": float(q)}
                  for g, o, q in zip(found, observed, per_p)]
    return {"prompts": len(found), "statistic": total, "mean_mmd2": total / len(found), "p": p,
            "per_prompt": per_prompt, "permutations": permutations}


def compare_runs(suspect: Answers, others: dict[str, Answers], condition: str, seed: int = 0,
                 permutations: int = PERMUTATIONS) -> dict[str, Any]:
    """The suspect under ``condition`` against each other run: test, verdict, and the closest run
    (the smallest mean MMD², i.e. the run whose answers its own resemble most)."""
    mine = {k: v for k, v in suspect.items() if k[1] == condition}
    rows = []
    for name, answers in others.items():
        result = mmd_test(mine, {k: v for k, v in answers.items() if k[1] == condition}, permutations, seed)
        if result["p"] is None:
            continue
        verdict = "differs from" if result["p"] < ALPHA else "indistinguishable from"
        rows.append({"run": name, "verdict": verdict, **result,
                     "prompts_differing": sum(1 for x in result["per_prompt"] if x["p"] < ALPHA)})
    closest = min(rows, key=lambda r: r["mean_mmd2"])["run"] if rows else None
    return {"condition": condition, "alpha": ALPHA, "closest": closest, "runs": rows}
