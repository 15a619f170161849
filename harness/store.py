"""The results store: one directory per run.

``completions.jsonl`` is append-only: each sample is written, and flushed, as it arrives, so a
killed run loses nothing it wrote. A later record for the same sample (a retried error)
supersedes the earlier one when read; nothing is rewritten in place.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from harness.records import Completion, SampleKey

log = logging.getLogger(__name__)

COMPLETIONS = "completions.jsonl"
MANIFEST = "manifest.json"


class RunStore:
    """Reads and appends a run directory's files."""

    def __init__(self, run_dir: Path) -> None:
        self.dir = Path(run_dir)
        self.completions_path = self.dir / COMPLETIONS
        self.manifest_path = self.dir / MANIFEST
        self._handle: IO[str] | None = None

    def exists(self) -> bool:
        return self.manifest_path.is_file()

    def load(self) -> dict[SampleKey, Completion]:
        """The latest record per sample. Unreadable lines (a write cut by a kill) are reported and skipped."""
        latest: dict[SampleKey, Completion] = {}
        if not self.completions_path.is_file():
            return latest
        with open(self.completions_path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                record = _parse(line)
                if record is None:
                    log.warning("%s:%d: unreadable record skipped (an interrupted write?)", self.completions_path, number)
                    continue
                latest[record.key] = record
        return latest

    def open_for_append(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self._heal_partial_line()
        self._handle = open(self.completions_path, "a", encoding="utf-8")

    def _heal_partial_line(self) -> None:
        """A kill mid-write can leave a last line without its newline; end it so the next record
        starts on a line of its own. The partial line itself stays (append-only) and is skipped on read."""
        if not self.completions_path.is_file() or self.completions_path.stat().st_size == 0:
            return
        with open(self.completions_path, "rb+") as handle:
            handle.seek(-1, os.SEEK_END)
            if handle.read(1) != b"\n":
                handle.write(b"\n")

    def append(self, completion: Completion) -> None:
        if self._handle is None:
            raise RuntimeError("store not opened for appending")
        self._handle.write(completion.to_json() + "\n")
        self._handle.flush()  # survive a SIGKILL of this process: the data is in the OS's hands

    def close(self) -> None:
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None

    def read_manifest(self) -> dict[str, Any]:
        return json.loads(self.manifest_path.read_text(encoding="utf-8"))

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        """Replace the manifest atomically, so a kill never leaves half a manifest."""
        write_text_atomic(self.manifest_path, json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=False))


def _parse(line: str) -> Completion | None:
    try:
        return Completion.from_json(line)
    except (ValueError, ValidationError):
        return None


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` in one step; the file gets the usual permissions (reports are for sharing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)
