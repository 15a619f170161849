"""Options of ``backend: openai``, validated from a target's ``options:`` mapping."""

from __future__ import annotations

from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, field_validator

# Body fields the backend sets itself; letting extra_body override them would make the
# manifest lie (sampling) or break sample accounting (n, seed, stream).
_RESERVED = frozenset(
    {"model", "messages", "n", "seed", "stream", "temperature", "top_p", "max_tokens", "max_completion_tokens"}
)


class OpenAIOptions(BaseModel):
    """Options of ``backend: openai`` (under ``options:`` in a target config)."""

    model_config = ConfigDict(extra="forbid")

    max_concurrency: int = Field(64, ge=1, le=4096)
    """HTTP requests in flight at once (also the connection pool size)."""
    timeout_s: float = Field(120.0, gt=0)
    """Wall-clock limit of one HTTP request; a timeout is retried."""
    max_retries: int = Field(5, ge=0, le=100)
    """Further attempts after a retryable failure (429, 5xx, timeout, reset, malformed body)."""
    backoff_base_s: float = Field(0.5, ge=0)
    """First retry waits up to this long (full jitter); the cap doubles each retry."""
    backoff_max_s: float = Field(30.0, ge=0)
    """Upper bound of one backoff wait."""
    retry_after_max_s: float = Field(60.0, ge=0)
    """A server's Retry-After is honoured up to this many seconds (longer waits are capped and logged)."""
    use_n: bool = True
    """Ask for all samples of a prompt in one request with ``n``; false: one request per sample."""
    send_seed: bool = True
    """Send a ``seed`` (the first pending sample's seed); turn off for servers that reject it."""
    max_tokens_field: Literal["max_tokens", "max_completion_tokens"] = "max_tokens"
    """Name of the length limit field; newer OpenAI models accept only ``max_completion_tokens``."""
    extra_body: dict[str, Any] = Field(default_factory=dict)
    """Extra request fields passed through as given, such as vLLM's ``top_k`` or ``chat_template_kwargs``."""
    headers_env: dict[str, str] = Field(default_factory=dict)
    """Extra headers: header name -> name of the environment variable holding its value."""
    completions_template: str | None = None
    """Render prompts in idprobe and send them to ``/v1/completions`` (vLLM, SGLang, the llama.cpp
    server) instead of ``/v1/chat/completions``: a tokenizer directory, a ``.gguf`` file or
    ``embedded:smollm2`` (these need the ``local`` extra), or a Jinja chat template file (``.jinja``,
    with the ``tokenizer_config.json`` beside it, if any, for its BOS/EOS tokens). The target's
    ``template_mode`` then applies as for local models (``strict`` removes the template's default
    system block) and the text sent is recorded. Unset: the server renders with its own template,
    recorded as template mode ``server``. vLLM adds a BOS to raw prompts unless ``extra_body``
    has ``add_special_tokens: false``."""
    tokenizer: str | None = None
    """Local tokenizer (directory, .gguf file or ``embedded:smollm2``) for an exact count in the preflight check."""
    hidden_prompt_threshold: int = Field(16, ge=0)
    """Preflight flags a hidden system prompt when the overhead exceeds this many tokens."""
    trust_env: bool = False
    """Use HTTP(S)_PROXY / NO_PROXY from the environment."""

    @field_validator("extra_body")
    @classmethod
    def _no_reserved(cls, value: dict[str, Any]) -> dict[str, Any]:
        clash = sorted(_RESERVED & set(value))
        if clash:
            raise ValueError(
                f"extra_body may not set {', '.join(clash)}: sampling comes from the suite, "
                "and n/seed are sent per request (see use_n, send_seed)"
            )
        try:  # caught here, with the option's name, rather than as a crash when the first body is encoded
            orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)
        except TypeError as exc:
            raise ValueError(f"extra_body cannot be sent as JSON: {exc}") from None
        return value


def seed_statement(options: OpenAIOptions) -> str:
    """What the seeds of an endpoint run reproduce, in words."""
    if not options.send_seed:
        return "No seed was sent (send_seed: false): the server sampled freely and the texts are not reproducible."
    where = ("on the same server software, model weights and hardware, and only where the server honours seeds "
             "(hosted APIs treat them as best effort)")
    if not options.use_n:
        return (f"Each sample was its own request carrying its own seed, sha256(run_seed, prompt_id, condition, index) "
                f"(use_n: false). Resending that request reproduces the sample {where}.")
    return ("All samples of a prompt were asked for in one request (use_n: true) carrying one seed, the first "
            "pending sample's; the server decides how the choices derive from it (vLLM: seed + choice index). Each "
            "sample records the seed sent and its position among the choices (seed_choice); a top-up request for "
            f"missing choices carries its own seed. The same request (seed and n) reproduces the samples {where}. "
            "For one seed per sample, set use_n: false.")
