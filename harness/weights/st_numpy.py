"""Read safetensors checkpoints into numpy without torch (bf16 and f16 widened to float32).

Whole tensors here, for lineage and --align; sources.py reads row ranges for the fit with header_of.

The format is an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
shape and byte range, then the data. bf16 is the upper half of a float32, so widening it is a shift.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np

_NUMPY = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "BF16": np.uint16}


class StError(ValueError):
    """A file that is not a readable safetensors checkpoint; the message names it."""


def header_of(file: Path) -> tuple[dict, int]:
    with open(file, "rb") as fh:
        raw = fh.read(8)
        if len(raw) != 8:
            raise StError(f"{file}: too short for a safetensors header")
        (size,) = struct.unpack("<Q", raw)
        try:
            header = json.loads(fh.read(size))
        except ValueError as exc:
            raise StError(f"{file}: safetensors header is not JSON ({exc})") from exc
    header.pop("__metadata__", None)
    return header, 8 + size


class StCheckpoint:
    """Tensor names -> (file, entry, data offset) over one file or a folder of shards."""

    def __init__(self, path: Path) -> None:
        path = Path(path)
        files = sorted(path.glob("*.safetensors")) if path.is_dir() else [path]
        if not files or not all(f.exists() for f in files):
            raise StError(f"{path}: no .safetensors file found")
        self.path = path
        self.entries: dict[str, tuple[Path, dict, int]] = {}
        for file in files:
            header, start = header_of(file)
            for name, entry in header.items():
                self.entries[name] = (file, entry, start)
        cfg = (path if path.is_dir() else path.parent) / "config.json"
        self.config: dict = json.loads(cfg.read_text(encoding="utf-8")) if cfg.exists() else {}

    def shape(self, name: str) -> tuple[int, ...]:
        return tuple(self.entries[name][1]["shape"])

    def dtype(self, name: str) -> str:
        return str(self.entries[name][1]["dtype"])

    def get_raw(self, name: str) -> np.ndarray:
        """The tensor's stored bits (bf16 as uint16), in its shape: permuting these keeps every bit."""
        file, entry, start = self.entries[name]
        dtype = entry["dtype"]
        if dtype not in _NUMPY:
            raise StError(f"{file}: tensor {name} has dtype {dtype}, not a float type")
        a, b = entry["data_offsets"]
        count = (b - a) // np.dtype(_NUMPY[dtype]).itemsize
        return np.fromfile(file, dtype=_NUMPY[dtype], count=count, offset=start + a).reshape(entry["shape"])

    def get(self, name: str) -> np.ndarray:
        """The whole tensor as float32 (float64 stays float64)."""
        dtype = self.dtype(name)
        raw = self.get_raw(name).reshape(-1)
        if dtype == "BF16":
            raw = (raw.astype(np.uint32) << 16).view(np.float32)
        elif dtype == "F16":
            raw = raw.astype(np.float32)
        return raw.reshape(self.shape(name))


def write_raw(path: Path, tensors: dict[str, tuple[str, np.ndarray]]) -> Path:
    """Write tensors given as (safetensors dtype, stored bits) to one safetensors file."""
    header: dict[str, dict] = {}
    offset = 0
    for name, (dtype, arr) in tensors.items():
        header[name] = {"dtype": dtype, "shape": list(arr.shape), "data_offsets": [offset, offset + arr.nbytes]}
        offset += arr.nbytes
    blob = json.dumps(header, separators=(",", ":")).encode()
    blob += b" " * (-len(blob) % 8)  # the data starts 8-byte aligned
    with open(path, "wb") as fh:
        fh.write(struct.pack("<Q", len(blob)))
        fh.write(blob)
        for _, arr in tensors.values():
            fh.write(np.ascontiguousarray(arr).tobytes())
    return path
