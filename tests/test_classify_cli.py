"""``idprobe classify``: streaming JSONL in, labelled JSONL out, summaries, clear errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from harness.classify.cli import classify_command

RECORDS = [
    {"id": "a", "text": "I'm not ChatGPT, I'm Claude, made by Anthropic.", "prompt": "who?", "sample": 0},
    {"id": "b", "text": "<think>Am I Qwen?</think>Eu sou o Rio, da IplanRio."},
    {"id": "c", "text": None, "error": "timeout"},
    {"id": "d", "text": "I'm just an AI assistant."},
]


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _run(args: list[str], stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(classify_command, args, input=stdin, catch_exceptions=False)


def test_labels_every_record_and_keeps_its_fields(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = write("in.jsonl", _jsonl(RECORDS) + "\n")  # a trailing blank line is fine
    out = tmp_path / "out.jsonl"
    result = _run([str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"]
    assert rows[0]["prompt"] == "who?" and rows[0]["sample"] == 0
    assert [(r["identity"], r["creator"]) for r in rows] == [
        ("claude", "anthropic"), ("rio", "iplanrio"), (None, None), ("none", "none")]
    first = rows[0]
    assert {first["text"][s["start"]:s["end"]] for s in first["evidence"]} == {"I'm Claude", "made by Anthropic"}
    assert [m["key"] for m in rows[1]["mentions"]] == ["qwen", "rio", "iplanrio"]


def test_reads_stdin_and_writes_stdout() -> None:
    result = _run(["-"], stdin=_jsonl(RECORDS[:1]))
    assert result.exit_code == 0
    assert json.loads(result.output)["identity"] == "claude"


def test_summary_counts_identities_creators_and_mentions(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = write("in.jsonl", _jsonl(RECORDS))
    summary = tmp_path / "counts.csv"
    result = _run([str(source), "-o", str(tmp_path / "o.jsonl"), "--summary", str(summary)])
    assert result.exit_code == 0
    rows = {(r["kind"], r["key"]): r for r in csv.DictReader(summary.open(encoding="utf-8"))}
    assert rows[("identity", "claude")]["count"] == "1" and rows[("identity", "claude")]["total"] == "3"
    assert rows[("identity", "none")]["count"] == "1"
    assert rows[("mention", "gpt")]["count"] == "1" and rows[("mention", "qwen")]["count"] == "1"
    assert rows[("failed", "failed")]["count"] == "1"
    jsonl = tmp_path / "counts.jsonl"
    _run([str(source), "-o", str(tmp_path / "o.jsonl"), "--summary", str(jsonl)])
    kinds = {json.loads(line)["kind"] for line in jsonl.read_text().splitlines()}
    assert kinds == {"identity", "creator", "based_on", "mention", "failed"}


def test_bad_json_line_names_file_and_line(write) -> None:  # type: ignore[no-untyped-def]
    source = write("bad.jsonl", _jsonl(RECORDS[:1]) + "{not json}\n")
    result = _run([str(source)])
    assert result.exit_code != 0
    assert f"{source}:2: not valid JSON" in result.output


def test_bad_utf8_names_the_line(tmp_path: Path) -> None:
    source = tmp_path / "bytes.jsonl"
    source.write_bytes(b'{"id": 1, "text": "ok"}\n{"id": 2, "text": "\xff\xfe"}\n')
    result = _run([str(source)])
    assert result.exit_code != 0 and f"{source}:2: not valid UTF-8" in result.output


def test_records_without_text_or_id_are_rejected(write) -> None:  # type: ignore[no-untyped-def]
    for body, problem in (('{"id": "x"}\n', "no 'text' field"), ('{"text": "hi"}\n', "neither 'id' nor 'prompt_id'"),
                          ('{"id": 1, "text": 5}\n', "'text' must be a string or null"), ("[1]\n", "expected a JSON object")):
        source = write("bad.jsonl", body)
        result = _run([str(source)])
        assert result.exit_code != 0 and f"{source}:1: " in result.output and problem in result.output


def test_bad_lexicon_is_reported_with_its_line(write) -> None:  # type: ignore[no-untyped-def]
    source = write("in.jsonl", _jsonl(RECORDS[:1]))
    lexicon = write("lex.yaml", "identities:\n  nex:\n    display: Nex\n    aliasez: [Nex]\n")
    result = _run([str(source), "--lexicon", str(lexicon)])
    assert result.exit_code != 0 and f"{lexicon}:4" in result.output


def test_unwritable_output_is_a_clear_error(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = write("in.jsonl", _jsonl(RECORDS[:1]))
    missing = tmp_path / "no" / "such" / "dir" / "out.jsonl"
    result = _run([str(source), "-o", str(missing)])
    assert result.exit_code != 0 and f"{missing}: cannot write" in result.output


def test_judge_needs_a_target(write) -> None:  # type: ignore[no-untyped-def]
    source = write("in.jsonl", _jsonl(RECORDS[:1]))
    result = _run([str(source), "--classifier", "judge"])
    assert result.exit_code != 0 and "--judge-target" in result.output


def test_help_teaches_the_labels() -> None:
    result = _run(["--help"])
    assert result.exit_code == 0
    for phrase in ("identity", "mentions", "Rio de Janeiro", "--lexicon", "--summary", "<think>"):
        assert phrase in result.output


def test_streams_large_input_without_reading_it_all(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The reader is a generator: records are labelled and written one at a time.
    from harness.classify.cli import read_records

    lines = iter(["{\"id\": 1, \"text\": \"I'm Nex\"}\n"] * 3 + ["broken\n"])
    records = read_records(lines, "gen")  # type: ignore[arg-type]
    assert next(records)[0] == 1  # the bad 4th line has not been read yet
