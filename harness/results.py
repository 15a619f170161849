"""Load a stored run and classify its samples: the table every report and check is built from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from harness.classify import Classifier, load_classifier
from harness.records import Completion
from harness.runner import SUITE_COPY
from harness.store import RunStore
from harness.suite import Suite, load_suite


class RunNotFound(FileNotFoundError):
    """The directory is not an idprobe run."""


@dataclass
class RunData:
    """A run's manifest, suite and one row per sample (errors included, flagged by ``ok``)."""

    run_dir: Path
    manifest: dict[str, Any]
    suite: Suite
    samples: pd.DataFrame
    results_sha256: str
    classifier: Classifier

    @property
    def answered(self) -> pd.DataFrame:
        return self.samples[self.samples["ok"]]

    @property
    def label(self) -> str:
        target = self.manifest.get("target", {})
        return target.get("label") or target.get("model") or self.run_dir.name


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_run(run_dir: Path, classifier: Classifier | None = None) -> RunData:
    store = RunStore(Path(run_dir))
    if not store.exists() or not store.completions_path.is_file():
        raise RunNotFound(f"{run_dir}: not an idprobe run (no manifest.json and completions.jsonl)")
    suite, _ = load_suite(store.dir / SUITE_COPY)
    classifier = classifier or load_classifier()
    rows = [_row(c, suite, classifier) for c in store.load().values()]
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    frame = frame.sort_values(["condition", "prompt_id", "sample_index"], kind="stable").reset_index(drop=True)
    return RunData(store.dir, store.read_manifest(), suite, frame, file_sha256(store.completions_path), classifier)


_COLUMNS = [
    "prompt_id", "condition", "sample_index", "language", "tags", "text", "ok", "error", "finish_reason",
    "prompt_tokens", "completion_tokens", "identity", "creator", "evidence", "mentions",
]


def _row(c: Completion, suite: Suite, classifier: Classifier) -> dict[str, Any]:
    try:
        prompt = suite.prompt(c.prompt_id)
        language, tags = prompt.language, tuple(prompt.tags)
    except StopIteration:  # a sample of a prompt the suite no longer has
        language, tags = "?", ()
    verdict = classifier.classify(c.text).to_dict() if c.ok and c.text is not None else None
    return {
        "prompt_id": c.prompt_id, "condition": c.condition, "sample_index": c.sample_index,
        "language": language, "tags": tags, "text": c.text, "ok": c.ok, "error": c.error,
        "finish_reason": c.finish_reason, "prompt_tokens": c.prompt_tokens, "completion_tokens": c.completion_tokens,
        "identity": verdict["identity"] if verdict else None,
        "creator": verdict["creator"] if verdict else None,
        "evidence": verdict["evidence"] if verdict else [],
        "mentions": frozenset(m["key"] for m in verdict["mentions"]) if verdict else frozenset(),
    }
