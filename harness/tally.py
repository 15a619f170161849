"""From classified samples to shares with honest intervals.

Two intervals per share: Wilson's score interval treats every sample as independent; the
prompt-clustered interval (``cluster_lo``/``cluster_hi``, :func:`harness.stats.share_interval`) is
Wilson on the effective sample size left after the intra-prompt correlation, which is honest when
samples of one prompt resemble each other, as they do. It is never zero-width.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.stats import binomtest

from harness.stats import share_intervals

Z95 = 0.95


def wilson(k: int, n: int, level: float = Z95) -> tuple[float, float]:
    """Wilson score interval for k successes out of n (``(nan, nan)`` when n is 0)."""
    if n == 0:
        return float("nan"), float("nan")
    ci = binomtest(k, n).proportion_ci(confidence_level=level, method="wilson")
    return float(ci.low), float(ci.high)


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
    hits = table.to_numpy(dtype=float).T  # labels x prompts
    lows, highs = share_intervals(hits, np.broadcast_to(totals.astype(float), hits.shape))
    n = int(totals.sum())
    rows = []
    for j, label in enumerate(present):
        k = int(table[label].sum())
        lo, hi = wilson(k, n)
        rows.append(
            {**keys, "label": label, "k": k, "n": n, "share": k / n if n else float("nan"),
             "wilson_lo": lo, "wilson_hi": hi, "cluster_lo": float(lows[j]), "cluster_hi": float(highs[j])}
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
