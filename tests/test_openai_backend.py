"""OpenAIBackend against a real local HTTP server: request shape, n handling, preflight, options."""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Any

import pytest
from fake_openai_server import SMOLLM2_SYSTEM, FakeConfig, FakeOpenAIServer, count_tokens, make_requests
from pydantic import ValidationError

from harness.backends import create_backend
from harness.backends.http_retry import Backoff, Redactor, parse_retry_after
from harness.backends.openai_compat import OpenAIBackend
from harness.backends.openai_parse import split_tokens
from harness.paths import CONFIGS_DIR
from harness.records import Completion
from harness.target import Target, load_target

FAST = {"backoff_base_s": 0.005, "backoff_max_s": 0.02, "timeout_s": 5.0}


def backend_for(srv: FakeOpenAIServer, **options: Any) -> OpenAIBackend:
    target = Target(backend="openai", model="fake-model", base_url=srv.base_url, options={**FAST, **options})
    backend = create_backend(target)
    assert isinstance(backend, OpenAIBackend)
    return backend


def collect(backend: OpenAIBackend, requests: list) -> list[Completion]:
    async def go() -> list[Completion]:
        async with backend:
            return [c async for c in backend.generate(requests)]

    return asyncio.run(go())


def test_use_n_asks_for_all_samples_of_a_prompt_in_one_request_seeded_by_the_first() -> None:
    requests = make_requests(prompts=3, samples=4)
    with FakeOpenAIServer() as srv:
        got = collect(backend_for(srv), requests)
    assert sorted(c.key for c in got) == sorted(k for r in requests for k in r.keys())
    assert len(srv.requests) == 3
    assert all(r["n"] == 4 for r in srv.requests)
    by_prompt = {r.prompt_id: r for r in requests}
    for entry in srv.requests:
        prompt_id = entry["user"].rsplit("(", 1)[1].rstrip(")")
        assert entry["seed"] == by_prompt[f"p{prompt_id}"].seeds[0]
    for c in got:
        assert c.ok and c.finish_reason == "stop" and c.latency_s is not None and c.latency_s >= 0
        # generation prompt + the user message's formatting + its words and punctuation
        assert c.prompt_tokens == 3 + 5 + count_tokens(requests[0].messages[0].content)
        assert c.seed == by_prompt[c.prompt_id].seeds[0]
    # Completion tokens of a response are shared out among its choices and sum to the total.
    for prompt_id in by_prompt:
        texts = [c for c in got if c.prompt_id == prompt_id]
        total = sum(count_tokens(c.text or "") for c in texts)
        assert sum(c.completion_tokens or 0 for c in texts) == total


def test_without_use_n_each_sample_is_its_own_request_with_its_own_seed() -> None:
    requests = make_requests(prompts=2, samples=3)
    with FakeOpenAIServer() as srv:
        got = collect(backend_for(srv, use_n=False), requests)
    assert len(srv.requests) == 6
    assert all("n" not in r["body"] for r in srv.requests)
    sent = sorted(r["seed"] for r in srv.requests)
    assert sent == sorted(s for r in requests for s in r.seeds)
    assert {c.seed for c in got} == set(sent)
    assert len({c.text for c in got}) == 6  # distinct seeds, distinct samples


def test_provider_ignoring_n_is_topped_up_until_every_sample_is_answered_once() -> None:
    requests = make_requests(prompts=2, samples=5)
    with FakeOpenAIServer(FakeConfig(max_choices=2)) as srv:
        got = collect(backend_for(srv), requests)
    keys = [c.key for c in got]
    assert len(keys) == len(set(keys)) == 10 and all(c.ok for c in got)
    # 5 samples at 2 per answer: asks for 5, then 3, then 1.
    assert sorted(r["n"] for r in srv.requests) == [1, 1, 3, 3, 5, 5]
    # Each top-up is seeded by its first missing sample, so it does not repeat earlier answers.
    assert len({c.text for c in got}) == 10


