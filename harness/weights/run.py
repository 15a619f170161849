"""Run the comparison end to end: index inputs, match tensors, fan out jobs, summarise, write JSON."""

from __future__ import annotations

import hashlib
import tempfile
import time
from pathlib import Path

from tqdm import tqdm

from .config import WeightsConfig
from .engines import make_engine
from .job import analyze_tensor
from .models import FileInfo, Recipe, InputInfo, Mismatch, RunInfo, TensorResult, TensorTask, WeightsResult
from .floats import mantissa_bits
from .sources import FLOAT_DTYPES, Checkpoint, TensorRef, open_checkpoint
from .recipe import infer_recipe
from .summary import by_component, by_layer, summarize, verdict

_ITEMSIZE = {"BF16": 2, "F16": 2, "F32": 4, "F64": 8}


def _stored_bytes(ref: TensorRef) -> int:
    return ref.nbytes if ref.format == "gguf" else ref.numel * _ITEMSIZE.get(ref.dtype, 0)


def _is_float(ref: TensorRef) -> bool:
    """Float storage, or block-quantized GGUF (which dequantizes to floats); not integer tensors."""
    if ref.format == "gguf":
        return not ref.dtype.startswith("I")
    return ref.dtype in FLOAT_DTYPES


def ulp_dtype_for(refs: list[TensorRef]) -> str:
    """The coarsest float grid among the inputs: differences below its ulp are rounding, not training."""
    floats = [r.dtype for r in refs if r.dtype in FLOAT_DTYPES]
    if not floats:
        return "BF16"  # all block-quantized: bf16 spacing is the finest grid such weights came from
    return min(floats, key=mantissa_bits)


def match_tensors(
    suspect: Checkpoint, reference: Checkpoint, parents: list[Checkpoint], roles: list[str]
) -> tuple[list[tuple[TensorRef, TensorRef, tuple[TensorRef, ...]]], list[Mismatch]]:
    """Tensors present with one shape in every input; the rest, each with the reason it was left out."""
    matched: list[tuple[TensorRef, TensorRef, tuple[TensorRef, ...]]] = []
    mismatched: list[Mismatch] = []
    others = [reference, *parents]
    for name, s in suspect.tensors.items():
        refs = [c.tensors.get(name) for c in others]
        reasons = [f"missing from {role}" for role, r in zip(roles, refs, strict=True) if r is None]
        reasons += [f"shape {list(r.shape)} in {role} but {list(s.shape)} in suspect"
                    for role, r in zip(roles, refs, strict=True) if r is not None and r.shape != s.shape]
        bad_dtype = [r.dtype for r in (s, *refs) if r is not None and not _is_float(r)]
        if bad_dtype:
            reasons.append(f"not a float tensor ({bad_dtype[0]})")
        if reasons:
            mismatched.append(Mismatch(name=name, reason="; ".join(reasons)))
        else:  # no reasons: every other input holds the tensor, so no ref is None
            found = [r for r in refs if r is not None]
            matched.append((s, found[0], tuple(found[1:])))
    extra: dict[str, list[str]] = {}
    for role, ckpt in zip(roles, others, strict=True):
        for name in sorted(set(ckpt.tensors) - set(suspect.tensors)):
            extra.setdefault(name, []).append(role)
    for name, holders in extra.items():
        mismatched.append(Mismatch(name=name, reason=f"in {', '.join(holders)} but missing from suspect"))
    return matched, mismatched


def _file_info(path: Path, hash_files: bool) -> FileInfo:
    digest = None
    if hash_files:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        digest = h.hexdigest()
    return FileInfo(path=path, size=path.stat().st_size, sha256=digest)


def _roles(config: WeightsConfig) -> list[str]:
    return [f"parent {i + 1}" for i in range(len(config.parents))] + (["base"] if config.base else [])


