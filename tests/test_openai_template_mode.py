"""Endpoint runs described as they ran: who rendered the prompt, what the preflight found, what seeds mean.

Runs go through the runner against the fake chat-completions server (no model): a chat run is
recorded as template mode ``server`` with the preflight verdict in the manifest, report.json,
report.md, ``check`` and ``compare``; a raw-completions run with a local template renders the
prompt in idprobe (``strict``) and records the text sent.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fake_openai_server import SMOLLM2_SYSTEM, FakeConfig, FakeOpenAIServer

from harness.backends.chat import ChatTemplate, FileTemplate, load_tokenizer
from harness.cli import main
from harness.records import Message
from harness.runner import run_suite
from harness.target import Target
from harness.templating import SERVER_SENTENCE

ROOT = Path(__file__).resolve().parent.parent
SMOKE = ROOT / "probes" / "smoke.yaml"
# SmolLM2's chat template, as shipped (ChatML with a default system block).
SMOLLM2_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}"
    "{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)


def _run(srv: FakeOpenAIServer, out: Path, **options: Any) -> dict[str, Any]:
    target = Target(backend="openai", base_url=srv.base_url, model="fake-model", options=options)
    summary = asyncio.run(run_suite(SMOKE, target, out, progress=False))
    assert summary.generated == 12 and summary.errors == 0
    return json.loads((out / "manifest.json").read_text())


def _rows(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "completions.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def server_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A chat run against a server whose template adds SmolLM2's system block, with its report."""
    out = tmp_path_factory.mktemp("server") / "run"
    with FakeOpenAIServer(FakeConfig(hidden_system_prompt=SMOLLM2_SYSTEM)) as srv:
        _run(srv, out)
    result = CliRunner().invoke(main, ["report", str(out), "--format", "json,md"])
    assert result.exit_code == 0, result.output
    return out


def test_chat_endpoint_run_records_template_mode_server_with_the_preflight_verdict(server_run: Path) -> None:
    manifest = json.loads((server_run / "manifest.json").read_text())
    template = manifest["template"]
    assert (template["mode"], template["requested_mode"], template["rendered_by"]) == ("server", "strict", "server")
    preflight = manifest["preflight"]
    assert preflight["suspected_hidden_system_prompt"] is True and preflight["verdict"] == "hidden system prompt likely"
    assert template["statement"].startswith(SERVER_SENTENCE)
    # The figures in the sentence are the preflight's own.
    figures = f"counted {preflight['prompt_tokens_reported']} prompt tokens"
    assert figures in template["statement"] and "hidden system prompt likely" in template["statement"]
    assert all(row["rendered"] is None for row in manifest["rendered_prompts"])  # the server's rendering is unseen


def test_report_json_and_markdown_carry_mode_statement_and_preflight(server_run: Path) -> None:
    summary = json.loads((server_run / "report.json").read_text())
    assert summary["run"]["template_mode"] == "server"
    template = summary["template"]
    assert template["mode"] == "server" and template["statement"].startswith(SERVER_SENTENCE)
    assert template["preflight"]["verdict"] == "hidden system prompt likely"
    assert template["preflight"]["overhead_tokens"] > template["preflight"]["threshold_tokens"]
    assert "template mode **server**" in (server_run / "report.md").read_text()


def test_check_prints_who_rendered_the_prompts(server_run: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(server_run), "--expect", "other<=100%", "--condition", "none"])
    last = result.output.splitlines()[-1]
    assert last.startswith("template: server: A chat-completions server rendered") and "hidden system prompt likely" in last


def test_compare_data_carries_each_runs_template_and_preflight(server_run: Path) -> None:
    from harness.compare import load_and_compare

    result = load_and_compare([server_run, server_run])
    for run in result["runs"]:
        assert run["template_mode"] == "server"
        assert run["template"]["preflight"]["verdict"] == "hidden system prompt likely"


def test_use_n_records_the_shared_seed_and_each_choice_position(server_run: Path) -> None:
    rows = [r for r in _rows(server_run) if r["prompt_id"] == "en-direct-1" and r["condition"] == "none"]
    assert len(rows) == 2 and rows[0]["seed"] == rows[1]["seed"]
    assert sorted(r["seed_choice"] for r in rows) == [0, 1]
    manifest = json.loads((server_run / "manifest.json").read_text())
    assert "use_n: true" in manifest["seeds"]["statement"] and "seed_choice" in manifest["seeds"]["statement"]


