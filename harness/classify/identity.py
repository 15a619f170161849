"""Finding the identity a text claims to be: the earliest self-claim that survives scoping.

This module finds where a claim stands (cue-led "I am X", suffix-led "Xと申します", name-led
"X here") and applies the scoping rules; what the claimed name means is read in ``naming.py``.
"""

from __future__ import annotations

import re

from harness.classify.compiled import EXCLUDED, Name, key_of
from harness.classify.doc import Doc, Found
from harness.classify.names import generic
from harness.classify.naming import identity_key, romanised, unknown_name
from harness.classify.patterns import CLAIMS, NOUN_ARTICLES
from harness.classify.scope import echoed, hypothetical, negated_after, negated_before, played
from harness.classify.speech import marker_between, quoted_aside, quoted_speech, reported, scripted
from harness.classify.verdict import OTHER
from harness.classify.wordlists import words

_MY = re.compile(r"(?:(?:私|僕|わたし|わたくし|ぼく|ボク)の|(?:제|저의|내|나의)\s*)(?:正体|本名|呼び名|モデル|정체|본명|모델명?|명칭|이름)")
# A topic particle right before the name, after something other than the speaker or its name
# ("私はClaudeです", "名前はClaudeです", "저는 Claude입니다", "제 이름은 Claude입니다" are fine).
_TOPIC = re.compile(
    r"(?:(?<!私)(?<!僕)(?<!わたし)(?<!わたくし)(?<!ぼく)(?<!ボク)(?<!名前)(?<!名称)(?<!モデル名)(?<!こちら)(?<!うち)(?<!当方)(?<!現在)(?<!今)(?<!いま)(?<![にでと])(?<!こんにち)(?<!こんばん)(?<=[\w])は[、,]?"
    r"|(?<![저나제전로])(?<!이름)(?<=[\uAC00-\uD7AFA-Za-z0-9])[은는]|(?<=의)\s*이름[은는]|(?<=[\uAC00-\uD7AF] )건)[ \t]*[「『\"'*_]*\Z"
)
# German capitalises nouns: after a definite article ("Ich bin der Vogelkunde-Bot") a capital is no name.
# (each language file's ``noun_articles``)
_NOUN_ARTICLE = words(NOUN_ARTICLES, r"\s+", r"[*_\"']*\Z")


def find_identity(doc: Doc) -> Found | None:
    """The earliest surviving self-claim, cue-led ("I am X") or name-led ("X here")."""
    best: Found | None = None
    for start, claims, _creators in doc.cues:
        for index in claims:
            if (best := _cued_claim(doc, start, index)) is not None:
                break
        if best is not None:
            break
    screen, name_first = doc.compiled.claim_screen, doc.compiled.name_first_claims
    for name in doc.names:
        if best is not None and name.start >= best[1]:
            break
        # Only patterns whose ``post`` matches after the name can claim (it is their first test).
        for number, _end in screen.matches(doc.text, name.end):
            found = _name_first_claim(doc, name, name_first[number])
            if found is not None:
                return found
    return best


def _cued_claim(doc: Doc, start: int, index: int) -> Found | None:
    text, compiled = doc.text, doc.compiled
    if CLAIMS[index].suffix:
        return _suffix_claim(doc, start, index)
    full = doc.marks.has("named") and marker_between(doc.marks["named"], start + 1, start + 80)
    match = (compiled.claim_pre if full else compiled.claim_pre_plain)[index].match(text, start)  # type: ignore[union-attr]
    if match is None:
        return None
    before = compiled.claim_before[index]
    if before is not None and before.search(text, max(0, start - 16), start) is None:
        return None
    key, end = _name_after(doc, start, match.end(), index)
    pattern = CLAIMS[index]
    # A capitalised word after "the" is a title or a thing ("I am the Nexus"), not a name.
    if key is None and pattern.strength != "alias" and pattern.shape and " the " not in match.group().lower() \
            and _NOUN_ARTICLE.search(match.group()) is None:
        key, end = unknown_name(doc, match.end(), pattern.shape)
    if key is None:
        return None
    post = compiled.claim_post[index]
    if post is not None and post.match(text, end) is None:
        return None
    if negated_after(text, end) or negated_before(text, start) or reported(text, start, doc.marks) \
            or quoted_speech(text, start, doc.marks):
        return None
    if echoed(text, start, doc.marks) or played(text, start, doc.marks) or scripted(text, start):
        return None
    return None if hypothetical(text, start, doc.marks) else (key, start, end)


