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

With ``--judge-target`` an LLM judge (:mod:`harness.classify.judge`, with its disk cache) reads every
answer too, and columns ``judge_identity``, ``judge_creator``, ``judge_stance``, ``judge_evidence``,
``judge_error`` and ``judge_vs_rules`` come after ``evidence``. Rows are then ordered for the
reviewer's time: judge and rules disagree on identity or creator first, then judge errors, then
agreements, then failed samples (nothing to judge); each group keeps the run's order. The judge
only ranks rows: the counted labels stay the rules', and only a person's override changes them.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import pandas as pd

from harness.extras import MissingExtra
from harness.report.data import ERROR_KEY
from harness.report.exports import map_distinct
from harness.results import RunData, RunNotFound, load_run
from harness.safetext import csv_guard
from harness.store import write_text_atomic
from harness.yamlio import ConfigError

if TYPE_CHECKING:
    from harness.classify.judge import Judge, JudgeResult

COLUMNS = ["prompt_id", "condition", "sample_index", "language", "prompt", "text", "label", "creator", "based_on",
           "evidence", "override_identity", "override_creator", "reason"]
JUDGE_COLUMNS = ["judge_identity", "judge_creator", "judge_stance", "judge_evidence", "judge_error", "judge_vs_rules"]
JUDGE_BATCH = 64  # answers per judge call batch: the progress bar moves, calls within one run concurrently
DEFAULT_JUDGE_CACHE = Path(".idprobe-cache/judge.jsonl")  # the same as `idprobe classify`'s: one cache for both
# judge_vs_rules values, in the order the rows are sorted
DISAGREES, JUDGE_ERROR, AGREES, NOT_JUDGED = "disagrees", "judge error", "agrees", "not judged"
RANK = {DISAGREES: 0, JUDGE_ERROR: 1, AGREES: 2, NOT_JUDGED: 3}


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


def compare(identity: str, creator: str, result: JudgeResult | None) -> str:
    """``judge_vs_rules`` of one sample: which of the rules' labels the judge disputes, if any."""
    if result is None:
        return NOT_JUDGED
    if result.error is not None:
        return JUDGE_ERROR
    disputed = [name for name, rules, judge in (("identity", identity, result.identity), ("creator", creator, result.creator))
                if rules != judge]
    return f"{DISAGREES}: {', '.join(disputed)}" if disputed else AGREES


def add_judge_columns(frame: pd.DataFrame, run: RunData, results: dict[str, JudgeResult]) -> pd.DataFrame:
    """The judge's reading beside the rules', rows ordered disagreements first (stable within each group)."""
    samples = run.samples
    found = [results.get(t) if ok else None for t, ok in zip(samples["text"], samples["ok"])]
    frame = frame.copy()
    frame["judge_identity"] = [(r.identity or "") if r else "" for r in found]
    frame["judge_creator"] = [(r.creator or "") if r else "" for r in found]
    frame["judge_stance"] = [(r.stance or "") if r else "" for r in found]
    # the judge's quote and error messages carry model output: defused like every other text cell
    frame["judge_evidence"] = [(csv_guard(r.evidence_quote) or "") if r else "" for r in found]
    frame["judge_error"] = [(csv_guard(r.error) or "") if r else "" for r in found]
    frame["judge_vs_rules"] = [compare(i, c, r) for i, c, r in zip(samples["identity"], samples["creator"], found)]
    rank = frame["judge_vs_rules"].map(lambda v: RANK[v.split(":")[0]])
    frame = frame.iloc[rank.argsort(kind="stable")].reset_index(drop=True)
    order = [c for c in COLUMNS if c in frame.columns]
    cut = order.index("evidence") + 1
    return frame[order[:cut] + JUDGE_COLUMNS + order[cut:]]


