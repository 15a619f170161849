"""The rule classifier against the labelled data in tests/data/labelled/*.jsonl (the quality gate).

These are the development records (the top-level files, not the frozen ``test/`` split, which only
the final measurement reads); the figures here are in-sample.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.classify import load_classifier
from harness.classify.evaluate import Report, evaluate, format_report, load_labelled

LANGUAGES = {"en", "pt", "es", "fr", "de", "it", "zh", "ja", "ko", "ru", "vi"}
MIN_IDENTITY_ACCURACY = 0.97
LABELLED = Path(__file__).parent / "data" / "labelled"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return load_labelled(LABELLED)


@pytest.fixture(scope="module")
def report(records: list[dict]) -> Report:
    return evaluate(load_classifier(), records)


def test_labelled_set_is_large_and_covers_every_key_and_language(records: list[dict]) -> None:
    clf = load_classifier()
    assert len(records) >= 400
    assert set(clf.lexicon.identity_keys[:13]) <= {r["identity"] for r in records}  # the original thirteen
    # Every language the language files support is in the labelled data.
    assert LANGUAGES - {"vi"} <= {r["language"] for r in records}
    allowed = set(clf.lexicon.identity_keys) | {"other", "none"}
    assert {r["identity"] for r in records} <= allowed
    assert {r["based_on"] for r in records} <= allowed
    assert {r["creator"] for r in records} <= set(clf.lexicon.creator_keys) | {"other", "none"}


def test_identity_accuracy_is_at_least_97_percent(report: Report) -> None:
    wrong = "\n".join(f"  {e['id']}: gold {e['gold']} got {e['got']}" for e in report.errors[:40])
    assert report.identity_accuracy >= MIN_IDENTITY_ACCURACY, f"{format_report(report)}\n{wrong}"


def test_every_language_is_classified_well(report: Report) -> None:
    # A regression confined to one language would hide inside the overall number.
    for lang, (correct, total) in report.by_language.items():
        assert correct / total >= 0.9, f"{lang}: {correct}/{total}"


def test_labelled_loader_names_the_file_and_line_of_a_bad_record(tmp_path: Path) -> None:
    from harness.classify.jsonl import InputError

    good = '{"id": "1", "text": "I am Qwen", "identity": "qwen", "creator": "alibaba"}\n'
    (tmp_path / "a.jsonl").write_text(good + '{"id": "2", "text": "I am Nex", "creator": "nex-agi"}\n')
    with pytest.raises(ValueError, match=r"a\.jsonl:2: missing field 'identity'"):
        load_labelled(tmp_path)
    (tmp_path / "a.jsonl").write_text(good + "\n{not json\n")
    with pytest.raises(InputError, match=r"a\.jsonl:3: not valid JSON"):
        load_labelled(tmp_path)


def test_labelled_loader_defaults_based_on_to_none_and_reads_it_when_given(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        '{"id": "1", "text": "I am Qwen", "identity": "qwen", "creator": "none"}\n'
        '{"id": "2", "text": "I am built on Llama", "identity": "none", "creator": "none", "based_on": "llama"}\n'
    )
    records = load_labelled(tmp_path)
    assert [r["based_on"] for r in records] == ["none", "llama"]
    report = evaluate(load_classifier(), records)
    assert report.based_on_accuracy == 1.0 and "based_on accuracy: 1.0000" in format_report(report)


def test_labelled_loader_needs_an_existing_directory(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a directory"):
        load_labelled(tmp_path / "missing")


def test_claim_precision_and_recall_count_only_right_identities(tmp_path: Path) -> None:
    rows = [
        ("I am Qwen.", "qwen"),          # right claim
        ("I am Claude.", "gpt"),         # a claim, wrong identity: counts against both
        ("I'm an AI assistant.", "nex"),  # missed claim
        ("I'm Rio.", "none"),            # claim where none is labelled
    ]
    (tmp_path / "a.jsonl").write_text("".join(
        f'{{"id": "{i}", "text": "{t}", "identity": "{g}", "creator": "none", "language": "en"}}\n'
        for i, (t, g) in enumerate(rows)))
    report = evaluate(load_classifier(), load_labelled(tmp_path))
    precision, recall, gold = report.claim_precision_recall()
    assert (precision, recall, gold) == (1 / 3, 1 / 3, 3)
    assert report.claim_precision_recall("en") == (precision, recall, gold)
