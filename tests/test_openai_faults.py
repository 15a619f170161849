"""Faults against a real local HTTP server: every sample answered or recorded as an error, once.

The first part drives ``OpenAIBackend`` directly; the second runs ``idprobe run`` end to end
(in-process and as a subprocess that is SIGKILLed mid-run) against the same fake server.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from fake_openai_server import FakeConfig, FakeOpenAIServer, make_requests

from harness.backends import create_backend
from harness.backends.http_retry import EndpointRefused
from harness.backends.openai_compat import OpenAIBackend
from harness.cli import main as cli_main
from harness.plan import all_keys
from harness.records import Completion, GenRequest, SampleKey
from harness.suite import load_suite
from harness.target import Target

SECRET = "sk-test-SECRET-1234"
KEY_ENV = "IDPROBE_TEST_KEY"
FAST = {"backoff_base_s": 0.005, "backoff_max_s": 0.02, "timeout_s": 5.0}
ROOT = Path(__file__).resolve().parent.parent
SMOKE = ROOT / "probes" / "smoke.yaml"


@pytest.fixture(autouse=True)
def _api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, SECRET)


def backend_for(srv: FakeOpenAIServer, model: str = "fake-model", **options: Any) -> OpenAIBackend:
    target = Target(backend="openai", model=model, base_url=srv.base_url, api_key_env=KEY_ENV,
                    options={**FAST, **options})  # fmt: skip
    backend = create_backend(target)
    assert isinstance(backend, OpenAIBackend)
    return backend


def collect(backend: OpenAIBackend, requests: list[GenRequest]) -> list[Completion]:
    async def go() -> list[Completion]:
        async with backend:
            return [c async for c in backend.generate(requests)]

    return asyncio.run(go())


def assert_each_sample_once(got: list[Completion], requests: list[GenRequest]) -> None:
    """Nothing lost, nothing duplicated; failures carry an error and no text."""
    keys = [c.key for c in got]
    assert len(keys) == len(set(keys)), "a sample was yielded twice"
    assert set(keys) == {k for r in requests for k in r.keys()}, "a sample was lost"
    for c in got:
        assert (c.ok and c.text) or (c.error and c.text is None and not c.ok)


def prompt_of(entry: dict[str, Any]) -> str:
    return "p" + entry["user"].rsplit("(", 1)[1].rstrip(")")


# -- one fault at a time -------------------------------------------------------------------
@pytest.mark.parametrize(
    "fault", ["429", "500", "502", "503", "slow", "reset", "drop", "malformed", "few", "empty", "echo500"]
)
def test_each_retryable_fault_is_retried_until_every_sample_is_answered_once(fault: str) -> None:
    requests = make_requests(prompts=3, samples=3)
    timeout = 0.4 if fault == "slow" else 5.0
    with FakeOpenAIServer(FakeConfig(faults=[fault] * 3, slow_s=1.0)) as srv:
        got = collect(backend_for(srv, timeout_s=timeout, max_retries=4), requests)
    assert_each_sample_once(got, requests)
    assert all(c.ok for c in got)
    assert [r["fault"] for r in srv.requests].count(fault) == 3


def test_seeded_random_faults_lose_and_duplicate_nothing() -> None:
    requests = make_requests(prompts=20, samples=4)
    cfg = FakeConfig(fault_rate=0.4, seed=7, fault_kinds=("429", "500", "503", "reset", "malformed", "few", "empty"))
    with FakeOpenAIServer(cfg) as srv:
        got = collect(backend_for(srv, max_retries=3, max_concurrency=8), requests)
    assert_each_sample_once(got, requests)
    assert len({r["fault"] for r in srv.requests} - {"ok"}) >= 5  # the mix really happened
    assert sum(c.ok for c in got) > len(got) // 2


def test_a_sample_that_keeps_failing_is_recorded_as_an_error_after_its_retries() -> None:
    requests = make_requests(prompts=3, samples=2)
    with FakeOpenAIServer(FakeConfig(marker_faults={"(1)": "503"})) as srv:
        got = collect(backend_for(srv, max_retries=2), requests)
    assert_each_sample_once(got, requests)
    failed = sorted(c.key for c in got if not c.ok)
    assert failed == [SampleKey("p1", "none", 0), SampleKey("p1", "none", 1)]
    assert all("503" in (c.error or "") and "3 attempts" in (c.error or "") for c in got if not c.ok)
    assert sum(prompt_of(r) == "p1" for r in srv.requests) == 3  # first try + 2 retries


def test_a_server_that_never_returns_choices_ends_in_errors_not_a_loop() -> None:
    requests = make_requests(prompts=2, samples=3)
    with FakeOpenAIServer(FakeConfig(marker_faults={"(0)": "empty"})) as srv:
        got = collect(backend_for(srv, max_retries=2), requests)
    assert_each_sample_once(got, requests)
    assert {c.prompt_id for c in got if not c.ok} == {"p0"}
    assert all("no choices" in (c.error or "") for c in got if not c.ok)
    assert sum(prompt_of(r) == "p0" for r in srv.requests) == 3


def test_other_4xx_is_not_retried_and_fails_only_that_request() -> None:
    requests = make_requests(prompts=3, samples=2)
    with FakeOpenAIServer(FakeConfig(marker_faults={"(2)": "400"})) as srv:
        got = collect(backend_for(srv, max_retries=5), requests)
    assert_each_sample_once(got, requests)
    assert {c.prompt_id for c in got if not c.ok} == {"p2"}
    assert all("rejected by server: HTTP 400" in (c.error or "") for c in got if not c.ok)
    assert sum(prompt_of(r) == "p2" for r in srv.requests) == 1


def test_retry_after_is_honoured_and_a_huge_one_is_capped_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    requests = make_requests(prompts=1, samples=2)
    cfg = FakeConfig(faults=["429", "429"], retry_after="3600")
    with FakeOpenAIServer(cfg) as srv:
        backend = backend_for(srv, retry_after_max_s=0.05)
        asked: list[float | None] = []
        real_delay = backend._backoff.delay

        def spy(attempt: int, retry_after: float | None = None) -> float:
            asked.append(retry_after)
            return real_delay(attempt, retry_after)

        backend._backoff.delay = spy  # type: ignore[method-assign]
        with caplog.at_level(logging.WARNING):
            got = collect(backend, requests)
    assert all(c.ok for c in got) and asked == [3600.0, 3600.0]
    assert "asked to wait 3600.0 s" in caplog.text and "capped" in caplog.text


@pytest.mark.parametrize("status", ["401", "403"])
def test_a_refused_key_stops_the_run_naming_the_variable_never_the_key(
    status: str, caplog: pytest.LogCaptureFixture
) -> None:
    with FakeOpenAIServer(FakeConfig(faults=[status])) as srv:
        with caplog.at_level(logging.DEBUG), pytest.raises(EndpointRefused) as info:
            collect(backend_for(srv), make_requests(prompts=1, samples=1))
    message = str(info.value)
    assert f"${KEY_ENV}" in message and f"HTTP {status}" in message
    assert SECRET not in message and SECRET not in caplog.text
    assert len(srv.requests) == 1  # not retried


def test_an_unknown_model_stops_the_run_listing_the_served_models() -> None:
    with FakeOpenAIServer(FakeConfig(models=["fake-model", "other-7b"])) as srv:
        with pytest.raises(EndpointRefused) as info:
            collect(backend_for(srv, model="nex-n2"), make_requests(prompts=2, samples=1))
    assert "'nex-n2' not served" in str(info.value) and "fake-model, other-7b" in str(info.value)


def test_the_api_key_never_reaches_completions_or_logs_even_when_the_server_echoes_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    requests = make_requests(prompts=3, samples=2)
    cfg = FakeConfig(marker_faults={"(0)": "echo500"}, faults=["echo500", "echo500"])
    with FakeOpenAIServer(cfg) as srv, caplog.at_level(logging.DEBUG):
        backend = backend_for(srv, max_retries=1)
        got = collect(backend, requests)
        report = asyncio.run(_preflight(backend))
    assert_each_sample_once(got, requests)
    assert sum(r["fault"] == "echo500" for r in srv.requests) >= 4  # the server did echo the key back
    failed = [c for c in got if not c.ok]
    assert failed and all("[REDACTED]" in (c.error or "") for c in failed)
    stored = "".join(c.to_json() for c in got) + json.dumps(report) + json.dumps(backend.model_info())
    assert SECRET not in stored
    assert SECRET not in caplog.text and "[REDACTED]" in caplog.text


async def _preflight(backend: OpenAIBackend) -> dict[str, Any]:
    async with backend:
        return await backend.preflight()


# -- end to end through `idprobe run` -----------------------------------------------------
def write_target(tmp_path: Path, srv: FakeOpenAIServer, **options: Any) -> Path:
    config = {"backend": "openai", "model": "fake-model", "base_url": srv.base_url, "api_key_env": KEY_ENV,
              "options": {**FAST, **options}}  # fmt: skip
    path = tmp_path / "target.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def stored(run_dir: Path) -> list[Completion]:
    """Every readable record of completions.jsonl, in file order (a line cut by a kill is skipped)."""
    out = []
    for line in (run_dir / "completions.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            out.append(Completion.from_json(line))
        except ValueError:
            continue
    return out


def sample_requests(srv: FakeOpenAIServer, since: int = 0) -> list[dict[str, Any]]:
    """Chat requests for samples, leaving out the preflight's "Hi" probes."""
    return [r for r in srv.requests[since:] if not r["user"].startswith("Hi")]


