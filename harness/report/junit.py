"""JUnit XML for ``idprobe check --junit``: one test case per expectation and condition.

CI systems (GitHub Actions reporters, GitLab, Jenkins) read this format to show a gate's result
beside the build. Each case's message carries the measured share and its interval, the same line
the terminal shows, so the CI page alone explains a failure.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Protocol


class GateOutcome(Protocol):
    """What check and the baseline gate both produce."""

    condition: str
    passed: bool

    def line(self) -> str: ...


def _name(outcome: GateOutcome) -> str:
    expectation = getattr(outcome, "expectation")
    return f"{expectation.text} [{outcome.condition}]"


def write_junit(outcomes: list[GateOutcome], suite_name: str, path: Path) -> None:
    """Write ``path`` as a JUnit XML report with one ``testsuite`` named ``suite_name``."""
    failures = sum(not o.passed for o in outcomes)
    suites = ET.Element("testsuites", name="idprobe check", tests=str(len(outcomes)), failures=str(failures))
    suite = ET.SubElement(suites, "testsuite", name=suite_name, tests=str(len(outcomes)),
                          failures=str(failures), errors="0", skipped="0")
    for outcome in outcomes:
        case = ET.SubElement(suite, "testcase", name=_name(outcome), classname=f"idprobe.check.{suite_name}")
        line = outcome.line()
        if not outcome.passed:
            failure = ET.SubElement(case, "failure", message=line, type="ExpectationFailed")
            failure.text = line
        ET.SubElement(case, "system-out").text = line
    tree = ET.ElementTree(suites)
    ET.indent(tree)
    path.parent.mkdir(parents=True, exist_ok=True)
    tree.write(path, encoding="utf-8", xml_declaration=True)
