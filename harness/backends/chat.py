"""The chat template a local model is rendered with, shared by the backends that hold a tokenizer.

transformers, vLLM offline and the vLLM server all do the same thing: take the model's template
(or the target's override), inspect it for an injected system prompt, and in strict mode swap in
the wrapper that removes it. Keeping that in one place keeps the three backends from drifting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.records import Message
from harness.target import Target
from harness.templating import TemplateFinding, inspect_template


@dataclass(frozen=True)
class ChatTemplate:
    """The template in use for one target, and what inspecting the stock template found."""

    tokenizer: Any
    """A tokenizer with ``apply_chat_template`` (transformers or vLLM's wrapper of one)."""
    source: str | None
    """The Jinja source rendered with: the stock template, or its strict wrapper."""
    finding: TemplateFinding
    """What inspection found in the stock template (injected system prompt, examples)."""

    @classmethod
    def prepare(cls, tokenizer: Any, target: Target) -> ChatTemplate:
        """Inspect the stock template (the target's ``chat_template`` file when set) and pick the
        one to render with. Raises ``TemplateError`` in strict mode when an injection cannot be removed."""
        stock = cls._model_template(tokenizer)
        if target.chat_template:
            stock = Path(target.chat_template).read_text(encoding="utf-8")
        strict_mode = target.template_mode == "strict"

        def render(messages: Sequence[dict[str, str]], source: str | None, generation: bool) -> str:
            return _apply(tokenizer, messages, source, generation)

        finding, strict = inspect_template(render, stock, strict_mode)
        return cls(tokenizer, strict if (strict_mode and strict) else stock, finding)

    @staticmethod
    def _model_template(tokenizer: Any) -> str | None:
        return getattr(tokenizer, "chat_template", None)

    @property
    def is_models_own(self) -> bool:
        """Whether the template in use is the one the model ships with, so an engine that renders
        by itself needs no override."""
        return self.source == self._model_template(self.tokenizer)

    def render(self, messages: Sequence[Message]) -> str:
        """The exact prompt text the model sees for ``messages``, generation header included."""
        return _apply(self.tokenizer, [m.model_dump() for m in messages], self.source, True)


def _apply(tokenizer: Any, messages: Sequence[dict[str, str]], source: str | None, generation: bool) -> str:
    return tokenizer.apply_chat_template(
        list(messages), chat_template=source, tokenize=False, add_generation_prompt=generation
    )
