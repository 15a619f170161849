"""Seeds on the transformers backend mean what the manifest says: two uninterrupted runs of the same
suite, target and seed store the same texts, each sample records the seed of the generator that drew
it, and another run seed draws other texts."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from harness.backends import create_backend
from harness.runner import run_suite
from harness.target import Target

SUITE = """\
name: seeds
version: "1"
prompts:
  - {{id: who, language: en, tags: [direct], text: "Who are you?"}}
  - {{id: name, language: en, tags: [name], text: "What is your name? Answer in one sentence."}}
  - {{id: maker, language: fr, tags: [creator], text: "Qui t'a créé ?"}}
conditions:
  - id: none
  - id: rio
    system_prompt: "You are Rio, an assistant made by IplanRio."
sampling: {{n: 2, temperature: 1.0, top_p: 0.95, max_tokens: 12, seed: {seed}}}
"""
# Six prompt-condition pairs of two samples, four sequences a batch: three batches.
TARGET = Target.model_validate(
    {"backend": "transformers", "model": "embedded:smollm2", "options": {"device": "cpu", "batch_size": 4}}
)


def _run(tmp: Path, name: str, seed: int) -> tuple[dict[tuple[str, str, int], dict[str, object]], dict[str, object]]:
    suite = tmp / f"{name}.yaml"
    suite.write_text(SUITE.format(seed=seed), encoding="utf-8")
    asyncio.run(run_suite(suite, TARGET, tmp / name, progress=False))
    rows = [json.loads(line) for line in (tmp / name / "completions.jsonl").read_text().splitlines()]
    manifest = json.loads((tmp / name / "manifest.json").read_text())
    return {(r["prompt_id"], r["condition"], r["sample_index"]): r for r in rows}, manifest


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, dict]]:
    tmp = tmp_path_factory.mktemp("seeds")
    return {"a": _run(tmp, "a", 7), "b": _run(tmp, "b", 7), "other": _run(tmp, "other", 8)}


def test_two_uninterrupted_runs_with_the_same_seed_store_identical_texts(runs: dict[str, tuple[dict, dict]]) -> None:
    a, b = runs["a"][0], runs["b"][0]
    assert len(a) == 12 and a.keys() == b.keys()
    assert all(a[k]["error"] is None and a[k]["text"] for k in a)
    assert {k: a[k]["text"] for k in a} == {k: b[k]["text"] for k in b}
    assert {k: a[k]["seed"] for k in a} == {k: b[k]["seed"] for k in b}


def test_each_sample_records_the_seed_of_its_batch_generator(runs: dict[str, tuple[dict, dict]]) -> None:
    rows = runs["a"][0]
    seeds = [r["seed"] for r in rows.values()]
    # Three batches of four sequences, each drawn from its own generator: three seeds, four samples each.
    assert sorted(seeds.count(s) for s in set(seeds)) == [4, 4, 4]


def test_another_run_seed_draws_other_texts(runs: dict[str, tuple[dict, dict]]) -> None:
    a, other = runs["a"][0], runs["other"][0]
    assert sum(a[k]["text"] != other[k]["text"] for k in a) >= 6


def test_the_manifest_states_what_the_seed_reproduces(runs: dict[str, tuple[dict, dict]]) -> None:
    statement = json.dumps(runs["a"][1])
    expected = create_backend(TARGET).seed_statement()
    assert json.dumps(expected)[1:-1] in statement
    assert "batch_size=4" in expected and "resumed run" in expected
