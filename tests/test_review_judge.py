"""`idprobe review --judge-target`: an LLM judge reads every answer, its columns are added and the rows
where judge and rules disagree come first. The judge is a fake backend registered only inside these
tests; the runs are a tiny hand-built one (every kind of row) and the real SmolLM2 run of
tests/report_fixtures.py (made once per test session)."""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from harness.classify import load_classifier
from harness.classify.rules import Classifier
from harness.cli import main
from harness.records import Completion
from harness.results import load_run
from harness.runner import run_suite
from harness.store import COMPLETIONS, RunStore
from harness.target import Target
from tests.fakes import Choose, FakeJudge, install_fake_judge, suite_yaml
from tests.report_fixtures import smollm2_run

PLAIN_HEADER = ["prompt_id", "condition", "sample_index", "language", "prompt", "text", "label", "creator", "based_on",
                "evidence", "override_identity", "override_creator", "reason"]
JUDGE_COLUMNS = ["judge_identity", "judge_creator", "judge_stance", "judge_evidence", "judge_error", "judge_vs_rules"]
KEY = ["prompt_id", "condition", "sample_index"]


def reply(name: str | None, creator: str | None, quote: str = "", stance: str = "asserts") -> str:
    return json.dumps({"claimed_name": name, "claimed_creator": creator, "stance": stance, "evidence_quote": quote})


@functools.cache
def _classifier() -> Classifier:
    return load_classifier()


def rules_reply(text: str) -> str:
    """A judge reply that reads ``text`` as the rules do: a judge that agrees."""
    classifier = _classifier()
    verdict, lexicon = classifier.classify(text), classifier.lexicon
    named = {k: None if v == "none" else lexicon.display(v) for k, v in (("i", verdict.identity), ("c", verdict.creator))}
    return reply(named["i"], named["c"], text[:20])


