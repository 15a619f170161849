"""Every shipped config and every registered backend follows the same contract."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pydantic import ValidationError

from harness.backends import REGISTRY, backend_class, create_backend
from harness.plan import plan_requests
from harness.suite import load_suite
from harness.target import Target, load_target
from tests.conftest import ROOT

CONFIGS = sorted((ROOT / "configs").glob("*.yaml"))


@pytest.mark.parametrize("path", CONFIGS, ids=[p.name for p in CONFIGS])
def test_shipped_config_loads_and_its_options_validate(path: Path) -> None:
    target = load_target(path)
    backend = create_backend(target)  # validates options; loads nothing
    assert backend.target is target


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_backend_options_reject_unknown_keys(name: str) -> None:
    cls = backend_class(name)
    assert cls.name == name
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        cls.Options.model_validate({"no_such_option": 1})


def test_unknown_backend_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown backend 'nope'; known: "):
        backend_class("nope")


def test_target_never_serialises_a_key_only_its_variable_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDPROBE_TEST_KEY", "sk-secret-value")
    target = Target(backend="openai", model="m", base_url="http://127.0.0.1:9/v1", api_key_env="IDPROBE_TEST_KEY")
    assert target.api_key() == "sk-secret-value"
    assert "sk-secret-value" not in str(target.public_dict())


def test_missing_key_variable_is_an_error_not_an_anonymous_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IDPROBE_UNSET_KEY", raising=False)
    with pytest.raises(ValueError, match="IDPROBE_UNSET_KEY"):
        Target(backend="openai", model="m", api_key_env="IDPROBE_UNSET_KEY").api_key()


def test_echo_backend_answers_every_requested_sample_once() -> None:
    suite, _ = load_suite(ROOT / "probes" / "smoke.yaml")
    requests = plan_requests(suite)
    backend = create_backend(Target(backend="echo", model="echo"))

    async def collect() -> list[tuple[str, str, int]]:
        async with backend:
            return [c.key async for c in backend.generate(requests)]

    keys = asyncio.run(collect())
    assert sorted(keys) == sorted(k for r in requests for k in r.keys())
