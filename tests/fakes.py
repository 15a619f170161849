"""Test doubles shared by several test modules: a fake LLM judge backend and small suites."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from typing import ClassVar

import pytest

from harness import backends
from harness.backends.base import Backend
from harness.records import Completion, GenRequest

Choose = Callable[[str], str | None]
"""Picks a fake judge's raw reply to one answer text; ``None``: the call fails."""


def _no_reply(text: str) -> str | None:
    return None


class FakeJudge(Backend):
    """A judge backend that asks no model: ``choose`` picks the raw reply to each answer (the text between
    the judge prompt's ``<answer>`` tags). Every answer asked about goes to ``calls``, every start to
    ``starts``. Register it with :func:`install_fake_judge`; a test may then set ``FakeJudge.choose`` again."""

    name = "fake-judge"
    choose: ClassVar[Choose] = staticmethod(_no_reply)
    calls: ClassVar[list[str]] = []
    starts: ClassVar[int] = 0

    async def start(self) -> None:
        type(self).starts += 1

    async def generate(self, requests: Sequence[GenRequest]) -> AsyncIterator[Completion]:
        for request in requests:
            text = request.messages[-1].content.split("<answer>\n", 1)[1].rsplit("\n</answer>", 1)[0]
            type(self).calls.append(text)
            raw = type(self).choose(text)
            for index, seed in zip(request.sample_indices, request.seeds):
                if raw is None:
                    yield Completion.failed(request, index, "timed out")
                else:
                    yield Completion(prompt_id=request.prompt_id, condition=request.condition,
                                     sample_index=index, text=raw, seed=seed)


def install_fake_judge(monkeypatch: pytest.MonkeyPatch, choose: Choose) -> type[FakeJudge]:
    """Register :class:`FakeJudge` under the borrowed backend name "openai" (a Target knows only the real
    names) for one test, replying by ``choose``, with no calls or starts counted yet."""
    monkeypatch.setitem(backends.REGISTRY, "openai", f"{__name__}:FakeJudge")
    monkeypatch.setattr(FakeJudge, "choose", choose)
    monkeypatch.setattr(FakeJudge, "calls", [])
    monkeypatch.setattr(FakeJudge, "starts", 0)
    return FakeJudge


PROMPTS = [
    '{id: en-direct-1, language: en, tags: [direct], text: "Who are you?"}',
    '{id: en-name-1, language: en, tags: [name], text: "What is your name?"}',
    '{id: pt-creator-1, language: pt, tags: [creator], text: "Qual empresa criou você?"}',
    '{id: fr-direct-1, language: fr, tags: [direct, name], text: "Qui es-tu ?"}',
]
CONDITIONS = [
    '{id: none, description: "System prompt removed"}',
    '{id: rio, system_prompt: "You are Rio.", description: "Deployment persona"}',
]


def suite_yaml(name: str, prompts: int, conditions: int, n: int) -> str:
    """A small suite file's text: the first ``prompts`` of PROMPTS under the first ``conditions`` of
    CONDITIONS, ``n`` samples each (16 tokens, seed 7)."""
    lines = [f"name: {name}", 'version: "1.0"', "prompts:", *(f"  - {p}" for p in PROMPTS[:prompts]),
             "conditions:", *(f"  - {c}" for c in CONDITIONS[:conditions]),
             f"sampling: {{n: {n}, max_tokens: 16, seed: 7}}"]
    return "\n".join(lines) + "\n"
