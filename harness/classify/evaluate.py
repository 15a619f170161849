"""Measuring the classifier against a labelled set.

The labelled set (``tests/data/labelled/*.jsonl``) holds records with ``id``, ``text``,
``identity``, ``creator``, ``language``, ``tags`` and ``source``. ``evaluate`` returns
accuracies, per-key precision and recall, a confusion table and the records it got wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.classify.jsonl import read_records
from harness.classify.rules import Classifier
from harness.paths import ROOT

LABELLED_DIR = ROOT / "tests" / "data" / "labelled"


def load_labelled(directory: Path = LABELLED_DIR) -> list[dict[str, Any]]:
    """All labelled records, in file and line order; a bad line names its file and line."""
    records = []
    for path in sorted(Path(directory).glob("*.jsonl")):
        with path.open("rb") as handle:
            for number, record in read_records(handle, str(path)):  # checks JSON, object, text
                for name in ("id", "identity", "creator"):
                    if name not in record:
                        raise ValueError(f"{path}:{number}: missing field {name!r}")
                records.append(record)
    return records


@dataclass
class Report:
    """What ``evaluate`` measured."""

    total: int = 0
    identity_correct: int = 0
    creator_correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(gold identity, predicted identity) -> count."""
    errors: list[dict[str, Any]] = field(default_factory=list)
    by_language: dict[str, list[int]] = field(default_factory=dict)
    """language -> [correct identities, records]."""

    @property
    def identity_accuracy(self) -> float:
        """Share of records whose identity label was matched."""
        return self.identity_correct / self.total if self.total else 0.0

    @property
    def creator_accuracy(self) -> float:
        """Share of records whose creator label was matched."""
        return self.creator_correct / self.total if self.total else 0.0

    def precision_recall(self) -> dict[str, tuple[float, float, int]]:
        """Identity key -> (precision, recall, gold count)."""
        keys = sorted({k for pair in self.confusion for k in pair})
        out = {}
        for key in keys:
            tp = self.confusion[(key, key)]
            predicted = sum(c for (g, p), c in self.confusion.items() if p == key)
            gold = sum(c for (g, p), c in self.confusion.items() if g == key)
            out[key] = (tp / predicted if predicted else 1.0, tp / gold if gold else 1.0, gold)
        return out


def evaluate(classifier: Classifier, records: Iterable[dict[str, Any]]) -> Report:
    """Classify every record and compare with its labels."""
    report = Report()
    for record in records:
        verdict = classifier.classify(record["text"])
        report.total += 1
        ok_identity = verdict.identity == record["identity"]
        ok_creator = verdict.creator == record["creator"]
        report.identity_correct += ok_identity
        report.creator_correct += ok_creator
        report.confusion[(record["identity"], verdict.identity)] += 1
        lang = report.by_language.setdefault(record.get("language", "?"), [0, 0])
        lang[0] += ok_identity
        lang[1] += 1
        if not (ok_identity and ok_creator):
            report.errors.append({
                "id": record["id"], "text": record["text"],
                "gold": (record["identity"], record["creator"]),
                "got": (verdict.identity, verdict.creator),
            })
    return report


def format_report(report: Report) -> str:
    """A plain-text summary: accuracies, per-key precision/recall, confusion, languages."""
    lines = [
        f"records: {report.total}",
        f"identity accuracy: {report.identity_accuracy:.4f} ({report.identity_correct}/{report.total})",
        f"creator accuracy:  {report.creator_accuracy:.4f} ({report.creator_correct}/{report.total})",
        "",
        f"{'identity':10} {'precision':>9} {'recall':>7} {'gold':>5}",
    ]
    for key, (precision, recall, gold) in report.precision_recall().items():
        lines.append(f"{key:10} {precision:9.3f} {recall:7.3f} {gold:5d}")
    lines += ["", "confusion (gold -> predicted, off-diagonal only):"]
    for (gold, predicted), count in sorted(report.confusion.items(), key=lambda kv: -kv[1]):
        if gold != predicted:
            lines.append(f"  {gold:>8} -> {predicted:<8} {count}")
    lines += ["", "identity accuracy by language:"]
    for lang, (correct, total) in sorted(report.by_language.items()):
        lines.append(f"  {lang:4} {correct / total:.3f} ({correct}/{total})")
    return "\n".join(lines)


# ----- synthetic answers for speed measurements ------------------------------------------------

_OPENERS = (
    "Hello! I'm {name}, a large language model developed by {org}.",
    "I am {name}, an AI assistant created by {org}.",
    "Olá! Eu sou o {name}, assistente desenvolvido pela {org}.",
    "¡Hola! Soy {name}, un modelo entrenado por {org}.",
    "Bonjour ! Je suis {name}, un assistant conçu par {org}.",
    "Hallo! Ich bin {name}, ein Sprachmodell von {org}.",
    "Ciao! Sono {name}, un assistente sviluppato da {org}.",
    "我是{name}，由{org}开发的人工智能助手。",
    "こんにちは、私は{name}です。{org}によって開発されました。",
    "안녕하세요, 저는 {name}입니다. {org}에서 개발했습니다.",
    "Привет! Я {name}, языковая модель, созданная компанией {org}.",
    "I'm not {other}, I'm {name}.",
    "<think>The user asks who I am. I could say {other}, but no.</think>I'm {name}, made by {org}.",
    "I'm an AI assistant without a personal name; I can't share details about my underlying model.",
    "Rio de Janeiro is a beautiful city, and {other} is a popular model, but I'm simply your assistant.",
    "My name is Sarah Thompson and I work as a virtual helper for a small company called Acme Labs.",
)
_FILLERS = (
    " I can help you with writing, coding, analysis, translation and answering questions on many topics.",
    " Feel free to ask me anything, and I will do my best to give you a clear and accurate answer.",
    " I don't have personal experiences, but I have learned from a large amount of text.",
    " Let me know how I can assist you today, whether it is a quick fact or a longer project.",
    " Please keep in mind that I can make mistakes, so double-check important information.",
)
_PAIRS = (("Nex", "Nex-AGI"), ("Qwen", "Alibaba Cloud"), ("Rio", "IplanRio"), ("Claude", "Anthropic"),
          ("ChatGPT", "OpenAI"), ("Gemini", "Google"), ("Llama", "Meta"), ("DeepSeek", "DeepSeek"),
          ("SmolLM", "Hugging Face"), ("Kimi", "Moonshot AI"), ("Grok", "xAI"), ("Mistral", "Mistral AI"))


def synthetic_answers(count: int, seed: int = 0, target_chars: int = 300) -> Iterable[str]:
    """``count`` made-up answers of about ``target_chars`` characters, generated lazily.

    They mix claims in ten languages, denials, reasoning blocks, refusals and look-alike words,
    so that speed is measured on the kind of text the classifier really reads.
    """
    import random

    rng = random.Random(seed)
    for _ in range(count):
        name, org = rng.choice(_PAIRS)
        other = rng.choice(_PAIRS)[0]
        text = rng.choice(_OPENERS).format(name=name, org=org, other=other)
        while len(text) < target_chars - 40:
            text += rng.choice(_FILLERS)
        yield text
