"""The dev3 development files (1,337 answers in ten languages, written after rules-3) as a regression
gate: in sample, since rules-4 was written against them, so these are not accuracy figures (those come
from the frozen test split, bench/measure_classifier.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.classify import Classifier, load_classifier
from tests.classify_cases import score_file

LABELLED = Path(__file__).parent / "data" / "labelled"
MINIMUM = {"en": 100, "zh": 100, "es": 70, "fr": 70, "pt": 70, "ru": 110, "de": 110, "vi": 110, "ko": 150, "ja": 150}


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return load_classifier()


@pytest.mark.parametrize("language", sorted(MINIMUM))
def test_dev3_file_is_large_long_and_classified_well(clf: Classifier, language: str, tmp_path: Path) -> None:
    score = score_file(clf, LABELLED / f"dev3_{language}.jsonl", tmp_path)
    assert len(score.records) >= MINIMUM[language] and score.long_share >= 0.40
    assert score.identity >= 0.97, score.wrong
    assert score.precision >= 0.97 and score.recall >= 0.95, score.wrong
