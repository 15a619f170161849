"""Run a suite against a target, storing every sample as it arrives; rerunning resumes."""

from __future__ import annotations

import logging
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from harness.backends import create_backend
from harness.backends.base import Backend
from harness.manifest import build_manifest, now
from harness.plan import all_keys, plan_requests
from harness.records import Completion, SampleKey
from harness.store import RunStore
from harness.suite import load_suite
from harness.target import Target

log = logging.getLogger(__name__)
SUITE_COPY = "suite.yaml"


class RunMismatch(ValueError):
    """The output directory holds a run of another suite or target."""


@dataclass
class RunSummary:
    run_dir: Path
    wanted: int
    generated: int
    errors: int
    kept: int


def _check_same_run(store: RunStore, suite_hash: str, target: Target) -> None:
    if not store.exists():
        return
    old = store.read_manifest()
    if old["suite"]["sha256"] != suite_hash:
        raise RunMismatch(f"{store.dir} holds a run of another suite (sha256 {old['suite']['sha256'][:12]}); use a new --out")
    if old["target"] != target.public_dict():
        raise RunMismatch(f"{store.dir} holds a run of another target ({old['target'].get('model')}); use a new --out")


def _skip_set(existing: dict[SampleKey, Completion], retry_errors: bool) -> set[SampleKey]:
    """Samples not to generate again: answered ones, and errors unless they are being retried."""
    return {key for key, c in existing.items() if c.ok or not retry_errors}


async def run_suite(suite_path: Path, target: Target, out_dir: Path, retry_errors: bool = False, progress: bool = True,
                    backend: Backend | None = None) -> RunSummary:
    """Generate every missing sample of ``suite_path`` on ``target`` into ``out_dir``; ``backend``:
    one built for ``target`` already (tests and benchmarks reuse a loaded engine), closed at the end."""
    suite, suite_hash = load_suite(suite_path)
    store = RunStore(out_dir)
    _check_same_run(store, suite_hash, target)
    existing = store.load()
    wanted = set(all_keys(suite))
    requests = plan_requests(suite, _skip_set(existing, retry_errors) & wanted)
    todo = sum(len(r.sample_indices) for r in requests)
    summary = RunSummary(Path(out_dir), len(wanted), 0, 0, len(wanted) - todo)
    backend = backend or create_backend(target)
    async with backend:
        preflight = await backend.preflight()
        manifest = store.read_manifest() if store.exists() else build_manifest(suite, Path(suite_path), suite_hash, target, backend, preflight)
        session = {"started_at": now(), "finished_at": None, "requested": todo, "retry_errors": retry_errors}
        manifest["sessions"].append(session)
        store.write_manifest(manifest)
        if not (store.dir / SUITE_COPY).exists():  # the suite as run, for --retry-errors and readers
            shutil.copyfile(suite_path, store.dir / SUITE_COPY)
        store.open_for_append()
        try:
            await _collect(backend.generate(requests), store, summary, todo, progress)
        finally:
            store.close()
            session.update(finished_at=now(), generated=summary.generated, errors=summary.errors)
            store.write_manifest(manifest)
    return summary


async def _collect(stream: AsyncIterator[Completion], store: RunStore, summary: RunSummary, todo: int, progress: bool) -> None:
    """Store completions as they arrive; a backend that repeats a sample is caught here."""
    seen: set[SampleKey] = set()
    with tqdm(total=todo, desc="samples", unit="sample", disable=not progress or todo == 0) as bar:
        async for completion in stream:
            if completion.key in seen:
                log.error("backend returned sample %s twice; the second copy is not stored", completion.key)
                continue
            seen.add(completion.key)
            store.append(completion)
            summary.generated += 1
            summary.errors += 0 if completion.ok else 1
            bar.update(1)
    if len(seen) != todo:
        raise RuntimeError(f"backend returned {len(seen)} of {todo} samples; rerun to resume the missing ones")
