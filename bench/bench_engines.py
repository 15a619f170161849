"""The default suite on the embedded SmolLM2, engine by engine, side by side in one run.

Each engine runs the same suite (all of probes/identity.yaml, or its first ``--limit`` prompts) through
``idprobe run`` in its own process, one after the other, into its own run directory. Sampling time is
the run session's own clock (model loading and conversion excluded); generated tokens are the stored
``completion_tokens``. Identity shares use the classifier and the prompt-clustered 95% interval of the
report; every engine's shares are checked against the intervals of the first engine (the former
default) and tested against its shares (paired permutation over prompts, Holm-corrected), and the
fastest engine whose shares do not differ is named. CPU seconds per engine are printed beside wall
time, since wall time on a shared machine says more about the neighbours than about the engine.

    python bench/bench_engines.py                       # the whole default suite (several minutes each)
    python bench/bench_engines.py --limit 12            # quick, noisy: 12 prompts
    python bench/bench_engines.py --engines f32-static,bf16-static
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
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
    # the default before 2026-12-01, the baseline
    "f32-static": {"backend": "transformers", "options": {"dtype": "float32", "batch_size": 32, "sampler": "transformers"}},
    "f32-nucleus": {"backend": "transformers", "options": {"dtype": "float32", "batch_size": 32}},
    "default": {"backend": "transformers"},  # today's defaults: dtype auto, batch_size 64, nucleus sampler
    "bf16-static": {"backend": "transformers", "options": {"dtype": "bfloat16", "batch_size": 32, "sampler": "transformers"}},
    "bf16-static-64": {"backend": "transformers", "options": {"dtype": "bfloat16", "batch_size": 64}},
    "bf16-static-128": {"backend": "transformers", "options": {"dtype": "bfloat16", "batch_size": 128}},
    "bf16-continuous": {"backend": "transformers", "options": {"dtype": "bfloat16", "engine": "continuous"}},
    "vllm-cpu-f32": {"backend": "vllm", "options": {"dtype": "float32", "max_model_len": 2048, "enforce_eager": True,
                                                     "env": {"VLLM_CPU_KVCACHE_SPACE": "2"}}},
    "vllm-cpu-bf16": {"backend": "vllm", "options": {"dtype": "bfloat16", "max_model_len": 2048, "enforce_eager": True,
                                                      "env": {"VLLM_CPU_KVCACHE_SPACE": "2"}}},
}
DEFAULT_ENGINES = "f32-static,default,bf16-static,f32-nucleus,vllm-cpu-bf16"


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


def _run(name: str, suite: Path, workdir: Path, timeout: float) -> tuple[Path, float]:
    """Run one engine; returns its run directory and the CPU seconds of its whole process."""
    target = {"model": "embedded:smollm2", "label": f"SmolLM2 {name}", "template_mode": "strict", **ENGINES[name]}
    target_path = workdir / f"{name}.yaml"
    target_path.write_text(yaml.safe_dump(target))
    out = workdir / name
    cmd = [sys.executable, "-m", "harness.cli", "run", str(suite), "--target", str(target_path), "--out", str(out), "--no-report"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{proc.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds (loading included) are less sensitive than wall time to other processes on a
    # shared machine, as long as OpenMP threads wait passively instead of spinning.
    return out, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _measure(run_dir: Path, cpu_seconds: float) -> dict[str, Any]:
    from harness.results import load_run

    manifest = json.loads((run_dir / "manifest.json").read_text())
    session = manifest["sessions"][-1]
    seconds = (dt.datetime.fromisoformat(session["finished_at"]) - dt.datetime.fromisoformat(session["started_at"])).total_seconds()
    run = load_run(run_dir)
    return {
        "samples": len(run.samples), "errors": int((~run.samples["ok"]).sum()), "seconds": seconds,
        "tokens": int(run.answered["completion_tokens"].fillna(0).sum()), "answered": run.answered,
        "cpu_seconds": cpu_seconds,
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


def _differs(result: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Identity shares of ``result`` that differ from the baseline's, by the paired permutation test over
    prompts that ``idprobe compare`` uses, Holm-corrected over every (condition, identity).

    This is the fair reading of "the same shares": a point estimate checked against the other run's
    interval ignores its own sampling noise, so a rare identity seen once in one run and never in the
    other falls "outside" although a rerun of the same engine with another seed would do the same."""
    from harness.stats import compare_frames, holm

    keys = sorted(baseline["shares"])
    tests = []
    for condition, label in keys:
        a = baseline["answered"][baseline["answered"]["condition"] == condition]
        b = result["answered"][result["answered"]["condition"] == condition]
        tests.append(compare_frames(a, b, "identity", label, paired=True))
    adjusted = holm([t.p_value for t in tests])
    return [f"{c}/{label} {t.share_a:.1%} -> {t.share_b:.1%} (p={p:.3f})"
            for (c, label), t, p in zip(keys, tests, adjusted) if p < 0.05]


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
            results[name] = _measure(*_run(name, suite, workdir, args.timeout))
            r = results[name]
            print(f"{name:16s} {r['samples'] / r['seconds']:6.2f} samples/s {r['tokens'] / r['seconds']:7.1f} tokens/s  "
                  f"({r['samples']} samples, {r['errors']} errors, {r['seconds']:.1f} s sampling, "
                  f"{time.perf_counter() - started:.0f} s in all, {r['cpu_seconds']:.0f} CPU s)", flush=True)
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
        r = results[name]
        outside, differs = _outside(r, baseline), _differs(r, baseline)
        speedup = (r["samples"] / r["seconds"]) / (baseline["samples"] / baseline["seconds"])
        cpu = (baseline["cpu_seconds"] / baseline["samples"]) / (r["cpu_seconds"] / r["samples"])
        print(f"{name:16s} speed x{speedup:.2f} wall, x{cpu:.2f} CPU time vs {names[0]}")
        print(f"{'':16s} shares outside {names[0]}'s intervals: {'; '.join(outside) or 'none'}")
        print(f"{'':16s} shares that differ (paired permutation, Holm, 5%): {'; '.join(differs) or 'none'}")
        if not differs and r["errors"] == 0:
            keeping.append((speedup, name))
    best = max(keeping) if keeping else None
    print(f"fastest engine whose shares do not differ: {best[1]} (x{best[0]:.2f} wall)" if best else "no engine keeps the shares")


if __name__ == "__main__":
    main()
