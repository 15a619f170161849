"""Checkpoints as lists of tensors that can be read a few rows at a time.

Both formats are indexed once for their layout (safetensors headers are checked by the
``safetensors`` library, then their byte offsets read from the JSON header); chunks are then read
with plain ``pread`` into numpy, never through a memory map: a mapping kept open leaves every page
read resident in this process, so RSS would grow with the size of the model. bf16 and f16 values are
widened to float32 on reading (exact; see floats.py), so no torch is needed. Block-quantized GGUF
tensors are dequantized with the ``gguf`` package (the ``local`` extra).
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict
from safetensors import safe_open

from .floats import GRIDS, widen
from .st_numpy import header_of

# Float storage dtypes that have an ulp grid we can reason about, by their safetensors/GGUF spelling.
FLOAT_DTYPES: frozenset[str] = frozenset(GRIDS)
GGUF_HINT = "GGUF input needs the local extra: pip install 'idprobe[local]'"


class CheckpointError(ValueError):
    """A path that cannot be read as a checkpoint; the message is for the user."""


class TensorRef(BaseModel):
    """Where one tensor lives and how it is stored; small and picklable, sent to workers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    path: Path
    format: str
    """``safetensors`` or ``gguf``."""
    shape: tuple[int, ...]
    """Numpy order (rows first), also for GGUF."""
    dtype: str
    """Storage type: BF16, F16, F32, F64, or a GGUF quantization name such as Q4_1."""
    offset: int = 0
    """Absolute byte offset of the tensor data in its file."""
    nbytes: int = 0
    """Bytes of tensor data."""
    qtype: int = -1
    """GGUF only: the GGMLQuantizationType value."""

    @property
    def numel(self) -> int:
        return math.prod(self.shape)

    @property
    def grid(self) -> str | None:
        """The storage grid (BF16, F16, F32, F64), or None for block-quantized GGUF data."""
        return self.dtype if self.dtype in FLOAT_DTYPES else None


class Checkpoint(BaseModel):
    """A model's tensors by name and the files that hold them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: Path
    format: str
    files: tuple[Path, ...]
    tensors: dict[str, TensorRef]


def open_checkpoint(path: Path) -> Checkpoint:
    """Index a single safetensors or GGUF file, a sharded index, or a directory of either."""
    path = Path(path)
    if not path.exists():
        raise CheckpointError(f"{path}: no such file or directory")
    if path.is_dir():
        index = path / "model.safetensors.index.json"
        if index.exists():
            return _open_index(index, path)
        shards = sorted(path.glob("*.safetensors"))
        if shards:
            return _open_safetensors(path, shards)
        ggufs = sorted(path.glob("*.gguf"))
        if len(ggufs) == 1:
            return _open_gguf(ggufs[0], path)
        raise CheckpointError(f"{path}: no model.safetensors.index.json, *.safetensors or single *.gguf inside")
    if path.name.endswith(".index.json"):
        return _open_index(path, path)
    if path.suffix == ".safetensors":
        return _open_safetensors(path, [path])
    if path.suffix == ".gguf":
        return _open_gguf(path, path)
    raise CheckpointError(f"{path}: not a .safetensors, .gguf or .index.json file")


def _open_index(index: Path, label: Path) -> Checkpoint:
    """Sharded safetensors: the index names the shard of every tensor."""
    try:
        weight_map = json.loads(index.read_text(encoding="utf-8"))["weight_map"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CheckpointError(f"{index}: not a safetensors index with a weight_map ({exc})") from exc
    shards = sorted({index.parent / f for f in weight_map.values()})
    ckpt = _open_safetensors(label, shards)
    missing = sorted(set(weight_map) - set(ckpt.tensors))
    if missing:
        raise CheckpointError(f"{index}: {len(missing)} tensors named in the index are in no shard, e.g. {missing[0]}")
    return ckpt


def _open_safetensors(label: Path, files: list[Path]) -> Checkpoint:
    tensors: dict[str, TensorRef] = {}
    for file in files:
        if not file.exists():
            raise CheckpointError(f"{file}: shard listed but missing")
        try:
            with safe_open(str(file), framework="numpy") as handle:  # validates the header
                names = list(handle.keys())
            header, data_start = header_of(file)
        except Exception as exc:  # safetensors raises its own error types for corrupt headers
            raise CheckpointError(f"{file}: cannot read safetensors header: {exc}") from exc
        for name in names:
            if name in tensors:
                raise CheckpointError(f"{file}: tensor {name} also appears in {tensors[name].path}")
            entry = header[name]
            a, b = entry["data_offsets"]
            tensors[name] = TensorRef(
                name=name, path=file, format="safetensors", shape=tuple(int(d) for d in entry["shape"]),
                dtype=str(entry["dtype"]), offset=data_start + int(a), nbytes=int(b) - int(a),
            )
    return Checkpoint(path=label, format="safetensors", files=tuple(files), tensors=tensors)


def _open_gguf(file: Path, label: Path) -> Checkpoint:
    try:
        from gguf import GGUFReader
    except ImportError as exc:
        raise CheckpointError(f"{file}: {GGUF_HINT}") from exc

    try:
        reader = GGUFReader(str(file))
    except Exception as exc:  # the reader raises ValueError/struct errors on corrupt files
        raise CheckpointError(f"{file}: cannot read GGUF: {exc}") from exc
    tensors = {}
    for t in reader.tensors:
        shape = tuple(int(d) for d in reversed([int(x) for x in t.shape]))  # GGUF lists fastest dim first
        tensors[t.name] = TensorRef(
            name=t.name, path=file, format="gguf", shape=shape, dtype=t.tensor_type.name,
            offset=int(t.data_offset), nbytes=int(t.n_bytes), qtype=int(t.tensor_type),
        )
    del reader  # drop the memory map before any data is read
    return Checkpoint(path=label, format="gguf", files=(file,), tensors=tensors)


def read_rows(ref: TensorRef, start: int, stop: int) -> np.ndarray:
    """Rows ``start:stop`` along the first dimension, flattened and wide: float32 for bf16, f16, f32 and
    dequantized GGUF, float64 for f64 (see floats.py)."""
    rows = ref.shape[0] if ref.shape else 1
    row_bytes = ref.nbytes // max(1, rows)
    want = (stop - start) * row_bytes
    buf = bytearray(want)
    with open(ref.path, "rb", buffering=0) as fh:
        got = os.preadv(fh.fileno(), [buf], ref.offset + start * row_bytes) if want else 0
    if got != want:
        raise CheckpointError(f"{ref.path}: tensor {ref.name} is truncated (wanted {want} bytes, got {got})")
    if ref.grid is not None:
        # Plain float storage: the stored bits, widened exactly (needed for ulp and bit-exact comparisons).
        return widen(np.frombuffer(buf, dtype=GRIDS[ref.grid].store), ref.grid)
    return _dequantize(ref, buf, stop - start)


def _dequantize(ref: TensorRef, buf: bytearray, rows: int) -> np.ndarray:
    """Block-quantized GGUF rows to float32, block rows as stored along the innermost dimension."""
    from gguf import GGMLQuantizationType
    from gguf.quants import dequantize

    out_shape = (rows, *ref.shape[1:]) if ref.shape else (1,)
    inner_rows = math.prod(out_shape[:-1]) if len(out_shape) > 1 else 1
    values = dequantize(np.frombuffer(buf, dtype=np.uint8).reshape(inner_rows, -1), GGMLQuantizationType(ref.qtype))
    return np.ascontiguousarray(values, dtype=np.float32).reshape(-1)
