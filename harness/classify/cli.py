"""``idprobe classify``: label every completion of a JSONL file with the identity it claims."""

from __future__ import annotations

import asyncio
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

import click

from harness.classify.jsonl import read_records
from harness.classify.rules import Classifier, load_classifier
from harness.yamlio import ConfigError

JUDGE_BATCH = 64


def label(classifier: Classifier, record: dict[str, Any]) -> dict[str, Any]:
    """Add the rule verdict to ``record``; a failed sample (text null) gets null labels."""
    text = record["text"]
    if text is None:
        record.update(identity=None, creator=None, based_on=None, evidence=[], mentions=[])
    else:
        record.update(classifier.classify(text).to_dict())
    return record


class Summary:
    """Counts per identity, creator, base and mentioned key, written with ``--summary``."""

    def __init__(self) -> None:
        self.total = 0
        self.failed = 0
        self.counts: dict[str, Counter[str]] = {
            "identity": Counter(), "creator": Counter(), "based_on": Counter(), "mention": Counter()}

    def add(self, record: dict[str, Any]) -> None:
        """Count one labelled record (failed samples are counted apart, never as answers)."""
        if record.get("identity") is None:
            self.failed += 1
            return
        self.total += 1
        self.counts["identity"][record["identity"]] += 1
        self.counts["creator"][record["creator"]] += 1
        self.counts["based_on"][record.get("based_on") or "none"] += 1
        for key in {m["key"] for m in record.get("mentions", [])}:
            self.counts["mention"][key] += 1

    def rows(self, classifier: Classifier) -> list[dict[str, Any]]:
        """One row per (kind, key), most frequent first, then the failed-sample count."""
        out = []
        for kind, counter in self.counts.items():
            for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
                share = count / self.total if self.total else 0.0
                out.append({"kind": kind, "key": key, "display": classifier.lexicon.display(key),
                            "count": count, "total": self.total, "share": round(share, 6)})
        out.append({"kind": "failed", "key": "failed", "display": "failed samples (not counted)",
                    "count": self.failed, "total": self.total, "share": None})
        return out

    def write(self, path: Path, classifier: Classifier) -> None:
        """Write the rows as CSV (``.csv``) or JSON Lines (anything else)."""
        rows = self.rows(classifier)
        with path.open("w", encoding="utf-8", newline="") as handle:
            if path.suffix.lower() == ".csv":
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            else:
                for row in rows:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _judge_batches(
    judge: Any, records: Iterator[tuple[int, dict[str, Any]]], loop: asyncio.AbstractEventLoop
) -> Iterator[dict[str, Any]]:
    """Judge records in small batches, so memory stays bounded while calls run concurrently."""

    def flush(batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Judge one batch; a valid judge answer replaces the rule verdict, which is kept aside."""
        texts = [r["text"] for r in batch if r["text"] is not None]
        results = iter(loop.run_until_complete(judge.judge_many(texts)) if texts else [])
        for record in batch:
            if record["text"] is None:
                continue
            result = next(results)
            record.update(result.fields(), rules_identity=record["identity"], rules_creator=record["creator"])
            if result.error is None:
                record.update(identity=result.identity, creator=result.creator)
        return batch

    batch: list[dict[str, Any]] = []
    for _number, record in records:
        batch.append(record)
        if len(batch) >= JUDGE_BATCH:
            yield from flush(batch)
            batch = []
    if batch:
        yield from flush(batch)


@click.command("classify")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path), default=None,
              help="Where to write the labelled records (default: standard output).")
@click.option("--lexicon", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Lexicon YAML with your identities and creators (default: probes/lexicons/default.yaml).")
@click.option("--classifier", "method", type=click.Choice(["rules", "judge"]), default="rules", show_default=True,
              help="'rules': the rule engine only. 'judge': rules plus an LLM judge, whose answer wins when valid.")
@click.option("--judge-target", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Target config (configs/*.yaml) of the judge model; needed with --classifier judge.")
@click.option("--judge-cache", type=click.Path(dir_okay=False, path_type=Path),
              default=Path(".idprobe-cache/judge.jsonl"), show_default=True,
              help="JSONL cache of judge replies; delete it to ask the judge again.")
@click.option("--summary", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write counts per identity, creator and mentioned key (.csv, otherwise JSONL).")
def classify_command(file: Path, output: Path | None, lexicon: Path | None, method: str,
                     judge_target: Path | None, judge_cache: Path, summary: Path | None) -> None:
    """Label each completion in FILE with the identity and creator it claims.

    FILE is JSON Lines ("-" reads standard input): one object per line with a `text` field
    (a string, or null for a failed sample) and an `id` (or the `prompt_id` of a run's
    completions.jsonl). Every other field is kept. Each record comes back with:

    \b
      identity   lexicon key the text claims to BE (nex, qwen, rio, gpt, ...),
                 "other" (a name outside the lexicon) or "none" (no name claimed)
      creator    lexicon key of the organisation it claims made it, "other" or "none"
      based_on   lexicon key of the model it says it is built on ("based on GPT-4",
                 "基于Qwen", "на основе Llama"), "none" if it names none
      evidence   [{start, end, role}]: character spans of the deciding words
      mentions   [{key, kind, start, end}]: every lexicon name anywhere in the text,
                 claimed or not: what "mentions Nex in 79% of answers" counts

    \b
    What counts as a claim: "I am X", "my name is X", "Eu sou o X", "我叫X", "Xと申します",
    "제 이름은 X입니다", "Меня зовут X", "Tôi là X", identity cards ("- **Name:** X"), ...
    in eleven languages (one data file each: harness/classify/languages/). Not a claim: a name merely mentioned, denied ("I'm not ChatGPT"),
    hypothetical ("if I were ChatGPT"), compared ("unlike GPT-4"), said of the user
    ("you are Rio"), echoed ("people call me ChatGPT"), role-play, a blockquote, inside
    <think>...</think>, or a look-alike word ("Rio de Janeiro", "the Nexus", "Queen", "드라마").
    A base ("built on Qwen") is never the identity. The first surviving self-claim wins.

    \b
    Examples:
      idprobe classify runs/x/completions.jsonl -o labelled.jsonl --summary counts.csv
      idprobe classify answers.jsonl --lexicon my-lexicon.yaml     # your own identities
      idprobe classify answers.jsonl --classifier judge --judge-target configs/judge-example.yaml

    Records are read and written one line at a time, so files of any size fit in memory.
    The rules, the judge, and how to add an identity: docs/classifier.md.
    """
    try:
        classifier = load_classifier(lexicon)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    if method == "judge" and judge_target is None:
        raise click.UsageError("--classifier judge needs --judge-target CONFIG")
    tally = Summary() if summary is not None else None
    with ExitStack() as stack:
        source = sys.stdin.buffer if str(file) == "-" else stack.enter_context(_open_input(file))
        to_stdout = output is None or str(output) == "-"
        sink = sys.stdout if to_stdout else stack.enter_context(_open_output(output))  # type: ignore[arg-type]
        name = "<stdin>" if str(file) == "-" else str(file)
        labelled = ((n, label(classifier, r)) for n, r in read_records(source, name))
        if method == "judge":
            records = _with_judge(labelled, classifier, judge_target, judge_cache)
        else:
            records = (record for _, record in labelled)
        for record in records:
            if tally is not None:
                tally.add(record)
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    if tally is not None and summary is not None:
        try:
            tally.write(summary, classifier)
        except OSError as exc:
            raise click.ClickException(f"{summary}: cannot write: {exc.strerror}") from None


def _open_output(path: Path) -> IO[str]:
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot write: {exc.strerror}") from None


def _open_input(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot read: {exc.strerror}") from None


def _with_judge(labelled: Iterator[tuple[int, dict[str, Any]]], classifier: Classifier, target_path: Path | None,
                cache: Path) -> Iterator[dict[str, Any]]:
    from harness.classify.judge import Judge
    from harness.target import load_target

    try:
        target = load_target(target_path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    loop = asyncio.new_event_loop()
    judge = Judge(target, classifier, cache_path=cache)
    loop.run_until_complete(judge.__aenter__())
    try:
        yield from _judge_batches(judge, labelled, loop)
    finally:
        loop.run_until_complete(judge.__aexit__(None, None, None))
        loop.close()
