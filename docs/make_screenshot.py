"""Make docs/report-smollm2.png: a real SmolLM2 run of probes/smoke.yaml, its report, a screenshot.

    python docs/make_screenshot.py                 # run the embedded model (about a minute), then shoot
    python docs/make_screenshot.py --run runs/X    # shoot the report of an existing run

Needs Playwright (pip install playwright) and a Chromium (Debian: apt-get install chromium).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.report import write_report

CHROMIUM = "/usr/bin/chromium"


def make_run(out: Path) -> Path:
    """Run the smoke suite on the embedded SmolLM2 (resumes if the run directory is complete)."""
    cmd = [sys.executable, "-m", "harness.cli", "run", str(ROOT / "probes" / "smoke.yaml"), "--out", str(out), "--no-report"]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return out


def shoot(report: Path, png: Path, height: int) -> None:
    """Screenshot the top of the report (title, chart, headline table) at a readable width."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": 1100, "height": height}, device_scale_factor=1)
        page.goto(report.resolve().as_uri())
        page.screenshot(path=str(png), full_page=False)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, help="existing run directory (default: make one under runs/)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report-smollm2.png")
    parser.add_argument("--height", type=int, default=1300)
    args = parser.parse_args()
    run_dir = args.run or make_run(ROOT / "runs" / "screenshot-smoke-smollm2")
    report = write_report(run_dir)
    shoot(report, args.out, args.height)
    print(f"wrote {args.out} from {report}")


if __name__ == "__main__":
    main()
