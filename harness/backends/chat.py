"""The chat template a local model is rendered with, shared by the backends that hold a tokenizer.

transformers, vLLM offline and the vLLM server all do the same thing: take the model's template
(or the target's override), inspect it for an injected system prompt, and in strict mode swap in
the wrapper that removes it. Keeping that in one place keeps the three backends from drifting.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from harness.records import Message
from harness.target import Target
from harness.templating import TemplateError, TemplateFinding, inspect_template


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


TEMPLATE_SUFFIXES = (".jinja", ".jinja2", ".j2")


class FileTemplate:
    """A Jinja chat template file, rendered as transformers renders chat templates, without transformers.

    Enough for probing an endpoint through raw completions with the base install: the template
    gets ``messages``, ``add_generation_prompt`` and the ``bos_token``/``eos_token`` of a
    ``tokenizer_config.json`` beside the file (empty when there is none).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.chat_template = path.read_text(encoding="utf-8")
        config = path.parent / "tokenizer_config.json"
        tokens = json.loads(config.read_text(encoding="utf-8")) if config.is_file() else {}
        self.special = {name: _token_text(tokens.get(name)) for name in ("bos_token", "eos_token")}
        self._compiled: dict[str, Any] = {}  # template source -> compiled template (a run renders hundreds)

    def apply_chat_template(self, messages: Sequence[dict[str, str]], chat_template: str | None = None,
                            tokenize: bool = False, add_generation_prompt: bool = False) -> str:
        """Render ``messages``; only text (``tokenize=False``) is supported."""
        if tokenize:
            raise ValueError("a template file renders text only")
        source = chat_template or self.chat_template
        if source not in self._compiled:
            self._compiled[source] = _environment().from_string(source)
        return self._compiled[source].render(
            messages=list(messages), add_generation_prompt=add_generation_prompt, **self.special
        )


def _environment() -> Any:
    """A Jinja environment with the settings transformers renders chat templates with, so a
    template gives the same text here."""
    from jinja2.ext import loopcontrols
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = lambda value, indent=None: json.dumps(value, ensure_ascii=False, indent=indent)
    env.globals["raise_exception"] = _raise_exception
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    return env


def _token_text(value: Any) -> str:
    if isinstance(value, dict):  # older configs store AddedToken objects as dicts
        value = value.get("content")
    return value if isinstance(value, str) else ""


def _raise_exception(message: str) -> None:
    raise TemplateError(f"chat template: {message}")


def load_tokenizer(spec: str, trust_remote_code: bool = False) -> Any:
    """A tokenizer for ``spec``: a directory, a ``.gguf`` file or ``embedded:smollm2`` (transformers,
    from the ``local`` extra), or a Jinja template file (``FileTemplate``, base install)."""
    from harness.embedded import gguf_path, is_embedded
    from harness.extras import require

    path = gguf_path(spec) if is_embedded(spec) else Path(spec)
    if not path.exists():
        raise FileNotFoundError(f"tokenizer or chat template {spec!r} not found")
    if path.suffix in TEMPLATE_SUFFIXES:
        return FileTemplate(path)
    require(f"tokenizer {spec!r}", ("transformers",))
    from transformers import AutoTokenizer

    if path.suffix == ".gguf":
        return AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
    return AutoTokenizer.from_pretrained(str(path), trust_remote_code=trust_remote_code)
