"""Turning a chat-completions response body into ``Completion`` records.

Servers differ in small ways (missing ``usage``, choices out of order, ``n`` ignored, per-choice
token counts or not); everything that is not a usable answer raises ``RetryableError`` so the
caller retries instead of recording garbage.

This runs once per HTTP response, so it is written for speed: exact ``type`` checks (a JSON
parser only produces the exact builtin types) and records built without a validation pass.
"""

from __future__ import annotations

from typing import Any

from harness.backends.http_retry import RetryableError
from harness.records import Completion, GenRequest


def _as_int(value: Any) -> int | None:
    return value if type(value) is int and value >= 0 else None


def _choice_text(choice: dict[str, Any]) -> str:
    """The answer of one choice; ``refusal`` counts as the answer when ``content`` is empty."""
    message = choice.get("message")
    if type(message) is dict:
        content = message.get("content")
        if type(content) is str:
            return content
        refusal = message.get("refusal")
        # A null content with nothing else (tool call, all tokens spent on hidden reasoning) is an
        # empty answer, not a transport failure: retrying would not change it.
        return refusal if type(refusal) is str else ""
    if type(choice.get("text")) is str:  # legacy completions shape some servers still send
        return choice["text"]
    raise RetryableError(f"choice without a message: {str(choice)[:120]}")


def _apportion(total: int, weights: list[int]) -> list[int]:
    """Integer shares of ``total`` proportional to ``weights`` that sum to ``total`` exactly."""
    whole = sum(weights)
    shares = [total * w // whole for w in weights]
    left = total - sum(shares)
    if left:  # largest remainder: hand out what rounding down left over
        order = sorted(range(len(weights)), key=lambda i: (total * weights[i]) % whole, reverse=True)
        for i in order[:left]:
            shares[i] += 1
    return shares


def split_tokens(total: int | None, texts: list[str], cap: int | None = None) -> list[int | None]:
    """Share a response's completion token count among its choices, in proportion to their length.

    Servers report one total for ``n`` choices; the split is an estimate (exact for one choice)
    that still sums to the reported total. No share exceeds ``cap`` (the request's max_tokens)
    when the total allows it: long choices are capped and the rest shared among the others.
    """
    if total is None:
        return [None] * len(texts)
    if len(texts) == 1:
        return [total]
    shares = _apportion(total, [len(t) or 1 for t in texts])
    if cap is None or total > cap * len(texts) or max(shares) <= cap:
        return list(shares)
    return _water_fill(total, texts, cap)


def _water_fill(total: int, texts: list[str], cap: int) -> list[int | None]:
    """Pin the shares that overflow ``cap`` to it and share out what is left among the others, again
    and again; ends because each pass pins at least one more share or settles the rest."""
    shares: list[int | None] = [None] * len(texts)
    free = list(range(len(texts)))
    left = total
    while free:
        part = _apportion(left, [len(texts[i]) or 1 for i in free])
        over = [i for i, share in zip(free, part, strict=True) if share > cap]
        if not over:
            for i, share in zip(free, part, strict=True):
                shares[i] = share
            break
        for i in over:
            shares[i] = cap
            left -= cap
        free = [i for i in free if shares[i] is None]
    return shares


def _choices(data: Any) -> list[dict[str, Any]]:
    """The choice objects of a response, in index order; raises ``RetryableError`` for anything else."""
    choices = data.get("choices") if type(data) is dict else None
    if type(choices) is not list:
        if type(data) is not dict:
            raise RetryableError(f"response is not a JSON object: {str(data)[:120]}")
        error = data.get("error")
        raise RetryableError(f"response without choices: {str(error if error else data)[:200]}")
    rows = [c for c in choices if type(c) is dict]
    if not rows:  # retried like any bad answer; otherwise a server that never answers would loop forever
        raise RetryableError("response held no choices")
    if any(c.get("index") != i for i, c in enumerate(rows)):  # servers may return them out of order
        rows.sort(key=lambda c: _as_int(c.get("index")) or 0)
    return rows


def to_completions(
    request: GenRequest, pending: list[int], data: Any, latency_s: float, seed: int | None
) -> list[Completion]:
    """One completion per returned choice, assigned to ``pending`` sample indices in order.

    Returns at most ``len(pending)`` completions; fewer when the server returned fewer choices
    (the caller tops up); extra choices are ignored. ``seed`` is the seed the request carried; when
    it asked for several choices, each records its position among them (``seed_choice``). Raises
    ``RetryableError`` for a body that is not a chat completion.
    """
    rows = _choices(data)
    texts = [_choice_text(c) for c in rows]
    usage = data.get("usage")
    usage = usage if type(usage) is dict else {}
    if any("usage" in c for c in rows):  # per-choice counts, where a server gives them
        tokens = [_as_int(u.get("completion_tokens")) if type(u := c.get("usage")) is dict else None for c in rows]
    else:
        cap = request.sampling.max_tokens
        tokens = split_tokens(_as_int(usage.get("completion_tokens")), texts, cap)
    prompt_id, condition, prompt_tokens = request.prompt_id, request.condition, _as_int(usage.get("prompt_tokens"))
    # With n > 1 the server draws every choice from the one seed sent; the position tells them apart.
    shared = len(pending) > 1 and seed is not None
    # Every value is type-checked above (a JSON parser yields exact builtin types), so the records
    # are built directly; Completion itself replaces lone surrogates in server-sent strings.
    return [
        Completion(prompt_id=prompt_id, condition=condition, sample_index=index, text=text,
                   finish_reason=finish if type(finish := choice.get("finish_reason")) is str else None,
                   prompt_tokens=prompt_tokens, completion_tokens=count, latency_s=latency_s, seed=seed,
                   seed_choice=position if shared else None)
        # extra choices are ignored
        for position, (index, choice, text, count) in enumerate(zip(pending, rows, texts, tokens, strict=False))
    ]  # fmt: skip
