"""Relabel hidden units of a Llama-style checkpoint: MLP neurons and attention heads.

Permuting a layer's MLP neurons (rows of gate_proj and up_proj, columns of down_proj) or its
attention heads (query heads with their key/value group, rows of q/k/v, columns of o_proj) leaves
the model's function unchanged. An adversary can do it to defeat element-wise comparison;
``align_checkpoint`` undoes it by matching units to a reference. Bits are moved, never recomputed.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from .lineage import _heads, match
from .st_numpy import StCheckpoint, write_raw

_GATE = re.compile(r"^(.*\.layers\.(\d+)\.)mlp\.gate_proj\.weight$")


def _layers(ck: StCheckpoint) -> list[tuple[int, str]]:
    return sorted({(int(m.group(2)), m.group(1)) for n in ck.entries if (m := _GATE.match(n))})


def _head_counts(ck: StCheckpoint) -> tuple[int, int]:
    heads = int(ck.config.get("num_attention_heads", 0) or 0)
    return heads, int(ck.config.get("num_key_value_heads", heads) or heads)


def _permute_rows_blocks(w: np.ndarray, perm: np.ndarray) -> np.ndarray:
    """Row blocks (one per unit) of w in the order perm."""
    return w.reshape(len(perm), -1, w.shape[-1])[perm].reshape(w.shape)


def _permute_col_blocks(w: np.ndarray, perm: np.ndarray) -> np.ndarray:
    return w.reshape(w.shape[0], len(perm), -1)[:, perm].reshape(w.shape)


def apply_permutations(ck: StCheckpoint, mlp: dict[int, np.ndarray], heads: dict[int, np.ndarray]) -> dict:
    """All tensors of ``ck`` (stored bits) with unit i of each layer taken from unit perm[i]."""
    n_heads, n_kv = _head_counts(ck)
    out = {name: (ck.dtype(name), ck.get_raw(name)) for name in ck.entries}
    for layer, pre in _layers(ck):
        if layer in mlp:
            p = mlp[layer]
            for name in ("mlp.gate_proj.weight", "mlp.up_proj.weight"):
                dt, w = out[pre + name]
                out[pre + name] = (dt, w[p])
            dt, w = out[pre + "mlp.down_proj.weight"]
            out[pre + "mlp.down_proj.weight"] = (dt, w[:, p])
        if layer in heads and n_heads > 1:
            hp = heads[layer]
            rep = n_heads // n_kv
            kv = hp.reshape(n_kv, rep)[:, 0] // rep  # the key/value group each new group comes from
            for name, perm in (("self_attn.q_proj.weight", hp), ("self_attn.k_proj.weight", kv),
                               ("self_attn.v_proj.weight", kv)):
                dt, w = out[pre + name]
                out[pre + name] = (dt, _permute_rows_blocks(w, perm))
            dt, w = out[pre + "self_attn.o_proj.weight"]
            out[pre + "self_attn.o_proj.weight"] = (dt, _permute_col_blocks(w, hp))
    return out


def random_permutations(ck: StCheckpoint, seed: int) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """A function-preserving random relabelling: neurons freely, heads within the grouped-query structure."""
    rng = np.random.default_rng(seed)
    n_heads, n_kv = _head_counts(ck)
    rep = max(1, n_heads // max(1, n_kv))
    mlp, heads = {}, {}
    for layer, pre in _layers(ck):
        mlp[layer] = rng.permutation(ck.shape(pre + "mlp.gate_proj.weight")[0])
        if n_heads > 1:
            groups = rng.permutation(n_kv)
            heads[layer] = np.concatenate([g * rep + rng.permutation(rep) for g in groups])
    return mlp, heads


def alignment(reference: StCheckpoint, ck: StCheckpoint) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Per layer, the unit order of ``ck`` that matches ``reference`` (all of each unit's weights)."""
    n_heads, n_kv = _head_counts(reference)
    rep = max(1, n_heads // max(1, n_kv))
    mlp, heads = {}, {}
    for layer, pre in _layers(reference):
        parts = [[c.get(pre + "mlp.gate_proj.weight"), c.get(pre + "mlp.up_proj.weight"),
                  c.get(pre + "mlp.down_proj.weight").T] for c in (reference, ck)]
        mlp[layer] = match(np.concatenate(parts[0], axis=1), np.concatenate(parts[1], axis=1))
        q = pre + "self_attn.q_proj.weight"
        if n_heads > 1 and q in ck.entries:
            blocks = [np.concatenate([_heads(c.get(q), n_heads, True),
                                      _heads(c.get(pre + "self_attn.o_proj.weight"), n_heads, False)], axis=1)
                      for c in (reference, ck)]
            hp = match(*blocks)
            # Keep grouped-query structure: each group of query heads must come from one key/value group.
            if rep > 1 and not all(len(set(hp.reshape(-1, rep)[g] // rep)) == 1 for g in range(n_kv)):
                hp = np.arange(n_heads)
            heads[layer] = hp
    return mlp, heads


def align_checkpoint(reference: Path, path: Path, out: Path) -> dict:
    """Write ``path`` relabelled to match ``reference`` as one safetensors file; return what moved."""
    ref, ck = StCheckpoint(reference), StCheckpoint(path)
    mlp, heads = alignment(ref, ck)
    write_raw(out, apply_permutations(ck, mlp, heads))
    moved = {str(k): int((v != np.arange(len(v))).sum()) for k, v in mlp.items()}
    moved_heads = {str(k): int((v != np.arange(len(v))).sum()) for k, v in heads.items()}
    summary = (f"neurons moved per layer {moved}; heads moved per layer {moved_heads}")
    return {"reference": str(reference), "mlp_moved": moved, "heads_moved": moved_heads,
            "mlp": {str(k): v.tolist() for k, v in mlp.items()},
            "heads": {str(k): v.tolist() for k, v in heads.items()}, "summary": summary}