def test_without_use_n_each_sample_records_its_own_seed(tmp_path: Path) -> None:
    with FakeOpenAIServer() as srv:
        manifest = _run(srv, tmp_path / "run", use_n=False)
    rows = _rows(tmp_path / "run")
    assert len({r["seed"] for r in rows}) == 12 and all(r["seed_choice"] is None for r in rows)
    assert "its own seed" in manifest["seeds"]["statement"]


def test_raw_completions_with_a_template_file_render_strict_in_idprobe(tmp_path: Path) -> None:
    template_file = tmp_path / "chat_template.jinja"
    template_file.write_text(SMOLLM2_TEMPLATE)
    with FakeOpenAIServer(FakeConfig(hidden_system_prompt=SMOLLM2_SYSTEM)) as srv:
        manifest = _run(srv, tmp_path / "run", completions_template=str(template_file))
        sent = [r["body"] for r in srv.requests]
    assert all("prompt" in body and "messages" not in body for body in sent)  # every call went to /v1/completions
    bare = [b["prompt"] for b in sent if "Who are you?" in b["prompt"] and "Rio" not in b["prompt"]]
    assert bare and bare[0] == "<|im_start|>user\nWho are you?<|im_end|>\n<|im_start|>assistant\n"
    template = manifest["template"]
    assert (template["mode"], template["rendered_by"]) == ("strict", "idprobe")
    assert template["finding"]["injected_system"] == SMOLLM2_SYSTEM and "/v1/completions" in template["statement"]
    rendered = {(r["prompt_id"], r["condition"]): r["rendered"] for r in manifest["rendered_prompts"]}
    assert rendered["en-direct-1", "none"] == bare[0]
    assert "SmolLM" not in "".join(rendered.values())
    # A template file alone cannot count tokens: the preflight says so rather than guess.
    assert manifest["preflight"]["method"] == "raw completions" and manifest["preflight"]["verdict"] == "undetermined"


def test_template_file_renders_like_the_models_tokenizer(tmp_path: Path) -> None:
    """The light renderer (base install) gives the same text as transformers for SmolLM2's template."""
    tokenizer = load_tokenizer("embedded:smollm2")
    template_file = tmp_path / "t.jinja"
    template_file.write_text(tokenizer.chat_template)
    light = FileTemplate(template_file)
    for mode in ("strict", "stock"):
        target = Target(template_mode=mode)
        messages = [Message(role="system", content="You are Rio."), Message(role="user", content="Who are you?")]
        for conversation in (messages, messages[1:]):
            expected = ChatTemplate.prepare(tokenizer, target).render(conversation)
            assert ChatTemplate.prepare(light, target).render(conversation) == expected


def test_an_endpoint_run_recorded_before_modes_were_told_apart_reads_as_server() -> None:
    from harness.templating import template_summary

    old = {"target": {"backend": "openai"}, "template": {"mode": "strict"},
           "preflight": {"prompt_tokens_reported": 39, "expected_bare_tokens": 1, "overhead_tokens": 38,
                         "threshold_tokens": 16, "suspected_hidden_system_prompt": True}}  # fmt: skip
    summary = template_summary(old)
    assert summary["mode"] == "server" and summary["statement"].startswith(SERVER_SENTENCE)
    assert "counted 39 prompt tokens" in summary["statement"] and "leaving 38 (threshold 16)" in summary["statement"]
    assert summary["preflight"]["verdict"] == "hidden system prompt likely"
    finding = {"template_sha256": None, "injected_system": SMOLLM2_SYSTEM, "injected_block": "x",
               "stock_example": "x", "strict_example": "y"}  # fmt: skip
    local = template_summary({"target": {"backend": "transformers"}, "template": {"mode": "strict", "finding": finding}})
    assert local["mode"] == "strict" and local["preflight"] is None
    assert local["statement"].startswith("idprobe rendered every prompt itself") and SMOLLM2_SYSTEM in local["statement"]


def test_a_missing_completions_template_is_an_error_naming_the_option(tmp_path: Path) -> None:
    from harness.backends import create_backend

    target = Target(backend="openai", base_url="http://127.0.0.1:9/v1", model="m",
                    options={"completions_template": str(tmp_path / "nope.jinja")})
    with pytest.raises(ValueError, match="options.completions_template: .*nope.jinja.* not found"):
        asyncio.run(create_backend(target).start())