def exact_or_rules(replies: Mapping[str, str | None]) -> Choose:
    """The fake judge's reply choice: ``replies`` by exact answer text (``None``: the call fails), otherwise
    the answer read as the rules do, so a judge that agrees is the default."""
    return lambda text: replies[text] if text in replies else rules_reply(text)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Registers the fake judge (agreeing with the rules until a test gives it replies) and returns its
    target config."""
    install_fake_judge(monkeypatch, exact_or_rules({}))
    target = tmp_path / "judge.yaml"
    target.write_text("backend: openai\nmodel: judge-model\n", encoding="utf-8")
    return target


SUITE = suite_yaml("tiny", prompts=2, conditions=1, n=4)
# In run order (en-direct-1 #0-3, then en-name-1 #0-3), with what the fake judge says of each.
AGREE, BOTH, GARBAGE, CREATOR, TIMEOUT, AGAIN, QUOTE = (
    "I am Nex, made by Nex-AGI.", "I am Qwen.", "Hello there, I help with things.", "I am Rio.",
    "I am an AI assistant.", "I am Qwen.", "My name is Nex.")
TINY_TEXTS = [AGREE, BOTH, GARBAGE, CREATOR, TIMEOUT, AGAIN, None, QUOTE]  # None: a failed sample
TINY_REPLIES = {
    BOTH: reply("Claude", "Anthropic", "I am Qwen"),        # disputes identity and creator
    GARBAGE: "It is probably Claude, I think.",            # no JSON: a judge error
    CREATOR: reply("Rio", "IplanRio", "I am Rio"),          # same identity, disputes the creator
    TIMEOUT: None,                                          # the call fails: a judge error
    QUOTE: reply("Nex", None, "=HYPERLINK(\"x\")"),         # agrees; its quote looks like a formula
}


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    run_dir = tmp_path_factory.mktemp("tiny") / "run"
    suite = run_dir.parent / "suite.yaml"
    suite.write_text(SUITE, encoding="utf-8")
    asyncio.run(run_suite(suite, Target(backend="echo"), run_dir, progress=False))
    store = RunStore(run_dir)
    keys = sorted(store.load())
    (run_dir / COMPLETIONS).unlink()
    store.open_for_append()
    for key, text in zip(keys, TINY_TEXTS, strict=True):
        common = {"prompt_id": key.prompt_id, "condition": key.condition, "sample_index": key.sample_index}
        store.append(Completion(**common, text=text, finish_reason="stop") if text is not None
                     else Completion(**common, error="server went away"))
    store.close()
    return run_dir


@pytest.fixture(scope="module")
def strict_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return smollm2_run(tmp_path_factory, "strict")


def export(run_dir: Path, path: Path, *judge: str) -> tuple[pd.DataFrame, str]:
    result = CliRunner().invoke(main, ["review", str(run_dir), "--export", str(path), *judge], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return pd.read_csv(path, dtype=str, keep_default_na=False), result.output


def judge_args(target: Path, tmp_path: Path) -> list[str]:
    return ["--judge-target", str(target), "--judge-cache", str(tmp_path / "cache.jsonl")]


def keys(frame: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(frame[KEY].itertuples(index=False, name=None))


def group(verdict: str) -> int:
    return {"disagrees": 0, "judge error": 1, "agrees": 2, "not judged": 3}[verdict.split(":")[0]]


def assert_grouped_and_stable(judged: pd.DataFrame, plain: pd.DataFrame) -> None:
    """Rows sorted by group, and within a group in the plain export's (the run's) order."""
    position = {k: n for n, k in enumerate(keys(plain))}
    ranks = [(group(v), position[k]) for v, k in zip(judged["judge_vs_rules"], keys(judged))]
    assert ranks == sorted(ranks)
    assert sorted(keys(judged)) == sorted(keys(plain))


def test_tiny_run_rows_come_disagreements_first_with_judge_columns(fake: Path, tiny_run: Path, tmp_path: Path) -> None:
    FakeJudge.choose = exact_or_rules(TINY_REPLIES)
    plain, _ = export(tiny_run, tmp_path / "plain.csv")
    judged, output = export(tiny_run, tmp_path / "judged.csv", *judge_args(fake, tmp_path))
    assert list(judged.columns) == PLAIN_HEADER[:10] + JUDGE_COLUMNS + PLAIN_HEADER[10:]
    assert_grouped_and_stable(judged, plain)
    by_text = {t: row for t, row in zip(judged["text"], judged.to_dict("records"))}
    assert [r["judge_vs_rules"] for r in judged.to_dict("records")] == [
        "disagrees: identity, creator", "disagrees: creator", "disagrees: identity, creator",
        "judge error", "judge error", "agrees", "agrees", "not judged"]
    assert judged["text"].tolist()[:3] == [BOTH, CREATOR, AGAIN]  # BOTH (direct #1) before AGAIN (name #1)
    assert (by_text[BOTH]["label"], by_text[BOTH]["judge_identity"], by_text[BOTH]["judge_creator"]) == (
        "qwen", "claude", "anthropic")
    assert by_text[BOTH]["judge_stance"] == "asserts" and by_text[BOTH]["judge_evidence"] == "I am Qwen"
    assert (by_text[CREATOR]["label"], by_text[CREATOR]["judge_identity"], by_text[CREATOR]["judge_creator"]) == (
        "rio", "rio", "iplanrio")
    # an unusable reply or a failed call is recorded, not fatal; the row keeps the rules' labels
    assert "no JSON object" in by_text[GARBAGE]["judge_error"] and by_text[GARBAGE]["judge_identity"] == ""
    assert "judge call failed: timed out" in by_text[TIMEOUT]["judge_error"]
    assert by_text[QUOTE]["judge_evidence"] == "'=HYPERLINK(\"x\")"  # a judge's quote is defused like any text
    failed = judged[judged["label"] == "(error)"].iloc[0]
    assert (failed["judge_identity"], failed["judge_error"], failed["text"]) == ("", "", "server went away")
    assert output.strip().endswith("(8 samples; judge and rules disagree on 3, listed first; 2 judge errors)")
    # the judge only adds columns and orders rows: everything else is the plain export's
    restored = judged.drop(columns=JUDGE_COLUMNS).set_index(KEY).loc[plain.set_index(KEY).index].reset_index()
    pd.testing.assert_frame_equal(restored, plain)
    assert sorted(FakeJudge.calls) == sorted(set(t for t in TINY_TEXTS if t is not None))  # each distinct text once


def test_export_without_judge_is_unchanged(fake: Path, tiny_run: Path, tmp_path: Path) -> None:
    plain, output = export(tiny_run, tmp_path / "plain.csv")
    assert list(plain.columns) == PLAIN_HEADER and not FakeJudge.calls and FakeJudge.starts == 0
    assert keys(plain) == [(p, c, str(i)) for p, c, i in
                           zip(*(load_run(tiny_run).samples[k] for k in KEY))]  # the run's order
    assert output == f"review: {tmp_path / 'plain.csv'} (8 samples)\n"
    assert (tmp_path / "plain.csv").read_bytes().startswith(b"prompt_id,condition,sample_index,language,prompt,")


def test_second_export_reuses_the_cache_and_starts_no_judge(fake: Path, tiny_run: Path, tmp_path: Path) -> None:
    FakeJudge.choose = exact_or_rules({k: v for k, v in TINY_REPLIES.items() if v is not None})  # all succeed
    first, _ = export(tiny_run, tmp_path / "first.csv", *judge_args(fake, tmp_path))
    assert FakeJudge.starts == 1 and len(FakeJudge.calls) == 6
    second, output = export(tiny_run, tmp_path / "second.csv", *judge_args(fake, tmp_path))
    assert FakeJudge.starts == 1 and len(FakeJudge.calls) == 6  # no new call, no judge model started
    assert (tmp_path / "first.csv").read_bytes() == (tmp_path / "second.csv").read_bytes()
    assert "1 judge error)" in output  # only the garbage reply


def test_a_failed_judge_call_is_asked_again_next_time(fake: Path, tiny_run: Path, tmp_path: Path) -> None:
    FakeJudge.choose = exact_or_rules(TINY_REPLIES)
    export(tiny_run, tmp_path / "first.csv", *judge_args(fake, tmp_path))
    FakeJudge.calls = []
    FakeJudge.choose = exact_or_rules({**TINY_REPLIES, TIMEOUT: reply(None, None, stance="refuses")})
    judged, _ = export(tiny_run, tmp_path / "second.csv", *judge_args(fake, tmp_path))
    assert FakeJudge.calls == [TIMEOUT]
    row = judged[judged["text"] == TIMEOUT].iloc[0]
    assert (row["judge_vs_rules"], row["judge_stance"], row["judge_error"]) == ("agrees", "refuses", "")


def test_bad_judge_target_is_a_usage_error(tiny_run: Path, write) -> None:  # type: ignore[no-untyped-def]
    target = write("judge.yaml", "backend: openai\nmodel: judge-model\nnot_a_field: 1\n")
    result = CliRunner().invoke(main, ["review", str(tiny_run), "--export", str(target.parent / "r.csv"),
                                       "--judge-target", str(target)])
    assert result.exit_code == 2 and "judge.yaml" in result.output and "not_a_field" in result.output
    assert not (target.parent / "r.csv").exists()


def test_real_smollm2_run_with_judge_round_trips_through_overrides(fake: Path, strict_run: Path, tmp_path: Path) -> None:
    texts = list(dict.fromkeys(load_run(strict_run).answered["text"]))
    assert len(texts) >= 4
    # the judge disputes two real answers, cannot read a third, and reads the rest as the rules do
    FakeJudge.choose = exact_or_rules({texts[1]: reply("Rio", "IplanRio", "Rio"), texts[2]: "no idea",
                                       texts[3]: reply("Claude", "Anthropic", "Claude")})
    plain, _ = export(strict_run, tmp_path / "plain.csv")
    judged, output = export(strict_run, tmp_path / "judged.csv", *judge_args(fake, tmp_path))
    assert list(judged.columns) == PLAIN_HEADER[:10] + JUDGE_COLUMNS + PLAIN_HEADER[10:]
    assert_grouped_and_stable(judged, plain)
    verdicts = dict(zip(judged["text"], judged["judge_vs_rules"]))
    assert verdicts[texts[1]].startswith("disagrees") and verdicts[texts[3]].startswith("disagrees")
    assert verdicts[texts[2]] == "judge error"
    # judge_vs_rules says what the columns beside it say
    answered = judged[judged["judge_vs_rules"] != "judge error"]
    differs = (answered["judge_identity"] != answered["label"]) | (answered["judge_creator"] != answered["creator"])
    assert (differs == answered["judge_vs_rules"].str.startswith("disagrees")).all()
    disagree = int(judged["judge_vs_rules"].str.startswith("disagrees").sum())
    errors = int((judged["judge_vs_rules"] == "judge error").sum())
    assert disagree >= 2 and errors >= 1
    assert f"({len(plain)} samples; judge and rules disagree on {disagree}, listed first; {errors} judge error" in output

    # the auditor takes the judge's side on the first row and fills one override; the judge columns stay
    first = judged.iloc[0]
    judged.loc[0, ["override_identity", "override_creator", "reason"]] = [
        first["judge_identity"], first["judge_creator"], "the judge is right here"]
    filled = tmp_path / "filled.csv"
    judged.to_csv(filled, index=False)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(strict_run), "--overrides", str(filled), "--out", str(out),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    review = json.loads((out / "report.json").read_text())["review"]
    # one change, though another row's judge labels differ from the rules': judge_* columns are never applied
    assert review["rows"] == len(plain) and review["filled"] == 1 and review["changed"] == 1
    [change] = review["changes"]
    assert (change["prompt_id"], change["condition"], str(change["sample_index"])) == tuple(first[KEY])
    assert (change["reviewed_identity"], change["reason"]) == (first["judge_identity"], "the judge is right here")
