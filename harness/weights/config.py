"""Settings of a weight-forensics run, validated before any tensor is read."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# Bytes of working memory per element of one tensor chunk, per input checkpoint, in a worker:
# the chunk as stored, its float64 copy, and float64 temporaries of the fit (differences, masked
# copies, products). Measured peaks sit below this; it errs on the side of smaller chunks.
BYTES_PER_ELEMENT_PER_INPUT = 40
BYTES_PER_ELEMENT_FIXED = 48
# Chunks beyond this many elements are no faster (they fall out of cache) and only cost memory.
MAX_CHUNK_ELEMENTS = 1 << 20


class Thresholds(BaseModel):
    """Where the verdict draws its lines; the defaults follow the notes on bf16 merges."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_alpha: float = Field(default=0.05, ge=0.0, le=1.0)
    """Below this |alpha| of the first parent the suspect is not called an interpolation."""
    min_cos_fit: float = Field(default=0.5, ge=0.0, le=1.0)
    """Below this median cos_fit the parents do not explain the suspect's difference from the base."""
    max_alpha_spread: float = Field(default=0.05, gt=0.0)
    """Largest weighted standard deviation of alpha across tensors that still counts as one blend."""
    max_blend_kappa: float = Field(default=3.0, gt=0.0)
    """Largest median kappa (residual in units of storage rounding noise) for a plain blend."""
    min_exact_share: float = Field(default=0.5, ge=0.0, le=1.0)
    """Share of informative elements reproduced bit for bit above which the blend arithmetic is confirmed."""
    min_kept_elements: int = Field(default=64, ge=2)
    """Tensors with fewer informative elements get no fit (their alpha would be noise)."""


class WeightsConfig(BaseModel):
    """Everything ``idprobe weights`` needs; built by the CLI or directly by library callers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    suspect: Path
    parents: tuple[Path, ...] = Field(min_length=1)
    base: Path | None = None
    """Reference R of difference space; the first parent when not given."""
    out_dir: Path | None = None
    max_memory_mb: int = Field(default=512, ge=16)
    """Budget for tensor data across all workers (interpreter and library overhead come on top)."""
    engine: Literal["process", "ray"] = "process"
    workers: int = Field(default=1, ge=1, le=256)
    min_ulps: float = Field(default=32.0, ge=0.0)
    """Fit only elements where some parent differs from R by at least this many ulp."""
    exact_max_elements: int = Field(default=1_048_576, ge=0)
    """Elements per tensor checked for bit-exact reproduction (evenly spread chunks); 0 turns it off."""
    hash_files: bool = False
    """SHA-256 of every input file (reads everything once more); sizes are always recorded."""
    progress: bool = True
    align: bool = False
    """Undo a permutation of the suspect's hidden units (MLP neurons, attention heads) before fitting,
    by matching them to R's (safetensors, Llama-style names); the aligned copy is written to out_dir."""
    thresholds: Thresholds = Thresholds()

    @model_validator(mode="after")
    def _distinct_inputs(self) -> WeightsConfig:
        """Refuse an empty design, or a reference that is also a parent (an all-zero column)."""
        ref = self.reference
        if not self.fit_parents:
            raise ValueError("nothing to fit: give --base R, or a second --parent (the first then serves as R)")
        if self.base is not None and any(p.resolve() == ref.resolve() for p in self.parents):
            raise ValueError(f"the base {ref} is also given as a parent")
        return self

    @property
    def reference(self) -> Path:
        """R, the origin of difference space."""
        return self.base if self.base is not None else self.parents[0]

    @property
    def fit_parents(self) -> tuple[Path, ...]:
        """The parents whose differences from R form the columns of X."""
        return self.parents if self.base is not None else self.parents[1:]

    def chunk_elements(self) -> int:
        """Elements per chunk so that all workers together stay inside ``max_memory_mb``."""
        inputs = 2 + len(self.fit_parents)  # suspect, reference, parents
        per_element = BYTES_PER_ELEMENT_PER_INPUT * inputs + BYTES_PER_ELEMENT_FIXED
        per_worker = self.max_memory_mb * 1024 * 1024 // self.workers
        return max(1024, min(MAX_CHUNK_ELEMENTS, per_worker // per_element))