def _plan(config: WeightsConfig) -> tuple[list[InputInfo], list[str], list[TensorTask], list[Mismatch], str]:
    """Index every input, match tensors, and make one task per matched tensor (largest first)."""
    suspect = open_checkpoint(config.suspect)
    parent_ckpts = [open_checkpoint(p) for p in config.parents]
    base_ckpt = open_checkpoint(config.base) if config.base else None
    roles = _roles(config)
    ckpts = [suspect, *parent_ckpts, *([base_ckpt] if base_ckpt else [])]
    inputs = [InputInfo(role=role, path=c.path, format=c.format, tensors=len(c.tensors),
                        files=[_file_info(f, config.hash_files) for f in c.files])
              for role, c in zip(["suspect", *roles], ckpts, strict=True)]
    reference = base_ckpt if base_ckpt else parent_ckpts[0]
    fit_ckpts = parent_ckpts if base_ckpt else parent_ckpts[1:]
    ref_role = "base" if base_ckpt else "parent 1"
    fit_roles = [r for r in roles if r not in ("base", ref_role)]
    matched, mismatched = match_tensors(suspect, reference, fit_ckpts, [ref_role, *fit_roles])
    chunk = config.chunk_elements()
    tasks = [TensorTask(suspect=s, reference=r, parents=ps, chunk_elements=chunk, min_ulps=config.min_ulps,
                        ulp_dtype=ulp_dtype_for([s, r, *ps]), exact_max_elements=config.exact_max_elements,
                        min_kept=config.thresholds.min_kept_elements)
             for s, r, ps in matched]
    tasks.sort(key=lambda t: -t.suspect.numel)  # big tensors first: better balance across workers
    labels = [f"{role} ({c.path.name})" for role, c in zip(fit_roles, fit_ckpts, strict=True)]
    return inputs, labels, tasks, mismatched, ref_role


def _aligned(config: WeightsConfig, scratch: Path) -> tuple[WeightsConfig, dict | None]:
    """With --align: the config pointing at a copy of the suspect relabelled to R's unit order."""
    if not config.align:
        return config, None
    from .permute import align_checkpoint

    folder = config.out_dir if config.out_dir is not None else scratch
    folder.mkdir(parents=True, exist_ok=True)
    info = align_checkpoint(config.reference, config.suspect, folder / "aligned-suspect.safetensors")
    return config.model_copy(update={"suspect": folder / "aligned-suspect.safetensors"}), info


def run_weights(config: WeightsConfig) -> WeightsResult:
    """Compare the suspect with its parents tensor by tensor; write ``weights.json`` if out_dir is set."""
    with tempfile.TemporaryDirectory(prefix="idprobe-align-") as scratch:
        config, aligned = _aligned(config, Path(scratch))
        result = _run(config)
    result.aligned = aligned
    if config.out_dir is not None:
        config.out_dir.mkdir(parents=True, exist_ok=True)
        (config.out_dir / "weights.json").write_text(result.model_dump_json(indent=2), encoding="utf-8")
    return result


def _run(config: WeightsConfig) -> WeightsResult:
    """The comparison itself (see ``run_weights``)."""
    started = time.perf_counter()
    inputs, labels, tasks, mismatched, ref_role = _plan(config)
    results: list[TensorResult] = []
    with make_engine(config.engine, config.workers) as engine, \
            tqdm(total=len(tasks), unit="tensor", disable=not config.progress, desc="weights") as bar:
        for res in engine.map_unordered(analyze_tensor, tasks):
            results.append(res)
            bar.update(1)
    results.sort(key=lambda r: (r.layer is None, r.layer or 0, r.name))
    overall = summarize("all", results)
    recipe = infer_recipe(results, labels, overall.alpha_mean)
    bytes_compared = sum(_stored_bytes(t.suspect) + _stored_bytes(t.reference)
                         + sum(_stored_bytes(p) for p in t.parents) for t in tasks)
    result = WeightsResult(
        reference_role=ref_role, parent_labels=labels, inputs=inputs,
        run=RunInfo(engine=config.engine, workers=config.workers, max_memory_mb=config.max_memory_mb,
                    chunk_elements=config.chunk_elements(), min_ulps=config.min_ulps,
                    elapsed_s=time.perf_counter() - started, bytes_compared=bytes_compared),
        matched=len(tasks), mismatched=mismatched, tensors=results, layers=by_layer(results),
        components=by_component(results), overall=overall,
        verdict=verdict(overall, labels, config.thresholds, recipe), recipe=recipe,
    )
    if result.verdict.label in ("not derived from these parents", "derived, recipe unknown", "undetermined"):
        result.recipe = Recipe(method="unknown", evidence=recipe.evidence,
                               text="No merge recipe reproduces the suspect from these parents.")
    return result