def _suffix_claim(doc: Doc, start: int, index: int) -> Found | None:
    """A claim whose cue follows the name ("ハルカと申します", "'다온'이라고 합니다")."""
    text, compiled = doc.text, doc.compiled
    post = compiled.claim_post[index]
    if post is not None and post.match(text, start) is None:
        return None
    match = compiled.claim_pre[index].search(text, max(0, start - 64), start)  # type: ignore[union-attr]
    if match is None:
        return None
    at = match.start("name")
    if at in doc.skip:
        return None
    name = doc.name_at(at)
    if name is not None:
        key, _end = identity_key(doc, name, CLAIMS[index].strength)
    else:
        key = None if generic(match.group("name")) or CLAIMS[index].strength == "alias" else OTHER
        if key == OTHER:  # "**통의천문(Qwen)**입니다": the romanisation names a lexicon identity
            key = romanised(doc, at, start) or OTHER
    if key is None or negated_before(text, match.start()) or reported(text, at, doc.marks) \
            or quoted_speech(text, at, doc.marks):  # '예시: "저는 Claude입니다."'
        return None
    if hypothetical(text, at, doc.marks) or echoed(text, at, doc.marks) or played(text, at, doc.marks):
        return None
    if scripted(text, at) or quoted_aside(text, match.start(), text.rfind("\n", 0, match.start()) + 1):
        return None  # '"저는 ChatGPT입니다"라고 답한 적': cited words
    return key, match.start(), start


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
        if name.start in doc.skip:
            continue  # the base in "私はGPT-4をベースにした…": not the identity
        key, end = identity_key(doc, name, strength)
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
        begin = _maker_before(doc, name)  # "Microsoft Copilot, zu Ihren Diensten": the pair opens it
        if begin < 0 or before.search(text, max(0, begin - 16), begin) is None:
            return None
    if name.start in doc.skip or _other_topic(text, name.start):
        return None
    key, end = identity_key(doc, name, "alias")
    if key is None or negated_after(text, end) or reported(text, name.start, doc.marks):
        return None
    if echoed(text, name.start, doc.marks) or played(text, name.start, doc.marks) or scripted(text, name.start):
        return None
    if quoted_speech(text, name.start, doc.marks):
        return None  # 「私はChatGPTです」と答えた, '예시: "Claude입니다"': cited words
    return None if hypothetical(text, name.start, doc.marks) else (key, name.start, match.end())


def _other_topic(text: str, start: int) -> bool:
    """Whether a topic other than the speaker stands right before a name-led claim:
    "一番人気のあるAIはChatGPTです", "가장 유명한 모델은 ChatGPT입니다" say who another is."""
    low = max(0, start - 12)
    if text[low:start].isascii() or _TOPIC.search(text, low, start) is None:
        return False  # (every topic particle is Japanese or Korean)
    return _MY.search(text, max(0, start - 14), start) is None  # "私の正体は", "제 모델명은": the speaker's


def _maker_before(doc: Doc, name: Name) -> int:
    """Where an organisation's name starts that stands right before ``name`` ("Google Gemini"), or -1."""
    number = doc.first_name_from(name.start) - 1
    if number < 0:
        return -1
    prev = doc.names[number]
    if key_of(prev, "creator") in (None, EXCLUDED) or doc.text[prev.end : name.start].strip(" \t"):
        return -1
    return prev.start
