"""HTTP plumbing for endpoint backends: one JSON POST, error classification, backoff, redaction.

Kept apart from the OpenAI-specific code so any endpoint backend can share the same rules for
what is retried (429, 5xx, timeouts, dropped connections, malformed bodies) and what fails fast
(other 4xx), and so that a secret never leaks into an error message by any path.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import orjson

log = logging.getLogger("harness.backends.http")

# Statuses worth another try: rate limits, server trouble, and the transient 4xx that the OpenAI
# SDK also retries (408 request timeout, 409 conflict/lock, 425 too early).
_RETRY_4XX = frozenset({408, 409, 425, 429})
_BODY_SNIPPET = 300
REDACTED = "[REDACTED]"


class Redactor:
    """Replaces every known secret (API key, secret header values) in text with ``[REDACTED]``."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        # Longest first, so a secret that contains another is removed whole.
        self._secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def __call__(self, text: object) -> str:
        out = str(text)
        for secret in self._secrets:
            out = out.replace(secret, REDACTED)
        return out


class RetryableError(Exception):
    """A failure that another attempt may cure; ``retry_after`` is the server's wish, if any."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class HTTPStatusError(Exception):
    """A non-retryable HTTP status (4xx other than the transient ones)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class EndpointError(RuntimeError):
    """The endpoint cannot serve this run at all (bad key, unknown model, wrong URL).

    Raised out of ``generate``/``preflight`` instead of recording every sample as failed.
    """


class EndpointRefused(EndpointError, ValueError):
    """401, 403 or 404: the key, the permission or the model is wrong; nothing will succeed.

    Also a ``ValueError``: like an unset key variable, it is a bad value in the target config,
    and the CLI reports those as one-line errors.
    """


def is_retryable_status(status: int) -> bool:
    return status >= 500 or status in _RETRY_4XX


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the server asks us to wait, from ``retry-after-ms`` or ``Retry-After``.

    ``Retry-After`` may be delta-seconds or an HTTP date; negative or unparsable values give
    ``None`` (fall back to our own backoff).
    """
    ms = headers.get("retry-after-ms")
    if ms is not None:
        try:
            value = float(ms) / 1000.0
            return value if value >= 0 else None
        except ValueError:
            pass
    raw = headers.get("Retry-After")
    if raw is None:
        return None
    raw = raw.strip()
    try:
        seconds = float(raw)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
        seconds = max(seconds, 0.0)  # a date in the past means "now"
    return seconds if seconds >= 0 else None


@dataclass
class Backoff:
    """Exponential backoff with full jitter; a server's ``Retry-After`` wins, up to a cap."""

    base_s: float = 0.5
    max_s: float = 30.0
    retry_after_max_s: float = 60.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Wait before retry number ``attempt`` (1 for the first retry)."""
        if retry_after is not None:
            if retry_after > self.retry_after_max_s:
                # A huge Retry-After (hours, or a bogus date) would stall the run silently.
                log.warning(
                    "server asked to wait %.1f s (Retry-After); capped at %.1f s",
                    retry_after,
                    self.retry_after_max_s,
                )
                return self.retry_after_max_s
            return retry_after
        # Full jitter (uniform in [0, cap]) spreads retries of many workers that failed together.
        return self.rng.uniform(0.0, min(self.max_s, self.base_s * (2 ** (attempt - 1))))


def loads(body: bytes) -> Any:
    """Parse a JSON body: orjson first (several times faster, and this runs once per response),
    the standard library where orjson is stricter, so that lone surrogates and NaN that some servers
    send are read as before instead of failing the sample."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return json.loads(body)


def _snippet(body: bytes) -> str:
    text = body[:_BODY_SNIPPET].decode("utf-8", "replace").strip()
    try:
        data = loads(body)
        err = data.get("error") if isinstance(data, dict) else None
        if isinstance(err, dict) and err.get("message"):
            return str(err["message"])[:_BODY_SNIPPET]
        if isinstance(err, str):
            return err[:_BODY_SNIPPET]
        if isinstance(data, dict) and isinstance(data.get("detail") or data.get("message"), str):
            return str(data.get("detail") or data.get("message"))[:_BODY_SNIPPET]
    except (ValueError, AttributeError):
        pass
    return text


async def request_json(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    data: bytes | None = None,
    timeout: aiohttp.ClientTimeout | None = None,
    redact: Callable[[object], str] = str,
) -> Any:
    """One HTTP call that returns the parsed JSON body of a 2xx answer.

    Raises ``RetryableError`` (429/5xx/408, timeouts, dropped connections, bodies that are not
    JSON) or ``HTTPStatusError`` (any other status). Every message passes through ``redact``
    first, so no exception object ever holds a secret that the server echoed back.
    """
    kwargs: dict[str, Any] = {"data": data}
    if timeout is not None:
        kwargs["timeout"] = timeout
    try:
        async with session.request(method, url, **kwargs) as resp:
            body = await resp.read()
            status = resp.status
            headers = resp.headers
    except asyncio.TimeoutError:
        limit = (timeout or session.timeout).total
        raise RetryableError(f"timed out after {limit} s") from None
    except aiohttp.ClientError as exc:
        # Resets, refused connections, truncated payloads, server disconnects.
        raise RetryableError(redact(f"connection error: {type(exc).__name__}: {exc}")) from None
    if status >= 300:
        message = redact(f"HTTP {status}: {_snippet(body)}")
        if is_retryable_status(status):
            raise RetryableError(message, parse_retry_after(headers))
        raise HTTPStatusError(status, message)
    try:
        return loads(body)
    except ValueError:
        raise RetryableError(redact(f"malformed JSON body ({len(body)} bytes): {body[:80]!r}")) from None
