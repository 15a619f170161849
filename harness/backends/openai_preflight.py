"""Detecting a system prompt that an endpoint adds on its own, from token accounting alone.

An endpoint renders our messages with its chat template before the model sees them; many
templates (SmolLM2, Qwen2.5, gpt-oss) add a default system block when the conversation has none,
and hosted APIs may add their own. We cannot see the rendered text, but ``usage.prompt_tokens``
reveals its size: a user-only "Hi" costs one or two tokens of content plus a handful of chat
formatting (ChatML about 10); anything well beyond that is text we did not send.

The content's cost is measured, not assumed: either exactly, with the model's tokenizer when the
target names one (``options.tokenizer``), or by calibration: the same word repeated 33 times costs
32 word-tokens more than once, which gives the server's tokens per word.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from harness.backends.http_retry import EndpointError, EndpointRefused
from harness.records import Message

if TYPE_CHECKING:
    from harness.backends.openai_compat import OpenAIBackend

PROBE = "Hi"
CALIBRATION_REPEATS = 33
RAW_TOLERANCE = 1
"""Raw completions: tokens a server may add to a rendered prompt (a BOS) without adding text."""
_SERVED_FIELDS = ("id", "root", "owned_by", "max_model_len", "created")


async def _prompt_tokens(backend: OpenAIBackend, text: str, raw: bool = False) -> int | None:
    """``usage.prompt_tokens`` reported for a user-only ``text`` (one generated token, greedy);
    ``raw``: ``text`` is a rendered prompt for ``/completions``."""
    body: dict[str, Any] = {
        "model": backend.target.model,
        **({"prompt": text} if raw else {"messages": [{"role": "user", "content": text}]}),
        "temperature": 0,
        backend.options.max_tokens_field: 1,
    }
    body.update(backend.options.extra_body)  # may change the rendering (chat_template_kwargs)
    data = await backend.call_with_retries(body)
    usage = data.get("usage") if isinstance(data, dict) else None
    value = usage.get("prompt_tokens") if isinstance(usage, dict) else None
    return value if isinstance(value, int) and value > 0 else None


def _tokenizer_counts(path: str, text: str) -> tuple[int, int | None]:
    """Exact tokens of ``text`` alone, and of it rendered by the tokenizer's stock chat template."""
    from harness.backends.chat import load_tokenizer

    tok = load_tokenizer(path)
    content = len(tok(text, add_special_tokens=False)["input_ids"])
    stock = None
    if getattr(tok, "chat_template", None):
        ids = tok.apply_chat_template([{"role": "user", "content": text}], add_generation_prompt=True, tokenize=True)
        if hasattr(ids, "keys"):  # transformers 5 may return a BatchEncoding
            ids = ids["input_ids"]
        stock = len(ids)
    return content, stock


async def _calibrated_content(backend: OpenAIBackend, probe_tokens: int) -> tuple[int | None, str]:
    """Tokens of the probe's content, from the growth between one word and 33 words."""
    long_text = " ".join([PROBE] * CALIBRATION_REPEATS)
    long_tokens = await _prompt_tokens(backend, long_text)
    if long_tokens is None:
        return None, "no usage for the calibration message"
    per_word = (long_tokens - probe_tokens) / (CALIBRATION_REPEATS - 1)
    if not 0.5 <= per_word <= 4:
        return None, f"token count grows {per_word:.2f} per word, not like a tokenizer; estimate skipped"
    return max(1, round(per_word)), f"calibrated: {per_word:.2f} tokens per repeated word"


async def _served_model(backend: OpenAIBackend) -> dict[str, Any] | None:
    models = await backend.served_models()
    for row in models or []:
        if row.get("id") == backend.target.model:
            return {k: row[k] for k in _SERVED_FIELDS if isinstance(row.get(k), (str, int))}
    return None


async def hidden_prompt_check(backend: OpenAIBackend) -> dict[str, Any]:
    """The preflight for ``backend``'s API (chat or raw completions), with a ``verdict`` in words."""
    from harness.templating import preflight_verdict

    result = await (_raw_prompt_check(backend) if backend.chat is not None else _chat_prompt_check(backend))
    result["verdict"] = preflight_verdict(result)
    return result


