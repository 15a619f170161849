"""Make docs/history.png: three echo "releases" with known shares, their history report, a screenshot.

    python docs/make_history_screenshot.py

The releases are those of tests/release_fixtures.py (1.0 and 1.1 claim Nex in about 1 of 10
answers, 2.0 in about 6 of 10), so the picture shows exactly what the history test checks.
Needs Playwright and a Chromium (Debian: apt-get install chromium), as docs/make_screenshot.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docs.make_screenshot import shoot  # noqa: E402
from harness.report.history import build_history  # noqa: E402
from harness.report.history_out import write_history  # noqa: E402
from harness.results import load_run  # noqa: E402
from tests.release_fixtures import RELEASES, make_release  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        runs = [load_run(make_release(root, release)) for release in RELEASES]
        paths = write_history(build_history(runs), root / "history")
        png = ROOT / "docs" / "history.png"
        shoot(paths["html"], png, 900)
        print(f"wrote {png}: {build_history(runs)['finding']}")


if __name__ == "__main__":
    main()