def test_idprobe_run_through_random_faults_stores_every_sample_once(tmp_path: Path) -> None:
    wanted = set(all_keys(load_suite(SMOKE)[0]))
    cfg = FakeConfig(fault_rate=0.4, seed=11, fault_kinds=("429", "500", "503", "reset", "malformed", "few", "empty"))
    out = tmp_path / "run"
    with FakeOpenAIServer(cfg) as srv:
        args = ["run", str(SMOKE), "--target", str(write_target(tmp_path, srv, max_retries=8)), "--out", str(out)]
        result = CliRunner().invoke(cli_main, [*args, "--no-report"])
    assert result.exit_code == 0, result.output
    keys = [c.key for c in stored(out)]
    assert len(keys) == len(set(keys)) and set(keys) == wanted
    assert any(r["fault"] != "ok" for r in srv.requests)
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert json.loads(manifest)["preflight"]["suspected_hidden_system_prompt"] is False
    written = (out / "completions.jsonl").read_text(encoding="utf-8") + manifest + result.output
    assert SECRET not in written


def test_idprobe_run_with_a_refused_key_fails_naming_the_variable(tmp_path: Path) -> None:
    out = tmp_path / "run"
    with FakeOpenAIServer(FakeConfig(marker_faults={"": "401"})) as srv:
        args = ["run", str(SMOKE), "--target", str(write_target(tmp_path, srv)), "--out", str(out), "--no-report"]
        result = CliRunner().invoke(cli_main, args)
    assert result.exit_code == 2 and f"${KEY_ENV}" in result.output and "HTTP 401" in result.output
    assert SECRET not in result.output
    assert not (out / "completions.jsonl").exists() or not stored(out)


