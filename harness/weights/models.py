"""What ``idprobe weights`` writes to ``weights.json``; also what the report templates receive."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .sources import TensorRef

VerdictLabel = Literal["blend", "sparse merge", "derived, recipe unknown", "blend plus further training",
                       "not derived from these parents", "undetermined"]
Method = Literal["linear", "slerp", "task_arithmetic", "ties", "dare_ties", "dare_linear", "unknown"]


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
    form: Literal["weighted", "task", "slerp"]
    """weighted: (1 - sum a) R + sum a P; task: R + sum a (P - R); slerp: SLERP with t = alpha[0]; all in float32."""
    elements: int
    share: float
    """Share of checked elements reproduced exactly."""
    share_kept: float | None
    """The same over informative elements only (where the parents really differ from R)."""
    share_equal_base: float
    """Share of checked elements bit-identical to R: untouched by any merge or training."""
    misses_linear: int | None = None
    """Informative elements the best linear candidate does not reproduce."""
    misses_slerp: int | None = None
    """The same for the best SLERP candidate (single parent, angle above mergekit's linear fallback)."""


class TensorRecipe(BaseModel):
    """Per-tensor evidence about the merge recipe (see recipe_sums and recipe)."""

    model_config = ConfigDict(extra="forbid")

    moved: int = 0
    """Elements where some parent differs from R by at least 4 ulp."""
    share_at_base: float | None = None
    """Share of moved elements where S equals R (to S's rounding): the trim of TIES/DARE."""
    share_at_parent: list[float] = Field(default_factory=list)
    """Share of moved elements where S equals parent i: a sole TIES contributor."""
    sole_coefficient: list[float | None] = Field(default_factory=list)
    """(S-R)/(P_i-R) where parent i alone contributes (peak of the ratio histogram)."""
    sole_share: list[float] = Field(default_factory=list)
    """Share of far-moved elements at that peak."""
    single_share_agree: float | None = None
    single_share_disagree: float | None = None
    """Share of elements with one sole contributor where the parents' signs agree / disagree."""
    trim_error: list[float | None] = Field(default_factory=list)
    """Misclassified share when a magnitude cut predicts which elements parent i contributes to,
    relative to the smaller class: near 0 for TIES (top-k by magnitude), near 1 for DARE (random)."""
    magnitude_density: list[float | None] = Field(default_factory=list)
    """Share of elements at or above that cut: the TIES density."""
    mixed_weights: list[float] | None = None
    """Fit of S-R on the parents where several contribute: TIES's w_i / sum w."""
    mixed_n: int = 0
    cos_base_parent: float | None = None
    """Cosine between R and the (single) parent over the whole tensor: SLERP's angle."""
    base_coef: float | None = None
    base_coef_se: float | None = None
    """Coefficient of R itself in S - R = c R + sum b_i (P_i - R): 0 for linear, > 0 for SLERP."""
    kappa_with_base: float | None = None
    """kappa of that fit (with the R column)."""
    slerp_t: float | None = None
    slerp_t_se: float | None = None
    slerp_c_predicted: float | None = None
    """The R coefficient SLERP with that t would give at this angle."""
    family: str | None = None
    """This tensor alone: linear, slerp, linear or slerp, sparse, or none."""


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
    value_dtype: str | None = None
    """The precision the suspect's values actually have (bf16 values stored as float32 read BF16)."""
    recipe: TensorRecipe | None = None
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


class Recipe(BaseModel):
    """The merge recipe that explains the suspect, with its parameters and what cannot be told apart."""

    model_config = ConfigDict(extra="forbid")

    method: Method
    params: dict[str, Any] = Field(default_factory=dict)
    """alpha / t / t_by_layer / weights / relative_weights / density / sign_election, each with _se or
    _range where it has one."""
    alternatives: list[str] = Field(default_factory=list)
    """Other recipes that give the same model here (e.g. slerp where the tensors are nearly parallel)."""
    text: str = ""
    """The recipe in plain words, including what cannot be told apart."""
    evidence: dict[str, float | int | None] = Field(default_factory=dict)


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
    recipe: Recipe | None = None
    aligned: dict[str, Any] | None = None
    """Set by --align: the hidden-unit permutation undone before fitting, per layer."""
