"""The optional LLM judge, run against a fake backend (tests/fakes.py) registered only inside these tests."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.classify import load_classifier
from harness.classify.cli import classify_command
from harness.classify.judge import PROMPT_VERSION, Judge, JudgeResult, map_name, parse_answer
from harness.target import Target
from tests.fakes import FakeJudge, install_fake_judge

GOOD = {"claimed_name": "Claude 3.5 Sonnet", "claimed_creator": "Anthropic", "stance": "asserts",
        "evidence_quote": "I'm Claude"}


# Replies keyed by a word in the judged answer (the first word found wins; None: the call fails).
REPLIES: dict[str, str | None] = {
    "Claude": json.dumps(GOOD),
    "fenced": "Sure!\n```json\n" + json.dumps({**GOOD, "claimed_name": "Qwen", "claimed_creator": "Alibaba"}) + "\n```",
    "garbage": "I think it is Claude, probably.",
    "broken": '{"claimed_name": "Nex", "stance": ',
    "wrongfield": json.dumps({"name": "Nex", "stance": "asserts"}),
    "badstance": json.dumps({"claimed_name": "Nex", "stance": "shouts"}),
    "Sherlock": json.dumps({"claimed_name": "Sherlock Holmes", "claimed_creator": None, "stance": "role-play"}),
    "refuse": json.dumps({"claimed_name": None, "claimed_creator": None, "stance": "refuses"}),
    "thinking": "<think>{\"stance\": \"asserts\"} hmm</think>" + json.dumps({**GOOD, "claimed_name": "Rio",
                                                                              "claimed_creator": "IplanRio"}),
    "timeout": None,
}


def reply_by_word(text: str) -> str | None:
    """The reply of the first word of REPLIES found in the answer; a valid Claude answer otherwise."""
    return next((reply for word, reply in REPLIES.items() if word in text), json.dumps(GOOD))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> type[FakeJudge]:
    return install_fake_judge(monkeypatch, reply_by_word)


def _make_judge(tmp_path: Path, model: str = "judge-model") -> Judge:
    return Judge(Target(backend="openai", model=model), load_classifier(), tmp_path / "cache.jsonl")


def _judge(tmp_path: Path, texts: list[str]) -> list[JudgeResult]:
    async def go() -> list[JudgeResult]:
        async with _make_judge(tmp_path) as judge:
            return await judge.judge_many(texts)

    return asyncio.run(go())


def test_valid_answers_are_mapped_onto_lexicon_keys(fake: type[FakeJudge], tmp_path: Path) -> None:
    claude, fenced, thinking, sherlock, refuse = _judge(
        tmp_path, ["I'm Claude.", "fenced one", "thinking one", "Sherlock here", "refuse to say"])
    assert (claude.identity, claude.creator, claude.stance, claude.error) == ("claude", "anthropic", "asserts", None)
    assert (fenced.identity, fenced.creator) == ("qwen", "alibaba")
    assert (thinking.identity, thinking.creator) == ("rio", "iplanrio")
    assert (sherlock.identity, sherlock.creator, sherlock.stance) == ("other", "none", "role-play")
    assert (refuse.identity, refuse.creator, refuse.stance) == ("none", "none", "refuses")


@pytest.mark.parametrize(
    ("text", "problem"),
    [("garbage in", "holds no JSON object"), ("broken json", "not valid JSON"),
     ("wrongfield json", "judge JSON field"), ("badstance json", "judge JSON field stance"),
     ("timeout please", "judge call failed: timed out")],
)
def test_bad_judge_replies_become_errors_not_crashes(fake: type[FakeJudge], tmp_path: Path, text: str, problem: str) -> None:
    [result] = _judge(tmp_path, [text])
    assert result.identity is None and result.error is not None and problem in result.error


def test_calls_are_cached_on_disk_by_model_prompt_version_and_text(fake: type[FakeJudge], tmp_path: Path) -> None:
    first = _judge(tmp_path, ["I'm Claude.", "I'm Claude.", "timeout please"])
    assert len(fake.calls) == 2  # duplicates in one batch are asked once
    assert [r.cached for r in first] == [False, False, False]
    again = _judge(tmp_path, ["I'm Claude.", "timeout please"])
    assert len(fake.calls) == 3  # only the failed call is asked again
    assert again[0].cached and again[0].identity == "claude"
    rows = [json.loads(line) for line in (tmp_path / "cache.jsonl").read_text().splitlines()]
    assert len(rows) == 1 and rows[0]["prompt_version"] == PROMPT_VERSION and len(rows[0]["key"]) == 64


def test_the_model_is_needed_only_for_texts_without_a_cached_reply(fake: type[FakeJudge], tmp_path: Path) -> None:
    judge = _make_judge(tmp_path)
    assert judge.needs_model(["I'm Claude."]) and not judge.needs_model([])
    _judge(tmp_path, ["I'm Claude.", "timeout please"])
    judge = _make_judge(tmp_path)
    assert not judge.needs_model(["I'm Claude.", "I'm Claude."])
    assert judge.needs_model(["I'm Claude.", "timeout please"])  # a failed call is not cached
    assert _make_judge(tmp_path, "another-model").needs_model(["I'm Claude."])  # replies are per judge model
    assert [r.identity for r in asyncio.run(judge.judge_many(["I'm Claude."]))] == ["claude"]  # no model started
    assert fake.starts == 1


def test_a_torn_cache_line_is_ignored(fake: type[FakeJudge], tmp_path: Path) -> None:
    (tmp_path / "cache.jsonl").write_text('{"key": "abc", "raw": "x"}\n{"key": "trunc')
    [result] = _judge(tmp_path, ["I'm Claude."])
    assert result.identity == "claude" and len(fake.calls) == 1


def test_cli_adds_judge_fields_and_prefers_a_valid_judge(
    fake: type[FakeJudge], write: Callable[[str, str], Path], tmp_path: Path
) -> None:
    target = write("judge.yaml", "backend: openai\nmodel: judge-model\n")
    source = write("in.jsonl", "".join(json.dumps(r) + "\n" for r in [
        {"id": 1, "text": "Hi, I'm Claude."},
        {"id": 2, "text": "garbage: I'm Nex."},
        {"id": 3, "text": None},
    ]))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(classify_command, [
        str(source), "-o", str(out), "--classifier", "judge", "--judge-target", str(target),
        "--judge-cache", str(tmp_path / "cache.jsonl")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["identity"] == "claude" and rows[0]["judge_identity"] == "claude"
    assert rows[0]["judge_stance"] == "asserts" and rows[0]["rules_identity"] == "claude"
    # An invalid judge reply keeps the rule verdict and records why.
    assert rows[1]["identity"] == "nex" and rows[1]["judge_identity"] is None
    assert "no JSON object" in rows[1]["judge_error"]
    assert rows[2]["identity"] is None and "judge_identity" not in rows[2]


def test_map_name_and_parse_answer_directly() -> None:
    clf = load_classifier()
    assert map_name(clf, "GPT-4o", "identity") == "gpt"
    assert map_name(clf, "Google DeepMind", "creator") == "google"
    assert map_name(clf, "Qwen", "creator") == "alibaba"  # a model named as maker: its usual creator
    assert map_name(clf, "Acme Bot", "identity") == "other"
    assert map_name(clf, None, "identity") == "none" and map_name(clf, "unknown", "creator") == "none"
    with pytest.raises(ValueError, match="extra_field"):
        parse_answer(json.dumps({**GOOD, "extra_field": 1}))
