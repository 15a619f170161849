"""The optional Ray engine gives the same answer as the local one, and leaves no Ray running."""

from __future__ import annotations

from pathlib import Path

import ray

from harness.weights import WeightsConfig, run_weights
from weights_fixtures import family, write_subset


def test_ray_engine_matches_the_process_engine(tmp_path: Path) -> None:
    fam = family()
    keep = lambda name: name.startswith("blk.1.")  # noqa: E731 - one block keeps the test quick
    paths = {k: write_subset(getattr(fam, k), tmp_path / f"{k}.safetensors", keep) for k in ("base", "p1", "blend")}
    common = dict(suspect=paths["blend"], parents=(paths["p1"],), base=paths["base"], progress=False)
    local = run_weights(WeightsConfig(**common))
    assert not ray.is_initialized()
    distributed = run_weights(WeightsConfig(**common, engine="ray", workers=2))
    assert not ray.is_initialized()  # the engine shuts down the Ray instance it started
    assert distributed.run.engine == "ray"
    assert {t.name: t.alpha for t in distributed.tensors} == {t.name: t.alpha for t in local.tensors}
    assert distributed.verdict.label == local.verdict.label == "blend"
