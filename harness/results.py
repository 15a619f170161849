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
    verdicts = _Memo(classifier)  # identical answers are common (and 100k-sample runs): classify each text once
    rows = [_row(c, suite, verdicts) for c in store.load().values()]
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    frame = frame.sort_values(["condition", "prompt_id", "sample_index"], kind="stable").reset_index(drop=True)
    return RunData(store.dir, store.read_manifest(), suite, frame, file_sha256(store.completions_path), classifier)


_COLUMNS = [
    "prompt_id", "condition", "sample_index", "language", "tags", "text", "ok", "error", "finish_reason",
    "prompt_tokens", "completion_tokens", "identity", "creator", "based_on", "evidence", "mentions",
]


class _Memo:
    """The classifier's verdict per distinct text and each prompt's language and tags, computed once:
    the classifier is a pure function of the text, so equal texts get equal (shared, read-only) verdicts."""

    def __init__(self, classifier: Classifier) -> None:
        self.classifier = classifier
        self.verdicts: dict[str, tuple[dict[str, Any], frozenset[str]]] = {}
        self.prompts: dict[str, tuple[str, tuple[str, ...]]] = {}

    def verdict(self, text: str) -> tuple[dict[str, Any], frozenset[str]]:
        """The verdict and the set of keys it mentions."""
        found = self.verdicts.get(text)
        if found is None:
            verdict = self.classifier.classify(text).to_dict()
            found = self.verdicts[text] = (verdict, frozenset(m["key"] for m in verdict["mentions"]))
        return found

    def prompt(self, suite: Suite, prompt_id: str) -> tuple[str, tuple[str, ...]]:
        if prompt_id not in self.prompts:
            try:
                prompt = suite.prompt(prompt_id)
                self.prompts[prompt_id] = (prompt.language, tuple(prompt.tags))
            except StopIteration:  # a sample of a prompt the suite no longer has
                self.prompts[prompt_id] = ("?", ())
        return self.prompts[prompt_id]


def _row(c: Completion, suite: Suite, memo: _Memo) -> dict[str, Any]:
    language, tags = memo.prompt(suite, c.prompt_id)
    verdict, mentions = memo.verdict(c.text) if c.ok and c.text is not None else (None, frozenset())
    return {
        "prompt_id": c.prompt_id, "condition": c.condition, "sample_index": c.sample_index,
        "language": language, "tags": tags, "text": c.text, "ok": c.ok, "error": c.error,
        "finish_reason": c.finish_reason, "prompt_tokens": c.prompt_tokens, "completion_tokens": c.completion_tokens,
        "identity": verdict["identity"] if verdict else None,
        "creator": verdict["creator"] if verdict else None,
        "based_on": verdict["based_on"] if verdict else None,
        "evidence": verdict["evidence"] if verdict else [],
        "mentions": mentions,
    }
