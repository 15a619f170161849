"""The ``idprobe`` command line. Each command's docstring is its ``--help``."""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from harness.extras import MissingExtra, extra_for_error, install_hint
from harness.paths import DEFAULT_SUITE, find_file

if TYPE_CHECKING:  # (imported where used, so that ``--help`` stays fast)
    from harness.target import Target


class LazyGroup(click.Group):
    """Subcommands that live in other modules load only when used, so ``--help`` stays fast."""

    lazy: dict[str, str] = {
        "classify": "harness.classify.cli:classify_command",
        "weights": "harness.weights.cli:weights_command",
        "lineage": "harness.weights.lineage_cli:lineage_command",
        "report": "harness.report_cli:report_command",
        "compare": "harness.report_cli:compare_command",
        "check": "harness.report_cli:check_command",
        "review": "harness.report.review:review_command",
        "history": "harness.report.history_cli:history_command",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, attr = self.lazy[name].split(":")
            try:
                return getattr(importlib.import_module(module), attr)
            except ModuleNotFoundError as exc:
                extra = extra_for_error(exc)
                if extra is None:
                    raise
                return _needs_extra(name, extra)
        return super().get_command(ctx, name)


def _needs_extra(name: str, extra: str) -> click.Command:
    """Stands in for a subcommand whose optional dependencies are missing: one line, the pip command."""
    message = f"'idprobe {name}' needs the {extra} extra: {install_hint(extra)}"

    def fail(**_: object) -> None:
        _fail(message)

    anything = click.Argument(["args"], nargs=-1, type=click.UNPROCESSED)
    return click.Command(name, callback=fail, help=f"(not installed) {message}", params=[anything],
                         context_settings={"ignore_unknown_options": True})


@click.group(cls=LazyGroup)
@click.version_option(package_name="idprobe")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details.")
def main(verbose: bool) -> None:
    """Ask a language model who it is, with the system prompt removed, many times, and
    publish what it answers.

    \b
    Typical use:
      idprobe run                                   # default suite on the embedded SmolLM2
      idprobe run probes/identity.yaml --target configs/my-endpoint.yaml --out runs/mymodel
      idprobe report runs/mymodel                   # render report.html again
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


class ShippedFile(click.ParamType):
    """A file path, or the name of a file shipped with idprobe (a suite in probes/, a target in configs/)."""

    name = "file"

    def __init__(self, shipped: str) -> None:
        self.shipped = shipped

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        try:
            return find_file(str(value), self.shipped)
        except FileNotFoundError as exc:
            self.fail(str(exc), param, ctx)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


@main.command()
@click.argument("suite", required=False, type=ShippedFile("probes"))
@click.option("--target", "target_path", type=ShippedFile("configs"),
              help="Target config: a file, or a shipped one by name (smollm2-vllm). Default: the embedded "
                   "SmolLM2-135M-Instruct.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Run directory. Rerunning into it resumes. Default: runs/<suite>-<model>.")
@click.option("--template-mode", type=click.Choice(["strict", "stock"]),
              help="strict: strip a chat template's own system prompt; stock: as users get it. Overrides the target.")
@click.option("--retry-errors", "retry_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Regenerate only the failed samples of this run directory (suite and target from its manifest).")
@click.option("--no-report", is_flag=True, help="Do not render report.html after the run.")
def run(suite: Path | None, target_path: Path | None, out_dir: Path | None, template_mode: str | None,
        retry_dir: Path | None, no_report: bool) -> None:
    """Run a probe suite (default: probes/identity.yaml) against a target and write
    completions.jsonl, manifest.json and report.html into the run directory.

    Every sample is stored as it arrives; run the same command again to resume a run that was
    interrupted. Samples that failed after retries are stored as errors, never counted as answers;
    regenerate them with --retry-errors RUN_DIR.
    """
    from harness.runner import RunMismatch, run_suite
    from harness.target import load_target
    from harness.yamlio import ConfigError

    try:
        if retry_dir is not None:
            suite_path, target, out = _from_run(retry_dir)
        else:
            suite_path = suite or DEFAULT_SUITE
            target = load_target(target_path)
            if template_mode:
                target = target.model_copy(update={"template_mode": template_mode})
            out = out_dir or Path("runs") / f"{suite_path.stem}-{_slug(target.display_name)}"
        summary = asyncio.run(run_suite(suite_path, target, out, retry_errors=retry_dir is not None))
    except (ConfigError, RunMismatch, ValueError, FileNotFoundError, MissingExtra) as exc:
        _fail(str(exc))
        return
    click.echo(f"{summary.generated} samples generated ({summary.errors} errors), {summary.kept} kept from before.")
    _warn_on_findings(out)
    if not no_report:
        from harness.report import write_report

        click.echo(f"report: {write_report(out)}")


def _warn_on_findings(run_dir: Path) -> None:
    """Say loudly when the model did not see what the user thinks it saw."""
    from harness.store import RunStore

    manifest = RunStore(run_dir).read_manifest()
    preflight = manifest.get("preflight") or {}
    if preflight.get("suspected_hidden_system_prompt"):
        click.secho(
            f"warning: the endpoint appears to add a system prompt you did not send "
            f"({preflight.get('overhead_tokens')} unexplained prompt tokens); see the report's preflight section.",
            fg="yellow", err=True,
        )
    finding = (manifest.get("template") or {}).get("finding") or {}
    if finding.get("injected_system") and manifest["template"]["mode"] == "stock":
        click.secho(
            f"note: stock template mode: the model saw its template's own system prompt "
            f"{finding['injected_system']!r} under condition 'none'.", fg="yellow", err=True,
        )


def _from_run(run_dir: Path) -> tuple[Path, Target, Path]:
    """The suite copy, the target and the folder of a finished run (``--from-run``)."""
    from harness.runner import SUITE_COPY
    from harness.store import RunStore
    from harness.target import Target

    manifest = RunStore(run_dir).read_manifest()
    return run_dir / SUITE_COPY, Target.model_validate(manifest["target"]), run_dir


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in text.replace("embedded:", "")).strip("-")


@main.command()
@click.argument("suites", nargs=-1, type=ShippedFile("probes"))
def validate(suites: tuple[Path, ...]) -> None:
    """Check probe suites (files, or shipped ones by name: identity, smoke; default: identity) without
    running them; errors name the file, line and field. Exits 2 if any suite is invalid."""
    from harness.suite import load_suite
    from harness.yamlio import ConfigError

    failed = False
    for path in suites or (DEFAULT_SUITE,):
        try:
            suite, digest = load_suite(path)
        except ConfigError as exc:
            click.echo(str(exc), err=True)
            failed = True
            continue
        click.echo(f"{path}: ok ({len(suite.prompts)} prompts x {len(suite.conditions)} conditions x "
                   f"{suite.sampling.n} samples; sha256 {digest[:12]})")
    if failed:
        sys.exit(2)


@main.command()
@click.option("--kind", type=click.Choice(["suite", "target"]), default="suite", show_default=True)
def schema(kind: str) -> None:
    """Print the JSON Schema of a suite (or target) file, for editor autocompletion:
    ``idprobe schema > suite.schema.json``."""
    from harness.suite import Suite
    from harness.target import Target

    model = Suite if kind == "suite" else Target
    click.echo(json.dumps(model.model_json_schema(), indent=2))


if __name__ == "__main__":
    main()
