"""``idprobe lineage``: the click command (registered by harness.cli). Needs numpy and scipy only."""

from __future__ import annotations

from pathlib import Path

import click

from .lineage import render_lineage, run_lineage
from .st_numpy import StError


@click.command("lineage")
@click.argument("a", type=click.Path(exists=True, path_type=Path))
@click.argument("b", type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("lineage-out"),
              show_default=True, help="Where lineage.json and lineage.md go.")
def lineage_command(a: Path, b: Path, out_dir: Path) -> None:
    """Were checkpoints A and B trained from independent initialisations?

    For every layer of two checkpoints of one (Llama-style) architecture, B's hidden units are
    matched to A's twice, from disjoint weights, with the Hungarian algorithm on cosine similarity:
    MLP neurons by their gate_proj rows and by their up_proj rows; attention heads by their q_proj
    blocks and by their o_proj column blocks. K counts the units on which the two matchings agree.
    If B was initialised independently of A, K follows the law of the fixed points of a uniform
    random permutation (about 1), known exactly, so p-values are exact however small; layers combine
    by the exact law of the sum. A shared initialisation makes K close to the number of units. A
    relabelling of B's units (which leaves B's behaviour unchanged) moves both matchings alike, so
    the test survives it, and the permutation found is reported per layer (lineage.json).

    Inputs: a .safetensors file or a folder of shards, with config.json (num_attention_heads)
    beside it for the head test. Runs without torch. Example:

    \b
        idprobe lineage ./SmolLM2-135M ./suspect-model --out lineage-out
    """
    try:
        result = run_lineage(a, b)
    except (StError, KeyError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "lineage.json").write_text(result.model_dump_json(indent=2), encoding="utf-8")
    (out_dir / "lineage.md").write_text(render_lineage(result), encoding="utf-8")
    click.echo(result.verdict)
    for t in result.tests:
        p = f"{t.p_value:.3g}" if t.p_value > 0 else f"10^{t.log10_p:.0f}"
        click.echo(f"  layer {t.layer} {t.kind}: K = {t.agreements}/{t.units}, p = {p}, "
                   f"units moved by the alignment {t.moved}")
    click.echo(f"wrote {out_dir / 'lineage.json'}, lineage.md", err=True)
