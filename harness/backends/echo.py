"""A deterministic offline backend for dry runs and pipeline tests: no model, canned answers.

Useful to check a suite and the whole pipeline (store, resume, report) before spending GPU time.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence

from pydantic import BaseModel, ConfigDict, Field

from harness.backends.base import Backend
from harness.records import Completion, GenRequest, Message


class EchoOptions(BaseModel):
    """Options of the echo backend."""

    model_config = ConfigDict(extra="forbid")

    answers: list[str] = Field(default_factory=lambda: ["I am an AI assistant."], min_length=1)
    """Answers handed out in turn, chosen by the sample's seed."""
    delay_s: float = Field(0.0, ge=0.0, le=60.0)
    """Pause before each sample, to imitate a slow model."""
    fail_every: int = Field(0, ge=0)
    """Record every k-th sample (by seed) as an error; 0 never fails."""


class EchoBackend(Backend):
    """Answers from ``options.answers``; the same seed always gives the same answer."""

    name = "echo"
    Options = EchoOptions
    options: EchoOptions

    def render(self, messages: Sequence[Message]) -> str:
        return "".join(f"[{m.role}] {m.content}\n" for m in messages) + "[assistant] "

    def chat_template(self) -> str | None:
        return None

    async def generate(self, requests: Sequence[GenRequest]) -> AsyncIterator[Completion]:
        answers = self.options.answers
        for request in requests:
            for index, seed in zip(request.sample_indices, request.seeds):
                if self.options.delay_s:
                    await asyncio.sleep(self.options.delay_s)
                if self.options.fail_every and seed % self.options.fail_every == 0:
                    yield Completion.failed(request, index, "echo: injected failure")
                    continue
                yield Completion(
                    prompt_id=request.prompt_id, condition=request.condition, sample_index=index,
                    text=answers[seed % len(answers)], finish_reason="stop", seed=seed, latency_s=self.options.delay_s,
                )
