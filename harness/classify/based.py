"""Finding the model a text says it is built on: "based on GPT-4", "基于Qwen", "на основе Llama".

One rule for every language: the base is recorded in ``Verdict.based_on`` and never counts as the
identity or the creator. Only lexicon identity names count as bases ("based on the transformer
architecture" names none); an organisation's possessive reads on ("based on Meta's Llama").
"""

from __future__ import annotations

import re
from typing import cast

from harness.classify.compiled import EXCLUDED, Name, key_of
from harness.classify.doc import Doc, Found
from harness.classify.names import generic
from harness.classify.patterns import MODEL_STEMS
from harness.classify.scope import about_self, hedged_after, hypothetical, negated_before
from harness.classify.speech import quoted_aside, scripted
from harness.classify.verdict import OTHER
from harness.classify.wordlists import literal

_MODEL_WORD = literal(MODEL_STEMS, "", "")  # (each language file's ``model_stems``)
_CAP_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w\-.]*(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w\-.]*)?")
# A model's name even without a model noun before it: "на базе YandexGPT", "auf Basis von LeoLM",
# "dựa trên Vistral-7B" (a GPT/LM/Chat ending or a version number; not any CamelCase word: "PyTorch").
_MODEL_LIKE = re.compile(r"(?-i:[A-Z][A-Za-z]*(?:GPT|LM|LLM|Chat)(?:[\-.]?[\w\-]+)*\b|[A-Z][A-Za-z]+-\d+[\w\-]*(?:\.\d+[\w\-]*)*)")
# A Chinese model's name before its model noun: "由华为盘古大模型提供支持", "阶跃自研的Step系列大模型".
_HAN_MODEL = re.compile(r"(?![哪什谁誰这這那一])[\u4e00-\u9fffA-Za-z0-9]{2,8}?(?=(?:系列)?大模型)")
_SENTENCE_END = re.compile(r"[^.!?。！？\n]*([.!?。！？\n]|\Z)")  # (always matches)
_REACH = 48
"""How far after a cue the base's name may start (the ``gap`` decides what stands between)."""


def find_based(doc: Doc) -> tuple[Found, int] | None:
    """The earliest "built on X" claim about the speaker, and where X's name starts."""
    compiled, text = doc.compiled, doc.text
    best: tuple[Found, int] | None = None
    based = doc.marks["based"] if doc.marks.has("based") else []
    for at, _end in based:
        for index, slot in compiled.based_pre_union.matches(text, at):
            if (found := _after_cue(doc, index, at, slot)) is not None:
                best = found
                break
        if best is not None:
            break
    if compiled.based_name_first:
        screen = compiled.based_screen
        for name in doc.names:
            if best is not None and name.start >= best[0][1]:
                break
            if not screen.any(text, name.end):
                continue
            found = _before_cue(doc, name)
            if found is not None:
                return found
    return best


def _after_cue(doc: Doc, index: int, start: int, slot: int) -> tuple[Found, int] | None:
    gap = doc.compiled.based_gap[index]
    for number in range(doc.first_name_from(slot), len(doc.names)):
        name = doc.names[number]
        if name.start > slot + _REACH or gap.fullmatch(doc.text, slot, name.start) is None:
            break
        key = _base_key(name)
        if key is None:
            if key_of(name, "creator") not in (None, EXCLUDED):
                slot = name.end  # "based on Meta's Llama": read on past the organisation
                if doc.text.startswith("'s", slot):
                    slot += 2
                continue
            break
        post = doc.compiled.based_post[index]
        if post is not None and post.match(doc.text, name.end) is None:
            return None
        return _scoped(doc, (key, start, name.end), name.start)
    return _unknown_base(doc, index, start, slot)


def _unknown_base(doc: Doc, index: int, start: int, slot: int) -> tuple[Found, int] | None:
    """``other`` for a base outside the lexicon named after a model noun ("auf dem Modell LeoLM",
    "на основе модели YandexGPT", "le modèle Albert")."""
    text = doc.text
    gap = doc.compiled.based_gap[index].match(text, slot)
    end = gap.end() if gap is not None else slot
    if doc.name_at(end) is not None:
        return None
    if _MODEL_WORD.search(text, slot, end) is None:
        name = _MODEL_LIKE.match(text, end) or _HAN_MODEL.match(text, end)
        if name is not None and name.re is _HAN_MODEL and (generic(name.group()) or not _post_holds(doc, index, name.end())):
            return None
        return None if name is None else _scoped(doc, (OTHER, start, name.end()), end)
    name = _CAP_NAME.match(text, end)
    if name is None or generic(name.group()):
        return None
    return _scoped(doc, (OTHER, start, name.end()), end)


def _post_holds(doc: Doc, index: int, end: int) -> bool:
    post = doc.compiled.based_post[index]
    return post is None or post.match(doc.text, end) is not None


def _before_cue(doc: Doc, name: Name) -> tuple[Found, int] | None:
    key = _base_key(name)
    if key is None:
        return None
    for index in doc.compiled.based_name_first:
        post = doc.compiled.based_post[index]
        match = post.match(doc.text, name.end) if post is not None else None
        before = doc.compiled.based_before[index]
        if match is not None and before is not None and before.search(doc.text, max(0, name.start - 16), name.start) is None:
            continue  # "정확히는 Claude 3.5 Sonnet 모델로 동작": the exact identity, not a base
        if match is not None:
            return _scoped(doc, (key, name.start, match.end()), name.start)
    return None


def _base_key(name: Name) -> str | None:
    key = key_of(name, "identity")
    return None if key is None or key == EXCLUDED else key


def _scoped(doc: Doc, found: Found, name_start: int) -> tuple[Found, int] | None:
    """The claim unless denied ("not based on"), hypothetical, or about another model."""
    text, start = doc.text, found[1]
    if negated_before(text, start) or hypothetical(text, start, doc.marks) or scripted(text, start) \
            or hedged_after(text, found[2]):
        return None  # "GPT-4をベースにしていると思います": a hedged guess
    if quoted_aside(text, start, text.rfind("\n", max(0, start - 200), start) + 1):
        return None  # '"GPT-4o 기반입니다"라고도 말할 수 없어요', "「Qwenベースです」と答える": cited words
    if cast("re.Match[str]", _SENTENCE_END.match(text, found[2])).group(1) in ("?", "？"):
        return None  # "너 혹시 라마 기반이야?": a question, often the user's, restated
    # The subject decides, as for creators: "ChatGPT is based on GPT-4" is about ChatGPT.
    if not about_self(doc, start, OTHER):  # no name is "other": any model named before is another
        return None
    return found, name_start
