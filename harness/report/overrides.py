"""A person's corrections to the classifier's labels, applied on the record.

``idprobe review RUN --export review.csv`` writes one row per sample (see :mod:`harness.report.review`);
the auditor fills ``override_identity`` / ``override_creator`` and a ``reason`` in the rows they
correct, and ``idprobe report RUN --overrides review.csv`` reads them back here. The report then
counts with the reviewed labels, lists every change with its reason, and keeps the automatic
counts beside the reviewed ones. Only the key, override and reason columns are read: the others
(the answer, the rules' labels, an LLM judge's ``judge_*`` columns) are there for the reader, so
editing them changes nothing, and rows are matched by key, in any order.

A file that cannot be applied exactly is refused as a whole, never half-applied: every problem is
reported with its row (spreadsheet numbering: the header is row 1) and column.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.classify import NONE, OTHER
from harness.results import RunData
from harness.summary import summarize

KEY_COLUMNS = ("prompt_id", "condition", "sample_index")
OVERRIDE_COLUMNS = ("override_identity", "override_creator")
REQUIRED_COLUMNS = (*KEY_COLUMNS, *OVERRIDE_COLUMNS, "reason")
MAX_LISTED = 20  # problems listed in one error message
_GUARDED = ("'=", "'+", "'-", "'@", "'\t", "'\r")  # cells the export defused with an apostrophe


class OverrideError(ValueError):
    """A review file that cannot be applied; the message names the file, rows and columns."""


@dataclass(frozen=True)
class Override:
    """One filled row: a sample and the labels a person gave it (``None``: keep the automatic one)."""

    row: int
    key: tuple[str, str, int]
    identity: str | None
    creator: str | None
    reason: str


def _unguard(cell: str) -> str:
    """Undo the export's formula guard (a leading apostrophe before = + - @), so keys match again."""
    return cell[1:] if cell.startswith(_GUARDED) else cell


def _vocabulary(keys: list[str], run: RunData) -> dict[str, str]:
    """Accepted spellings (key or display name, any case) -> key."""
    words = {key.lower(): key for key in keys}
    for key in keys:
        if key not in (NONE, OTHER):
            words.setdefault(run.classifier.lexicon.display(key).lower(), key)
    return words


class _Reader:
    """Validates rows one by one, collecting every problem before refusing the file."""

    def __init__(self, path: Path, run: RunData) -> None:
        self.path = path
        self.problems: list[str] = []
        lexicon = run.classifier.lexicon
        self.identities = _vocabulary([*lexicon.identity_keys, OTHER, NONE], run)
        self.creators = _vocabulary([*lexicon.creator_keys, OTHER, NONE], run)
        samples = run.samples
        self.ok = {(p, c, int(i)): bool(ok) for p, c, i, ok in
                   zip(samples["prompt_id"], samples["condition"], samples["sample_index"], samples["ok"])}
        self.seen: dict[tuple[str, str, int], int] = {}

    def problem(self, row: int, column: str, message: str) -> None:
        self.problems.append(f"{self.path.name}, row {row}, column {column}: {message}")

    def key(self, row: int, cells: dict[str, str]) -> tuple[str, str, int] | None:
        raw_index = cells["sample_index"].strip()
        try:
            index = int(float(raw_index)) if float(raw_index).is_integer() else None
        except ValueError:
            index = None
        if index is None:
            self.problem(row, "sample_index", f"{raw_index!r} is not a whole number")
            return None
        key = (_unguard(cells["prompt_id"].strip()), _unguard(cells["condition"].strip()), index)
        if key not in self.ok:
            self.problem(row, "prompt_id/condition/sample_index", f"no sample {key[0]!r} / {key[1]!r} / #{index} in this run")
            return None
        if key in self.seen:
            self.problem(row, "prompt_id/condition/sample_index", f"duplicate row: the same sample as row {self.seen[key]}")
            return None
        self.seen[key] = row
        return key

    def label(self, row: int, column: str, value: str, known: dict[str, str]) -> str | None:
        value = value.strip()
        if not value:
            return None
        found = known.get(value.lower())
        if found is None:
            self.problem(row, column, f"unknown key {value!r} (a lexicon key such as {', '.join(sorted(set(known.values()))[:4])}, "
                                      f"or {OTHER} / {NONE})")
        return found

    def read(self, row: int, cells: dict[str, str]) -> Override | None:
        key = self.key(row, cells)
        identity = self.label(row, "override_identity", cells["override_identity"], self.identities)
        creator = self.label(row, "override_creator", cells["override_creator"], self.creators)
        filled = any(cells[c].strip() for c in OVERRIDE_COLUMNS)
        if not filled:
            return None
        reason = cells["reason"].strip()
        if not reason:
            self.problem(row, "reason", "an override needs a reason, on the record")
        if key is not None and not self.ok[key]:
            self.problem(row, "override_identity", "this sample failed: there is no answer to label")
        if key is None or not reason or (identity is None and creator is None):
            return None
        return Override(row, key, identity, creator, reason)


