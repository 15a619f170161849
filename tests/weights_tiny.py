"""A tiny synthetic checkpoint family written with numpy only (no torch), for install-level tests.

base R, parent P = R + a low-rank update + noise, and a linear blend S = bf16(ALPHA P + (1 - ALPHA) R),
all bf16, three Llama-named tensors. Small enough to write and compare in well under a second.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from harness.weights.floats import round_to
from harness.weights.st_numpy import write_raw

ALPHA = 0.6
SHAPES = {
    "model.layers.0.mlp.down_proj.weight": (256, 512),
    "model.layers.0.self_attn.q_proj.weight": (256, 256),
    "model.layers.1.mlp.down_proj.weight": (256, 512),
}


def _bits(values: np.ndarray) -> tuple[str, np.ndarray]:
    """bf16 storage of float32 values (rounded to nearest even)."""
    return "BF16", (round_to(values, "BF16").view(np.uint32) >> 16).astype(np.uint16)


def write_blend(folder: Path, seed: int = 0) -> dict[str, Path]:
    """Write base, parent and blend safetensors files into ``folder``; return their paths by role."""
    gen = np.random.default_rng(seed)
    out: dict[str, dict[str, tuple[str, np.ndarray]]] = {"base": {}, "parent": {}, "blend": {}}
    for name, shape in SHAPES.items():
        r = round_to(gen.standard_normal(shape, dtype=np.float32) * np.float32(0.02), "BF16")
        low = gen.standard_normal((shape[0], 8), dtype=np.float32) @ gen.standard_normal((8, shape[1]), dtype=np.float32)
        noise = gen.standard_normal(shape, dtype=np.float32)
        p = round_to(r + np.float32(0.002) * low + np.float32(0.001) * noise, "BF16")
        s = p * np.float32(ALPHA) + r * np.float32(1 - ALPHA)
        out["base"][name], out["parent"][name], out["blend"][name] = _bits(r), _bits(p), _bits(s)
    folder.mkdir(parents=True, exist_ok=True)
    return {role: write_raw(folder / f"{role}.safetensors", tensors) for role, tensors in out.items()}
