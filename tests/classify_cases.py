"""Shared by the table-driven classifier tests: a case is (text, identity, creator, based_on)."""

from __future__ import annotations

from harness.classify import Classifier

Case = tuple[str, str, str, str]


def case_ids(cases: list[Case]) -> list[str]:
    """Readable parametrize ids: the first 40 characters of each text."""
    return [text[:40] for text, *_ in cases]


def check_case(clf: Classifier, case: Case) -> None:
    """The classifier's identity, creator and based_on for the text are the case's."""
    text, identity, creator, based_on = case
    verdict = clf.classify(text)
    assert (verdict.identity, verdict.creator, verdict.based_on) == (identity, creator, based_on), text