def _blank_result(method: str, threshold: int, **extra: Any) -> dict[str, Any]:
    """The fields every preflight reports, unknown until measured (``None``), for either API."""
    return {"prompt_tokens_reported": None, "expected_bare_tokens": None, "overhead_tokens": None,
            "suspected_hidden_system_prompt": None, "method": method, "threshold_tokens": threshold,
            "probe": PROBE, **extra, "note": ""}


async def _raw_prompt_check(backend: OpenAIBackend) -> dict[str, Any]:
    """Raw completions: idprobe renders the prompt, so the server should count exactly its tokens.
    More than that (beyond a BOS token the server may add) means the server adds text of its own."""
    assert backend.chat is not None
    rendered = backend.chat.render([Message(role="user", content=PROBE)])
    result = _blank_result("raw completions", RAW_TOLERANCE, rendered_probe=rendered)
    try:
        result["prompt_tokens_reported"] = reported = await _prompt_tokens(backend, rendered, raw=True)
        result["served_model"] = await _served_model(backend)
    except EndpointRefused:
        raise
    except EndpointError as exc:
        result["note"] = f"preflight request failed: {exc}"
        return result
    tokenizer = backend.chat.tokenizer
    if reported is None or not callable(tokenizer):  # a template file alone cannot count tokens
        result["note"] = "no usage.prompt_tokens" if reported is None else "no local tokenizer to count the rendered prompt"
        return result
    expected = len(tokenizer(rendered, add_special_tokens=False)["input_ids"])
    overhead = reported - expected
    result.update(expected_bare_tokens=expected, overhead_tokens=overhead,
                  suspected_hidden_system_prompt=overhead > RAW_TOLERANCE)
    result["note"] = (f"the server counted {reported} tokens for the {expected}-token prompt idprobe rendered: "
                      + ("it adds text of its own" if overhead > RAW_TOLERANCE else "nothing added"))
    return result


async def _chat_prompt_check(backend: OpenAIBackend) -> dict[str, Any]:
    """Compare the reported prompt tokens of a bare "Hi" with what the message itself costs.

    Returns ``prompt_tokens_reported``, ``expected_bare_tokens`` (the message's own tokens),
    ``overhead_tokens`` (formatting plus anything added), ``suspected_hidden_system_prompt``
    (``None`` when it cannot be told), ``method`` and ``note``. Refusals (401/403/404) raise.
    """
    threshold = backend.options.hidden_prompt_threshold
    result = _blank_result("calibration", threshold)
    content: int | None  # the tokenizer always counts; calibration may not (both branches assign it)
    try:
        reported = await _prompt_tokens(backend, PROBE)
        result["prompt_tokens_reported"] = reported
        if reported is None:
            result["note"] = "the server reports no usage.prompt_tokens; a hidden system prompt cannot be checked"
            return result
        if backend.options.tokenizer:
            result["method"] = "tokenizer"
            content, stock = await asyncio.to_thread(_tokenizer_counts, backend.options.tokenizer, PROBE)
            result["stock_template_tokens"] = stock
            how = "exact count with the configured tokenizer"
            if stock is not None and stock == reported:
                how += "; the server's count equals the model's stock chat template (default system block included)"
        else:
            content, how = await _calibrated_content(backend, reported)
        result["served_model"] = await _served_model(backend)
    except EndpointRefused:
        raise
    except EndpointError as exc:
        result["note"] = f"preflight request failed: {exc}"
        return result
    if content is None:
        result["note"] = how
        return result
    overhead = reported - content
    suspected = overhead > threshold
    result.update(expected_bare_tokens=content, overhead_tokens=overhead, suspected_hidden_system_prompt=suspected)
    verdict = (
        f"{overhead} tokens beyond the message exceed chat formatting (<= {threshold}): the server likely "
        "adds a system prompt (often the chat template's default), so 'no system prompt' is not what the model sees"
        if suspected
        else f"{overhead} tokens beyond the message: chat formatting only"
    )
    result["note"] = f"{verdict} ({how})"
    return result
