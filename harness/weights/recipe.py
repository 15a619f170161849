"""Which merge recipe explains the suspect, and with which parameters (from the per-tensor evidence).

The decision, in order:

1. Sparse or dense. TIES and DARE leave a large share of moved elements exactly at R (the trim);
   linear, SLERP and task arithmetic leave none (a weight above 0.15 always moves a 4-ulp step).
2. Dense: SLERP if the coefficient of R itself is present and matches SLERP's prediction at the
   tensor's angle; "linear or SLERP" where mergekit's SLERP falls back to linear (cos > 0.9995) or
   the prediction is below the noise; task arithmetic if the weights cannot come from a normalized
   linear merge (they sum above 1 or one is negative); linear otherwise (then task arithmetic with
   the same weights gives the same model, which the report says).
3. Sparse: TIES if a magnitude cut predicts which elements a parent contributes to (top-k), DARE
   if contributions are random in magnitude; sign election if elements where the parents' signs
   disagree are (almost) never mixed.
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from .models import Method, Recipe, TensorResult

SPARSE_AT_BASE = 0.05
"""Share of moved elements exactly at R above which a drop (TIES/DARE trim) is assumed. Dense merges of
two parents reach about 2% where the parents' changes cancel; TIES and DARE at density <= 0.9 leave more."""
TIES_MAX_TRIM_ERROR = 0.5
ELECTION_SINGLE_SHARE = 0.85


