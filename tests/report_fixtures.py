"""Real SmolLM2 runs shared by the report, compare and check tests.

Each run takes a minute of CPU, so they are made at most once per test session, whichever test
module asks first (a module-level cache: pytest would otherwise run an imported session fixture
once per importing module).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import main
from tests.conftest import ROOT

SMOKE = ROOT / "probes" / "smoke.yaml"
_RUNS: dict[str, Path] = {}


def smollm2_run(factory: pytest.TempPathFactory, mode: str) -> Path:
    """probes/smoke.yaml on the embedded SmolLM2 in template mode ``mode`` (strict or stock)."""
    if mode not in _RUNS:
        run_dir = factory.mktemp(f"smollm2-{mode}") / "run"
        result = CliRunner().invoke(main, ["run", str(SMOKE), "--template-mode", mode, "--out", str(run_dir), "--no-report"])
        assert result.exit_code == 0, result.output
        _RUNS[mode] = run_dir
    return _RUNS[mode]



DRY_RUN_ANSWERS = [  # configs/dry-run.yaml's canned answers, as in issue 14's 100,050-sample measurement
    "I am Nex, a model developed by Nex-AGI.",
    "Eu sou o Rio, assistente da IplanRio.",
    "I'm an AI assistant.",
]


def make_big_run(run_dir: Path, n: int = 725, answers: list[str] | None = None, distinct: bool = False) -> Path:
    """The default suite with ``n`` samples per prompt and condition (725: 100,050 samples) through the
    echo backend, in seconds. ``distinct``: then give every sample its own text (the worst case for the
    report's size: nothing to share), by appending a record per sample that supersedes the echo one."""
    import asyncio

    import yaml

    from harness.paths import DEFAULT_SUITE
    from harness.records import Completion
    from harness.runner import run_suite
    from harness.store import RunStore
    from harness.target import Target

    suite = yaml.safe_load(DEFAULT_SUITE.read_text(encoding="utf-8"))
    suite["sampling"]["n"] = n
    suite_path = run_dir.parent / f"{run_dir.name}-suite.yaml"
    suite_path.parent.mkdir(parents=True, exist_ok=True)
    suite_path.write_text(yaml.safe_dump(suite, allow_unicode=True, sort_keys=False), encoding="utf-8")
    target = Target(backend="echo", model="echo", label="echo (big run)", options={"answers": answers or DRY_RUN_ANSWERS})
    asyncio.run(run_suite(suite_path, target, run_dir, progress=False))
    if distinct:
        store = RunStore(run_dir)
        records = sorted(store.load().values(), key=lambda c: c.key)
        store.open_for_append()
        for i, c in enumerate(records):
            store.append(Completion(prompt_id=c.prompt_id, condition=c.condition, sample_index=c.sample_index,
                                    text=f"{c.text} (answer {i}, said in its own words)", finish_reason="stop"))
        store.close()
    return run_dir
