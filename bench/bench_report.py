"""How a report scales: a 100,050-sample run (the default suite with n=725, echo backend), rendered by
``idprobe report`` and opened in headless Chromium.

Prints, for each run measured:

1. ``idprobe report`` (a fresh process, imports included): wall and CPU seconds, and peak RSS;
2. the size of report.html (targets: under 10 s and under 15 MB for 100,000 samples);
3. in Chromium (Debian's /usr/bin/chromium through Playwright): time from navigation to the
   headline table laid out, and to first contentful paint (target: 3 s); time until the first page
   of samples is drawn; filtering to one identity and a text search, both as seen by Playwright
   (round trip included) and inside the page (target: 1 s).

    .venv/bin/python bench/bench_report.py                 # the issue's run: three canned answers
    .venv/bin/python bench/bench_report.py --distinct      # also every sample with its own text
    .venv/bin/python bench/bench_report.py --n 145         # a 20,010-sample run

CPU time is printed next to wall time: on a shared machine wall time also counts the time other
processes held the cores.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.report_fixtures import make_big_run  # noqa: E402  (after the path set-up)

CHROMIUM = "/usr/bin/chromium"


def render(run_dir: Path) -> dict[str, float]:
    """``idprobe report RUN_DIR`` in a fresh process, as a user runs it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "harness.cli", "report", str(run_dir)], check=True,
                   stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": after.ru_maxrss / 1024}


IN_PAGE_FILTER = """([id, value]) => {
  const control = document.getElementById(id);
  const start = performance.now();
  control.value = value;
  control.dispatchEvent(new Event(id === "filter-text" ? "input" : "change"));
  return performance.now() - start;
}"""


def browse(html: Path, identity: str, needle: str) -> dict[str, float]:
    """Open the report in Chromium and time what a reader waits for."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(html.as_uri(), wait_until="commit")
        page.wait_for_selector("#headline-table", state="visible")
        headline = time.perf_counter() - start
        page.wait_for_selector("#samples tbody tr", state="attached")
        drawn = time.perf_counter() - start
        fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null")
        start = time.perf_counter()
        page.select_option("#filter-identity", identity)
        shown = int(page.inner_text("#shown-count"))
        filtered = time.perf_counter() - start
        page.select_option("#filter-identity", "")
        in_page_identity = page.evaluate(IN_PAGE_FILTER, ["filter-identity", identity])
        page.evaluate(IN_PAGE_FILTER, ["filter-identity", ""])
        start = time.perf_counter()
        page.fill("#filter-text", needle)
        page.wait_for_function("(n) => document.getElementById('shown-count').textContent !== n",
                               arg=page.inner_text("#shown-count"))
        searched = time.perf_counter() - start  # includes the 150 ms the search box waits for typing to pause
        browser.close()
    return {"headline_s": headline, "fcp_s": (fcp or float("nan")) / 1000, "samples_drawn_s": drawn,
            "filter_identity_s": filtered, "filter_identity_in_page_ms": in_page_identity,
            "search_s": searched, "shown_after_filter": shown}


def measure(run_dir: Path, label: str) -> None:
    samples = sum(1 for _ in open(run_dir / "completions.jsonl", encoding="utf-8"))
    rendered = render(run_dir)
    html = run_dir / "report.html"
    numbers = json.loads((run_dir / "report.json").read_text(encoding="utf-8"))
    identity = numbers["identities"][0]
    seen = browse(html, identity, "rio")
    print(f"\n== {label}: {samples} records in completions.jsonl, {numbers['counts']['samples']} samples")
    print(f"idprobe report      wall {rendered['wall_s']:.2f} s, CPU {rendered['cpu_s']:.2f} s, "
          f"peak RSS {rendered['peak_rss_mb']:.0f} MB   (target < 10 s)")
    print(f"report.html         {html.stat().st_size / 1e6:.2f} MB   (target < 15 MB)")
    print(f"Chromium headline   {seen['headline_s']:.2f} s laid out, first contentful paint {seen['fcp_s']:.2f} s "
          f"(target < 3 s); first page of samples drawn at {seen['samples_drawn_s']:.2f} s")
    print(f"filter identity={identity}: {seen['filter_identity_s'] * 1000:.0f} ms via Playwright, "
          f"{seen['filter_identity_in_page_ms']:.0f} ms in the page ({seen['shown_after_filter']} shown; target < 1 s)")
    print(f"search 'rio'        {seen['search_s'] * 1000:.0f} ms via Playwright (150 ms of it the typing pause)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=725, help="samples per prompt and condition (725: 100,050 samples)")
    parser.add_argument("--distinct", action="store_true", help="also measure a run where every text is distinct")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        start = time.perf_counter()
        run_dir = make_big_run(Path(tmp) / "canned" / "run", args.n)
        print(f"made the echo run in {time.perf_counter() - start:.1f} s")
        measure(run_dir, "three canned answers (configs/dry-run.yaml)")
        if args.distinct:
            measure(make_big_run(Path(tmp) / "distinct" / "run", args.n, distinct=True), "every text distinct")


if __name__ == "__main__":
    main()
