"""Review by a person: every sample of a run in one spreadsheet, to read each counted claim and
correct the few wrong ones on the record (``idprobe review RUN --export review.csv``).

One row per sample, columns in this order:

``prompt_id``, ``condition``, ``sample_index``  the sample's key (do not edit)
``language``, ``prompt``   the question asked
``text``                   the answer (or the error message of a failed sample)
``label``                  the identity the classifier read (``(error)`` for a failed sample)
``creator``                the creator it read (and ``based_on`` when the classifier records one)
``evidence``               the words that decided each label, as ``identity: "I am Nex"; creator: "..."``
``override_identity``, ``override_creator``, ``reason``  empty: the person fills them

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and model output
can be written to do harm that way), so such cells get a leading apostrophe, which spreadsheets
show as text; ``--overrides`` removes it again from the key columns. Exact texts are in
completions.jsonl; this file is for reading.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import pandas as pd

from harness.report.data import ERROR_KEY
from harness.report.exports import map_distinct
from harness.results import RunData, RunNotFound, load_run
from harness.safetext import csv_guard
from harness.store import write_text_atomic

COLUMNS = ["prompt_id", "condition", "sample_index", "language", "prompt", "text", "label", "creator", "based_on",
           "evidence", "override_identity", "override_creator", "reason"]


def evidence_words(text: str, spans: list[dict[str, Any]]) -> str:
    """The spans that decided the labels, quoted from the text: what a reviewer checks first."""
    return "; ".join(f'{s.get("role", "identity")}: "{text[s["start"]:s["end"]]}"' for s in spans)


def prompt_texts(run: RunData) -> dict[str, str]:
    return {p.id: p.text or " / ".join(f"{m.role}: {m.content}" for m in p.turns()) for p in run.suite.prompts}


def review_frame(run: RunData) -> pd.DataFrame:
    """One row per sample (failed ones included, so the file accounts for every sample)."""
    samples = run.samples
    ok = samples["ok"]
    frame = pd.DataFrame({
        "prompt_id": samples["prompt_id"], "condition": samples["condition"], "sample_index": samples["sample_index"],
        "language": samples["language"], "prompt": samples["prompt_id"].map(prompt_texts(run)).fillna(""),
        "text": samples["text"].where(ok, samples["error"]),
        "label": samples["identity"].where(ok, ERROR_KEY), "creator": samples["creator"].where(ok, ""),
    })
    if "based_on" in samples.columns:
        frame["based_on"] = samples["based_on"].where(ok, "").fillna("")
    evidence = [evidence_words(t, e) if good else "" for t, e, good in zip(samples["text"], samples["evidence"], ok)]
    frame["evidence"] = evidence
    for column in ("override_identity", "override_creator", "reason"):
        frame[column] = ""
    for column in ("prompt_id", "condition", "language", "prompt", "text", "evidence"):
        frame[column] = map_distinct(frame[column], csv_guard)
    return frame[[c for c in COLUMNS if c in frame.columns]]


def export_review(run: RunData, path: Path) -> int:
    """Write the review file; returns the number of rows."""
    frame = review_frame(run)
    write_text_atomic(path, frame.to_csv(index=False, lineterminator="\r\n"))
    return len(frame)


@click.command("review")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--export", "export_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the review spreadsheet (CSV) here.")
def review_command(run_dir: Path, export_path: Path) -> None:
    """Export RUN_DIR for review by a person: one CSV row per sample with its key, the prompt, the
    answer, the classifier's labels (identity as `label`, `creator`) and the words that decided
    them (`evidence`), and three empty columns to fill: override_identity, override_creator, reason.

    \b
    Correct a label by filling override_identity and/or override_creator (a lexicon key or display
    name, `other` or `none`) and always a reason; leave every other row and column as it is. Then
      idprobe report RUN_DIR --overrides review.csv
    counts with the reviewed labels, lists each change with its reason and keeps the automatic
    counts beside them. Cells starting with = + - @ get a leading apostrophe (spreadsheets would
    run them as formulas).

    Exit status: 0 written, 2 usage or input error.
    """
    try:
        rows = export_review(load_run(run_dir), export_path)
    except RunNotFound as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"review: {export_path} ({rows} samples)")
