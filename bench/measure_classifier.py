"""Measure the classifier on the frozen test split and, with --write, store the figures reports quote.

    .venv/bin/python bench/measure_classifier.py            # print the figures
    .venv/bin/python bench/measure_classifier.py --write    # also update harness/classify/accuracy.json

The test split (tests/data/labelled/test/) is frozen: rules are never tuned on it. Run --write only
after a change to the rules is final, and report the figures as test-split figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness.classify import load_classifier  # noqa: E402
from harness.classify.accuracy import ACCURACY_FILE, build_sha256  # noqa: E402
from harness.classify.evaluate import evaluate, load_labelled  # noqa: E402

TEST_SPLIT = ROOT / "tests" / "data" / "labelled" / "test"


def measure(directory: Path = TEST_SPLIT) -> dict:
    """Identity accuracy and claim precision/recall, overall and per language."""
    classifier = load_classifier()
    report = evaluate(classifier, load_labelled(directory))
    precision, recall, claims = report.claim_precision_recall()
    by_language = {}
    for language, (correct, total) in sorted(report.by_language.items()):
        p, r, n = report.claim_precision_recall(language)
        by_language[language] = {"records": total, "identity_accuracy": round(correct / total, 4),
                                 "claim_precision": round(p, 4), "claim_recall": round(r, 4), "claims": n}
    return {"build_sha256": build_sha256(classifier), "rules_version": classifier.fingerprint()["rules_version"],
            "split": "tests/data/labelled/test", "records": report.total, "claims": claims,
            "identity_accuracy": round(report.identity_accuracy, 4), "creator_accuracy": round(report.creator_accuracy, 4),
            "based_on_accuracy": round(report.based_on_accuracy, 4), "claim_precision": round(precision, 4),
            "claim_recall": round(recall, 4), "by_language": by_language}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the figures in harness/classify/accuracy.json")
    args = parser.parse_args()
    figures = measure()
    print(json.dumps(figures, indent=2))
    if args.write:
        ACCURACY_FILE.write_text(json.dumps({**figures, "measured": date.today().isoformat()}, indent=2) + "\n",
                                 encoding="utf-8")
        print(f"wrote {ACCURACY_FILE}")


if __name__ == "__main__":
    main()
