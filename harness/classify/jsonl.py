"""Reading JSONL records to classify, one line at a time, with errors that name file and line.

Shared by ``idprobe classify`` (any user's file) and the labelled-set evaluation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import click


class InputError(click.ClickException):
    """A line of the input that cannot be classified; the message names file and line."""


def read_records(lines: Iterable[bytes | str], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, record) one at a time; blank lines are skipped, bad ones stop the run.

    Lines are decoded one by one, so a stray non-UTF-8 byte is reported with its line number.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not valid JSON: {exc.msg} (column {exc.colno})") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}:{number}: not valid UTF-8 (byte {exc.start + 1})") from None
        if not isinstance(record, dict):
            raise InputError(f"{name}:{number}: expected a JSON object, got {type(record).__name__}")
        if "text" not in record:
            raise InputError(f"{name}:{number}: record has no 'text' field")
        if not isinstance(record["text"], (str, type(None))):
            raise InputError(f"{name}:{number}: 'text' must be a string or null")
        if "id" not in record and "prompt_id" not in record:
            raise InputError(f"{name}:{number}: record has neither 'id' nor 'prompt_id'")
        yield number, record
