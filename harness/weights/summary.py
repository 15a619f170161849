"""Per-layer and per-component summaries, and the verdict in plain words."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable

from .config import Thresholds
from .models import GroupSummary, Recipe, TensorResult, Verdict

COMPONENT_ORDER = ("embeddings", "attention", "mlp/experts", "norms", "head", "other")


def _weighted_mean_std(values: list[float], weights: list[float]) -> tuple[float, float]:
    total = sum(weights)
    mean = sum(v * w for v, w in zip(values, weights, strict=True)) / total
    var = sum(w * (v - mean) ** 2 for v, w in zip(values, weights, strict=True)) / total
    return mean, math.sqrt(var)


def _pooled_exact_share(fitted: list[TensorResult]) -> float | None:
    """Bit-exact share pooled over informative elements, each tensor weighted by its kept share
    checked; ``None`` when no tensor was checked."""
    # (weight, share) pairs: binding ``exact`` once lets mypy see both None checks.
    pairs = [(r.n_kept * exact.elements / r.numel, exact.share_kept) for r in fitted
             if (exact := r.exact) is not None and exact.share_kept is not None]
    if not pairs:
        return None
    return sum(share * w for w, share in pairs) / sum(w for w, _ in pairs)


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
    summary.exact_share_kept = _pooled_exact_share(fitted)
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


def verdict(overall: GroupSummary, parent_labels: list[str], limits: Thresholds, recipe: Recipe | None = None) -> Verdict:
    """Derived or not, by which recipe, and whether anything beyond rounding is left; with the numbers."""
    found = _verdict(overall, parent_labels, limits, recipe)
    if overall.failed:
        found.text += f" {overall.failed} tensors could not be read and are not part of this verdict."
    return found


def _numbers(overall: GroupSummary) -> dict[str, float | int | None]:
    return {
        "tensors_fitted": overall.fitted, "tensors": overall.tensors, "tensors_failed": overall.failed,
        "elements_kept": overall.kept,
        "cos_fit_median": overall.cos_fit_median, "kappa_median": overall.kappa_median,
        "exact_share_kept": overall.exact_share_kept, "z_median": overall.z_median, "z_min": overall.z_min,
    }


def _verdict(overall: GroupSummary, parent_labels: list[str], limits: Thresholds, recipe: Recipe | None) -> Verdict:
    """The decision itself (see ``verdict``)."""
    numbers = _numbers(overall)
    sparse = recipe is not None and recipe.method in ("ties", "dare_ties", "dare_linear")
    if sparse and recipe is not None:
        numbers["share_at_base"] = recipe.evidence.get("share_at_base")
        text = (f"Derived from these parents by a sparse merge, with no sign of further training. {recipe.text} "
                f"{numbers['share_at_base']:.1%} of the elements where a parent moved equal R bit for bit, and the "
                "rest match a parent's change or a mix of them: an unrelated model does neither.")
        return Verdict(label="sparse merge", text=text, numbers=numbers)
    if overall.alpha_mean is None or overall.alpha_std is None:
        return Verdict(label="undetermined", numbers=numbers,
                       text="No tensor had enough elements where the parents differ from R to fit anything.")
    for label, mean, std in zip(parent_labels, overall.alpha_mean, overall.alpha_std, strict=True):
        numbers[f"alpha[{label}]"] = mean
        numbers[f"alpha_std[{label}]"] = std
    cos = overall.cos_fit_median or 0.0
    described = ", ".join(f"{m:.4f} of {lab} (spread {s:.4f} across tensors)"
                          for lab, m, s in zip(parent_labels, overall.alpha_mean, overall.alpha_std, strict=True))
    biggest = max(abs(a) for a in overall.alpha_mean)
    if biggest < limits.min_alpha or cos < limits.min_cos_fit:
        why = [f"the largest parent weight is {biggest:.4f}" if biggest < limits.min_alpha else "",
               f"the parents explain little of S-R (median cos_fit {cos:.3f})" if cos < limits.min_cos_fit else ""]
        reasons = "; ".join(w for w in why if w)
        text = f"The parents do not explain the suspect: {reasons}. Fitted weights: {described}."
        return Verdict(label="not derived from these parents", text=text, numbers=numbers)
    return _dense_verdict(overall, parent_labels, limits, recipe, numbers, described)


def _dense_verdict(overall: GroupSummary, parent_labels: list[str], limits: Thresholds, recipe: Recipe | None,
                   numbers: dict[str, float | int | None], described: str) -> Verdict:
    """Derived: by a recipe that leaves only rounding (blend), or with more left over."""
    cos = overall.cos_fit_median or 0.0
    kap = recipe.evidence.get("kappa_with_base_median") if recipe else overall.kappa_median
    kap = kap if kap is not None else overall.kappa_median
    numbers["kappa_recipe_median"] = kap
    how = recipe.text if recipe else f"Weights: {described}."
    consistent = (f"{how} Median cos_fit {cos:.4f}; cos_fit*sqrt(n) puts the median tensor "
                  f"{overall.z_median:,.0f} standard deviations from a random direction (smallest {overall.z_min:,.0f}).")
    if isinstance(kap, (int, float)) and kap <= limits.max_blend_kappa:
        text = (f"Derived from these parents, with no sign of further training. {consistent} The residual is "
                f"{kap:.2f} times the rounding noise of the suspect's values (1 for a float32 merge rounded to their "
                f"precision, about 1.8 for one computed in bf16).")
        if len(parent_labels) == 1 and abs(overall.alpha_mean[0] - 1.0) < limits.min_alpha:  # type: ignore[index]
            text += f" With alpha near 1 the suspect is essentially {parent_labels[0]} itself."
        exact = overall.exact_share_kept
        if exact is not None and recipe is not None and recipe.method in ("linear", "task_arithmetic"):
            text += f" A float32 linear merge reproduces {exact:.1%} of the informative elements bit for bit."
        return Verdict(label="blend", text=text, numbers=numbers)
    floor = f"{kap:.1f} times the rounding noise" if isinstance(kap, (int, float)) else "of unknown size (no ulp grid)"
    one_weight = max(overall.alpha_std or [0.0]) <= limits.max_alpha_spread
    if one_weight:
        text = (f"Derived from these parents, then changed: {consistent} But the residual is {floor}, far above "
                "what rounding a merge leaves, so the weights changed after blending (further training).")
        return Verdict(label="blend plus further training", text=text, numbers=numbers)
    text = (f"Derived from these parents (they explain most of S - R: {consistent}), but no recipe modelled here "
            f"reproduces it: the residual is {floor} and the weights vary across tensors. Either it was "
            "trained after merging, or merged by a recipe idprobe does not model.")
    return Verdict(label="derived, recipe unknown", text=text, numbers=numbers)
