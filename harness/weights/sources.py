"""Checkpoints as lists of tensors that can be read a few rows at a time.

Safetensors files are read through ``safe_open(...).get_slice(name)[a:b]`` (torch, because numpy has
no bfloat16). The file is opened per chunk on purpose: a handle kept open maps the file, and every
page read stays resident in this process, so RSS would grow with the size of the model. GGUF files
are parsed once for their layout; chunks are then read with plain ``pread`` and dequantized with the
``gguf`` package, for the same reason (its reader memory-maps the whole file).
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import numpy as np
import torch
from pydantic import BaseModel, ConfigDict
from safetensors import safe_open

# Float storage dtypes that have an ulp grid we can reason about, by their safetensors/GGUF spelling.
FLOAT_DTYPES: dict[str, torch.dtype] = {
    "BF16": torch.bfloat16,
    "F16": torch.float16,
    "F32": torch.float32,
    "F64": torch.float64,
}
_TORCH_TO_NAME = {v: k for k, v in FLOAT_DTYPES.items()}


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
    """GGUF only: absolute byte offset of the tensor data."""
    nbytes: int = 0
    """GGUF only: bytes of tensor data."""
    qtype: int = -1
    """GGUF only: the GGMLQuantizationType value."""

    @property
    def numel(self) -> int:
        return math.prod(self.shape)

    @property
    def float_dtype(self) -> torch.dtype | None:
        """The torch dtype of the storage grid, or None for block-quantized GGUF data."""
        return FLOAT_DTYPES.get(self.dtype)


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
            with safe_open(str(file), framework="pt") as handle:
                for name in handle.keys():
                    sl = handle.get_slice(name)
                    if name in tensors:
                        raise CheckpointError(f"{file}: tensor {name} also appears in {tensors[name].path}")
                    tensors[name] = TensorRef(
                        name=name, path=file, format="safetensors",
                        shape=tuple(int(d) for d in sl.get_shape()), dtype=str(sl.get_dtype()),
                    )
        except CheckpointError:
            raise
        except Exception as exc:  # safetensors raises its own error types for corrupt headers
            raise CheckpointError(f"{file}: cannot read safetensors header: {exc}") from exc
    return Checkpoint(path=label, format="safetensors", files=tuple(files), tensors=tensors)


def _open_gguf(file: Path, label: Path) -> Checkpoint:
    from gguf import GGUFReader

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


def read_rows(ref: TensorRef, start: int, stop: int) -> torch.Tensor:
    """Rows ``start:stop`` along the first dimension, in the storage dtype (float32 for quantized GGUF)."""
    if ref.format == "safetensors":
        with safe_open(str(ref.path), framework="pt") as handle:
            if not ref.shape:  # a scalar cannot be sliced
                return handle.get_tensor(ref.name).reshape(1)
            return handle.get_slice(ref.name)[start:stop]
    return _read_gguf_rows(ref, start, stop)


def _read_gguf_rows(ref: TensorRef, start: int, stop: int) -> torch.Tensor:
    from gguf import GGMLQuantizationType
    from gguf.quants import dequantize

    rows = ref.shape[0] if ref.shape else 1
    row_bytes = ref.nbytes // rows
    want = (stop - start) * row_bytes
    buf = bytearray(want)
    with open(ref.path, "rb", buffering=0) as fh:
        got = os.preadv(fh.fileno(), [buf], ref.offset + start * row_bytes)
    if got != want:
        raise CheckpointError(f"{ref.path}: tensor {ref.name} is truncated (wanted {want} bytes, got {got})")
    out_shape = (stop - start, *ref.shape[1:]) if ref.shape else (1,)
    if ref.float_dtype is not None:
        # Plain float storage: keep the stored bits (needed for ulp and bit-exact comparisons).
        return torch.frombuffer(buf, dtype=ref.float_dtype).reshape(out_shape)
    # Block-quantized: dequantize along the innermost dimension, block rows as stored.
    raw = np.frombuffer(buf, dtype=np.uint8)
    inner_rows = math.prod(out_shape[:-1]) if len(out_shape) > 1 else 1
    values = dequantize(raw.reshape(inner_rows, -1), GGMLQuantizationType(ref.qtype))
    return torch.from_numpy(np.ascontiguousarray(values, dtype=np.float32)).reshape(out_shape)


def dtype_name(dtype: torch.dtype) -> str:
    """Safetensors spelling of a torch dtype (for reports)."""
    return _TORCH_TO_NAME.get(dtype, str(dtype))
