"""Make docs/case-report.png: a screenshot of the top of a case report written by run.sh.

    python examples/rio-case/make_screenshot.py runs/rio-case-demo/case/case.html

Needs Playwright (in the test extras) and a Chromium (Debian: apt-get install chromium), as docs/make_screenshot.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = "/usr/bin/chromium"


def shoot(page_path: Path, png: Path, height: int) -> None:
    """The finding, the shares chart and table, at a readable width."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": 1100, "height": height}, device_scale_factor=1)
        page.goto(page_path.resolve().as_uri())
        page.screenshot(path=str(png), full_page=False)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case_html", type=Path, help="case.html written by `idprobe compare ... --out DIR`")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "case-report.png")
    parser.add_argument("--height", type=int, default=1250)
    args = parser.parse_args()
    shoot(args.case_html, args.out, args.height)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
