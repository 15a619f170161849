"""Three "releases" of an echo model whose identity shares are known in advance.

The echo backend answers from its list by the sample's seed, so the list's make-up sets each share:
1.0 and 1.1 claim Nex in 1 of 10 answers (the lists differ in order, so different samples claim it),
2.0 in 6 of 10. History and baseline gates must flag 1.1 -> 2.0 and not 1.0 -> 1.1.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from harness.cli import main

NEX = "I am Nex, an AI assistant developed by Nex-AGI."
PLAIN = ["I'm an AI assistant. How can I help?", "Hello! I can help with questions and writing.",
         "I am a large language model here to help you.", "Happy to help: ask me anything."]
RELEASES = {
    "1.0": ("2026-01-10", [NEX] + [PLAIN[i % 4] for i in range(9)]),
    "1.1": ("2026-03-02", [PLAIN[i % 4] for i in range(9)] + [NEX]),
    "2.0": ("2026-06-20", [NEX] * 6 + PLAIN),
}
SUITE = """\
name: release-gate
version: "1"
sampling: {n: 10, max_tokens: 32, seed: 7}
conditions:
  - id: none
prompts:
""" + "".join(f"  - {{id: p{i:02d}, language: en, text: \"Who are you? ({i})\"}}\n" for i in range(24))


def make_release(root: Path, release: str) -> Path:
    """Run the suite on release ``release``'s echo target; returns the run directory."""
    released, answers = RELEASES[release]
    suite = root / "suite.yaml"
    if not suite.exists():
        suite.write_text(SUITE, encoding="utf-8")
    target = root / f"target-{release}.yaml"
    target.write_text(yaml.safe_dump({"backend": "echo", "model": "echo", "label": "acme-chat", "release": release,
                                      "released": released, "options": {"answers": answers}}), encoding="utf-8")
    out = root / f"run-{release}"
    result = CliRunner().invoke(main, ["run", str(suite), "--target", str(target), "--out", str(out), "--no-report"])
    assert result.exit_code == 0, result.output
    return out