def test_retry_errors_regenerates_only_the_failed_samples(tmp_path: Path) -> None:
    suite = load_suite(SMOKE)[0]
    flaky = suite.prompts[1]
    out = tmp_path / "run"
    qwen = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."
    cfg = FakeConfig(marker_faults={flaky.text or "": "503"}, hidden_system_prompt=qwen)
    with FakeOpenAIServer(cfg) as srv:
        target = write_target(tmp_path, srv, max_retries=1)
        args = ["run", str(SMOKE), "--target", str(target), "--out", str(out), "--no-report"]
        first = CliRunner().invoke(cli_main, args)
        assert first.exit_code == 0, first.output
        failed = {c.key for c in stored(out) if not c.ok}
        assert failed == {k for k in all_keys(suite) if k.prompt_id == flaky.id}
        srv.config.marker_faults = {}  # the outage is over
        mark = len(srv.requests)
        second = CliRunner().invoke(cli_main, ["run", "--retry-errors", str(out), "--no-report"])
        assert second.exit_code == 0, second.output
        again = sample_requests(srv, mark)
    assert {r["user"] for r in again} == {flaky.text} and sum(r["n"] for r in again) == len(failed)
    records = stored(out)
    latest = {c.key: c for c in records}
    assert len(records) == len(all_keys(suite)) + len(failed) and all(c.ok for c in latest.values())
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["preflight"]["suspected_hidden_system_prompt"] is True


def test_a_killed_run_resumes_without_losing_or_repeating_samples(tmp_path: Path) -> None:
    suite_path = tmp_path / "suite.yaml"
    prompts = [{"id": f"q{i}", "language": "en", "text": f"Question number {i}: who made you?"} for i in range(6)]
    suite_path.write_text(yaml.safe_dump({"name": "kill", "version": "1", "prompts": prompts,
                                          "sampling": {"n": 4, "max_tokens": 16}}), encoding="utf-8")  # fmt: skip
    wanted = set(all_keys(load_suite(suite_path)[0]))
    out, log_path = tmp_path / "run", tmp_path / "idprobe.log"
    with FakeOpenAIServer(FakeConfig(delay_s=0.15)) as srv:
        target = write_target(tmp_path, srv, use_n=False, max_concurrency=2)
        cmd = [sys.executable, "-m", "harness.cli", "run", str(suite_path), "--target", str(target), "--out", str(out),
               "--no-report"]  # fmt: skip
        env = {**os.environ, KEY_ENV: SECRET}
        with open(log_path, "w") as log_file:
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + 90
            while proc.poll() is None and time.monotonic() < deadline and _lines(out) < 6:
                time.sleep(0.02)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
        before = (out / "completions.jsonl").read_bytes()
        kept = stored(out)
        assert 0 < len(kept) < len(wanted), log_path.read_text()  # killed mid-run, after some samples
        mark = len(srv.requests)
        rerun = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
        resumed = sample_requests(srv, mark)
    after = (out / "completions.jsonl").read_bytes()
    assert after.startswith(before.rstrip(b"\n"))  # nothing written before the kill was lost or rewritten
    keys = [c.key for c in stored(out)]
    assert len(keys) == len(set(keys)) and set(keys) == wanted
    assert len(resumed) == len(wanted) - len(kept)  # only the missing samples were asked for again
    assert SECRET not in after.decode() + rerun.stdout + rerun.stderr + log_path.read_text()


def _lines(run_dir: Path) -> int:
    path = run_dir / "completions.jsonl"
    return path.read_bytes().count(b"\n") if path.exists() else 0
