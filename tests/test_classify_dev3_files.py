"""The dev3 development files (1,337 answers in ten languages, written after rules-3) as a regression
gate: in sample, since rules-4 was written against them, so these are not accuracy figures (those come
from the frozen test split, bench/measure_classifier.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.classify import Classifier, load_classifier
from harness.classify.evaluate import evaluate, load_labelled

LABELLED = Path(__file__).parent / "data" / "labelled"
MINIMUM = {"en": 100, "zh": 100, "es": 70, "fr": 70, "pt": 70, "ru": 110, "de": 110, "vi": 110, "ko": 150, "ja": 150}


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


@pytest.mark.parametrize("language", sorted(MINIMUM))
def test_dev3_file_is_large_long_and_classified_well(clf: Classifier, language: str, tmp_path: Path) -> None:
    (tmp_path / f"dev3_{language}.jsonl").write_bytes((LABELLED / f"dev3_{language}.jsonl").read_bytes())
    records = load_labelled(tmp_path)
    assert len(records) >= MINIMUM[language]
    assert sum(len(r["text"]) >= 300 for r in records) / len(records) >= 0.40
    report = evaluate(clf, records)
    precision, recall, _claims = report.claim_precision_recall()
    wrong = "\n".join(f"  {e['id']}: gold {e['gold']} got {e['got']}" for e in report.errors)
    assert report.identity_accuracy >= 0.97, wrong
    assert precision >= 0.97 and recall >= 0.95, wrong
