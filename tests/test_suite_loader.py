"""Suites: what loads, what is refused, and the messages users see."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from harness.cli import main
from harness.suite import load_suite
from harness.yamlio import ConfigError
from tests.conftest import ROOT

GOOD = """\
name: mini
version: "1"
prompts:
  - id: en-1
    text: Who are you?
    language: en
    tags: [direct]
  - id: pt-1
    language: pt
    messages:
      - role: user
        content: Oi!
      - role: assistant
        content: Olá!
      - role: user
        content: Quem te criou?
conditions:
  - id: none
  - id: rio
    system_prompt: You are Rio.
sampling: {n: 3, max_tokens: 16}
"""


def test_good_suite_loads_with_defaults_and_hash(write) -> None:
    suite, digest = load_suite(write("s.yaml", GOOD))
    assert [p.id for p in suite.prompts] == ["en-1", "pt-1"]
    assert suite.prompts[1].turns()[-1].content == "Quem te criou?"
    assert suite.condition("rio").system_messages()[0].content == "You are Rio."
    assert suite.sampling.n == 3 and suite.sampling.temperature == 0.7
    assert len(digest) == 64


def test_shipped_suites_are_valid() -> None:
    for path in sorted((ROOT / "probes").glob("*.yaml")):
        suite, _ = load_suite(path)
        assert suite.prompts


def test_default_suite_meets_the_coverage_we_promise() -> None:
    suite, _ = load_suite(ROOT / "probes" / "identity.yaml")
    languages = {p.language for p in suite.prompts}
    tags = {t for p in suite.prompts for t in p.tags}
    assert len(suite.prompts) >= 40
    assert {"pt", "en", "es", "zh"} <= languages and len(languages) >= 6
    assert {"direct", "name", "creator", "training", "are-you", "indirect", "injection"} <= tags
    assert [c.id for c in suite.conditions][0] == "none"


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (GOOD.replace("    tags: [direct]", "    tagz: [direct]"), "s.yaml:7: prompts[0].tagz: Extra inputs are not permitted"),
        (GOOD.replace("    text: Who are you?\n", ""), "s.yaml:4: prompts[0]: Value error, give exactly one of `text` or `messages`"),
        (GOOD.replace("  - id: none\n", "  - id: none\n    system_prompt: hi\n"), "s.yaml:18: conditions[0]: Value error, condition `none` means no system prompt"),
        (GOOD.replace("id: pt-1", "id: en-1"), "duplicate prompt ids: en-1"),
        (GOOD.replace("{n: 3, max_tokens: 16}", "{n: 0, max_tokens: 16}"), "s.yaml:21: sampling.n: Input should be greater than or equal to 1"),
        (GOOD.replace("    language: en\n", ""), "s.yaml:4: prompts[0].language: Field required"),
    ],
)
def test_bad_suite_is_refused_naming_file_line_and_field(write, bad: str, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_suite(write("s.yaml", bad))
    assert expected in str(info.value)


def test_yaml_syntax_error_names_the_line(write) -> None:
    with pytest.raises(ConfigError, match=r"s\.yaml:4: not valid YAML"):
        load_suite(write("s.yaml", "name: x\nversion: '1'\nprompts: [\n  - a: b: c\n"))


def test_validate_command_reports_each_file_and_exits_2_on_error(write) -> None:
    good, bad = write("good.yaml", GOOD), write("bad.yaml", GOOD.replace("tags:", "tagz:"))
    result = CliRunner().invoke(main, ["validate", str(good), str(bad)])
    assert result.exit_code == 2
    assert "good.yaml: ok (2 prompts x 2 conditions x 3 samples" in result.output
    assert "bad.yaml:7: prompts[0].tagz: Extra inputs are not permitted" in result.output


def test_schema_command_prints_the_suite_json_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    schema = json.loads(result.output)
    assert result.exit_code == 0
    assert {"name", "version", "prompts", "conditions", "sampling"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
