"""The backend interface: what every way of running a model provides."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from harness.backends.chat import ChatTemplate
from harness.records import Completion, GenRequest, Message
from harness.target import Target
from harness.templating import TemplateFinding, describe_template


class NoOptions(BaseModel):
    """A backend without options still rejects unknown keys."""

    model_config = ConfigDict(extra="forbid")


class Backend(ABC):
    """Runs a model. Lifecycle: ``await start()``, any number of ``generate``, ``await aclose()``.

    ``generate`` yields one ``Completion`` per requested sample, in the order they finish, so the
    runner can store each as it arrives. A sample that fails is yielded with ``error`` set, never
    dropped and never yielded twice.
    """

    name: ClassVar[str]
    Options: ClassVar[type[BaseModel]] = NoOptions

    def __init__(self, target: Target, options: BaseModel) -> None:
        self.target = target
        self.options = options
        self.chat: ChatTemplate | None = None
        """Set by backends that hold a tokenizer, once loaded; drives the three methods below."""

    async def start(self) -> None:
        """Load the model or open connections. Default: nothing to do."""

    async def aclose(self) -> None:
        """Release what ``start`` took. Default: nothing to do."""

    @abstractmethod
    def generate(self, requests: Sequence[GenRequest]) -> AsyncIterator[Completion]:
        """Yield one completion per sample of every request, as each finishes."""

    def chat_template(self) -> str | None:
        """The Jinja chat template the model is rendered with, when the backend can know it."""
        return self.chat.source if self.chat is not None else None

    def render(self, messages: Sequence[Message]) -> str | None:
        """The exact text the model sees for ``messages`` (template mode applied), when knowable."""
        return self.chat.render(messages) if self.chat is not None else None

    @property
    def finding(self) -> TemplateFinding | None:
        """What inspecting the chat template found (recorded in the manifest), when known."""
        return self.chat.finding if self.chat is not None else None

    def model_info(self) -> dict[str, Any]:
        """What identifies the model: name, path, weights hash where known."""
        return {"model": self.target.model}

    async def preflight(self) -> dict[str, Any] | None:
        """Checks run before sampling (for endpoints: hidden system prompt). ``None`` if none."""
        return None

    def template_mode(self) -> str:
        """How the prompts were rendered, as recorded: ``strict`` or ``stock`` where idprobe renders
        them itself, ``server`` where a chat-completions server applies its own template."""
        return self.target.template_mode

    def template_statement(self, preflight: dict[str, Any] | None) -> str:
        """One plain sentence or two on who rendered the prompts and what that means (manifest)."""
        return describe_template(self.template_mode(), self.finding, preflight)

    def seed_statement(self) -> str:
        """In words: what the recorded seeds reproduce and under which conditions (manifest).
        Each backend states its own; this default promises nothing."""
        return (f"Each sample carries a seed derived from the run seed, but the {self.name} backend makes no "
                "claim that rerunning with it reproduces the text.")

    async def __aenter__(self) -> "Backend":
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
