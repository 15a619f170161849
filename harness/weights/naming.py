"""Layer numbers and components from tensor names (Hugging Face and GGUF spellings)."""

from __future__ import annotations

import re

_LAYER = re.compile(r"(?:^|\.)(?:layers|blk|h|blocks|block|layer)\.(\d+)(?:\.|$)")

# Checked in order: the first component whose pattern matches wins. Norms come before attention
# and MLP because names like "post_attention_layernorm" contain both.
_COMPONENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("norms", re.compile(r"norm|(^|\.)ln_?\w*\.|\.ln\d*\.")),
    ("embeddings", re.compile(r"embed|token_embd|(^|\.)wte\.|(^|\.)wpe\.")),
    ("head", re.compile(r"lm_head|^output\.weight$|(^|\.)score\.")),
    ("attention", re.compile(r"attn|attention|(^|\.)(q|k|v|o|qkv)_proj\.|self_attn|linear_attn")),
    ("mlp/experts", re.compile(r"mlp|ffn|expert|(^|\.)(gate|up|down)_proj\.|(^|\.)w[123]\.|router|moe")),
)


def layer_of(name: str) -> int | None:
    """The block number in the name, or None for tensors outside the repeated blocks."""
    match = _LAYER.search(name)
    return int(match.group(1)) if match else None


def component_of(name: str) -> str:
    """attention, mlp/experts, embeddings, norms, head, or other."""
    lowered = name.lower()
    for label, pattern in _COMPONENTS:
        if pattern.search(lowered):
            return label
    return "other"
