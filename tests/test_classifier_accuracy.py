"""The rule classifier against the hand-labelled set in tests/data/labelled/ (the quality gate)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.classify import load_classifier
from harness.classify.evaluate import Report, evaluate, format_report, load_labelled

LANGUAGES = {"en", "pt", "es", "fr", "de", "it", "zh", "ja", "ko", "ru"}
MIN_IDENTITY_ACCURACY = 0.97


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return load_labelled()


@pytest.fixture(scope="module")
def report(records: list[dict]) -> Report:
    return evaluate(load_classifier(), records)


def test_labelled_set_is_large_and_covers_every_key_and_language(records: list[dict]) -> None:
    clf = load_classifier()
    assert len(records) >= 400
    assert set(clf.lexicon.identity_keys) <= {r["identity"] for r in records}
    assert LANGUAGES <= {r["language"] for r in records}
    allowed = set(clf.lexicon.identity_keys) | {"other", "none"}
    assert {r["identity"] for r in records} <= allowed
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
