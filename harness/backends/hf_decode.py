"""Sampling for the transformers backend's ``static`` engine, with finished sequences leaving the batch.

``generate`` keeps every sequence of a batch in each forward pass until the longest one stops; when a
few answers run to ``max_tokens`` and most stop early, most of a CPU's work goes into padding (2-3x
the tokens kept, measured on the rio-case suite). This loop makes the same draws (one ``multinomial``
over the batch's rows per step, from the generator ``torch.manual_seed`` set) but drops a row from
the inputs and the KV cache as soon as it emits an end token. Until the first row stops, its tokens
equal ``generate``'s for the same seed; greedy decoding equals it throughout (tests/test_hf_decode.py).

Used when every layer of the model's cache can drop rows (``batch_select_indices``); other caches
fall back to ``generate``.
"""

from __future__ import annotations

import inspect
from typing import Any


# generation_config fields that make ``generate`` add logits processors this loop does not apply, with
# their neutral values; a model that sets any of them samples through ``generate``.
_NEUTRAL = {"repetition_penalty": 1.0, "encoder_repetition_penalty": 1.0, "no_repeat_ngram_size": 0,
            "bad_words_ids": None, "suppress_tokens": None, "begin_suppress_tokens": None, "min_length": 0,
            "min_new_tokens": None, "forced_bos_token_id": None, "forced_eos_token_id": None,
            "sequence_bias": None, "exponential_decay_length_penalty": None, "renormalize_logits": False,
            "guidance_scale": None, "epsilon_cutoff": 0.0, "eta_cutoff": 0.0, "typical_p": 1.0, "min_p": None,
            "watermarking_config": None}


def can_prune(model: Any) -> bool:
    """Whether this loop samples what ``generate`` would for this model: a decoder-only model whose
    generation_config adds no logits processors, with a cache that can drop rows."""
    from transformers import DynamicCache

    config = model.generation_config
    if model.config.is_encoder_decoder or any(getattr(config, k, v) not in (v, None) for k, v in _NEUTRAL.items()):
        return False
    try:
        cache = DynamicCache(config=model.config)
    except Exception:  # noqa: BLE001 - a cache this loop does not know: use generate
        return False
    return all(hasattr(layer, "batch_select_indices") for layer in getattr(cache, "layers", []))


def stop_ids(model: Any, tokenizer: Any) -> set[int]:
    """The token ids that end a sample: the generation config's end tokens and the tokenizer's."""
    ends = model.generation_config.eos_token_id
    ids = set(ends if isinstance(ends, list) else [] if ends is None else [ends])
    return ids | {t for t in (tokenizer.eos_token_id,) if t is not None}


def sample(model: Any, enc: Any, n: int, max_new: int, warper: Any, stops: set[int]) -> list[list[int]]:
    """Token ids drawn for each of ``n`` samples of each prompt of ``enc`` (left-padded), in
    ``generate``'s order (prompt-major), each ending with its stop token when it stopped.

    ``warper(scores)`` returns processed logits, or None for greedy decoding."""
    import torch
    from transformers import DynamicCache

    mask = enc["attention_mask"].repeat_interleave(n, dim=0)
    ids = enc["input_ids"].repeat_interleave(n, dim=0)
    positions = (mask.long().cumsum(-1) - 1).masked_fill(mask == 0, 0)
    rows = torch.arange(ids.shape[0], device=ids.device)  # which output row each batch row is
    out: list[list[int]] = [[] for _ in range(ids.shape[0])]
    stop = torch.tensor(sorted(stops), device=ids.device)
    cache = DynamicCache(config=model.config)
    extra = _forward_kwargs(model, cache)
    for step in range(max_new):
        logits = model(input_ids=ids, attention_mask=mask, position_ids=positions, use_cache=True,
                       **extra).logits[:, -1, :].float()
        scores = warper(logits)
        chosen = logits.argmax(-1) if scores is None else torch.multinomial(scores.softmax(-1), 1).squeeze(1)
        for row, token in zip(rows.tolist(), chosen.tolist()):
            out[row].append(token)
        going = ~torch.isin(chosen, stop)
        if step == max_new - 1 or not bool(going.any()):
            break
        if not bool(going.all()):
            keep = going.nonzero().squeeze(1)
            cache.batch_select_indices(keep)
            rows, chosen, mask, positions = rows[keep], chosen[keep], mask[keep], positions[keep]
        mask = torch.cat([mask, mask.new_ones((mask.shape[0], 1))], dim=1)
        positions = positions[:, -1:] + 1
        ids = chosen.unsqueeze(1)
    return out


def _forward_kwargs(model: Any, cache: Any) -> dict[str, Any]:
    """The cache, under the name this transformers version's ``forward`` takes (``cache`` in newer
    versions, which warn on the old ``past_key_values``), and ``logits_to_keep=1``
    where supported: only the last position's logits are drawn from; the prompt's would each cost a
    vocabulary-wide product."""
    params = inspect.signature(model.forward).parameters
    out: dict[str, Any] = {"cache" if "cache" in params else "past_key_values": cache}
    if "logits_to_keep" in params:
        out["logits_to_keep"] = 1
    return out
