"""Turning a chat-completions response body into ``Completion`` records.

Servers differ in small ways (missing ``usage``, choices out of order, ``n`` ignored, per-choice
token counts or not); everything that is not a usable answer raises ``RetryableError`` so the
caller retries instead of recording garbage.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from harness.backends.http_retry import RetryableError
from harness.records import Completion, GenRequest

_COMPLETIONS = TypeAdapter(list[Completion])


def _as_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _choice_text(choice: dict[str, Any]) -> str:
    """The answer of one choice; ``refusal`` counts as the answer when ``content`` is empty."""
    message = choice.get("message")
    if isinstance(message, dict):
        content = message.get("content")
        if isinstance(content, str):
            return content
        refusal = message.get("refusal")
        # A null content with nothing else (tool call, all tokens spent on hidden reasoning) is an
        # empty answer, not a transport failure: retrying would not change it.
        return refusal if isinstance(refusal, str) else ""
    if isinstance(choice.get("text"), str):  # legacy completions shape some servers still send
        return choice["text"]
    raise RetryableError(f"choice without a message: {str(choice)[:120]}")


def split_tokens(total: int | None, texts: list[str]) -> list[int | None]:
    """Share a response's completion token count among its choices, in proportion to their length.

    Servers report one total for ``n`` choices; the split is an estimate (exact for one choice)
    that still sums to the reported total.
    """
    if total is None:
        return [None] * len(texts)
    if len(texts) == 1:
        return [total]
    weights = [len(t) or 1 for t in texts]
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    left = total - sum(shares)
    if left:  # largest remainder: hand out what rounding down left over
        order = sorted(range(len(texts)), key=lambda i: (total * weights[i]) % whole, reverse=True)
        for i in order[:left]:
            shares[i] += 1
    return shares


def to_completions(
    request: GenRequest, pending: list[int], data: Any, latency_s: float, seed: int | None
) -> list[Completion]:
    """One completion per returned choice, assigned to ``pending`` sample indices in order.

    Returns at most ``len(pending)`` completions; fewer when the server returned fewer choices
    (the caller tops up). Raises ``RetryableError`` for a body that is not a chat completion.
    """
    if not isinstance(data, dict):
        raise RetryableError(f"response is not a JSON object: {str(data)[:120]}")
    choices = data.get("choices")
    if not isinstance(choices, list):
        error = data.get("error")
        raise RetryableError(f"response without choices: {str(error if error else data)[:200]}")
    rows = [c for c in choices if isinstance(c, dict)]
    if not rows:  # retried like any bad answer; otherwise a server that never answers would loop forever
        raise RetryableError("response held no choices")
    if [c.get("index") for c in rows] != list(range(len(rows))):  # servers may return them out of order
        rows.sort(key=lambda c: _as_int(c.get("index")) or 0)
    texts = [_choice_text(c) for c in rows]
    usage = data.get("usage")
    usage = usage if isinstance(usage, dict) else {}
    prompt_tokens = _as_int(usage.get("prompt_tokens"))
    if any("usage" in c for c in rows):  # per-choice counts, where a server gives them
        per_choice = [_as_int(c["usage"].get("completion_tokens")) if isinstance(c.get("usage"), dict) else None
                      for c in rows]  # fmt: skip
    else:
        per_choice = split_tokens(_as_int(usage.get("completion_tokens")), texts)
    prompt_id, condition = request.prompt_id, request.condition
    rows_out = [
        {
            "prompt_id": prompt_id, "condition": condition, "sample_index": index, "text": text,
            "finish_reason": finish if isinstance(finish := choice.get("finish_reason"), str) else None,
            "prompt_tokens": prompt_tokens, "completion_tokens": tokens, "latency_s": latency_s, "seed": seed,
        }
        for index, choice, text, tokens in zip(pending, rows, texts, per_choice, strict=False)  # extra choices ignored
    ]  # fmt: skip
    # One validation call for the whole response: the per-sample cost is what limits n>1 throughput.
    return _COMPLETIONS.validate_python(rows_out)
