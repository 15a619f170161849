"""Identity shares of one model over several runs with different prompts, with the reports' interval.

The rio-case suite has 24 prompts, too few for a clustered interval to rule out 5% when a name never
appears (with no hit it assumes every sample of a prompt could agree). Runs of the same model on other
suites add prompts; each prompt stays one cluster. Prompts tagged ``are-you`` name a candidate ("Are you
the Rio assistant?") and get echoed back, so they are left out by default.

    python examples/rio-case/pooled.py OUT/runs/rio-case/rio-mini OUT/runs/identity/rio-mini
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from harness.results import load_run  # noqa: E402
from harness.stats import pooled_prompt_counts, share_interval  # noqa: E402


def pooled_shares(frames: list[pd.DataFrame], condition: str, identities: list[str]) -> list[str]:
    """One line per identity: hits of all answers under ``condition``, the share and its 95% interval."""
    chosen = [f[f["condition"] == condition] for f in frames]
    lines = []
    for identity in identities:
        hits, totals = pooled_prompt_counts(chosen, "identity", identity)
        low, high = share_interval(hits, totals)
        lines.append(f"  {identity:8s} {int(hits.sum())}/{int(totals.sum())} = {hits.sum() / totals.sum():5.1%} "
                     f"(95% CI {low:.1%}-{high:.1%}, {len(hits)} prompts)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="+", type=Path, help="run directories of one model")
    parser.add_argument("--exclude-tag", default="are-you", help="leave out prompts with this tag ('' keeps all)")
    parser.add_argument("--identities", default="nex,rio", help="comma-separated identity keys")
    args = parser.parse_args()
    frames = []
    for run_dir in args.runs:
        answered = load_run(run_dir).answered
        if args.exclude_tag:
            answered = answered[~answered["tags"].map(lambda tags: args.exclude_tag in tags)]
        frames.append(answered)
    for condition in sorted(set().union(*(set(f["condition"]) for f in frames))):
        print(f"condition {condition}:")
        print("\n".join(pooled_shares(frames, condition, args.identities.split(","))))


if __name__ == "__main__":
    main()