async def _judge_all(judge: Judge, texts: Sequence[str]) -> list[JudgeResult]:
    """Judge ``texts`` in batches behind a progress bar (shown on a terminal only); when every text is
    in the cache, the judge model is never started (a re-export costs nothing)."""
    from tqdm import tqdm

    if not judge.needs_model(texts):
        return await judge.judge_many(texts)
    results: list[JudgeResult] = []
    async with judge:
        with tqdm(total=len(texts), desc="judge", unit="answer", disable=None) as bar:
            for start in range(0, len(texts), JUDGE_BATCH):
                batch = texts[start : start + JUDGE_BATCH]
                results.extend(await judge.judge_many(batch))
                bar.update(len(batch))
    return results


def judge_run(run: RunData, target_path: Path, cache_path: Path | None) -> dict[str, JudgeResult]:
    """The judge's result for each distinct answer of the run (failed samples have none)."""
    from harness.classify.judge import Judge
    from harness.target import load_target

    texts = list(dict.fromkeys(run.samples.loc[run.samples["ok"], "text"]))
    judge = Judge(load_target(target_path), run.classifier, cache_path)
    return dict(zip(texts, asyncio.run(_judge_all(judge, texts))))


def export_review(run: RunData, path: Path, judged: dict[str, JudgeResult] | None = None) -> pd.DataFrame:
    """Write the review file (with the judge's columns and order when ``judged``); returns its rows."""
    frame = review_frame(run)
    if judged is not None:
        frame = add_judge_columns(frame, run, judged)
    write_text_atomic(path, frame.to_csv(index=False, lineterminator="\r\n"))
    return frame


def _summary(path: Path, frame: pd.DataFrame) -> str:
    """One line: rows, and with a judge its disagreements and errors."""
    if "judge_vs_rules" not in frame.columns:
        return f"review: {path} ({len(frame)} samples)"
    verdicts = frame["judge_vs_rules"]
    disagree, errors = int(verdicts.str.startswith(DISAGREES).sum()), int((verdicts == JUDGE_ERROR).sum())
    return (f"review: {path} ({len(frame)} samples; judge and rules disagree on {disagree}, listed first; "
            f"{errors} judge error{'s' if errors != 1 else ''})")


@click.command("review")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--export", "export_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the review spreadsheet (CSV) here.")
@click.option("--judge-target", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Target config (configs/*.yaml) of an LLM judge: it reads every answer too, and the rows where "
                   "it disagrees with the rules come first.")
@click.option("--judge-cache", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_JUDGE_CACHE,
              show_default=True, help="JSONL cache of judge replies (shared with `idprobe classify`); a second "
                                      "export asks the judge nothing. Delete it to ask again.")
def review_command(run_dir: Path, export_path: Path, judge_target: Path | None, judge_cache: Path) -> None:
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

    \b
    With --judge-target, an LLM judge reads every answer as well (docs/classifier.md,
    "The LLM judge"; replies cached, so a second export asks it nothing), adding
      judge_identity, judge_creator  its reading, as lexicon keys, `other` or `none`
      judge_stance                   asserts, role-play, uncertain or refuses
      judge_evidence                 the words it quotes
      judge_error                    why its reply was unusable (the row is kept)
      judge_vs_rules                 "disagrees: identity, creator" (or one of them),
                                     "judge error", "agrees", "not judged" (failed sample)
    Rows are ordered by judge_vs_rules in that order, disagreements first: the rows most worth
    a person's time. Within each group they keep the run's order. The judge only ranks rows: the
    report counts the rules' labels and your overrides, never the judge's. --overrides ignores
    the judge_* columns, and you may re-sort rows: they are matched by their key.
      idprobe review RUN_DIR --export review.csv --judge-target configs/judge-example.yaml

    Exit status: 0 written, 2 usage or input error.
    """
    try:
        run = load_run(run_dir)
        judged = judge_run(run, judge_target, judge_cache) if judge_target is not None else None
    except (RunNotFound, ConfigError, MissingExtra) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(_summary(export_path, export_review(run, export_path, judged)))
