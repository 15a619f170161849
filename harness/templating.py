"""Chat templates that inject a system prompt, and how to run without one.

Many chat templates add their own system block when the conversation has none (SmolLM2: "You are
a helpful AI assistant named SmolLM, trained by Hugging Face"; Qwen2.5: "You are Qwen, created by
Alibaba Cloud"). "System prompt removed" is only true once that block is gone, so we detect it by
rendering, and build a *strict* template that renders everything the same except that block.

Detection needs nothing but the ability to render: with a sentinel system prompt S, a template
renders ``P + S + Q``; rendered with the user message alone it gives ``R``. When ``R == P + X + Q``
and X is not empty, X is the injected system prompt.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

RenderFn = Callable[[Sequence[dict[str, str]], str | None, bool], str]
"""Render ``messages`` with a template source (``None``: the model's own), with or without the
generation prompt that opens the assistant's turn."""

_SENTINEL_SYSTEM = "IDPROBE_SENTINEL_SYSTEM_7f3a"
_SENTINEL_USER = "IDPROBE_SENTINEL_USER_91c2"
# Role words as they appear in generation prompts of common template families.
_ASSISTANT_ROLES = ("assistant", "Assistant", "model", "ASSISTANT")
_ROLE_WORDS = {"system", "user", "assistant", "model", "human", "bot", "sys", "im", "start", "end", "header", "id", "turn", "of"}


class TemplateError(RuntimeError):
    """A strict rendering cannot be built or verified for this template."""


@dataclass(frozen=True)
class TemplateFinding:
    """What inspecting a chat template found; stored in the manifest and shown in reports."""

    template_sha256: str | None
    injected_system: str | None
    """The system prompt the template adds when none is given, or ``None``."""
    injected_block: str | None
    """The rendered text of that block (header, prompt and end marker) that strict mode removes."""
    stock_example: str
    """A user-only message rendered by the stock template."""
    strict_example: str | None
    """The same message rendered by the strict template (``None`` if not built)."""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def sha256_text(text: str | None) -> str | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def _user_only() -> list[dict[str, str]]:
    return [{"role": "user", "content": _SENTINEL_USER}]


def _with_system() -> list[dict[str, str]]:
    return [{"role": "system", "content": _SENTINEL_SYSTEM}, {"role": "user", "content": _SENTINEL_USER}]


def find_injected(render: RenderFn, source: str | None) -> tuple[str | None, str | None]:
    """Return (injected system prompt, its block text or ``None`` if undelimitable), or (None, None)."""
    bare = render(_user_only(), source, True)
    framed = render(_with_system(), source, True)
    cut = framed.find(_SENTINEL_SYSTEM)
    if cut >= 0:
        head, tail = framed[:cut], framed[cut + len(_SENTINEL_SYSTEM) :]
        if bare.startswith(head) and bare.endswith(tail) and len(bare) > len(head) + len(tail):
            injected = bare[len(head) : len(bare) - len(tail)]
            return injected, _block_around(head, tail, injected, _generation_header(render, source))
    preamble = _wordy_preamble(bare)
    return (preamble, None) if preamble else (None, None)


def _wordy_preamble(bare: str) -> str | None:
    """Natural-language text before the user's turn that the user did not send.

    A fallback for templates whose injected block is not shaped like a given system message:
    special tokens and role words are formatting; three or more other words are a prompt.
    """
    before = bare[: bare.find(_SENTINEL_USER)]
    words = [w for w in re.findall(r"[^\W\d_]{2,}", re.sub(r"<[^>]*>|\[[^\]]*\]", " ", before))]
    words = [w for w in words if w.lower() not in _ROLE_WORDS]
    return before.strip() if len(words) >= 3 else None


def _generation_header(render: RenderFn, source: str | None) -> str:
    """The text a template appends to open the assistant's turn (its generation prompt)."""
    with_prompt = render(_user_only(), source, True)
    without = render(_user_only(), source, False)
    return with_prompt[len(without) :] if with_prompt.startswith(without) else ""


def _block_around(head: str, tail: str, injected: str, gen_header: str) -> str | None:
    """The injected block, from the system header to the user header.

    Headers are found by swapping the role word of the generation prompt, which holds for the
    ChatML, Llama 3, Gemma and similar families; anything else gets a clear error.
    """
    for role in _ASSISTANT_ROLES:
        if role not in gen_header:
            continue
        start = head.rfind(gen_header.replace(role, "system"))
        end = tail.find(gen_header.replace(role, "user"))
        if start >= 0 and end >= 0:
            return head[start:] + injected + tail[:end]
    return None


def strict_template(source: str, block: str) -> str:
    """Wrap ``source`` so that its output is unchanged except that ``block`` is removed."""
    return (
        "{% set __idprobe_rendered %}" + source + "{% endset %}"
        "{% set __idprobe_block = " + json.dumps(block) + " %}"
        "{{ __idprobe_rendered | replace(__idprobe_block, '') }}"
    )


def inspect_template(render: RenderFn, source: str | None, strict: bool = True) -> tuple[TemplateFinding, str | None]:
    """Inspect a template; return the finding and the strict template source (``None`` when the
    stock template injects nothing, so strict and stock coincide).

    With ``strict`` set, an injection that cannot be removed is an error: a run that claims "no
    system prompt" must never carry one.
    """
    injected, block = find_injected(render, source)
    stock_example = render(_user_only(), source, True)
    strict_source: str | None = None
    strict_example: str | None = stock_example
    if injected is not None:
        strict_example = None
        if block is not None and source is not None:
            strict_source = strict_template(source, block)
            strict_example = render(_user_only(), strict_source, True)
            verify_removed(strict_example, injected)
        elif strict:
            raise TemplateError(
                f"the chat template adds a system prompt of its own ({injected[:80]!r}) that could not be "
                "delimited; set `chat_template` in the target to a template without it, or use template_mode: stock"
            )
    finding = TemplateFinding(sha256_text(source), injected, block, stock_example, strict_example)
    return finding, strict_source


def verify_removed(rendered: str, injected: str) -> None:
    """Fail loudly if a strict rendering still carries the injected prompt."""
    if injected.strip() and injected.strip() in rendered:
        raise TemplateError("strict mode failed: the rendered prompt still contains the injected system prompt")


# -- what a run says about its template (manifest, summary, check, compare) ----------------------
SERVER_SENTENCE = (
    "A chat-completions server rendered the prompts with its own chat template, which idprobe can neither "
    "see nor change: that template may add a system block of its own, so 'no system prompt' holds only as "
    "far as the preflight check below can tell."
)


def preflight_verdict(preflight: dict[str, object] | None) -> str:
    """A few words for tables: what the hidden-system-prompt preflight concluded."""
    if not preflight:
        return "not run"
    suspected = preflight.get("suspected_hidden_system_prompt")
    if suspected is None:
        return "undetermined"
    return "hidden system prompt likely" if suspected else "no hidden system prompt seen"


def preflight_sentence(preflight: dict[str, object] | None) -> str:
    """The preflight's figures and verdict in one sentence."""
    if not preflight:
        return "No hidden-system-prompt preflight was run."
    reported, expected = preflight.get("prompt_tokens_reported"), preflight.get("expected_bare_tokens")
    if reported is None or expected is None:
        return f"Preflight: undetermined ({preflight.get('note') or 'no token counts'})."
    probe = preflight.get("probe", "Hi")
    what = "the rendered prompt" if preflight.get("method") == "raw completions" else "the message itself"
    return (f"Preflight: the server counted {reported} prompt tokens for a user-only {probe!r}; {what} costs "
            f"{expected}, leaving {preflight.get('overhead_tokens')} (threshold {preflight.get('threshold_tokens')}): "
            f"{preflight_verdict(preflight)}.")


def describe_template(mode: str, finding: TemplateFinding | None, preflight: dict[str, object] | None,
                      via: str | None = None) -> str:
    """Who rendered the prompts and what that means, in plain words. ``via`` names how idprobe's
    rendering reached the model when it is not in-process (such as raw completions)."""
    if mode == "server":
        return f"{SERVER_SENTENCE} {preflight_sentence(preflight)}"
    injected = finding.injected_system if finding is not None else None
    if finding is None:
        return f"Template mode {mode}: this backend exposes no chat template; the text it sends is recorded."
    if mode == "strict":
        how = f"with its default system block ({injected!r}) removed" if injected else "(it adds no system block)"
    else:
        how = "as shipped (stock)" + (f", including the system block it adds when none is given ({injected!r})"
                                      if injected else "")
    text = f"idprobe rendered every prompt itself with the model's chat template {how}; the exact text is recorded."
    if via:
        text += f" It was sent {via}. {preflight_sentence(preflight)}"
    return text


def template_summary(manifest: dict[str, object]) -> dict[str, object]:
    """What reports, ``check`` and ``compare`` show about rendering, from a run's manifest (older
    manifests without a statement get one built from what they recorded)."""
    template = manifest.get("template") or {}
    assert isinstance(template, dict)
    preflight = manifest.get("preflight")
    preflight = preflight if isinstance(preflight, dict) else None
    mode = str(template.get("mode"))
    target = manifest.get("target") or {}
    if "rendered_by" not in template and isinstance(target, dict) and target.get("backend") == "openai":
        mode = "server"  # recorded before endpoint runs were told apart: the server rendered them
    recorded = template.get("finding")
    finding = TemplateFinding(**recorded) if isinstance(recorded, dict) else None
    statement = template.get("statement") or describe_template(mode, finding, preflight)
    keys = ("prompt_tokens_reported", "expected_bare_tokens", "overhead_tokens", "threshold_tokens",
            "suspected_hidden_system_prompt", "method", "note")
    return {
        "mode": mode,
        "requested_mode": template.get("requested_mode", mode),
        "rendered_by": template.get("rendered_by") or ("server" if mode == "server" else "idprobe"),
        "statement": statement,
        "preflight": None if preflight is None else {
            **{k: preflight.get(k) for k in keys}, "verdict": preflight_verdict(preflight),
            "sentence": preflight_sentence(preflight)},
    }
