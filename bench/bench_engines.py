"""The default suite on the embedded SmolLM2, engine by engine, side by side in one run.

Each engine runs the same suite (all of probes/identity.yaml, or its first ``--limit`` prompts) through
``idprobe run`` in its own process, one after the other, into its own run directory. Sampling time is
the run session's own clock (model loading and conversion excluded); generated tokens are the stored
``completion_tokens``. Identity shares use the classifier and the prompt-clustered 95% interval of the
report; every engine's shares are checked against the intervals of the first engine (today's
default), and the fastest engine whose shares all fall inside them is named.

    python bench/bench_engines.py                       # the whole default suite (several minutes each)
    python bench/bench_engines.py --limit 12            # quick, noisy: 12 prompts
    python bench/bench_engines.py --engines f32-static,bf16-static
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# name -> target (the embedded model throughout); the first listed is the baseline (today's default).
ENGINES: dict[str, dict[str, Any]] = {
    "f32-static": {"backend": "transformers", "options": {"dtype": "float32", "batch_size": 32}},
    "bf16-static": {"backend": "transformers", "options": {"dtype": "bfloat16", "batch_size": 32}},
    "bf16-static-64": {"backend": "transformers", "options": {"dtype": "bfloat16", "batch_size": 64}},
    "bf16-continuous": {"backend": "transformers", "options": {"dtype": "bfloat16", "engine": "continuous"}},
    "vllm-cpu-f32": {"backend": "vllm", "options": {"dtype": "float32", "max_model_len": 2048, "enforce_eager": True,
                                                     "env": {"VLLM_CPU_KVCACHE_SPACE": "2"}}},
    "vllm-cpu-bf16": {"backend": "vllm", "options": {"dtype": "bfloat16", "max_model_len": 2048, "enforce_eager": True,
                                                      "env": {"VLLM_CPU_KVCACHE_SPACE": "2"}}},
}
DEFAULT_ENGINES = "f32-static,bf16-static,bf16-continuous,vllm-cpu-bf16"


def _suite(limit: int | None, workdir: Path) -> Path:
    """The default suite, or a copy holding its first ``limit`` prompts."""
    from harness.paths import DEFAULT_SUITE

    if not limit:
        return DEFAULT_SUITE
    data = yaml.safe_load(DEFAULT_SUITE.read_text(encoding="utf-8"))
    data["prompts"] = data["prompts"][:limit]
    path = workdir / "suite.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _run(name: str, suite: Path, workdir: Path, timeout: float) -> Path:
    target = {"model": "embedded:smollm2", "label": f"SmolLM2 {name}", "template_mode": "strict", **ENGINES[name]}
    target_path = workdir / f"{name}.yaml"
    target_path.write_text(yaml.safe_dump(target))
    out = workdir / name
    cmd = [sys.executable, "-m", "harness.cli", "run", str(suite), "--target", str(target_path), "--out", str(out), "--no-report"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{proc.stderr[-3000:]}")
    return out


def _measure(run_dir: Path) -> dict[str, Any]:
    from harness.results import load_run

    manifest = json.loads((run_dir / "manifest.json").read_text())
    session = manifest["sessions"][-1]
    seconds = (dt.datetime.fromisoformat(session["finished_at"]) - dt.datetime.fromisoformat(session["started_at"])).total_seconds()
    run = load_run(run_dir)
    return {
        "samples": len(run.samples), "errors": int((~run.samples["ok"]).sum()), "seconds": seconds,
        "tokens": int(run.answered["completion_tokens"].fillna(0).sum()), "answered": run.answered,
    }


def _add_shares(results: dict[str, dict[str, Any]]) -> None:
    """Identity shares per condition with the report's prompt-clustered interval, over the identities any
    engine produced, so an identity one engine never claims still gets its (non-empty) interval there."""
    from harness.tally import shares

    labels = sorted(set().union(*(set(r["answered"]["identity"].dropna()) for r in results.values())))
    for r in results.values():
        table = shares(r["answered"], ["condition"], "identity", labels=labels)
        r["shares"] = {(x["condition"], x["label"]): (x["share"], x["cluster_lo"], x["cluster_hi"]) for x in table.to_dict("records")}


def _outside(result: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Shares of ``result`` outside the baseline's intervals."""
    bad = []
    for key in sorted(baseline["shares"]):
        share = result["shares"][key][0]
        _, lo, hi = baseline["shares"][key]
        if not lo - 1e-9 <= share <= hi + 1e-9:
            bad.append(f"{key[0]}/{key[1]} {share:.1%} not in [{lo:.1%}, {hi:.1%}]")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N prompts of the suite")
    parser.add_argument("--engines", default=DEFAULT_ENGINES, help=f"comma-separated, first = baseline; known: {', '.join(ENGINES)}")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per engine")
    args = parser.parse_args()
    names = args.engines.split(",")
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as tmp:
        workdir = Path(tmp)
        suite = _suite(args.limit, workdir)
        print(f"suite {suite.name}{f' (first {args.limit} prompts)' if args.limit else ''}; {os.cpu_count()} CPUs; "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        results: dict[str, dict[str, Any]] = {}
        for name in names:
            started = time.perf_counter()
            results[name] = _measure(_run(name, suite, workdir, args.timeout))
            r = results[name]
            print(f"{name:16s} {r['samples'] / r['seconds']:6.2f} samples/s {r['tokens'] / r['seconds']:7.1f} tokens/s  "
                  f"({r['samples']} samples, {r['errors']} errors, {r['seconds']:.1f} s sampling, "
                  f"{time.perf_counter() - started:.0f} s in all)", flush=True)
    _summarize(names, results)


def _summarize(names: list[str], results: dict[str, dict[str, Any]]) -> None:
    _add_shares(results)
    baseline = results[names[0]]
    print(f"\nidentity shares (prompt-clustered 95% interval of {names[0]}):")
    for key in sorted(baseline["shares"]):
        share, lo, hi = baseline["shares"][key]
        others = "  ".join(f"{n}={results[n]['shares'][key][0]:.1%}" for n in names[1:])
        print(f"  {key[0]:6s} {key[1]:10s} {names[0]}={share:.1%} [{lo:.1%}, {hi:.1%}]  {others}")
    keeping = []
    for name in names:
        bad = _outside(results[name], baseline)
        speedup = (results[name]["samples"] / results[name]["seconds"]) / (baseline["samples"] / baseline["seconds"])
        print(f"{name:16s} speed x{speedup:.2f} vs {names[0]}; shares {'all inside' if not bad else 'OUTSIDE: ' + '; '.join(bad)}")
        if not bad and results[name]["errors"] == 0:
            keeping.append((speedup, name))
    best = max(keeping) if keeping else None
    print(f"fastest engine keeping the shares: {best[1]} (x{best[0]:.2f})" if best else "no engine keeps the shares")


if __name__ == "__main__":
    main()
