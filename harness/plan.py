"""Expand a suite into backend requests, skipping samples a run already holds."""

from __future__ import annotations

from collections.abc import Collection

from harness.records import GenRequest, SampleKey, sample_seed
from harness.suite import Suite


def all_keys(suite: Suite) -> list[SampleKey]:
    """Every sample the suite asks for, in a stable order."""
    return [
        SampleKey(p.id, c.id, i) for c in suite.conditions for p in suite.prompts for i in range(suite.sampling.n)
    ]


def plan_requests(suite: Suite, skip: Collection[SampleKey] = ()) -> list[GenRequest]:
    """One request per prompt and condition, for the samples not in ``skip``."""
    skip = set(skip)
    requests = []
    for condition in suite.conditions:
        for prompt in suite.prompts:
            wanted = [
                i for i in range(suite.sampling.n) if SampleKey(prompt.id, condition.id, i) not in skip
            ]
            if not wanted:
                continue
            keys = [SampleKey(prompt.id, condition.id, i) for i in wanted]
            requests.append(
                GenRequest(
                    prompt_id=prompt.id,
                    condition=condition.id,
                    messages=tuple(condition.system_messages() + prompt.turns()),
                    sample_indices=tuple(wanted),
                    seeds=tuple(sample_seed(suite.sampling.seed, k) for k in keys),
                    sampling=suite.sampling,
                )
            )
    return requests
