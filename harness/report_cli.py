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
@click.option("--overrides", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A filled review file (`idprobe review --export`): count with a person's labels, list the "
                   "changes with their reasons, keep the automatic counts beside them.")
def report_command(run_dir: Path, formats: str, weights_dir: Path | None, out_dir: Path | None,
                   overrides: Path | None) -> None:
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
    from harness.report.exports import ExportError, parse_formats
    from harness.report import write_report
    from harness.report.overrides import OverrideError
    from harness.results import RunNotFound

    try:
        first = write_report(run_dir, parse_formats(formats), weights_dir=weights_dir, out_dir=out_dir,
                             overrides=overrides)
    except (RunNotFound, ExportError, OverrideError) as exc:
        _usage_error(str(exc))
        return
    click.echo(f"report: {first}")


@click.command("compare")
@click.argument("run_dirs", nargs=-1, required=True, type=RUN_DIR)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write compare.html, compare.md and compare.json here.")
@click.option("--allow-different-suites", is_flag=True,
              help="Compare runs of different suites (by SHA-256) anyway; the outputs say so.")
@click.option("--control", "controls", multiple=True, type=RUN_DIR,
              help="A control run (a model not suspected of anything); repeatable. Compared after the parents.")
@click.option("--weights", "weights_path", type=click.Path(exists=True, path_type=Path),
              help="weights.json from `idprobe weights` (or its directory), for the case report's weights section.")
def compare_command(run_dirs: tuple[Path, ...], out_dir: Path | None, allow_different_suites: bool,
                    controls: tuple[Path, ...], weights_path: Path | None) -> None:
    """Compare two or more runs side by side: a suspect and its suspected parents or controls,
    or release N and N+1. The first run is the reference.

    Per condition and identity: shares with prompt-clustered 95% intervals, the difference from
    the first run with its 95% interval, a test that treats prompts as clusters (paired permutation
    test on the same suite, else cluster-robust two-proportion test) with Holm's correction over
    every test of the comparison, and Fisher's exact test for reference (it assumes independent
    samples). Prints the Markdown table; --out also writes HTML and JSON.

    Refuses runs of different suites (their manifests' suite SHA-256 differ), because shares from
    different prompts are not comparable, unless --allow-different-suites.

    \b
    As a case against a suspect: idprobe compare SUSPECT PARENT [PARENT ...] [--control RUN]
    [--weights weights.json] --out DIR also writes case.html, case.md and case.json: the finding in
    sentences, the shares, the backstory the suspect reproduces verbatim from each other run, whose
    answers its own are indistinguishable from (a permutation test), the weights verdict, and every
    run's manifest with the hashes of its results.

    Exit status: 0 compared, 2 usage or input error (including different suites).
    """
    from harness.compare import CompareError, load_and_compare, write_comparison
    from harness.report import environment
    from harness.results import RunNotFound

    try:
        result = load_and_compare([*run_dirs, *controls], allow_different_suites)
    except (CompareError, RunNotFound) as exc:
        _usage_error(str(exc))
        return
    click.echo(environment().get_template("compare.md.j2").render(r=result))
    if out_dir is not None:
        for path in write_comparison(result, out_dir):
            click.echo(f"wrote {path}", err=True)
        _write_case(run_dirs, controls, weights_path, allow_different_suites, out_dir)


def _write_case(run_dirs: tuple[Path, ...], controls: tuple[Path, ...], weights_path: Path | None,
                allow_different_suites: bool, out_dir: Path) -> None:
    """The case report (harness.evidence): the first run is the suspect, the others its parents."""
    from harness.evidence.case import CaseError, build_case
    from harness.evidence.case_out import write_case

    try:
        case = build_case(run_dirs[0], list(run_dirs[1:]), list(controls), weights_path, allow_different_suites)
    except CaseError as exc:
        _usage_error(str(exc))
        return
    for path in write_case(case, out_dir):
        click.echo(f"wrote {path}", err=True)
    click.echo(f"case report: {out_dir / 'case.html'}")


@click.command("check")
@click.argument("run_dir", type=RUN_DIR)
@click.option("--expect", "expectations", multiple=True, metavar="ID>=X|ID<=X",
              help="An expectation such as 'rio>=0.5' or 'nex<=5%'. Repeatable; all must hold.")
@click.option("--condition", "conditions", multiple=True,
              help="Condition to check (repeatable). Default: the suite's one condition without a system prompt.")
@click.option("--interval", type=click.Choice(["cluster", "wider", "wilson"]), default="cluster", show_default=True,
              help="Which 95% interval decides: cluster (prompt-clustered, as in the reports), wider "
                   "(the less favourable bound of cluster and Wilson), or wilson (assumes independent samples).")
@click.option("--baseline", "baseline_dir", type=RUN_DIR,
              help="The previous release's run: expectations with a signed margin ('nex<=+0.05') bound the "
                   "change from it.")
@click.option("--junit", "junit_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write a JUnit XML file, one test case per expectation and condition.")
def check_command(run_dir: Path, expectations: tuple[str, ...], conditions: tuple[str, ...], interval: str,
                  baseline_dir: Path | None, junit_path: Path | None) -> None:
    """Release gate: check identity shares of RUN_DIR at the 95% level.

    ID>=X holds when the lower bound of the share's 95% interval is at least X; ID<=X holds
    when its upper bound is at most X. X is a fraction (0.5) or a percentage (50%); ID is a
    lexicon identity key, `other` or `none`. Prints one line per expectation and condition,
    then one saying who rendered the prompts (template mode and preflight verdict).

    With --baseline PREV_RUN, an expectation with a signed margin bounds the change of a share
    from PREV_RUN (same suite required): 'nex<=+0.05' fails when the 95% interval of the change
    lies entirely above +5 points, i.e. when the run is shown to have moved past the margin;
    'rio>=-10%' fails when it lies entirely below -10 points. Absolute expectations still work
    beside them. --junit FILE writes the same outcomes as JUnit XML for CI.

    \b
    Example (a release gate):
      idprobe check runs/v1.3 --baseline runs/v1.2 --expect 'nex<=+0.05' --expect 'rio>=0.5' --junit gate.xml

    \b
    Exit status:
      0  every expectation holds
      1  at least one expectation does not hold (its line starts with FAIL)
      2  usage or input error: bad expectation syntax, unknown identity or condition, not a run
    """
    from harness.check import CheckUsageError, run_checks
    from harness.results import RunNotFound, load_run

    from harness.templating import template_summary

    from harness.gate import is_relative, run_relative_checks

    absolute = [e for e in expectations if not is_relative(e)]
    relative = [e for e in expectations if is_relative(e)]
    try:
        if relative and baseline_dir is None:
            raise CheckUsageError(f"{relative[0]!r} bounds a change: give the previous run with --baseline")
        run = load_run(run_dir)
        outcomes: list = run_checks(run, absolute, conditions, interval) if absolute or not relative else []  # type: ignore[arg-type]
        if relative:
            outcomes += run_relative_checks(run, load_run(baseline_dir), relative, conditions)  # type: ignore[arg-type]
    except (CheckUsageError, RunNotFound) as exc:
        _usage_error(str(exc))
        return
    if junit_path is not None:
        from harness.report.junit import write_junit

        write_junit(outcomes, run.label, junit_path)
    for outcome in outcomes:
        click.echo(outcome.line())
    template = template_summary(run.manifest)  # who rendered the prompts: the gate is only as good as that
    click.echo(f"template: {template['mode']}: {template['statement']}")
    sys.exit(EXIT_OK if all(o.passed for o in outcomes) else EXIT_FAILED)
