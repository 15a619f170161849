"""``idprobe weights``: the click command (registered by harness.cli)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

import click
from pydantic import ValidationError

from .config import WeightsConfig
from .engines import EngineError
from .st_numpy import StError

if TYPE_CHECKING:
    from .models import WeightsResult


@click.command("weights")
@click.argument("suspect", type=click.Path(exists=True, path_type=Path))
@click.option("--parent", "parents", multiple=True, required=True, type=click.Path(exists=True, path_type=Path),
              help="A suspected parent; repeat for several. Without --base the first one serves as R.")
@click.option("--base", type=click.Path(exists=True, path_type=Path), default=None,
              help="The common base R (e.g. the model both parents were fine-tuned from).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("weights-out"),
              show_default=True, help="Where weights.json, weights.md and weights.html go.")
@click.option("--max-memory-mb", type=int, default=512, show_default=True,
              help="Budget for tensor data across all workers (interpreter overhead comes on top).")
@click.option("--engine", type=click.Choice(["process", "ray"]), default="process", show_default=True)
@click.option("--workers", type=int, default=1, show_default=True, help="Tensors analysed at once.")
@click.option("--min-ulps", type=float, default=32.0, show_default=True,
              help="Fit only elements where a parent differs from R by at least this many ulp.")
@click.option("--exact-max-elements", type=int, default=1_048_576, show_default=True,
              help="Elements per tensor checked for bit-exact reproduction (0: skip the check).")
@click.option("--hash/--no-hash", "hash_files", default=False, show_default=True,
              help="Record SHA-256 of every input file (reads everything once more).")
@click.option("--progress/--no-progress", default=True, show_default=True)
@click.option("--align", is_flag=True, default=False,
              help="Undo a permutation of the suspect's MLP neurons and attention heads (matched to R) first.")
def weights_command(suspect: Path, parents: tuple[Path, ...], base: Path | None, out_dir: Path,
                    max_memory_mb: int, engine: Literal["process", "ray"], workers: int, min_ulps: float,
                    exact_max_elements: int, hash_files: bool, progress: bool, align: bool) -> None:
    """Is SUSPECT derived from its parents, and by which merge recipe?

    Per tensor, in difference space relative to R (--base, or the first --parent), it fits
    S - R = sum_i alpha_i (P_i - R) by least squares, streamed chunk by chunk with float64 sums, and reports
    alpha with standard errors, cos_fit (how much of S - R the parents explain; 0.98-0.99 is already
    the ceiling for a perfect bf16 merge), z = cos_fit * sqrt(n), and kappa: the residual in units of
    the storage rounding noise ulp/sqrt(12). kappa is about 1 for a blend computed in float32 and
    stored in bf16, about 1.8 for one computed in bf16, and far above for any further training.
    It also counts the elements that a float32 merge with the fitted (or rounded) alpha reproduces
    bit for bit.

    Elements where every parent is within --min-ulps ulp of R are left out of the fit: there the
    bf16 grid, not the merge, decides S, and least squares would pull alpha toward a round value.

    Rounding noise is judged by the precision the values really have: a float32 tensor whose
    values all lie on the bf16 grid counts as bf16.

    The recipe (weights.json "recipe": method and params): linear (alpha), slerp (t per tensor
    and its profile over layers; "linear or SLERP" where R and the parent are nearly parallel and
    mergekit's SLERP itself falls back to linear), task_arithmetic (weights), ties (density,
    weight ratio, sign election), dare_ties / dare_linear (density, weights), or unknown.

    The verdict reads: "blend" (a linear, SLERP or task-arithmetic merge reproduces S to rounding),
    "sparse merge" (TIES or DARE), "blend plus further training" (one weight fits, residual far
    above rounding), "derived, recipe unknown" (the parents explain S - R but no recipe fits), or
    "not derived from these parents" (weights near 0 or the parents explain little of S - R).
    Use --align when hidden units may have been permuted (see idprobe lineage).

    Inputs: a .safetensors file, a directory (sharded with model.safetensors.index.json, or loose
    shards), or a .gguf file (quantized tensors are dequantized; needs pip install 'idprobe[local]').
    Tensors are matched by name and shape; the rest are listed and skipped. Runs on numpy, without
    torch. Tensor data stays within --max-memory-mb whatever the model size (each process adds
    about 50 MB for Python and numpy). Example:

    \b
        idprobe weights ./Rio --parent ./Nex-N2-Pro --base ./Qwen3.5-397B-A17B --workers 8
    """
    try:
        config = WeightsConfig(
            suspect=suspect, parents=parents, base=base, out_dir=out_dir, max_memory_mb=max_memory_mb,
            engine=engine, workers=workers, min_ulps=min_ulps, exact_max_elements=exact_max_elements,
            hash_files=hash_files, progress=progress, align=align,
        )
    except ValidationError as exc:
        raise click.UsageError("; ".join(e["msg"] for e in exc.errors())) from None
    # numpy and the fit load here, not at import: `idprobe --help` stays fast.
    from .run import run_weights
    from .sources import CheckpointError

    try:
        result = run_weights(config)
    except (CheckpointError, EngineError, StError) as exc:
        raise click.ClickException(str(exc)) from None
    _write_and_tell(result, out_dir)


def _write_and_tell(result: WeightsResult, out_dir: Path) -> None:
    """Write the Markdown and standalone HTML next to weights.json; print the verdict and any gaps."""
    from .report import render_weights_markdown, render_weights_section

    (out_dir / "weights.md").write_text(render_weights_markdown(result), encoding="utf-8")
    html = f"<!doctype html><meta charset='utf-8'><title>idprobe weights</title>\n{render_weights_section(result)}"
    (out_dir / "weights.html").write_text(html, encoding="utf-8")
    if result.mismatched:
        click.echo(f"{len(result.mismatched)} tensors not compared (see weights.json), e.g. "
                   f"{result.mismatched[0].name}: {result.mismatched[0].reason}", err=True)
    failed = [t for t in result.tensors if t.error]
    if failed:
        click.echo(f"{len(failed)} tensors could not be read, e.g. {failed[0].name}: {failed[0].error}", err=True)
    click.echo(f"{result.verdict.label}: {result.verdict.text}")
    if result.recipe is not None:
        params = ", ".join(f"{k}={_short(v)}" for k, v in result.recipe.params.items())
        also = f" (or {', '.join(result.recipe.alternatives)})" if result.recipe.alternatives else ""
        click.echo(f"recipe: {result.recipe.method}{also}" + (f"; {params}" if params else ""))
    click.echo(f"wrote {out_dir / 'weights.json'}, weights.md, weights.html", err=True)


def _short(value: object) -> str:
    """A parameter for the one-line summary: floats to 4 decimals, long maps elided."""
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list):
        return "[" + ", ".join(_short(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{...}" if len(value) > 6 else "{" + ", ".join(f"{k}: {_short(v)}" for k, v in value.items()) + "}"
    return str(value)
