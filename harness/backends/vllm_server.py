"""The vLLM server backend: starts vLLM's OpenAI-compatible server for the user, then talks to it.

The server runs as a child process in its own process group, bound to 127.0.0.1 on a free port,
with its log in a file. Sampling and the preflight check go through the ``openai`` backend, so
this module holds only the server's lifecycle; ``aclose`` stops the whole process group (SIGTERM,
then SIGKILL after a grace period), also after errors and Ctrl-C, and at interpreter exit as a
last resort.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any, Literal

import aiohttp
from pydantic import BaseModel, Field

from harness import embedded
from harness.backends.base import Backend
from harness.backends.chat import ChatTemplate
from harness.backends.openai_options import OpenAIOptions
from harness.backends.vllm_engine import VLLMEngineOptions, engine_record, on_cpu, seed_statement, weights_digest
from harness.records import Completion, GenRequest
from harness.target import Target

log = logging.getLogger("harness.backends.vllm_server")
_LIVE: set[subprocess.Popen] = set()  # servers to stop if the interpreter exits without aclose


class ServerStartError(RuntimeError):
    """The server exited or did not answer in time; the message carries its log's tail."""


class VLLMServerOptions(VLLMEngineOptions):
    """Options of ``backend: vllm-server`` (engine options as for ``backend: vllm``, plus these)."""

    port: int | None = Field(None, ge=1, le=65535)
    """Port on 127.0.0.1; default: a free one."""
    api: Literal["completions", "chat"] = "completions"
    """``completions``: idprobe renders each prompt with the model's chat template (``template_mode``
    applies: strict removes the default system block) and sends the text to ``/v1/completions``;
    the exact text is recorded. ``chat``: the server renders through ``/v1/chat/completions``, given
    the strict template with ``--chat-template`` in strict mode (recorded as template mode ``server``)."""
    served_model_name: str = "idprobe-target"
    """Name the server gives the model (what requests ask for)."""
    startup_timeout_s: float = Field(600.0, gt=0)
    """How long to wait for ``/v1/models`` to answer before giving up."""
    stop_grace_s: float = Field(30.0, ge=0)
    """After SIGTERM, how long the server may take to exit before SIGKILL."""
    log_dir: str | None = None
    """Where the server log (and the strict chat template) go; default: a temporary directory,
    removed after a clean stop and kept (and named in the error) when the server failed."""
    server_args: list[str] = Field(default_factory=list)
    """Extra command-line arguments for the server, as given."""
    python: str | None = None
    """Interpreter that has vLLM installed; default: the one running idprobe."""
    client: dict[str, Any] = Field(default_factory=dict)
    """Options of the ``openai`` backend that talks to the server (``max_concurrency``, ``use_n``...).
    ``tokenizer`` defaults to the model directory, for an exact preflight count; with ``api:
    completions``, ``extra_body.add_special_tokens`` defaults to false (the rendered text holds them)."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def engine_flags(options: VLLMEngineOptions, cpu: bool = False) -> list[str]:
    """Engine options as server flags: ``max_model_len=512`` becomes ``--max-model-len 512``; a false
    engine argument beyond the options' own (``enable_chunked_prefill``) becomes ``--no-...``."""
    flags: list[str] = []
    own = set(VLLMEngineOptions.model_fields)
    for key, value in options.engine_args(cpu).items():
        flag = "--" + key.replace("_", "-")
        if value is True:
            flags.append(flag)
        elif value is False and key not in own:
            flags.append("--no-" + key.replace("_", "-"))
        elif value is False or value is None:
            continue
        elif isinstance(value, (dict, list)):
            flags += [flag, json.dumps(value)]
        else:
            flags += [flag, str(value)]
    return flags


