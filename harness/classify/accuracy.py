"""The classifier's measured accuracy on the frozen test split, as every report states it.

``bench/measure_classifier.py --write`` measures the rules on tests/data/labelled/test/ (answers
the rules were never tuned on) and stores the figures in ``accuracy.json`` beside this module,
keyed by a hash of the classifier's code, language files and lexicon. A report states the figures
only when that hash matches the classifier that labelled it; after any change to the rules the
report says the accuracy of this build was not measured, rather than quote a stale figure.
(tests/test_classifier_test_split.py fails when the stored figures no longer match the code.)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from harness.classify.rules import Classifier

ACCURACY_FILE = Path(__file__).resolve().parent / "accuracy.json"
_PACKAGE = Path(__file__).resolve().parent


def build_sha256(classifier: Classifier) -> str:
    """Hash of what decides a label: the package's code and language files, and the lexicon."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in (".py", ".yaml") and p.name != "accuracy.py"):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(classifier.fingerprint()["lexicon_sha256"].encode())
    return digest.hexdigest()


def stored() -> dict[str, Any] | None:
    """The figures last written by the measuring script, or None."""
    if not ACCURACY_FILE.is_file():
        return None
    return json.loads(ACCURACY_FILE.read_text(encoding="utf-8"))


def statement(classifier: Classifier) -> dict[str, Any]:
    """Flat fields for a report: the rules version and, when measured for this build, its accuracy."""
    out: dict[str, Any] = {"rules": classifier.fingerprint().get("rules_version", "?")}
    record = stored()
    if record is None or record.get("build_sha256") != build_sha256(classifier):
        out["test_split"] = "accuracy not measured for this classifier build (see docs/classifier.md)"
        return out
    out.update({
        "test_split_identity_accuracy": record["identity_accuracy"],
        "claim_precision": f"{100 * record['claim_precision']:.1f}%",
        "claim_recall": f"{100 * record['claim_recall']:.1f}%",
        "test_split": f"{record['records']} held-out answers in {len(record['by_language'])} languages, "
                      f"measured {record['measured']}",
    })
    return out