def _wmean(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total if total > 0 else None


def _median(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return statistics.median(vals) if vals else None


def infer_recipe(results: list[TensorResult], labels: list[str], alpha: list[float] | None) -> Recipe:
    """The recipe over all fitted tensors; ``alpha`` is the overall linear fit (one per parent)."""
    with_evidence = [r for r in results if r.recipe is not None and r.recipe.moved > 0]
    if not with_evidence:
        return Recipe(method="unknown", text="No tensor had elements where the parents differ from R.")
    at_base = _wmean([(r.recipe.share_at_base or 0.0, r.recipe.moved) for r in with_evidence])  # type: ignore[union-attr]
    evidence: dict[str, float | int | None] = {"share_at_base": at_base, "tensors": len(with_evidence)}
    if (at_base or 0.0) >= SPARSE_AT_BASE:
        return _sparse(with_evidence, labels, evidence)
    return _dense([r for r in with_evidence if r.alpha is not None], labels, alpha, evidence)


def _dense(results: list[TensorResult], labels: list[str], alpha: list[float] | None,
           evidence: dict[str, float | int | None]) -> Recipe:
    if not results or alpha is None:
        return Recipe(method="unknown", evidence=evidence, text="No tensor could be fitted.")
    families: dict[str, int] = defaultdict(int)
    for r in results:
        families[r.recipe.family or "none"] += r.n_kept  # type: ignore[union-attr]
    evidence.update({f"kept_elements_{k.replace(' ', '_')}": v for k, v in families.items()})
    evidence["kappa_with_base_median"] = _median([r.recipe.kappa_with_base for r in results])  # type: ignore[union-attr]
    decisive = families["slerp"] + families["linear"]
    if len(labels) == 1 and families["slerp"] > 0.5 * decisive and decisive > 0:
        return _slerp(results, labels, evidence, fallback=False)
    if len(labels) == 1 and decisive == 0 and families["linear or slerp"] > 0:
        return _slerp(results, labels, evidence, fallback=True)
    return _linear(results, labels, alpha, evidence)


def _by_layer(results: list[TensorResult], value: str) -> dict[str, float]:
    groups: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for r in results:
        v = getattr(r.recipe, value, None) if value == "slerp_t" else (r.alpha[0] if r.alpha else None)
        if r.layer is not None and v is not None:
            groups[r.layer].append((v, float(r.n_kept)))
    return {str(k): round(_wmean(groups[k]) or 0.0, 5) for k in sorted(groups)}


def _slerp(results: list[TensorResult], labels: list[str], evidence: dict[str, float | int | None],
           fallback: bool) -> Recipe:
    ts = [(r.recipe.slerp_t, float(r.n_kept)) for r in results if r.recipe and r.recipe.slerp_t is not None]
    t = _wmean(ts)
    values = [v for v, _ in ts]
    profile = _by_layer(results, "slerp_t")
    params = {"t": t, "t_min": min(values), "t_max": max(values), "t_by_layer": profile}
    cos = _median([r.recipe.cos_base_parent for r in results if r.recipe])
    evidence["cos_base_parent_median"] = cos
    varies = (max(values) - min(values)) > 0.02
    shape = (f"t varies from {min(values):.3f} to {max(values):.3f} across tensors (a per-layer gradient)"
             if varies else f"t = {t:.4f} in every tensor")
    if fallback:
        text = (f"Linear or SLERP with t = {t:.4f} toward {labels[0]}: R and the parent are nearly parallel "
                f"(median cosine {cos:.6f} > 0.9995), where mergekit's SLERP itself interpolates linearly, "
                f"so the two recipes give the same weights here; {shape}.")
        return Recipe(method="linear", params={"alpha": [t], **params}, alternatives=["slerp"], text=text,
                      evidence=evidence)
    text = (f"SLERP between R and {labels[0]}: {shape}. Norms grow as SLERP's do (S - R has a component "
            f"along R itself, as predicted from the angle between R and the parent; median cosine {cos:.4f}).")
    return Recipe(method="slerp", params=params, text=text, evidence=evidence)


def _linear(results: list[TensorResult], labels: list[str], alpha: list[float],
            evidence: dict[str, float | int | None]) -> Recipe:
    spread = max((max(v) - min(v)) for v in zip(*[r.alpha for r in results if r.alpha], strict=True))
    params: dict[str, object] = {"weights": alpha}
    if spread > 0.02:
        params["alpha_by_layer_first_parent"] = _by_layer(results, "alpha")
    described = ", ".join(f"{a:.4f} x ({lab} - R)" for a, lab in zip(alpha, labels, strict=True))
    if sum(alpha) > 1.02 or min(alpha) < -0.02:
        text = (f"Task arithmetic: S = R + {described}. The weights sum to {sum(alpha):.3f}, which no "
                "normalized linear merge of these models gives.")
        return Recipe(method="task_arithmetic", params=params, text=text, evidence=evidence)
    params["alpha"] = alpha
    base_weight = 1.0 - sum(alpha)
    text = (f"Linear merge: S = R + {described} (the base keeps weight {base_weight:.4f}). Task arithmetic "
            "with the same weights gives the same model; the two cannot be told apart from the weights.")
    if spread > 0.02:
        text += f" The weights vary across tensors by up to {spread:.3f} (a per-layer gradient)."
    return Recipe(method="linear", params=params, alternatives=["task_arithmetic"], text=text, evidence=evidence)


def _sparse(results: list[TensorResult], labels: list[str], evidence: dict[str, float | int | None]) -> Recipe:
    p = len(labels)
    recs = [r.recipe for r in results if r.recipe is not None]
    at_base = float(evidence["share_at_base"] or 0.0)
    trim = _median([e for rec in recs for e in rec.trim_error])
    sole = [_median([rec.sole_coefficient[i] for rec in recs]) for i in range(p)]
    evidence.update({"trim_error_median": trim, "share_at_parent": None})
    if all(c is None for c in sole) and trim is None:
        return Recipe(method="unknown", evidence=evidence,
                      text=f"{at_base:.1%} of moved elements equal R exactly, but what remains matches no parent.")
    election = _election(recs, evidence) if p > 1 else None
    if trim is not None and trim < TIES_MAX_TRIM_ERROR:
        return _ties(recs, labels, evidence, election)
    return _dare(recs, labels, evidence, election, sole, at_base)


def _election(recs: list, evidence: dict[str, float | int | None]) -> bool | None:
    dis = _median([rec.single_share_disagree for rec in recs])
    agree = _median([rec.single_share_agree for rec in recs])
    evidence["single_share_disagree"], evidence["single_share_agree"] = dis, agree
    if dis is None:
        return None
    return dis >= ELECTION_SINGLE_SHARE


def _ties(recs: list, labels: list[str], evidence: dict[str, float | int | None], election: bool | None) -> Recipe:
    p = len(labels)
    density = [_median([rec.magnitude_density[i] for rec in recs]) for i in range(p)]
    params: dict[str, object] = {"density": density, "sign_election": election}
    text = ("TIES: each parent's change was trimmed to its largest-magnitude elements (density "
            + ", ".join(f"{d:.2f} for {lab}" if d is not None else f"? for {lab}" for d, lab in zip(density, labels, strict=True))
            + "). ")
    mixed = [rec.mixed_weights for rec in recs if rec.mixed_weights]
    if p > 1 and mixed:
        rel = [statistics.median(m[i] for m in mixed) for i in range(p)]
        total = sum(rel)
        params["relative_weights"] = [v / total for v in rel] if total else rel
        text += ("Where several parents contribute, their weights relate as "
                 + " : ".join(f"{v / total:.3f}" for v in rel) + "; TIES divides by the sum of the weights, "
                 "so only this ratio can be told, not the weights themselves or lambda. ")
    else:
        text += "With a single contributing parent TIES normalizes the weight away: it cannot be told. "
    text += _election_words(election)
    return Recipe(method="ties", params=params, text=text.strip(), evidence=evidence)


def _election_words(election: bool | None) -> str:
    if election is None:
        return "Sign election cannot be told with one parent (nothing to disagree with)."
    if election:
        return "Where the parents' signs disagree only one of them survives: sign election."
    return "Elements where the parents' signs disagree are mixed: no sign election."


def _dare(recs: list, labels: list[str], evidence: dict[str, float | int | None], election: bool | None,
          sole: list[float | None], at_base: float) -> Recipe:
    p = len(labels)
    # Drops are independent across parents; with one density for all, P(all dropped) = (1 - d)^p.
    density = 1.0 - at_base ** (1.0 / p)
    weights = [None if c is None else c * density for c in sole]
    params: dict[str, object] = {"density": density, "sign_election": election, "rescaled_coefficient": sole,
                                 "weights": weights}
    method: Method = "dare_ties" if election else "dare_linear"
    text = (f"DARE: a random {1 - density:.2f} of each change was dropped, whatever its size, and the rest "
            f"rescaled; a sole contributor appears with coefficient "
            + ", ".join(f"{c:.3f} ({lab})" if c is not None else f"? ({lab})" for c, lab in zip(sole, labels, strict=True))
            + f" = weight / density, so with density {density:.2f} (assumed equal for all parents) the weights are "
            + ", ".join(f"{w:.3f}" if w is not None else "?" for w in weights) + ". ")
    text += _election_words(election)
    alternatives = ["dare_ties"] if election is None else []
    if election is None:
        text += " dare_ties and dare_linear are the same merge with one parent."
    return Recipe(method=method, params=params, alternatives=alternatives, text=text, evidence=evidence)
