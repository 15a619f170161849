"""Detecting and stripping the system prompt a chat template injects on its own."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

from harness.backends.chat import ChatTemplate
from harness.records import Message
from harness.target import Target
from harness.templating import TemplateError, inspect_template

SMOLLM2 = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\\n' }}"
    "{% endif %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
QWEN25 = (
    "{%- if messages[0]['role'] == 'system' %}{{- '<|im_start|>system\\n' + messages[0]['content'] + '<|im_end|>\\n' }}"
    "{%- else %}{{- '<|im_start|>system\\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant.<|im_end|>\\n' }}"
    "{%- endif %}{%- for message in messages %}{%- if message.role != 'system' %}"
    "{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}{%- endif %}{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)
LLAMA3 = (
    "{{- bos_token }}{%- if messages[0]['role'] == 'system' %}{%- set sys = messages[0]['content'] %}"
    "{%- set messages = messages[1:] %}{%- else %}{%- set sys = 'You are Llama, made by Meta.' %}{%- endif %}"
    "{{- '<|start_header_id|>system<|end_header_id|>\\n\\n' + sys + '<|eot_id|>' }}"
    "{%- for m in messages %}{{- '<|start_header_id|>' + m['role'] + '<|end_header_id|>\\n\\n' + m['content'] + '<|eot_id|>' }}{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}"
)
PLAIN_CHATML = (
    "{% for m in messages %}{{ '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
GEMMA_FOLDS_SYSTEM = (
    "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{% set first = messages[0]['content'] + '\\n\\n' %}"
    "{% set messages = messages[1:] %}{% else %}{% set first = '' %}{% endif %}"
    "{% for m in messages %}{{ '<start_of_turn>' + ('model' if m['role'] == 'assistant' else m['role']) + '\\n' + "
    "(first if loop.first else '') + m['content'] + '<end_of_turn>\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<start_of_turn>model\\n' }}{% endif %}"
)
ODD = (
    "{% if messages[0]['role'] != 'system' %}SYS: You are Odd.\\n{% endif %}"
    "{% for m in messages %}{{ m['role'] | upper }}: {{ m['content'] }}\\n{% endfor %}"
    "{% if add_generation_prompt %}BOT:{% endif %}"
)

_env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)


def render(messages: Sequence[dict[str, str]], source: str | None, generation: bool) -> str:
    """A stand-in for a tokenizer's apply_chat_template."""
    assert source is not None
    return _env.from_string(source).render(messages=list(messages), add_generation_prompt=generation, bos_token="<s>")


@pytest.mark.parametrize(
    ("template", "injected"),
    [
        (SMOLLM2, "You are a helpful AI assistant named SmolLM, trained by Hugging Face"),
        (QWEN25, "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."),
        (LLAMA3, "You are Llama, made by Meta."),
    ],
)
def test_injected_system_prompt_is_found_and_strict_mode_removes_it(template: str, injected: str) -> None:
    finding, strict = inspect_template(render, template)
    assert finding.injected_system == injected
    assert injected in finding.stock_example
    assert strict is not None and injected not in (finding.strict_example or "")
    user = [{"role": "user", "content": "Who are you?"}]
    assert injected not in render(user, strict, True)
    assert render(user, strict, True).endswith(render(user, template, True)[-40:])  # the rest is unchanged


def test_strict_template_keeps_a_given_system_prompt() -> None:
    _, strict = inspect_template(render, SMOLLM2)
    conversation = [{"role": "system", "content": "You are Rio."}, {"role": "user", "content": "hi"}]
    assert render(conversation, strict, True) == render(conversation, SMOLLM2, True)


def test_strict_rendering_keeps_the_bos_token() -> None:
    _, strict = inspect_template(render, LLAMA3)
    text = render([{"role": "user", "content": "hi"}], strict, True)
    assert text.startswith("<s><|start_header_id|>user")


@pytest.mark.parametrize("template", [PLAIN_CHATML, GEMMA_FOLDS_SYSTEM])
def test_template_without_injection_needs_no_strict_variant(template: str) -> None:
    finding, strict = inspect_template(render, template)
    assert finding.injected_system is None and strict is None
    assert finding.strict_example == finding.stock_example


def test_undelimitable_injection_is_an_error_in_strict_mode_not_a_silent_pass() -> None:
    with pytest.raises(TemplateError, match="could not be delimited"):
        inspect_template(render, ODD, strict=True)


def test_undelimitable_injection_is_still_reported_in_stock_mode() -> None:
    finding, strict = inspect_template(render, ODD, strict=False)
    assert finding.injected_system is not None and "You are Odd." in finding.injected_system
    assert strict is None and finding.strict_example is None


class _Tokenizer:
    """Just enough of a tokenizer for ChatTemplate: its own template and apply_chat_template."""

    def __init__(self, chat_template: str) -> None:
        self.chat_template = chat_template

    def apply_chat_template(
        self, messages: list[dict[str, str]], chat_template: str | None, tokenize: bool, add_generation_prompt: bool
    ) -> str:
        assert not tokenize
        return render(messages, chat_template or self.chat_template, add_generation_prompt)


def _target(mode: str, chat_template: str | None = None) -> Target:
    return Target(backend="transformers", model="m", template_mode=mode, chat_template=chat_template)  # type: ignore[arg-type]


def test_chat_template_in_strict_mode_renders_without_the_injected_block_for_every_backend() -> None:
    chat = ChatTemplate.prepare(_Tokenizer(SMOLLM2), _target("strict"))
    text = chat.render([Message(role="user", content="Who are you?")])
    assert "SmolLM" not in text and text.endswith("<|im_start|>assistant\n")
    assert not chat.is_models_own  # an engine that renders by itself must be handed the wrapper
    assert chat.finding.injected_system is not None


def test_chat_template_in_stock_mode_keeps_the_models_template_and_still_reports_the_injection() -> None:
    chat = ChatTemplate.prepare(_Tokenizer(SMOLLM2), _target("stock"))
    assert chat.is_models_own and "SmolLM" in chat.render([Message(role="user", content="hi")])
    assert chat.finding.injected_system is not None


def test_chat_template_stock_mode_accepts_an_undelimitable_injection_strict_mode_refuses_it() -> None:
    # The same rule for transformers, vLLM offline and the vLLM server: all three use ChatTemplate.
    assert ChatTemplate.prepare(_Tokenizer(ODD), _target("stock")).is_models_own
    with pytest.raises(TemplateError, match="could not be delimited"):
        ChatTemplate.prepare(_Tokenizer(ODD), _target("strict"))


def test_chat_template_override_file_replaces_the_models_template(tmp_path: Path) -> None:
    override = tmp_path / "plain.jinja"
    override.write_text(PLAIN_CHATML, encoding="utf-8")
    chat = ChatTemplate.prepare(_Tokenizer(SMOLLM2), _target("strict", str(override)))
    assert chat.source == PLAIN_CHATML and not chat.is_models_own and chat.finding.injected_system is None
