"""Throughput and peak memory of ``idprobe weights`` on a synthetic checkpoint set far above its budget.

Writes three sharded bf16 checkpoints (base R, parent P, suspect S = bf16(0.57 P + 0.43 R)) under
/tmp, runs the comparison in a fresh process per setting, prints GB compared per second and peak RSS
(the driver's own and its pool workers'), then deletes the files. Neither writing nor comparing loads
torch (the last line of each measurement says so).

    /work/venv/bin/python bench/bench_weights.py --size-gb 1.5 --max-memory-mb 256 --workers 1 2

Each measurement is made twice on the same files in the same run: after evicting them from the
page cache (posix_fadvise DONTNEED, so the disk is read: "cold"), and warm (compute only). The
disk's own sequential read speed is measured on the same files, cold, with plain 16 MiB reads,
and the cold forensics throughput is printed as a ratio to it (the target: >= 0.5 per process).
Eviction needs no root, but a file's pages that another process holds stay cached; the disk
figure then reads high, which makes the ratio err low, never high.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ELEMENTS_PER_TENSOR = 1 << 25  # 64 MiB per bf16 tensor


def generate(folder: Path, size_gb: float, shards: int = 3) -> None:
    """Three checkpoints of about ``size_gb`` each, written shard by shard to bound this step's memory."""
    import numpy as np

    from harness.weights.floats import round_to
    from harness.weights.st_numpy import write_raw

    def bf16_bits(values: np.ndarray) -> np.ndarray:
        return (round_to(values, "BF16").view(np.uint32) >> 16).astype(np.uint16)

    tensors = max(shards, round(size_gb * 2**30 / (2 * ELEMENTS_PER_TENSOR)))
    maps: dict[str, dict[str, str]] = {"base": {}, "parent": {}, "suspect": {}}
    gen = np.random.default_rng(0)
    shape = (ELEMENTS_PER_TENSOR // 4096, 4096)
    for shard in range(shards):
        parts: dict[str, dict[str, tuple[str, np.ndarray]]] = {k: {} for k in maps}
        for t in range(shard, tensors, shards):
            name = f"model.layers.{t}.mlp.down_proj.weight"
            r = round_to(gen.standard_normal(shape, dtype=np.float32) * np.float32(0.02), "BF16")
            p = round_to(r + gen.standard_normal(shape, dtype=np.float32) * np.float32(0.01), "BF16")
            s = p * np.float32(0.57) + r * np.float32(0.43)
            parts["base"][name], parts["parent"][name] = ("BF16", bf16_bits(r)), ("BF16", bf16_bits(p))
            parts["suspect"][name] = ("BF16", bf16_bits(s))
            del r, p, s
        for kind, part in parts.items():
            (folder / kind).mkdir(parents=True, exist_ok=True)
            file = f"model-{shard + 1:05d}-of-{shards:05d}.safetensors"
            write_raw(folder / kind / file, part)
            maps[kind].update({n: file for n in part})
        del parts
    for kind, weight_map in maps.items():
        (folder / kind / "model.safetensors.index.json").write_text(json.dumps({"weight_map": weight_map}))


def evict(folder: Path) -> None:
    """Ask the kernel to drop the files' cached pages, so the next read comes from the disk."""
    for file in sorted(folder.rglob("*.safetensors")):
        with open(file, "rb") as fh:
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def disk_read_gb_per_s(folder: Path) -> tuple[float, float]:
    """Sequential read of every file once, cold: (GB read, GB/s)."""
    subprocess.run(["sync"], check=False)
    evict(folder)
    total, start = 0, time.perf_counter()
    buf = bytearray(16 << 20)
    for file in sorted(folder.rglob("*.safetensors")):
        with open(file, "rb", buffering=0) as fh:
            while n := fh.readinto(buf):
                total += n
    elapsed = time.perf_counter() - start
    return total / 1e9, total / 1e9 / elapsed


def _hwm_mb() -> float:
    """This process's own peak RSS (VmHWM; unlike ru_maxrss it is not inherited across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(folder: Path, max_memory_mb: int, workers: int, engine: str) -> dict[str, float]:
    """One comparison in this process; returns timing and memory numbers."""
    import numpy  # noqa: F401 - import first so the baseline RSS includes it

    from harness.weights import WeightsConfig, run_weights

    baseline = _hwm_mb()
    config = WeightsConfig(suspect=folder / "suspect", parents=(folder / "parent",), base=folder / "base",
                           max_memory_mb=max_memory_mb, workers=workers, engine=engine, progress=False)
    start = time.perf_counter()
    result = run_weights(config)
    elapsed = time.perf_counter() - start
    return {
        "gb_compared": result.run.bytes_compared / 1e9, "seconds": elapsed,
        "gb_per_s": result.run.bytes_compared / 1e9 / elapsed, "chunk_elements": result.run.chunk_elements,
        "alpha": (result.overall.alpha_mean or [float("nan")])[0], "verdict": result.verdict.label,
        "rss_baseline_mb": baseline, "rss_peak_driver_mb": _hwm_mb(), "torch_loaded": "torch" in sys.modules,
    }


def run_measured(cmd: list[str]) -> tuple[str, float, float]:
    """Run ``cmd``, sampling the RSS of it and all its descendants every 20 ms.

    Returns its stdout, the peak of the summed RSS of the process tree, and the largest single worker.
    """
    import psutil

    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    root = psutil.Process(proc.pid)
    peak_total = peak_worker = 0.0
    while proc.poll() is None:
        try:
            kids = root.children(recursive=True)
            worker_rss = [k.memory_info().rss for k in kids if k.is_running()]
            total = root.memory_info().rss + sum(worker_rss)
        except psutil.Error:  # a process ended between listing and reading it
            continue
        peak_total = max(peak_total, total / 2**20)
        peak_worker = max([peak_worker, *(r / 2**20 for r in worker_rss)])
        time.sleep(0.02)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"measurement failed with exit status {proc.returncode}")
    return out, peak_total, peak_worker


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-gb", type=float, default=1.5, help="size of each of the three checkpoints")
    parser.add_argument("--max-memory-mb", type=int, default=256)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engine", default="process", choices=["process", "ray"])
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: child process modes
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.max_memory_mb, args.workers[0], args.engine)))
        return
    if args.generate:
        generate(args.generate, args.size_gb)
        return
    folder = Path(tempfile.mkdtemp(prefix="idprobe-bench-weights-"))
    try:
        t0 = time.perf_counter()
        # A separate process, so that generating never inflates the numbers measured afterwards.
        subprocess.run([sys.executable, __file__, "--generate", str(folder), "--size-gb", str(args.size_gb)],
                       check=True, cwd=ROOT)
        print(f"generated 3 x {args.size_gb} GB bf16 checkpoints in {time.perf_counter() - t0:.0f} s under {folder}")
        subprocess.run(["sync"], check=False)
        gb_disk, disk = disk_read_gb_per_s(folder)
        print(f"disk: sequential read of the same {gb_disk:.2f} GB, cold: {disk:.3f} GB/s")
        for workers, cache in [(w, c) for w in args.workers for c in ("cold", "warm")]:
            cmd = [sys.executable, __file__, "--measure", str(folder), "--max-memory-mb", str(args.max_memory_mb),
                   "--workers", str(workers), "--engine", args.engine]
            if cache == "cold":
                evict(folder)
            out, peak_total, peak_worker = run_measured(cmd)
            m = json.loads(out.strip().splitlines()[-1])
            ratio = m["gb_per_s"] / disk
            print(f"[{cache}] ratio to disk {ratio:.2f} ({ratio / workers:.2f} per process) | "
                  f"engine={args.engine} workers={workers} max_memory_mb={args.max_memory_mb}: "
                  f"{m['gb_compared']:.2f} GB in {m['seconds']:.1f} s = {m['gb_per_s']:.3f} GB/s; "
                  f"peak RSS: driver {m['rss_peak_driver_mb']:.0f} MB (after imports {m['rss_baseline_mb']:.0f} MB), "
                  f"largest worker {peak_worker:.0f} MB, whole process tree {peak_total:.0f} MB; "
                  f"chunk {m['chunk_elements']:,} elements; alpha {m['alpha']:.4f}; verdict {m['verdict']}; "
                  f"torch loaded: {m['torch_loaded']}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
