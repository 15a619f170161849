"""Probe suites: the YAML files in ``probes/`` that say what to ask, under which system prompts."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from harness.records import Message, SamplingParams
from harness.yamlio import load_model

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
NO_SYSTEM = "none"


class Prompt(BaseModel):
    """One question. Give exactly one of ``text`` (a single user turn) or ``messages``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    """Stable identifier, used in results and reports; letters, digits, ``_ . -``."""
    text: str | None = None
    """The user message, for single-turn prompts."""
    messages: list[Message] | None = None
    """A multi-turn conversation ending with a user turn (no system turns: conditions set those)."""
    language: str
    """Language code of the prompt, such as ``en``, ``pt``, ``zh``."""
    tags: list[str] = Field(default_factory=list)
    """Free labels for breakdowns, such as ``direct``, ``creator``, ``injection``."""

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("must start with a letter or digit and use only letters, digits, _ . -")
        return value

    @model_validator(mode="after")
    def _one_form(self) -> "Prompt":
        if (self.text is None) == (self.messages is None):
            raise ValueError("give exactly one of `text` or `messages`")
        if self.messages is not None:
            if not self.messages or self.messages[-1].role != "user":
                raise ValueError("`messages` must end with a user turn")
            if any(m.role == "system" for m in self.messages):
                raise ValueError("`messages` may not hold system turns; put system prompts in `conditions`")
        return self

    def turns(self) -> list[Message]:
        return list(self.messages) if self.messages is not None else [Message(role="user", content=self.text or "")]


class Condition(BaseModel):
    """A system-prompt variant. ``none`` removes the system prompt; any other id carries one."""

    model_config = ConfigDict(extra="forbid")

    id: str
    """``none`` for no system prompt, or a name such as ``rio`` for a named one."""
    system_prompt: str | None = None
    """The system prompt sent under this condition; must be absent for ``none``."""
    description: str = ""
    """What the condition stands for, shown in reports."""

    @model_validator(mode="after")
    def _prompt_matches_id(self) -> "Condition":
        if not _ID.match(self.id):
            raise ValueError("id must use only letters, digits, _ . -")
        if self.id == NO_SYSTEM and self.system_prompt is not None:
            raise ValueError("condition `none` means no system prompt; remove `system_prompt` or rename it")
        if self.id != NO_SYSTEM and not (self.system_prompt or "").strip():
            raise ValueError(f"condition {self.id!r} needs a `system_prompt` (use id `none` for no system prompt)")
        return self

    def system_messages(self) -> list[Message]:
        return [] if self.system_prompt is None else [Message(role="system", content=self.system_prompt)]


class Suite(BaseModel):
    """A probe suite: prompts, the conditions to run them under, and sampling settings."""

    model_config = ConfigDict(extra="forbid")

    name: str
    """Short name of the suite."""
    version: str
    """Version of the suite; change it whenever prompts change."""
    description: str = ""
    """What the suite measures."""
    prompts: list[Prompt] = Field(min_length=1)
    """The questions."""
    conditions: list[Condition] = Field(default_factory=lambda: [Condition(id=NO_SYSTEM)], min_length=1)
    """System-prompt variants; defaults to ``none`` alone."""
    sampling: SamplingParams = Field(default_factory=SamplingParams)
    """Samples per prompt and how they are drawn."""

    @model_validator(mode="after")
    def _unique_ids(self) -> "Suite":
        for kind, ids in (("prompt", [p.id for p in self.prompts]), ("condition", [c.id for c in self.conditions])):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate {kind} ids: {', '.join(dupes)}")
        return self

    def prompt(self, prompt_id: str) -> Prompt:
        return next(p for p in self.prompts if p.id == prompt_id)

    def condition(self, condition_id: str) -> Condition:
        return next(c for c in self.conditions if c.id == condition_id)


def load_suite(path: Path) -> tuple[Suite, str]:
    """Load and validate a suite; return it with the SHA-256 of the file's bytes."""
    path = Path(path)
    suite = load_model(path, Suite)
    return suite, hashlib.sha256(path.read_bytes()).hexdigest()
