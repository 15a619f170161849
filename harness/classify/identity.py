"""Finding the identity a text claims to be: the earliest self-claim that survives scoping."""

from __future__ import annotations

import re

from harness.classify.compiled import EXCLUDED, Name, key_of
from harness.classify.creator import name_first_creator
from harness.classify.doc import Doc, Found
from harness.classify.patterns import CLAIMS, CREATORS, STOP_NAMES
from harness.classify.scope import hypothetical, negated_after, negated_before, reported
from harness.classify.verdict import OTHER

_LETTER = r"[A-Za-zÀ-ÖØ-öø-ÿА-Яа-яЁё]"
_CAP_WORD = rf"[A-ZÀ-ÖØ-ÞА-ЯЁ](?:{_LETTER}|['\-]{_LETTER})*"
# What a name outside the lexicon looks like after a cue (case-sensitive on purpose).
_SHAPES = {
    "cap": re.compile(rf"{_CAP_WORD}(?:[ \-]{_CAP_WORD}){{0,2}}(?![\w])"),
    "han": re.compile(r"[\u4e00-\u9fff]{1,6}"),
    "kana": re.compile(r"[\u30A0-\u30FF]{1,12}"),
    "hangul": re.compile(r"[\uAC00-\uD7AF]{1,6}?(?=입니다|이에요|예요|이고|이며|이라고|라고|[\s.,!]|$)"),
    "ja": re.compile(r"[\u4e00-\u9fff\u30A0-\u30FF]{2,8}(?=です|と申します)"),
    "ko": re.compile(r"[\uAC00-\uD7AF]{2,4}(?=입니다|이에요|예요)"),
}
_POSSESSIVE = re.compile(r"'s\s+")
_FIRST_WORD = re.compile(r"[\s\-']")


def find_identity(doc: Doc) -> Found | None:
    """The earliest surviving self-claim, cue-led ("I am X") or name-led ("X here")."""
    best: Found | None = None
    for start, claims, _creators in doc.cues:
        for index in claims:
            if (best := _cued_claim(doc, start, index)) is not None:
                break
        if best is not None:
            break
    screen = doc.compiled.claim_screen
    for name in doc.names:
        if best is not None and name.start >= best[1]:
            break
        if screen.match(doc.text, name.end) is None:
            continue
        for index in doc.compiled.name_first_claims:
            found = _name_first_claim(doc, name, index)
            if found is not None:
                return found
    return best


def _cued_claim(doc: Doc, start: int, index: int) -> Found | None:
    text, compiled = doc.text, doc.compiled
    named = doc.marks["named"]
    full = bool(named) and any(start < at < start + 80 for at, _ in named)
    match = (compiled.claim_pre if full else compiled.claim_pre_plain)[index].match(text, start)  # type: ignore[union-attr]
    if match is None:
        return None
    before = compiled.claim_before[index]
    if before is not None and before.search(text, max(0, start - 16), start) is None:
        return None
    key, end = _name_after(doc, start, match.end(), index)
    pattern = CLAIMS[index]
    # A capitalised word after "the" is a title or a thing ("I am the Nexus"), not a name.
    if key is None and pattern.strength != "alias" and pattern.shape and " the " not in match.group().lower():
        key, end = _unknown_name(doc, match.end(), pattern.shape)
    if key is None:
        return None
    post = compiled.claim_post[index]
    if post is not None and post.match(text, end) is None:
        return None
    if negated_after(text, end) or negated_before(text, start) or reported(text, start, doc.marks):
        return None
    return None if hypothetical(text, start, doc.marks) else (key, start, end)


def _name_after(doc: Doc, start: int, slot: int, index: int) -> tuple[str | None, int]:
    """The lexicon name a cue introduces: at the slot, overlapping it ("Je suis Le Chat"), or
    after describing words the pattern's ``gap`` allows ("I am your wonderful SmolLM").

    An identity wins over an organisation claimed as a self ("我是阿里云开发的通义千问").
    """
    gap = doc.compiled.claim_gap[index]
    strength = CLAIMS[index].strength
    fallback: tuple[str | None, int] = (None, slot)
    names = doc.names
    for number in range(max(0, doc.first_name_from(start + 1) - 1), len(names)):
        name = names[number]
        if name.end <= slot or name.start <= start:
            continue
        if name.start > slot + 48:
            break
        if name.start > slot and (gap is None or gap.fullmatch(doc.text, slot, name.start) is None):
            continue
        key, end = _identity_key(doc, name, strength)
        if key is not None and key != OTHER:
            return key, end
        if key is not None and fallback[0] is None:
            fallback = (key, end)
        if gap is None:
            break
    return fallback


def _name_first_claim(doc: Doc, name: Name, index: int) -> Found | None:
    text, compiled = doc.text, doc.compiled
    post = compiled.claim_post[index]
    match = post.match(text, name.end) if post is not None else None
    if match is None:
        return None
    before = compiled.claim_before[index]
    if before is not None and before.search(text, max(0, name.start - 16), name.start) is None:
        return None
    key, end = _identity_key(doc, name, "alias")
    if key is None or negated_after(text, end) or reported(text, name.start, doc.marks):
        return None
    return None if hypothetical(text, name.start, doc.marks) else (key, name.start, match.end())


def _identity_key(doc: Doc, name: Name, strength: str) -> tuple[str | None, int]:
    """The identity a name in a claim stands for.

    "OpenAI's ChatGPT" reads on to ChatGPT; an organisation claimed as a self ("I am Hugging
    Face") is a name outside the identity list, so ``other``.
    """
    key = key_of(name, "identity")
    if key is not None:
        return (None if key == EXCLUDED else key), name.end
    if key_of(name, "creator") in (None, EXCLUDED):
        return None, name.end
    possessive = _POSSESSIVE.match(doc.text, name.end)
    if possessive is not None:
        nxt = doc.name_at(possessive.end())
        return _identity_key(doc, nxt, "alias") if nxt is not None else (None, name.end)
    for index in doc.compiled.name_first_creators:
        if CREATORS[index].post and name_first_creator(doc, name, index) is not None:
            return None, name.end  # "私はOpenAIによって訓練されました": a creator phrase, not a name
    return (OTHER if strength != "alias" else None), name.end


def _unknown_name(doc: Doc, slot: int, shapes: str) -> tuple[str | None, int]:
    """``other`` when a name outside the lexicon stands at ``slot`` ("I'm Sarah Thompson")."""
    text = doc.text
    if doc.name_at(slot) is not None:
        return None, slot  # a lexicon name that was no claim ("I'm Nex-AGI's model") is no unknown name
    for shape in shapes.split("|"):
        match = _SHAPES[shape].match(text, slot)
        if match is None:
            continue
        first = _FIRST_WORD.split(match.group(), maxsplit=1)[0]
        if first.casefold() in STOP_NAMES or match.group().casefold() in STOP_NAMES:
            continue
        return OTHER, match.end()
    return None, slot
