"""The ``history`` command (registered by ``harness.cli``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

RUN_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


@click.command("history")
@click.argument("run_dirs", nargs=-1, required=True, type=RUN_DIR)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Write history.html, history.md, history.json and history.csv here.")
def history_command(run_dirs: tuple[Path, ...], out_dir: Path) -> None:
    """Show a model's identity shares release after release, and flag the releases where a
    share moved.

    Give one run directory per release, all of the SAME suite (others are refused). Releases are
    ordered by the target's `released` date, then its `release` string, then the run's start time;
    set both in the target config:

    \b
      release: "1.3"
      released: 2026-11-02

    Each release is compared with the previous one per condition and identity by a paired
    permutation test over prompts, Holm-corrected over the identities; history.json lists every
    change with `significant` for CI to read.

    \b
    Example:
      idprobe history runs/m-1.1 runs/m-1.2 runs/m-1.3 --out history/

    Exit status: 0 written, 2 usage or input error.
    """
    from harness.compare import CompareError
    from harness.report.history import HistoryError, build_history
    from harness.report.history_out import write_history
    from harness.results import RunNotFound, load_run

    try:
        history = build_history([load_run(d) for d in run_dirs])
    except (RunNotFound, CompareError, HistoryError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    paths = write_history(history, out_dir)
    click.echo(history["finding"])
    flagged = sum(c["significant"] for c in history["changes"])
    click.echo(f"{len(history['releases'])} releases, {flagged} flagged change(s); report: {paths['html']}")
