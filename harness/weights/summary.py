"""Per-layer and per-component summaries, and the verdict in plain words."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable

from .config import Thresholds
from .models import GroupSummary, TensorResult, Verdict

COMPONENT_ORDER = ("embeddings", "attention", "mlp/experts", "norms", "head", "other")


def _weighted_mean_std(values: list[float], weights: list[float]) -> tuple[float, float]:
    total = sum(weights)
    mean = sum(v * w for v, w in zip(values, weights, strict=True)) / total
    var = sum(w * (v - mean) ** 2 for v, w in zip(values, weights, strict=True)) / total
    return mean, math.sqrt(var)


def summarize(key: str, results: Iterable[TensorResult]) -> GroupSummary:
    """Tensors pooled: alpha weighted by each tensor's informative elements."""
    items = list(results)
    fitted = [r for r in items if r.alpha is not None]
    summary = GroupSummary(
        key=key, tensors=len(items), fitted=len(fitted), failed=sum(r.error is not None for r in items),
        elements=sum(r.numel for r in items),
        kept=sum(r.n_kept for r in items), alpha_mean=None, alpha_std=None, alpha_min=None,
        alpha_max=None, cos_fit_median=None, kappa_median=None, exact_share_kept=None, z_min=None,
        z_median=None,
    )
    if not fitted:
        return summary
    weights = [float(r.n_kept) for r in fitted]
    p = len(fitted[0].alpha or [])
    columns = [[(r.alpha or [])[i] for r in fitted] for i in range(p)]
    stats = [_weighted_mean_std(col, weights) for col in columns]
    summary.alpha_mean = [m for m, _ in stats]
    summary.alpha_std = [s for _, s in stats]
    summary.alpha_min = [min(col) for col in columns]
    summary.alpha_max = [max(col) for col in columns]
    summary.cos_fit_median = statistics.median(r.cos_fit for r in fitted if r.cos_fit is not None)
    kappas = [r.kappa for r in fitted if r.kappa is not None]
    summary.kappa_median = statistics.median(kappas) if kappas else None
    checked = [r for r in fitted if r.exact is not None and r.exact.share_kept is not None]
    if checked:  # pooled over informative elements, each tensor weighted by its kept share checked
        w = [r.n_kept * r.exact.elements / r.numel for r in checked]  # type: ignore[union-attr]
        summary.exact_share_kept = sum(r.exact.share_kept * wi for r, wi in zip(checked, w, strict=True)) / sum(w)  # type: ignore[union-attr,operator]
    zs = [r.z for r in fitted if r.z is not None]
    summary.z_min, summary.z_median = min(zs), statistics.median(zs)
    return summary


def by_layer(results: list[TensorResult]) -> list[GroupSummary]:
    """One summary per block number, in order; tensors outside blocks are left to the components."""
    groups: dict[int, list[TensorResult]] = defaultdict(list)
    for r in results:
        if r.layer is not None:
            groups[r.layer].append(r)
    return [summarize(str(layer), groups[layer]) for layer in sorted(groups)]


def by_component(results: list[TensorResult]) -> list[GroupSummary]:
    groups: dict[str, list[TensorResult]] = defaultdict(list)
    for r in results:
        groups[r.component].append(r)
    return [summarize(c, groups[c]) for c in COMPONENT_ORDER if c in groups]


def verdict(overall: GroupSummary, parent_labels: list[str], limits: Thresholds) -> Verdict:
    """Blend, blend plus further training, or not an interpolation; with the numbers that decide it."""
    found = _verdict(overall, parent_labels, limits)
    if overall.failed:
        found.text += f" {overall.failed} tensors could not be read and are not part of this verdict."
    return found


def _verdict(overall: GroupSummary, parent_labels: list[str], limits: Thresholds) -> Verdict:
    """The decision itself (see ``verdict``)."""
    numbers: dict[str, float | int | None] = {
        "tensors_fitted": overall.fitted, "tensors": overall.tensors, "tensors_failed": overall.failed,
        "elements_kept": overall.kept,
        "cos_fit_median": overall.cos_fit_median, "kappa_median": overall.kappa_median,
        "exact_share_kept": overall.exact_share_kept, "z_median": overall.z_median, "z_min": overall.z_min,
    }
    if overall.alpha_mean is None or overall.alpha_std is None:
        return Verdict(label="undetermined", numbers=numbers,
                       text="No tensor had enough elements where the parents differ from R to fit anything.")
    for label, mean, std in zip(parent_labels, overall.alpha_mean, overall.alpha_std, strict=True):
        numbers[f"alpha[{label}]"] = mean
        numbers[f"alpha_std[{label}]"] = std
    alpha, spread = overall.alpha_mean[0], overall.alpha_std[0]
    cos = overall.cos_fit_median or 0.0
    described = ", ".join(f"{m:.4f} of {lab} (spread {s:.4f} across tensors)"
                          for lab, m, s in zip(parent_labels, overall.alpha_mean, overall.alpha_std, strict=True))
    if abs(alpha) < limits.min_alpha or cos < limits.min_cos_fit or spread > limits.max_alpha_spread:
        why = [f"the weight of {parent_labels[0]} is {alpha:.4f}" if abs(alpha) < limits.min_alpha else "",
               f"the parents explain little of S-R (median cos_fit {cos:.3f})" if cos < limits.min_cos_fit else "",
               f"alpha varies across tensors (spread {spread:.3f})" if spread > limits.max_alpha_spread else ""]
        reasons = "; ".join(w for w in why if w)
        text = f"{reasons[:1].upper()}{reasons[1:]}. Fitted weights: {described}."
        return Verdict(label="not an interpolation", text=text, numbers=numbers)
    kap = overall.kappa_median
    exact = overall.exact_share_kept
    consistent = (f"One weight fits every tensor: {described}; median cos_fit {cos:.4f}, "
                  f"cos_fit*sqrt(n) puts the median tensor {overall.z_median:,.0f} standard deviations from a random "
                  f"direction (smallest {overall.z_min:,.0f}).")
    if kap is not None and kap <= limits.max_blend_kappa:
        text = (f"{consistent} The residual is {kap:.2f} times the storage rounding noise (1 for a "
                f"float32 merge stored in the suspect's dtype, about 1.8 for one computed in bf16).")
        if abs(alpha - 1.0) < limits.min_alpha and len(parent_labels) == 1:
            text += f" With alpha near 1 the suspect is essentially {parent_labels[0]} itself."
        if exact is not None:
            text += f" A float32 linear merge reproduces {exact:.1%} of the informative elements bit for bit."
            if exact < limits.min_exact_share:
                text += " That share is low: the merge arithmetic differs from a plain float32 interpolation."
        return Verdict(label="blend", text=text, numbers=numbers)
    floor = f"{kap:.1f} times the storage rounding noise" if kap is not None else "of unknown size (no ulp grid)"
    text = (f"{consistent} But the residual is {floor}, far above what "
            f"rounding a merge leaves, so the weights changed after blending.")
    if exact is not None:
        text += f" Only {exact:.1%} of informative elements match a float32 merge bit for bit."
    return Verdict(label="blend plus further training", text=text, numbers=numbers)
