"""Where a creator phrase stands in its sentence: the clause around it, the words before it, and
whether a base model or another identity sits next to it. These decide whose maker an organisation
is (the speaker's, or a base model's) once creator.py has found the phrase."""

from __future__ import annotations

import re

from harness.classify.compiled import EXCLUDED, Name, key_of
from harness.classify.doc import Doc
from harness.classify.patterns import MODEL_NOUNS

CJK_LETTER = re.compile(r"[\u4e00-\u9fff\u30A0-\u30FF\uAC00-\uD7AF]")
CLAUSE_STOP = re.compile(r"[.!?。！？\n;；]")
_HAN_COMMA = re.compile(r"[\u4e00-\u9fff][*_]*[,，]")


def foreign_base(doc: Doc, position: int, identity: str) -> bool:
    """Whether a base of another family than the speaker's follows a maker phrase in the same
    clause: the maker is then the base's ("저는 Meta에서 개발한 Llama 모델을 바탕으로 추가 학습된",
    but not "OpenAIが開発した…で、GPT-4をベースにしたChatGPT")."""
    if not CJK_LETTER.search(doc.text, max(0, position - 8), position):
        return False  # verb-first word order ("ein von VAGO feinabgestimmtes Modell auf Basis von Mistral",
        # "do nhóm GreenNode phát triển dựa trên Qwen"): the maker tuned the speaker, not the base
    if doc.text.startswith(",", position):
        return False  # "저는 구글이 만든, 제미나이 기반의 어시스턴트예요": the comma sends the maker on to the head noun
    if not base_follows(doc, position, max(6, clause_reach(doc.text, position))):
        return False
    if _HAN_COMMA.search(doc.text, position, doc.names[doc.first_name_from(position)].start):
        return False  # "腾讯推出的AI助手，基于腾讯混元大模型打造": a Chinese comma closes the maker's noun phrase first
    return key_of(doc.names[doc.first_name_from(position)], "identity") != identity


def clause_reach(text: str, position: int) -> int:
    """How far a base may stand after a maker phrase and still be what it made: the rest of
    the clause, at most 24 characters ("개발한 소형 언어 모델 Phi 시리즈를 바탕으로")."""
    stop = CLAUSE_STOP.search(text, position, position + 24)
    return (stop.start() if stop is not None else position + 24) - position


_SENTENCE_END = re.compile(r"[.!?。！？](?=\s)|\n")


def base_follows(doc: Doc, position: int, reach: int) -> bool:
    """Whether the first name at most ``reach`` characters after ``position`` is the base of a
    "based on" phrase (then an organisation before it is the base's maker)."""
    if not doc.skip:
        return False
    number = doc.first_name_from(position)
    if number >= len(doc.names) or doc.names[number].start - position > reach:
        return False
    name = doc.names[number]
    if _SENTENCE_END.search(doc.text, position, name.start):
        return False  # "저는 Perplexity의 Sonar 모델이에요. Llama 3.3을 기반으로 …": a base in the next sentence
    # the base of the first "based on" phrase, or of a later one ("Meta에서 공개한 Llama 3.1을 바탕으로" after a card's
    # "기반 모델: Llama-3.1-8B")
    return name.start in doc.skip or (key_of(name, "identity") not in (None, EXCLUDED)
                                      and doc.compiled.based_screen.any(doc.text, name.end))


def word_before(text: str, start: int) -> str:
    """The lower-cased word right before ``start`` (markup and spaces skipped)."""
    window = text[max(0, start - 14) : start].rstrip(" *_\n")
    cut = max(window.rfind(" "), window.rfind("\n"))
    word = window[cut + 1 :].lower().lstrip("(")
    for elided in ("l'", "d'"):  # "l'assistant de Mistral", "l'assistant IA d'Anthropic"
        if word.startswith(elided):
            return elided
    return word


_RELATIVES = frozenset(["que", "qui", "which", "who", "che"])


def model_noun_before(text: str, start: int) -> bool:
    """Whether a model noun stands up to five words before the preposition that ends just
    before ``start`` ("un modelo abierto de Google", "l'assistant de Mistral AI")."""
    words = text[max(0, start - 60) : start].replace(",", " ").lower().split()
    if len(words) >= 2 and words[-2] == "de" and words[-1] in ("la", "l'"):  # ("de l'Allen Institute")
        words.pop()
    for word in reversed(words[-6:-1]):
        word = word.strip("*_\"'")
        if word in _RELATIVES:
            return False  # "modelos que falam português do Brasil": the noun of a relative clause, not the maker's
        word = word.removeprefix("l'").removeprefix("d'").rsplit("-", 1)[-1]  # "l'équipe", "H4-Team"
        if word in MODEL_NOUNS or word.endswith("modell"):  # German compounds: "Flaggschiffmodell", "Basismodell"
            return True
    return False


def end_of_identity_before(doc: Doc, name: Name) -> int:
    """Where the identity name just before ``name`` ends (-1 if there is none close by)."""
    index = doc.first_name_from(name.start) - 1
    if index >= 0:
        other = doc.names[index]
        if name.start - other.end <= 8 and key_of(other, "identity") not in (None, EXCLUDED) and other.start not in doc.skip:
            return other.end  # (not the base: "модель GPT-4o mini от OpenAI" after "в основе" names the base's maker)
    return -1
