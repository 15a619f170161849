"""The records that flow through a run: requests to a backend and the completions it returns."""

from __future__ import annotations

from typing import Literal, NamedTuple

import json
from dataclasses import dataclass

import orjson
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError


class Message(BaseModel):
    """One chat turn."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Literal["system", "user", "assistant"]
    """Who speaks."""
    content: str
    """What is said."""


class SampleKey(NamedTuple):
    """Identifies one sample of a run; the unit of resume and of counting."""

    prompt_id: str
    condition: str
    sample_index: int


class SamplingParams(BaseModel):
    """Sampling settings shared by every sample of a run."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    n: int = Field(default=5, ge=1, le=10_000)
    """Samples per prompt and condition."""
    temperature: float = Field(default=0.7, ge=0.0, le=5.0)
    """Sampling temperature; 0 means greedy (then all samples of a prompt are alike)."""
    top_p: float = Field(default=0.95, gt=0.0, le=1.0)
    """Nucleus sampling mass."""
    max_tokens: int = Field(default=96, ge=1, le=32_768)
    """Upper bound on generated tokens per sample."""
    seed: int = 1234
    """Run seed; every sample gets its own seed derived from it (see ``sample_seed``)."""


class GenRequest(BaseModel):
    """Several samples of one prompt under one condition: what a backend is asked for.

    A backend answers with exactly one ``Completion`` per entry of ``sample_indices``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    prompt_id: str
    condition: str
    messages: tuple[Message, ...]
    """The conversation as sent: the condition's system message (if any) and the prompt's turns."""
    sample_indices: tuple[int, ...]
    """Which samples of this prompt and condition are wanted (resume asks only for missing ones)."""
    seeds: tuple[int, ...]
    """One seed per entry of ``sample_indices``."""
    sampling: SamplingParams

    def keys(self) -> list[SampleKey]:
        return [SampleKey(self.prompt_id, self.condition, i) for i in self.sample_indices]


def clean_unicode(value: str | None) -> str | None:
    """Lone surrogates (from JSON escapes some servers send) cannot be stored as UTF-8; they
    become U+FFFD so the sample is kept rather than crashing the run or vanishing on read."""
    if value is None or value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


@dataclass(slots=True)
class Completion:
    """One sample's outcome, as stored, one JSON line each, in ``completions.jsonl``.

    A plain slotted dataclass, not a pydantic model: a run creates one per sample on the hot path
    of every backend, and backends build it from values they have already checked. What comes from
    outside (a results file) goes through ``from_json``, which validates.
    """

    __pydantic_config__ = ConfigDict(extra="forbid")  # for from_json: unknown fields are an error

    prompt_id: str
    condition: str
    sample_index: int
    text: str | None = None
    """The generated text; ``None`` when the sample failed (see ``error``)."""
    finish_reason: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_s: float | None = None
    """Wall time of the request that produced this sample (shared by samples of one request)."""
    seed: int | None = None
    """The seed sent with the request that produced this sample (see ``seed_choice``)."""
    error: str | None = None
    """Why the sample failed after all retries; a failed sample is never counted as an answer."""
    seed_choice: int | None = None
    """Position of this sample among the ``n`` choices of one request that shared ``seed`` (an
    endpoint asked for several samples at once); ``None`` when ``seed`` governed this sample alone."""

    def __post_init__(self) -> None:
        # The fields that can hold a server's strings; the rest come from validated configs. The
        # ASCII test inline keeps the usual case free of calls (this runs once per sample).
        if (text := self.text) is not None and not text.isascii():
            self.text = clean_unicode(text)
        if (finish := self.finish_reason) is not None and not finish.isascii():
            self.finish_reason = clean_unicode(finish)
        if (error := self.error) is not None and not error.isascii():
            self.error = clean_unicode(error)

    def to_json(self) -> str:
        """One compact JSON line (without the newline), UTF-8 text kept as is."""
        return orjson.dumps(self).decode()

    @classmethod
    def from_json(cls, line: str | bytes) -> "Completion":
        """Parse and validate one stored line; raises ``ValueError`` (or ``ValidationError``)."""
        try:
            return _COMPLETION.validate_json(line)
        except ValidationError:
            # The strict JSON parser refuses escaped lone surrogates; Python's accepts them.
            return _COMPLETION.validate_python(json.loads(line))

    @property
    def key(self) -> SampleKey:
        return SampleKey(self.prompt_id, self.condition, self.sample_index)

    @property
    def ok(self) -> bool:
        return self.error is None and self.text is not None

    @classmethod
    def failed(cls, request: GenRequest, index: int, error: str, latency_s: float | None = None) -> "Completion":
        seed = request.seeds[request.sample_indices.index(index)]
        return cls(
            prompt_id=request.prompt_id,
            condition=request.condition,
            sample_index=index,
            seed=seed,
            error=error,
            latency_s=latency_s,
        )


_COMPLETION = TypeAdapter(Completion)


def sample_seed(run_seed: int, key: SampleKey) -> int:
    """A per-sample seed that depends only on the run seed and the sample's identity.

    Scheduling, batching and resume therefore never change which seed a sample gets.
    """
    import hashlib

    digest = hashlib.sha256(f"{run_seed}\x00{key.prompt_id}\x00{key.condition}\x00{key.sample_index}".encode())
    return int.from_bytes(digest.digest()[:4], "big") & 0x7FFFFFFF
