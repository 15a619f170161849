"""The ``report``, ``compare`` and ``check`` commands (registered by ``harness.cli``).

Exit statuses, the same for all three: 0 success (for ``check``: every expectation holds),
1 an expectation does not hold (``check`` only), 2 a usage or input error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
RUN_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


def _usage_error(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_USAGE)


@click.command("report")
@click.argument("run_dir", type=RUN_DIR)
@click.option("--format", "formats", default="html,md,json,csv", show_default=True,
              help="Comma-separated outputs: html, md, json, csv, parquet (parquet needs pyarrow).")
@click.option("--weights", "weights_dir", type=RUN_DIR,
              help="Directory holding weights.json from `idprobe weights`, to embed (default: RUN_DIR).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the outputs (default: RUN_DIR).")
def report_command(run_dir: Path, formats: str, weights_dir: Path | None, out_dir: Path | None) -> None:
    """Render RUN_DIR's report from its stored results (again after a classifier or lexicon
    update, for instance); the results themselves are never changed.

    \b
    Outputs (next to the results unless --out):
      report.html         one self-contained page: no network, no external files
      report.md           a summary to paste into an issue (model text as code)
      report.json         the numbers shown in the page, for machines
      tallies.csv         every share with both 95% intervals
      completions.csv     every sample with its classification
      completions.parquet the same, text exact (--format parquet)

    Exit status: 0 written, 2 usage or input error.
    """
    from harness.exports import ExportError, parse_formats
    from harness.report import write_report
    from harness.results import RunNotFound

    try:
        first = write_report(run_dir, parse_formats(formats), weights_dir=weights_dir, out_dir=out_dir)
    except (RunNotFound, ExportError) as exc:
        _usage_error(str(exc))
        return
    click.echo(f"report: {first}")


@click.command("compare")
@click.argument("run_dirs", nargs=-1, required=True, type=RUN_DIR)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write compare.html, compare.md and compare.json here.")
@click.option("--allow-different-suites", is_flag=True,
              help="Compare runs of different suites (by SHA-256) anyway; the outputs say so.")
def compare_command(run_dirs: tuple[Path, ...], out_dir: Path | None, allow_different_suites: bool) -> None:
    """Compare two or more runs side by side: a suspect and its suspected parents or controls,
    or release N and N+1. The first run is the reference.

    Per condition and identity: shares with 95% intervals, the difference from the first run
    with a prompt-clustered bootstrap interval, Fisher's exact test, and Holm's correction over
    every test of the comparison. Prints the Markdown table; --out also writes HTML and JSON.

    Refuses runs of different suites (their manifests' suite SHA-256 differ), because shares from
    different prompts are not comparable, unless --allow-different-suites.

    Exit status: 0 compared, 2 usage or input error (including different suites).
    """
    from harness.compare import CompareError, load_and_compare, write_comparison
    from harness.report import environment
    from harness.results import RunNotFound

    try:
        result = load_and_compare(list(run_dirs), allow_different_suites)
    except (CompareError, RunNotFound) as exc:
        _usage_error(str(exc))
        return
    click.echo(environment().get_template("compare.md.j2").render(r=result))
    if out_dir is not None:
        for path in write_comparison(result, out_dir):
            click.echo(f"wrote {path}", err=True)


@click.command("check")
@click.argument("run_dir", type=RUN_DIR)
@click.option("--expect", "expectations", multiple=True, metavar="ID>=X|ID<=X",
              help="An expectation such as 'rio>=0.5' or 'nex<=5%'. Repeatable; all must hold.")
@click.option("--condition", "conditions", multiple=True,
              help="Condition to check (repeatable). Default: the suite's one condition without a system prompt.")
@click.option("--interval", type=click.Choice(["wider", "cluster", "wilson"]), default="wider", show_default=True,
              help="Which 95% interval decides: cluster (prompt-clustered bootstrap), wilson, or wider "
                   "(the less favourable bound of the two).")
def check_command(run_dir: Path, expectations: tuple[str, ...], conditions: tuple[str, ...], interval: str) -> None:
    """Release gate: check identity shares of RUN_DIR at the 95% level.

    ID>=X holds when the lower bound of the share's 95% interval is at least X; ID<=X holds
    when its upper bound is at most X. X is a fraction (0.5) or a percentage (50%); ID is a
    lexicon identity key, `other` or `none`. Prints one line per expectation and condition.

    \b
    Exit status:
      0  every expectation holds
      1  at least one expectation does not hold (its line starts with FAIL)
      2  usage or input error: bad expectation syntax, unknown identity or condition, not a run
    """
    from harness.check import CheckUsageError, run_checks
    from harness.results import RunNotFound, load_run

    try:
        outcomes = run_checks(load_run(run_dir), list(expectations), conditions, interval)  # type: ignore[arg-type]
    except (CheckUsageError, RunNotFound) as exc:
        _usage_error(str(exc))
        return
    for outcome in outcomes:
        click.echo(outcome.line())
    sys.exit(EXIT_OK if all(o.passed for o in outcomes) else EXIT_FAILED)