def stop_process_group(proc: subprocess.Popen, grace_s: float) -> None:
    """SIGTERM the server's process group, SIGKILL what is left after ``grace_s``."""
    _LIVE.discard(proc)
    if proc.poll() is None:
        _signal_group(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            log.warning("vLLM server did not exit %.0f s after SIGTERM; killing it", grace_s)
    _signal_group(proc, signal.SIGKILL)  # engine workers that outlived the server process
    proc.wait()
    deadline = time.monotonic() + 10.0  # let the killed workers finish dying before we return
    while time.monotonic() < deadline and _group_exists(proc.pid):
        time.sleep(0.1)


def _group_exists(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _signal_group(proc: subprocess.Popen, sig: signal.Signals) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


@atexit.register
def _stop_leftovers() -> None:
    for proc in list(_LIVE):
        stop_process_group(proc, 5.0)


class VLLMServerBackend(Backend):
    """Starts ``vllm.entrypoints.openai.api_server`` on a local model and probes it over HTTP."""

    name = "vllm-server"
    Options = VLLMServerOptions
    options: VLLMServerOptions

    def __init__(self, target: Any, options: BaseModel) -> None:
        super().__init__(target, options)
        self.proc: subprocess.Popen | None = None
        self.client: Backend | None = None
        self.base_url: str | None = None
        self.log_path: Path | None = None
        self._tokenizer: Any = None
        self._path: str | None = None
        self._weights: dict[str, Any] | None = None
        self._workdir: Path | None = None
        self._own_workdir = False
        self._cpu = False

    # -- lifecycle -------------------------------------------------------------------------
    async def start(self) -> None:
        """Inspect the template, start the server, wait for it, connect the HTTP client."""
        try:
            await asyncio.to_thread(self._prepare)
            self._launch()
            await self._wait_ready()
            self.client = self._make_client()
            await self.client.start()
        except BaseException:
            await self.aclose(keep_log=True)
            raise

    def _prepare(self) -> None:
        from transformers import AutoTokenizer

        self._path = embedded.resolve_model(self.target.model)
        self._tokenizer = AutoTokenizer.from_pretrained(self._path, trust_remote_code=self.options.trust_remote_code)
        self.chat = ChatTemplate.prepare(self._tokenizer, self.target)
        self._weights = weights_digest(self._path)
        self._cpu = on_cpu()
        for note in self.options.engine_notes(self._cpu):
            log.warning("%s", note)
        if self.options.log_dir:
            self._workdir = Path(self.options.log_dir)
            self._workdir.mkdir(parents=True, exist_ok=True)
        else:
            self._workdir, self._own_workdir = Path(tempfile.mkdtemp(prefix="idprobe-vllm-server-")), True

    def command(self, port: int) -> list[str]:
        """The server's command line (the chat template flag only when it differs from the model's)."""
        o = self.options
        cmd = [o.python or sys.executable, "-m", "vllm.entrypoints.openai.api_server", "--model", str(self._path)]
        cmd += ["--host", "127.0.0.1", "--port", str(port), "--served-model-name", o.served_model_name]
        chat = self.chat
        if o.api == "chat" and chat is not None and chat.source is not None and not chat.is_models_own:
            assert self._workdir is not None
            template_file = self._workdir / "chat_template.jinja"
            template_file.write_text(chat.source, encoding="utf-8")
            cmd += ["--chat-template", str(template_file), "--chat-template-content-format", "string"]
        return cmd + engine_flags(o, self._cpu) + list(o.server_args)

    def _launch(self) -> None:
        assert self._workdir is not None
        port = self.options.port or free_port()
        self.base_url = f"http://127.0.0.1:{port}/v1"
        self.log_path = self._workdir / "vllm-server.log"
        cmd = self.command(port)
        log.info("starting vLLM server: %s (log: %s)", " ".join(cmd), self.log_path)
        with open(self.log_path, "ab") as log_file:
            self.proc = subprocess.Popen(
                cmd, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env={**os.environ, **self.options.env}, start_new_session=True,
            )  # fmt: skip
        _LIVE.add(self.proc)

    async def _wait_ready(self) -> None:
        """Poll ``/v1/models`` until it answers; fail early, with the log's tail, if the server exits."""
        assert self.proc is not None
        deadline = time.monotonic() + self.options.startup_timeout_s
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
            while True:
                if self.proc.poll() is not None:
                    raise ServerStartError(f"vLLM server exited with code {self.proc.returncode}:\n{self.log_tail()}")
                try:
                    async with session.get(f"{self.base_url}/models") as response:
                        if response.status == 200:
                            return
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    pass
                if time.monotonic() > deadline:
                    raise ServerStartError(
                        f"vLLM server did not answer within {self.options.startup_timeout_s:.0f} s:\n{self.log_tail()}"
                    )
                await asyncio.sleep(1.0)

    def _make_client(self) -> Backend:
        from harness.backends.openai_compat import OpenAIBackend

        o = self.options
        target = Target(backend="openai", model=o.served_model_name, base_url=self.base_url,
                        template_mode=self.target.template_mode)
        client_options: dict[str, Any] = {"tokenizer": self._path, **o.client}
        if o.api == "completions":
            extra = {"add_special_tokens": False, **client_options.get("extra_body", {})}
            client_options.update(completions_template=self._path, extra_body=extra)
        client = OpenAIBackend(target, OpenAIBackend.Options.model_validate(client_options))
        if o.api == "completions":
            client.chat = self.chat  # the template prepared here: the client renders with it, no second load
        return client

    async def aclose(self, keep_log: bool = False) -> None:
        """Close the client and stop the server; its process group is gone when this returns."""
        client, self.client = self.client, None
        try:
            if client is not None:
                await client.aclose()
        finally:
            proc, self.proc = self.proc, None
            if proc is not None:
                await asyncio.shield(asyncio.to_thread(stop_process_group, proc, self.options.stop_grace_s))
            if self._own_workdir and self._workdir is not None and not keep_log:
                shutil.rmtree(self._workdir, ignore_errors=True)

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the server log."""
        if self.log_path is None or not self.log_path.exists():
            return "(no server log)"
        text = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(text[-lines:]) + f"\n(full log: {self.log_path})"

    # -- what the runner asks ----------------------------------------------------------------
    def model_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {"model": self.target.model, "backend": self.name, "path": self._path}
        if embedded.is_embedded(self.target.model):
            info.update(embedded.source_info(self.target.model))
        info.update(self._weights or {})
        info["server"] = {"base_url": self.base_url, "served_model_name": self.options.served_model_name}
        info["engine"] = engine_record(self.options, self._cpu)
        info["server"]["api"] = self.options.api
        return info

    def template_mode(self) -> str:
        return self.target.template_mode if self.options.api == "completions" else "server"

    def template_statement(self, preflight: dict[str, Any] | None) -> str:
        text = self._connected().template_statement(preflight)
        if self.options.api == "chat" and self.chat is not None and not self.chat.is_models_own:
            change = ("its default system block removed" if self.target.template_mode == "strict"
                      else "the target's chat_template")
            text += f" idprobe started the server with --chat-template set to the template recorded here ({change})."
        return text

    def seed_statement(self) -> str:
        client = self._connected()
        assert isinstance(client.options, OpenAIOptions)
        if not client.options.send_seed:
            return client.seed_statement()
        how = (
            "Each sample was its own request to vLLM's server, with its own seed, as recorded with it."
            if not client.options.use_n
            else "The samples of a prompt were one request to vLLM's server with n choices and one seed, the first "
            "pending sample's; vLLM samples choice i with seed + i, and each sample records the seed sent and its "
            "position among the choices (seed_choice)."
        )
        return seed_statement(self.options, self._cpu, how)

    async def preflight(self) -> dict[str, Any] | None:
        return await self._connected().preflight()

    async def generate(self, requests: Sequence[GenRequest]) -> AsyncIterator[Completion]:
        async for completion in self._connected().generate(requests):
            yield completion

    def _connected(self) -> Backend:
        if self.client is None:
            raise RuntimeError("VLLMServerBackend used before start()")
        return self.client