def read_overrides(path: Path, run: RunData) -> tuple[list[Override], int]:
    """The filled rows of a review file, validated against ``run``; and how many rows it has."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            csv_reader = csv.DictReader(handle)
            table = list(csv_reader)
            header = list(csv_reader.fieldnames or [])
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise OverrideError(f"{path}: cannot read as a UTF-8 CSV file ({exc})") from exc
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise OverrideError(f"{path.name}, row 1 (header): column {', '.join(missing)} missing; "
                            f"expected the columns of `idprobe review --export`")
    reader = _Reader(path, run)
    overrides = []
    for number, cells in enumerate(table, start=2):
        if None in cells:  # more cells than header columns: a shifted row
            reader.problem(number, header[-1], f"{len(cells[None])} cell(s) beyond the last column")
        found = reader.read(number, {k: (v or "") for k, v in cells.items() if k is not None})
        if found is not None:
            overrides.append(found)
    if reader.problems:
        shown = reader.problems[:MAX_LISTED]
        more = len(reader.problems) - len(shown)
        raise OverrideError("refused, nothing applied:\n  " + "\n  ".join(shown) + (f"\n  ... and {more} more" if more else ""))
    return overrides, len(table)


def apply_review(run: RunData, path: Path) -> tuple[RunData, dict[str, Any], list[dict[str, Any]]]:
    """The run with the reviewed labels, its summary (with a ``review`` section: the changes, their
    reasons and the automatic counts), and the changes row by row for the page's sample table."""
    overrides, rows = read_overrides(path, run)
    automatic = summarize(run)
    samples = run.samples.copy()
    position = {(p, c, int(i)): n for n, (p, c, i) in
                enumerate(zip(samples["prompt_id"], samples["condition"], samples["sample_index"]))}
    changes = []
    for o in overrides:
        n = position[o.key]
        before = {"identity": samples.at[n, "identity"], "creator": samples.at[n, "creator"]}
        after = {"identity": o.identity or before["identity"], "creator": o.creator or before["creator"]}
        if after == before:
            continue
        samples.at[n, "identity"], samples.at[n, "creator"] = after["identity"], after["creator"]
        changes.append({"row": n, "file_row": o.row, "prompt_id": o.key[0], "condition": o.key[1],
                        "sample_index": o.key[2], **before, "reviewed_identity": after["identity"],
                        "reviewed_creator": after["creator"], "reason": o.reason})
    reviewed = RunData(run.run_dir, run.manifest, run.suite, samples, run.results_sha256, run.classifier)
    summary = summarize(reviewed)
    summary["review"] = {
        "file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "rows": rows,
        "filled": len(overrides), "changed": len(changes),
        "changes": [{k: v for k, v in c.items() if k != "row"} for c in changes],
        "automatic": {"headline": automatic["headline"], "creators": automatic["creators"]},
        "automatic_finding": automatic.get("finding"),
    }
    return reviewed, summary, changes
