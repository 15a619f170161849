"""Accuracy and speed of the identity-claim classifier.

Prints, in order:

1. accuracy on a labelled directory (``--labelled DIR``, default tests/data/labelled: the
   development records; pass tests/data/labelled/test for the frozen test split): identity,
   creator and based_on accuracy, claim precision and recall (a claim: identity not "none"),
   per-identity precision and recall, the confusion table, per-language accuracy and claim
   precision/recall, and per-language per-identity precision/recall;
2. throughput on one core (the process is pinned to a single CPU) for made-up answers of about
   300 characters (target: >= 15,000 completions/s), and for the labelled texts; then the time
   for very long hostile texts at two lengths (it must grow linearly);
3. a streaming run of ``idprobe classify`` over generated completions (1,000,000 by default)
   fed through a pipe, with its completions/s and peak RSS: memory must stay flat, because
   records are read, labelled and written one line at a time.

    .venv/bin/python bench/bench_classify.py                    # everything
    .venv/bin/python bench/bench_classify.py --records 100000   # a shorter streaming run
    .venv/bin/python bench/bench_classify.py --skip-stream --labelled tests/data/labelled/test

CPU time (``time.process_time``) is reported next to wall time: on a shared machine wall time
also counts the time other processes held the core.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.classify import load_classifier
from harness.classify.evaluate import (
    evaluate,
    format_language_keys,
    format_report,
    load_labelled,
    synthetic_answers,
)


def pin_to_one_core() -> tuple[str, set[int] | None]:
    """Run on a single CPU so the numbers are per core; returns the CPUs to restore."""
    if hasattr(os, "sched_setaffinity"):
        before = set(os.sched_getaffinity(0))
        cpu = max(before)
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}", before
    return "not pinned (no sched_setaffinity here)", None


def throughput(texts: list[str], label: str) -> None:
    clf = load_classifier()
    for text in texts[:500]:  # warm caches
        clf.classify(text)
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        clf.classify(text)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    mean = sum(map(len, texts)) / len(texts)
    print(f"{label}: {len(texts)} texts, mean {mean:.0f} chars: "
          f"{len(texts) / cpu:,.0f} completions/s (CPU time), {len(texts) / wall:,.0f}/s (wall)")


def long_texts() -> None:
    """Very long hostile answers must cost time in proportion to their length, not its square."""
    clf = load_classifier()
    units = ("I am not Claude, made by nobody. ", "Claude? Qwen! Made by OpenAI? ", "我不是ChatGPT，",
             "Let's role-play. I am Bob. ", "People call me GPT, based on GPT-4. ", "ユキです。", "- **Name:** X\n")
    for unit in units:
        for repeat in (1_000, 10_000):
            text = unit * repeat
            start = time.perf_counter()
            clf.classify(text)
            print(f"long text {unit[:14]!r} x {repeat}: {len(text):,} chars in {time.perf_counter() - start:.3f} s")


def stream(records: int) -> None:
    """Pipe ``records`` generated completions through ``idprobe classify`` in a child process."""
    code = "from harness.classify.cli import classify_command; classify_command()"
    with tempfile.TemporaryDirectory() as tmp:
        out, summary = Path(tmp) / "out.jsonl", Path(tmp) / "summary.csv"
        wall = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", code, "-", "-o", str(out), "--summary", str(summary)],
            stdin=subprocess.PIPE, cwd=ROOT, text=True, encoding="utf-8",
        )  # fmt: skip
        assert child.stdin is not None
        for number, text in enumerate(synthetic_answers(records, seed=1)):
            child.stdin.write(json.dumps({"id": number, "text": text}, ensure_ascii=False) + "\n")
        child.stdin.close()
        if child.wait() != 0:
            raise SystemExit(f"classify failed with exit status {child.returncode}")
        wall = time.perf_counter() - wall
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        lines = sum(1 for _ in out.open(encoding="utf-8"))
        size_mb = out.stat().st_size / 1e6
    print(f"stream: {lines:,} records ({size_mb:,.0f} MB written) in {wall:.1f} s wall, "
          f"{usage.ru_utime + usage.ru_stime:.1f} s CPU in the classifier: {lines / wall:,.0f} completions/s")
    print(f"stream: peak RSS of the classify process: {usage.ru_maxrss / 1024:.1f} MiB")
    if lines != records:
        raise SystemExit(f"expected {records} output lines, got {lines}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000, help="completions for the streaming run")
    parser.add_argument("--speed-texts", type=int, default=20_000, help="texts for the throughput run")
    parser.add_argument("--skip-stream", action="store_true", help="leave out the streaming run")
    parser.add_argument("--labelled", type=Path, default=ROOT / "tests" / "data" / "labelled",
                        help="directory of labelled *.jsonl records (default: the development records)")
    parser.add_argument("--errors", type=int, default=0, help="also print this many misclassified records")
    args = parser.parse_args()

    print(f"== accuracy on {args.labelled} ==")
    records = load_labelled(args.labelled)
    report = evaluate(load_classifier(), records)
    print(format_report(report))
    print()
    print(format_language_keys(report))
    for error in report.errors[: args.errors]:
        print(f"  {error['id']}: gold {error['gold']} got {error['got']}: {error['text'][:160]!r}")
    print()
    pinned, before = pin_to_one_core()
    print(f"== throughput, one core ({pinned}) ==")
    throughput(list(synthetic_answers(args.speed_texts)), "synthetic answers")
    if records:
        throughput([r["text"] for r in records] * max(1, args.speed_texts // len(records)), "labelled texts")
    long_texts()
    if before is not None:
        os.sched_setaffinity(0, before)  # the streaming run's writer and classifier get their own cores
    if not args.skip_stream:
        print()
        print("== streaming through `idprobe classify` ==")
        stream(args.records)


if __name__ == "__main__":
    main()