def test_completions_are_yielded_as_they_finish_not_in_request_order() -> None:
    requests = make_requests(prompts=4, samples=1)
    cfg = FakeConfig(marker_faults={"(0)": "slow"}, slow_s=0.5)
    with FakeOpenAIServer(cfg) as srv:
        got = collect(backend_for(srv, timeout_s=10.0), requests)
    assert [c.prompt_id for c in got][-1] == "p0"
    assert all(c.ok for c in got)


def test_requests_in_flight_never_exceed_max_concurrency() -> None:
    requests = make_requests(prompts=12, samples=1)
    with FakeOpenAIServer(FakeConfig(delay_s=0.05)) as srv:
        got = collect(backend_for(srv, max_concurrency=3), requests)
    assert len(got) == 12
    assert srv.max_in_flight == 3


def test_extra_body_and_headers_from_env_are_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDPROBE_TEST_ORG", "org-42")
    with FakeOpenAIServer() as srv:
        backend = backend_for(srv, extra_body={"top_k": 20}, headers_env={"OpenAI-Organization": "IDPROBE_TEST_ORG"},
                              max_tokens_field="max_completion_tokens")  # fmt: skip
        collect(backend, make_requests(prompts=1, samples=1))
    body = srv.requests[0]["body"]
    assert body["top_k"] == 20 and body["max_completion_tokens"] == 32 and "max_tokens" not in body


def test_options_reject_unknown_keys_and_extra_body_that_overrides_sampling() -> None:
    with pytest.raises(ValidationError, match="max_concurency"):
        OpenAIBackend.Options.model_validate({"max_concurency": 4})
    with pytest.raises(ValidationError, match="seed"):
        OpenAIBackend.Options.model_validate({"extra_body": {"seed": 1}})
    with pytest.raises(ValidationError, match="extra_body cannot be sent as JSON"):
        OpenAIBackend.Options.model_validate({"extra_body": {"stop": {"a", "b"}}})  # a set has no JSON form


def test_start_fails_clearly_without_base_url_or_with_an_unset_key_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IDPROBE_NO_SUCH_KEY", raising=False)
    with pytest.raises(ValueError, match="base_url"):
        asyncio.run(create_backend(Target(backend="openai", model="m")).start())
    target = Target(backend="openai", model="m", base_url="http://127.0.0.1:9/v1", api_key_env="IDPROBE_NO_SUCH_KEY")
    with pytest.raises(ValueError, match="IDPROBE_NO_SUCH_KEY"):
        asyncio.run(create_backend(target).start())


def test_shipped_endpoint_configs_validate() -> None:
    for name in ("openai-example.yaml", "local-vllm-server.yaml", "judge-example.yaml"):
        target = load_target(CONFIGS_DIR / name)
        assert target.backend == "openai" and target.base_url
        assert isinstance(create_backend(target), OpenAIBackend)  # options validated, unknown keys rejected


def test_model_info_drops_credentials_from_the_url() -> None:
    target = Target(backend="openai", model="m", base_url="http://user:pw@127.0.0.1:8000/v1?key=abc")
    info = create_backend(target).model_info()
    assert info == {"model": "m", "backend": "openai", "base_url": "http://127.0.0.1:8000/v1"}


def test_preflight_sees_only_chat_formatting_on_a_plain_server() -> None:
    with FakeOpenAIServer() as srv:
        backend = backend_for(srv)

        async def go() -> dict:
            async with backend:
                return await backend.preflight()

        report = asyncio.run(go())
    assert report["prompt_tokens_reported"] == 9 and report["expected_bare_tokens"] == 1
    assert report["overhead_tokens"] == 8 and report["suspected_hidden_system_prompt"] is False
    assert report["method"] == "calibration"
    assert [r["body"]["max_tokens"] for r in srv.requests] == [1, 1]
    assert all(r["body"]["temperature"] == 0 for r in srv.requests)


def test_preflight_flags_a_template_that_adds_a_system_prompt() -> None:
    with FakeOpenAIServer(FakeConfig(hidden_system_prompt=SMOLLM2_SYSTEM)) as srv:
        backend = backend_for(srv)

        async def go() -> dict:
            async with backend:
                return await backend.preflight()

        report = asyncio.run(go())
    # 9 tokens of "Hi" + formatting, plus 13 of SmolLM2's prompt and 5 of its block's formatting.
    assert report["prompt_tokens_reported"] == 27 and report["overhead_tokens"] == 26
    assert report["suspected_hidden_system_prompt"] is True
    assert report["served_model"]["id"] == "fake-model"


