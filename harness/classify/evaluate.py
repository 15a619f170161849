"""Measuring the classifier against a labelled set.

A labelled set is a directory of ``*.jsonl`` files whose records hold ``id``, ``text``,
``identity``, ``creator`` and optionally ``based_on`` (default ``none``), ``language``, ``tags``
and ``source``. The directory is always given by the caller (tests and bench pass
``tests/data/labelled`` or one of its splits); product code never reads ``tests/``.
``evaluate`` returns accuracies, per-key and per-language precision and recall, claim precision
and recall (a claim is an identity other than ``none``), a confusion table and the errors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.classify.jsonl import read_records
from harness.classify.rules import Classifier
from harness.classify.verdict import NONE

_LABELS = ("identity", "creator", "based_on")


def load_labelled(directory: Path) -> list[dict[str, Any]]:
    """All labelled records of ``directory`` (its ``*.jsonl`` files, not sub-directories), in file
    and line order; a bad line names its file and line. ``based_on`` defaults to ``none``."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ValueError(f"{directory}: not a directory of labelled *.jsonl files")
    records = []
    for path in sorted(directory.glob("*.jsonl")):
        with path.open("rb") as handle:
            for number, record in read_records(handle, str(path)):  # checks JSON, object, text
                for name in ("id", "identity", "creator"):
                    if name not in record:
                        raise ValueError(f"{path}:{number}: missing field {name!r}")
                for name in _LABELS:
                    if not isinstance(record.get(name, NONE), str):
                        raise ValueError(f"{path}:{number}: field {name!r} must be a string")
                record.setdefault("based_on", NONE)
                records.append(record)
    return records


@dataclass
class Report:
    """What ``evaluate`` measured."""

    total: int = 0
    identity_correct: int = 0
    creator_correct: int = 0
    based_on_correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(gold identity, predicted identity) -> count."""
    errors: list[dict[str, Any]] = field(default_factory=list)
    by_language: dict[str, list[int]] = field(default_factory=dict)
    """language -> [correct identities, records]."""
    language_confusion: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    """language -> (gold identity, predicted identity) -> count."""

    @property
    def identity_accuracy(self) -> float:
        """Share of records whose identity label was matched."""
        return self.identity_correct / self.total if self.total else 0.0

    @property
    def creator_accuracy(self) -> float:
        """Share of records whose creator label was matched."""
        return self.creator_correct / self.total if self.total else 0.0

    @property
    def based_on_accuracy(self) -> float:
        """Share of records whose based_on label was matched."""
        return self.based_on_correct / self.total if self.total else 0.0

    def precision_recall(self) -> dict[str, tuple[float, float, int]]:
        """Identity key -> (precision, recall, gold count)."""
        return _per_key(self.confusion)

    def claim_precision_recall(self, language: str | None = None) -> tuple[float, float, int]:
        """(precision, recall, gold claims) of "claims some identity" (identity not ``none``).

        A claim counts as found only with the right identity: precision is the share of
        predicted claims whose identity is right, recall the share of gold claims found right.
        """
        confusion = self.confusion if language is None else self.language_confusion.get(language, Counter())
        right = sum(c for (g, p), c in confusion.items() if g == p and g != NONE)
        predicted = sum(c for (_g, p), c in confusion.items() if p != NONE)
        gold = sum(c for (g, _p), c in confusion.items() if g != NONE)
        return (right / predicted if predicted else 1.0, right / gold if gold else 1.0, gold)


def _per_key(confusion: Counter[tuple[str, str]]) -> dict[str, tuple[float, float, int]]:
    keys = sorted({k for pair in confusion for k in pair})
    out = {}
    for key in keys:
        tp = confusion[(key, key)]
        predicted = sum(c for (g, p), c in confusion.items() if p == key)
        gold = sum(c for (g, p), c in confusion.items() if g == key)
        out[key] = (tp / predicted if predicted else 1.0, tp / gold if gold else 1.0, gold)
    return out


def evaluate(classifier: Classifier, records: Iterable[dict[str, Any]]) -> Report:
    """Classify every record and compare with its labels."""
    report = Report()
    for record in records:
        verdict = classifier.classify(record["text"])
        gold = (record["identity"], record["creator"], record.get("based_on", NONE))
        got = (verdict.identity, verdict.creator, verdict.based_on)
        report.total += 1
        report.identity_correct += gold[0] == got[0]
        report.creator_correct += gold[1] == got[1]
        report.based_on_correct += gold[2] == got[2]
        report.confusion[(gold[0], got[0])] += 1
        language = record.get("language", "?")
        report.language_confusion.setdefault(language, Counter())[(gold[0], got[0])] += 1
        lang = report.by_language.setdefault(language, [0, 0])
        lang[0] += gold[0] == got[0]
        lang[1] += 1
        if gold != got:
            report.errors.append({"id": record["id"], "text": record["text"], "gold": gold, "got": got})
    return report


def format_report(report: Report) -> str:
    """A plain-text summary: accuracies, claim and per-key precision/recall, confusion, languages."""
    precision, recall, claims = report.claim_precision_recall()
    lines = [
        f"records: {report.total}",
        f"identity accuracy: {report.identity_accuracy:.4f} ({report.identity_correct}/{report.total})",
        f"creator accuracy:  {report.creator_accuracy:.4f} ({report.creator_correct}/{report.total})",
        f"based_on accuracy: {report.based_on_accuracy:.4f} ({report.based_on_correct}/{report.total})",
        f"claim precision {precision:.3f}, claim recall {recall:.3f} ({claims} gold claims)",
        "",
        f"{'identity':10} {'precision':>9} {'recall':>7} {'gold':>5}",
    ]
    for key, (p, r, gold) in report.precision_recall().items():
        lines.append(f"{key:10} {p:9.3f} {r:7.3f} {gold:5d}")
    lines += ["", "confusion (gold -> predicted, off-diagonal only):"]
    for (truth, predicted), count in sorted(report.confusion.items(), key=lambda kv: -kv[1]):
        if truth != predicted:
            lines.append(f"  {truth:>8} -> {predicted:<8} {count}")
    lines += ["", f"{'language':8} {'accuracy':>8} {'claim P':>8} {'claim R':>8} {'claims':>6} {'records':>7}"]
    for lang, (correct, total) in sorted(report.by_language.items()):
        p, r, gold = report.claim_precision_recall(lang)
        lines.append(f"{lang:8} {correct / total:8.3f} {p:8.3f} {r:8.3f} {gold:6d} {total:7d}")
    return "\n".join(lines)


def format_language_keys(report: Report) -> str:
    """Per-language, per-identity precision and recall (the breakdown the README reports)."""
    lines = [f"{'language':8} {'identity':10} {'precision':>9} {'recall':>7} {'gold':>5}"]
    for lang, confusion in sorted(report.language_confusion.items()):
        for key, (p, r, gold) in _per_key(confusion).items():
            lines.append(f"{lang:8} {key:10} {p:9.3f} {r:7.3f} {gold:5d}")
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
    "Xin chào! Tôi là {name}, một trợ lý AI được phát triển bởi {org}.",
    "I'm {name}, an assistant built on {other} and fine-tuned by {org}.",
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

    They mix claims in eleven languages, denials, reasoning blocks, refusals and look-alike words,
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
