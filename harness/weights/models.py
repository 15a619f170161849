"""What ``idprobe weights`` writes to ``weights.json``; also what the report templates receive."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .sources import TensorRef

VerdictLabel = Literal["blend", "blend plus further training", "not an interpolation", "undetermined"]


class TensorTask(BaseModel):
    """One tensor's work order, sent to a worker."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    suspect: TensorRef
    reference: TensorRef
    parents: tuple[TensorRef, ...]
    chunk_elements: int
    min_ulps: float
    ulp_dtype: str
    """Grid on which |P - R| is measured for the min_ulps filter (the coarsest float input)."""
    exact_max_elements: int
    min_kept: int


class ExactCheck(BaseModel):
    """How much of the suspect a float32 linear merge with round-tripped weights reproduces bit for bit."""

    model_config = ConfigDict(extra="forbid")

    alpha: list[float]
    """The parent weights of the best candidate (fitted value, or it rounded to 2 or 3 decimals)."""
    form: Literal["weighted", "task"]
    """weighted: (1 - sum a) R + sum a P; task: R + sum a (P - R); both computed in float32."""
    elements: int
    share: float
    """Share of checked elements reproduced exactly."""
    share_kept: float | None
    """The same over informative elements only (where the parents really differ from R)."""
    share_equal_base: float
    """Share of checked elements bit-identical to R: untouched by any merge or training."""


class TensorResult(BaseModel):
    """The fit of one tensor."""

    model_config = ConfigDict(extra="forbid")

    name: str
    shape: list[int]
    numel: int
    component: str
    layer: int | None
    suspect_dtype: str
    ulp_dtype: str
    n_kept: int = 0
    """Elements where some parent differs from R by at least min_ulps ulp: the fit uses only these."""
    alpha: list[float] | None = None
    alpha_se: list[float] | None = None
    alpha_all: list[float] | None = None
    """The fit over all elements, for comparison: biased toward round values by the ulp grid."""
    cos_fit: float | None = None
    rel_residual: float | None = None
    z: float | None = None
    kappa: float | None = None
    kappa_elements: int = 0
    """Elements behind kappa (the directly measured residual of the checked chunks)."""
    exact: ExactCheck | None = None
    note: str | None = None
    """Why a value is missing, in words."""
    error: str | None = None
    """A read or computation failure; the tensor counts as not compared."""


class GroupSummary(BaseModel):
    """Tensors of one layer or one component taken together."""

    model_config = ConfigDict(extra="forbid")

    key: str
    tensors: int
    fitted: int
    failed: int
    """Tensors that could not be read or computed (see each one's ``error``)."""
    elements: int
    kept: int
    alpha_mean: list[float] | None
    """Per parent, weighted by kept elements."""
    alpha_std: list[float] | None
    """Weighted standard deviation across tensors: small for one blend applied everywhere."""
    alpha_min: list[float] | None
    alpha_max: list[float] | None
    cos_fit_median: float | None
    kappa_median: float | None
    exact_share_kept: float | None
    z_min: float | None
    z_median: float | None


class Verdict(BaseModel):
    """The conclusion in plain words and the numbers behind it."""

    model_config = ConfigDict(extra="forbid")

    label: VerdictLabel
    text: str
    numbers: dict[str, float | int | None]


class FileInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: Path
    size: int
    sha256: str | None = None


class InputInfo(BaseModel):
    """One checkpoint given on the command line."""

    model_config = ConfigDict(extra="forbid")

    role: str
    """suspect, parent 1, parent 2, ..., or base."""
    path: Path
    format: str
    tensors: int
    files: list[FileInfo]


class Mismatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    reason: str


class RunInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    engine: str
    workers: int
    max_memory_mb: int
    chunk_elements: int
    min_ulps: float
    elapsed_s: float
    bytes_compared: int
    """Stored bytes of all inputs over the compared tensors (each read once in the fit pass)."""


class WeightsResult(BaseModel):
    """Everything in ``weights.json``."""

    model_config = ConfigDict(extra="forbid")

    tool: str = "idprobe weights"
    reference_role: str
    """Which input is R (the origin of difference space)."""
    parent_labels: list[str]
    """Names of the fitted parents, in the order of every alpha list."""
    inputs: list[InputInfo]
    run: RunInfo
    matched: int
    mismatched: list[Mismatch]
    tensors: list[TensorResult]
    layers: list[GroupSummary]
    components: list[GroupSummary]
    overall: GroupSummary
    verdict: Verdict