def test_preflight_without_usage_says_it_cannot_tell() -> None:
    with FakeOpenAIServer(FakeConfig(send_usage=False)) as srv:
        backend = backend_for(srv)

        async def go() -> dict:
            async with backend:
                return await backend.preflight()

        report = asyncio.run(go())
    assert report["suspected_hidden_system_prompt"] is None and "no usage" in report["note"]


def test_retry_after_reads_seconds_milliseconds_and_http_dates() -> None:
    assert parse_retry_after({"Retry-After": "7"}) == 7.0
    assert parse_retry_after({"retry-after-ms": "250", "Retry-After": "7"}) == 0.25
    assert parse_retry_after({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, now=1445412470.0) == 10.0
    assert parse_retry_after({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0  # long past
    assert parse_retry_after({"Retry-After": "soon"}) is None
    assert parse_retry_after({}) is None


def test_backoff_uses_full_jitter_under_a_doubling_cap_and_caps_retry_after(caplog: pytest.LogCaptureFixture) -> None:
    backoff = Backoff(base_s=1.0, max_s=5.0, retry_after_max_s=30.0, rng=random.Random(3))
    for attempt, cap in [(1, 1.0), (2, 2.0), (3, 4.0), (6, 5.0)]:
        delays = [backoff.delay(attempt) for _ in range(200)]
        assert all(0.0 <= d <= cap for d in delays) and max(delays) > cap * 0.8
    assert backoff.delay(1, retry_after=12.0) == 12.0
    with caplog.at_level(logging.WARNING):
        assert backoff.delay(1, retry_after=3600.0) == 30.0
    assert "capped" in caplog.text


def test_token_split_is_proportional_and_sums_to_the_reported_total() -> None:
    assert split_tokens(10, ["abc"]) == [10]
    shares = split_tokens(11, ["a" * 10, "a" * 10, "a" * 20])
    assert sum(shares) == 11 and shares[2] > shares[0]
    assert split_tokens(None, ["a", "b"]) == [None, None]


def test_token_split_never_estimates_a_choice_above_max_tokens_when_the_total_allows() -> None:
    # One long answer and two short ones: a plain proportional split would give the long one 54.
    shares = split_tokens(60, ["x" * 900, "x" * 50, "x" * 50], cap=32)
    assert shares[0] == 32 and sum(shares) == 60 and all(s <= 32 for s in shares)  # type: ignore[operator]
    # Two long answers overflow in turn: both pinned, the rest goes to the short one.
    assert split_tokens(70, ["x" * 500, "x" * 400, "x" * 10], cap=32) == [32, 32, 6]
    # A total no split can fit under the cap is the server's claim: shared, still summing to it.
    assert sum(split_tokens(100, ["a", "bb"], cap=32)) == 100  # type: ignore[arg-type]


def test_redactor_removes_every_secret_and_leaves_other_text() -> None:
    redact = Redactor(["sk-test-SECRET-1234", "org-secret", None])
    assert redact("key sk-test-SECRET-1234 org org-secret!") == "key [REDACTED] org [REDACTED]!"


def test_preflight_counts_exactly_with_a_local_tokenizer() -> None:
    """The embedded SmolLM2 tokenizer (a GGUF file shipped by a package): "Hi" is one token, and its
    stock template renders a user-only "Hi" as 31 tokens because it adds a system block."""
    with FakeOpenAIServer(FakeConfig(hidden_system_prompt=SMOLLM2_SYSTEM)) as srv:
        backend = backend_for(srv, tokenizer="embedded:smollm2")

        async def go() -> dict:
            async with backend:
                return await backend.preflight()

        report = asyncio.run(go())
    assert report["method"] == "tokenizer" and report["expected_bare_tokens"] == 1
    assert report["stock_template_tokens"] == 31
    assert report["overhead_tokens"] == 26 and report["suspected_hidden_system_prompt"] is True
    assert len(srv.requests) == 1  # no calibration request needed
