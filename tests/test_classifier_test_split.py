"""The classifier on the frozen test split: the figures reports quote are the figures of this build.

The issue's target is identity accuracy >= 0.95 and claim precision >= 0.95 and recall >= 0.93 in
every language. The floors below are regression floors under the figures measured when the rules
last changed (harness/classify/accuracy.json, printed by bench/measure_classifier.py); the README
and docs/classifier.md report the measured per-language figures, including where they fall short.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from measure_classifier import measure  # noqa: E402

from harness.classify import load_classifier
from harness.classify.accuracy import build_sha256, statement, stored

FLOOR_IDENTITY_ACCURACY = 0.90
FLOOR_CLAIM_PRECISION = 0.90
# The split doubled on 2026-12-01 with 700 answers by new writers (tests/data/labelled/test/*-2026-12.jsonl),
# on which recall is much lower than on the first 708 (docs/classifier.md); the pooled recall is 0.90.
FLOOR_CLAIM_RECALL = 0.85


@pytest.fixture(scope="module")
def measured() -> dict:
    return measure()


def test_stored_figures_belong_to_this_classifier_build(measured: dict) -> None:
    record = stored()
    assert record is not None, "run bench/measure_classifier.py --write after changing the rules"
    assert record["build_sha256"] == build_sha256(load_classifier()), \
        "the rules changed since the test-split figures were measured: run bench/measure_classifier.py --write"
    fresh = {k: v for k, v in measured.items()}
    assert {k: record[k] for k in fresh} == json.loads(json.dumps(fresh))


def test_reports_quote_the_measured_accuracy(measured: dict) -> None:
    said = statement(load_classifier())
    assert said["test_split_identity_accuracy"] == measured["identity_accuracy"]
    assert said["claim_recall"] == f"{100 * measured['claim_recall']:.1f}%"
    assert "1408 held-out answers in 10 languages" in said["test_split"]


def test_test_split_figures_stay_above_their_floors(measured: dict) -> None:
    assert measured["identity_accuracy"] >= FLOOR_IDENTITY_ACCURACY
    assert measured["claim_precision"] >= FLOOR_CLAIM_PRECISION
    assert measured["claim_recall"] >= FLOOR_CLAIM_RECALL
    assert set(measured["by_language"]) == {"de", "en", "es", "fr", "ja", "ko", "pt", "ru", "vi", "zh"}
