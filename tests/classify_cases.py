"""Shared by the table-driven classifier tests: a case is (text, identity, creator, based_on)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from harness.classify import Classifier
from harness.classify.evaluate import evaluate, load_labelled

Case = tuple[str, str, str, str]


def case_ids(cases: list[Case]) -> list[str]:
    """Readable parametrize ids: the first 40 characters of each text."""
    return [text[:40] for text, *_ in cases]


def check_case(clf: Classifier, case: Case) -> None:
    """The classifier's identity, creator and based_on for the text are the case's."""
    text, identity, creator, based_on = case
    verdict = clf.classify(text)
    assert (verdict.identity, verdict.creator, verdict.based_on) == (identity, creator, based_on), text


@dataclass(frozen=True)
class FileScore:
    """How the classifier reads one labelled development file (in sample: a regression gate)."""

    records: list[dict]
    identity: float
    creator: float
    precision: float
    recall: float
    wrong: str
    """One line per misread record, for the assertion message."""

    @property
    def long_share(self) -> float:
        return sum(len(r["text"]) >= 300 for r in self.records) / len(self.records)


def score_file(clf: Classifier, path: Path, workdir: Path) -> FileScore:
    """Score one labelled JSONL file (``load_labelled`` reads whole directories, so it is copied
    alone into ``workdir``)."""
    (workdir / path.name).write_bytes(path.read_bytes())
    records = load_labelled(workdir)
    report = evaluate(clf, records)
    precision, recall, _claims = report.claim_precision_recall()
    wrong = "\n".join(f"  {e['id']}: gold {e['gold']} got {e['got']}" for e in report.errors)
    return FileScore(records, report.identity_accuracy, report.creator_accuracy, precision, recall, wrong)
