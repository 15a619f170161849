"""The endpoint benchmark named in the README still runs end to end and prints its ratios.

Not a timing test: a tiny run on loopback, checking only that every client answered every request
and that the ratio lines the README quotes are printed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_endpoint_benchmark_runs_every_client_and_prints_the_ratios() -> None:
    cmd = [sys.executable, str(ROOT / "bench" / "bench_endpoint.py"),
           "--requests", "40", "--rounds", "1", "--time-cap", "20", "--concurrency", "8", "--ns", "1,3"]  # fmt: skip
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True).stdout
    rows = {(m["client"], int(m["n"])): int(m["requests"]) for m in re.finditer(
        r"^(?P<client>[\w-]+)\s+(?P<n>\d+)\s+(?P<requests>\d+)\s", out, re.MULTILINE)}  # fmt: skip
    for client in ("raw-aiohttp", "raw-orjson", "harness", "openai-sdk"):
        for n in (1, 3):
            assert rows[(client, n)] == 40, (client, n, out)
    for n in (1, 3):
        assert re.search(rf"^n={n}: harness/raw = \d+\.\d\d .*harness/raw-orjson = \d+\.\d\d; harness/openai = \d+\.\d\d",
                         out, re.MULTILINE), out  # fmt: skip
