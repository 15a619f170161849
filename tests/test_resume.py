"""Runs are append-only and resumable: every sample is stored exactly once, nothing written is lost."""

from __future__ import annotations

import asyncio
import collections
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from harness.runner import RunMismatch, run_suite
from harness.store import RunStore
from harness.target import Target

SUITE = """\
name: resume
version: "1"
prompts:
{prompts}
conditions:
  - id: none
  - id: rio
    system_prompt: You are Rio.
sampling: {{n: 4, max_tokens: 8}}
"""


def make_suite(write, prompts: int = 5) -> Path:  # type: ignore[no-untyped-def]
    body = "\n".join(f"  - id: p{i}\n    text: Who are you, {i}?\n    language: en" for i in range(prompts))
    return write("suite.yaml", SUITE.format(prompts=body))


def echo(**options: object) -> Target:
    return Target(backend="echo", model="echo", options={"answers": ["I am Nex.", "I am Rio."], **options})


def lines(run_dir: Path) -> list[dict[str, object]]:
    text = (run_dir / "completions.jsonl").read_text()
    out = []
    for line in text.splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def keys(records: list[dict[str, object]]) -> collections.Counter:
    return collections.Counter((r["prompt_id"], r["condition"], r["sample_index"]) for r in records)


def test_complete_run_stores_each_sample_once(write, tmp_path: Path) -> None:
    summary = asyncio.run(run_suite(make_suite(write), echo(), tmp_path / "run", progress=False))
    counts = keys(lines(tmp_path / "run"))
    assert summary.generated == 40 and len(counts) == 40 and set(counts.values()) == {1}


def test_rerun_of_a_finished_run_generates_nothing(write, tmp_path: Path) -> None:
    suite = make_suite(write)
    asyncio.run(run_suite(suite, echo(), tmp_path / "run", progress=False))
    again = asyncio.run(run_suite(suite, echo(), tmp_path / "run", progress=False))
    assert again.generated == 0 and again.kept == 40
    assert len(lines(tmp_path / "run")) == 40
    assert len(RunStore(tmp_path / "run").read_manifest()["sessions"]) == 2


def test_killed_run_resumes_and_counts_every_sample_exactly_once(write, tmp_path: Path) -> None:
    suite = make_suite(write, prompts=10)
    target = write("target.yaml", "backend: echo\nmodel: echo\noptions:\n  delay_s: 0.05\n  answers: [I am Nex.]\n")
    out = tmp_path / "run"
    cmd = [sys.executable, "-m", "harness.cli", "run", str(suite), "--target", str(target), "--out", str(out), "--no-report"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(lines(out) if (out / "completions.jsonl").exists() else []) < 15:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = lines(out)
    assert 15 <= len(before) < 80, "the kill should land mid-run"
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    after = lines(out)
    assert after[: len(before)] == before  # nothing already written was lost or rewritten
    counts = keys(after)
    assert len(counts) == 80 and set(counts.values()) == {1}


def test_partial_last_line_is_kept_and_skipped(write, tmp_path: Path) -> None:
    suite, out = make_suite(write), tmp_path / "run"
    asyncio.run(run_suite(suite, echo(), out, progress=False))
    path = out / "completions.jsonl"
    records = path.read_text().splitlines()
    # imitate a kill in the middle of writing the last record
    path.write_text("\n".join(records[:-1]) + "\n" + records[-1][:20])
    again = asyncio.run(run_suite(suite, echo(), out, progress=False))
    assert again.generated == 1
    text = path.read_text()
    assert records[-1][:20] + "\n" in text  # the fragment stays, on a line of its own
    assert set(keys(lines(out)).values()) == {1}


def test_errors_are_stored_and_only_they_are_retried(write, tmp_path: Path) -> None:
    suite, out = make_suite(write), tmp_path / "run"
    first = asyncio.run(run_suite(suite, echo(fail_every=3), out, progress=False))
    assert first.errors > 0
    again = asyncio.run(run_suite(suite, echo(fail_every=3), out, progress=False))
    assert again.generated == 0  # errors are results too; plain resume does not redo them
    retried = asyncio.run(run_suite(suite, echo(fail_every=3), out, retry_errors=True, progress=False))
    assert retried.generated == first.errors
    assert len(lines(out)) == 40 + first.errors


def test_run_directory_of_another_target_is_refused(write, tmp_path: Path) -> None:
    suite, out = make_suite(write), tmp_path / "run"
    asyncio.run(run_suite(suite, echo(), out, progress=False))
    with pytest.raises(RunMismatch, match="another target"):
        asyncio.run(run_suite(suite, echo(delay_s=0.1), out, progress=False))


def test_invalid_unicode_in_model_output_is_kept_not_lost(tmp_path: Path) -> None:
    from harness.records import Completion

    store = RunStore(tmp_path / "run")
    store.open_for_append()
    store.append(Completion(prompt_id="p", condition="none", sample_index=0, text="I am \ud800 Nex"))
    store.close()
    # a record written by another tool with an escaped lone surrogate
    with open(store.completions_path, "a", encoding="utf-8") as handle:
        handle.write('{"prompt_id": "p", "condition": "none", "sample_index": 1, "text": "x\\udc00y"}\n')
    loaded = store.load()
    assert loaded[("p", "none", 0)].text == "I am \ufffd Nex"
    assert loaded[("p", "none", 1)].text == "x\ufffdy"


def test_stored_records_that_fail_validation_are_skipped_with_their_line_number(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from harness.records import Completion

    store = RunStore(tmp_path / "run")
    store.open_for_append()
    store.append(Completion(prompt_id="p", condition="none", sample_index=0, text="I am Nex"))
    store.close()
    with open(store.completions_path, "a", encoding="utf-8") as handle:  # hand-edited or foreign lines
        handle.write('{"prompt_id": "p", "condition": "none", "sample_index": "first", "text": "x"}\n')
        handle.write('{"prompt_id": "p", "condition": "none", "sample_index": 2, "text": "y", "bogus": 1}\n')
    with caplog.at_level(logging.WARNING):
        loaded = store.load()
    assert list(loaded) == [("p", "none", 0)]
    assert ":2: unreadable record" in caplog.text and ":3: unreadable record" in caplog.text
