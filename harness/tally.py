"""From classified samples to shares with honest intervals.

Two intervals per share: Wilson's score interval treats every sample as independent; the
prompt-clustered bootstrap resamples whole prompts (with all their samples), which is honest when
samples of one prompt resemble each other, as they do.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.stats import binomtest

Z95 = 0.95
BOOTSTRAP_DRAWS = 2000


def wilson(k: int, n: int, level: float = Z95) -> tuple[float, float]:
    """Wilson score interval for k successes out of n (``(nan, nan)`` when n is 0)."""
    if n == 0:
        return float("nan"), float("nan")
    ci = binomtest(k, n).proportion_ci(confidence_level=level, method="wilson")
    return float(ci.low), float(ci.high)


def cluster_bootstrap(counts: np.ndarray, totals: np.ndarray, seed: int = 0, draws: int = BOOTSTRAP_DRAWS) -> np.ndarray:
    """Percentile intervals for shares when samples are nested in prompts.

    ``counts`` is prompts x labels (samples of each prompt with each label), ``totals`` the samples
    per prompt. Returns labels x 2 (low, high) at 95%.
    """
    prompts = counts.shape[0]
    if prompts == 0 or totals.sum() == 0:
        return np.full((counts.shape[1], 2), np.nan)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, prompts, size=(draws, prompts))
    numer = counts[picks].sum(axis=1)  # draws x labels
    denom = totals[picks].sum(axis=1)[:, None]
    shares = np.divide(numer, denom, out=np.zeros_like(numer, dtype=float), where=denom > 0)
    return np.percentile(shares, [2.5, 97.5], axis=0).T


def shares(df: pd.DataFrame, by: Sequence[str], column: str, labels: Sequence[str] | None = None) -> pd.DataFrame:
    """Share of answered samples per value of ``column`` within each ``by`` group.

    ``df`` holds one row per answered sample with ``prompt_id`` and ``column``. Rows out:
    the ``by`` keys, ``label``, ``k``, ``n``, ``share``, ``wilson_lo/hi``, ``cluster_lo/hi``.
    """
    rows = []
    groups = df.groupby(list(by), sort=True) if by else [((), df)]
    for key, group in groups:
        key = key if isinstance(key, tuple) else (key,)
        rows.extend(_group_rows(dict(zip(by, key)), group, column, labels))
    return pd.DataFrame(rows)


def _group_rows(keys: dict[str, object], group: pd.DataFrame, column: str, labels: Sequence[str] | None) -> list[dict[str, object]]:
    present = list(labels) if labels is not None else sorted(group[column].unique())
    table = pd.crosstab(group["prompt_id"], group[column]).reindex(columns=present, fill_value=0)
    totals = group.groupby("prompt_id").size().reindex(table.index).to_numpy()
    bounds = cluster_bootstrap(table.to_numpy(), totals)
    n = int(totals.sum())
    rows = []
    for j, label in enumerate(present):
        k = int(table[label].sum())
        lo, hi = wilson(k, n)
        rows.append(
            {**keys, "label": label, "k": k, "n": n, "share": k / n if n else float("nan"),
             "wilson_lo": lo, "wilson_hi": hi, "cluster_lo": float(bounds[j, 0]), "cluster_hi": float(bounds[j, 1])}
        )
    return rows


def mention_shares(df: pd.DataFrame, by: Sequence[str], keys: Sequence[str]) -> pd.DataFrame:
    """Overlapping counts: the share of samples that mention each key anywhere (the way the
    published Rio analysis counted "Nex" and "Nex-AGI"; one sample can count for several keys)."""
    flags = pd.DataFrame({key: df["mentions"].map(lambda found, key=key: key in found) for key in keys}, index=df.index)
    rows = []
    for key in keys:
        sub = df.assign(hit=flags[key].map({True: "yes", False: "no"}))
        part = shares(sub, by, "hit", labels=["yes"])
        part["label"] = key
        rows.append(part)
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
