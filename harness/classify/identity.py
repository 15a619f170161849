"""Finding the identity a text claims to be: the earliest self-claim that survives scoping."""

from __future__ import annotations

import re

from harness.classify.compiled import EXCLUDED, Name, key_of
from harness.classify.creator import name_first_creator
from harness.classify.doc import Doc, Found
from harness.classify.names import L as _L
from harness.classify.names import generic
from harness.classify.patterns import CLAIMS, CREATORS, MODEL_NOUNS
from harness.classify.scope import (
    echoed,
    hypothetical,
    marker_between,
    negated_after,
    negated_before,
    played,
    quoted_aside,
    quoted_speech,
    reported,
    scripted,
)
from harness.classify.verdict import OTHER

# A name outside the lexicon after a cue is up to three capitalised words (case-sensitive on
# purpose: "I'm Sarah Thompson").
_CAP_RUN = re.compile(rf"[{_L}][{_L}0-9]*(?:['\-][{_L}0-9]+)*(?:[ \-][{_L}][{_L}0-9]*(?:['\-][{_L}0-9]+)*){{0,2}}")
# Where a CJK name ends: punctuation, quotes, brackets, space or the end.
_CJK_END = r"(?=[\s，。,.!！?？、：:；;）)」』】》\"'*（(]|$)"
# Characters no Chinese given name holds: function words, pronouns ("我是来帮你的" is no name).
_FUNCTION = re.compile("[的了是在来你我他她它们这那有为會会能可要想说和与对把被很也都就还吗呢吧啊个种谁哪]|什么")
_SHAPES = {
    "han": re.compile(r"[\u4e00-\u9fff]{1,6}"),
    "kana": re.compile(r"[\u30A0-\u30FF]{1,12}"),
    "hangul": re.compile(r"[\uAC00-\uD7AF]{1,6}?[*_'\"」』]*(?:\([A-Za-z][A-Za-z .\-]*\))?[*_'\"」』]*"
                         r"(?=입니다|이에요|예요|이고|이며|이라고|라고|[\s.,!]|$)"),
    # (not a description ending in a suffix: "楽天的", "初心者", "日本製", "対話型")
    "ja": re.compile(r"[\u4e00-\u9fff\u30A0-\u30FF]{2,8}(?<![的者製型性用系版式人語])(?<!出身)(?<!在住)(?<!専門)(?<!担当)[」』\"]?"
                     r"(?=です|と申します)"),
    # a hiragana name after "my name is" ("私の名前はさくらです"), before a copula or a naming verb
    "hira": re.compile(r"[\u3040-\u309Fー]{2,6}(?=です|だよ|だ[。！!]|と申|といい|っていい|でーす|なの[。！!]|なんだ)"),
    "ko": re.compile(r"[\uAC00-\uD7AF]{2,6}[*_'\"」』]*(?:\([A-Za-z][A-Za-z .\-]*\))?[*_'\"」』]*"
                     r"(?=\s*(?:입니다|이에요|예요|이라고|라고))"),
    # "商量SenseChat", "天工AI助手": Latin letters inside or after a Han name.
    "hanname": re.compile(r"[0-9A-Za-z]{0,4}[\u4e00-\u9fff]{1,10}(?:[A-Za-z][A-Za-z0-9]*[\u4e00-\u9fff]{0,4})?" + _CJK_END),
    "kananame": re.compile(r"[\u30A0-\u30FF]{1,12}(?:" + _CJK_END[3:-1] + r"|(?=です|と申|と呼|という|だよ|だ[。！!よぜね]|っす|でーす|でございます|なん(?:だ|です)))"),
    "hangulname": re.compile(r"[\uAC00-\uD7AF]{1,6}(?:\([A-Za-z][A-Za-z .\-]*\))?" + _CJK_END),
    # a card value in kana or kanji, hiragana too ("- 名前：ことり"): only where a card label precedes it
    "kananame_hira": re.compile(r"[\u3040-\u30FF\u4e00-\u9fff]{1,12}" + _CJK_END),
}
_POSSESSIVE = re.compile(r"'s\s+|\s*(?:社|公司|集团)?\s*[의の的]\s*")
_SPACE = re.compile(r"[ \t]+|(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fffA-Za-z])")  # (Chinese writes none: "百度文心一言")
_WORD = re.compile(r"[^\s.,!?]*")
_COPULA_END = re.compile(r"(?:입니다|이에요|예요|이야|야|이고|이며|랍니다|이랍니다|으로서|로서)$")
_COMPOUND = re.compile(r"[\w\-]*")
_MY = re.compile(r"(?:(?:私|僕|わたし|わたくし|ぼく|ボク)の|(?:제|저의|내|나의)\s*)(?:正体|本名|呼び名|モデル|정체|본명|모델명?|명칭|이름)")
# A topic particle right before the name, after something other than the speaker or its name
# ("私はClaudeです", "名前はClaudeです", "저는 Claude입니다", "제 이름은 Claude입니다" are fine).
_TOPIC = re.compile(
    r"(?:(?<!私)(?<!僕)(?<!わたし)(?<!わたくし)(?<!ぼく)(?<!ボク)(?<!名前)(?<!名称)(?<!モデル名)(?<!こちら)(?<!うち)(?<!当方)(?<![にでと])(?<!こんにち)(?<!こんばん)(?<=[\w])は[、,]?"
    r"|(?<![저나제전로])(?<!이름)(?<=[\uAC00-\uD7AFA-Za-z0-9])[은는]|(?<=의)\s*이름[은는]|(?<=[\uAC00-\uD7AF] )건)[ \t]*[「『\"'*_]*\Z"
)
# German capitalises nouns: after a definite article ("Ich bin der Vogelkunde-Bot") a capital is no name.
_NOUN_ARTICLE = re.compile(r"\b(?:der|die|das|den|dem)\s+[*_\"']*\Z", re.IGNORECASE)
# A Latin name followed by a CJK maker phrase: "ELYZAが開発した", "Kakao에서 만든", "NAVER의 AI".
_MAKER_AFTER = re.compile(
    r"[\u30A0-\u30FF]{0,8}\s*(?:[(（][^)）\n]{1,30}[)）])?\s*(?:社|株式会社|회사|팀)?\s*(?:(?:が|で|によって|により|에서|이|가|에\s*의해)\s*(?:独自に|共同で|自社で|함께|공동으로|자체적으로)?\s*(?:開発|作|訓練|提供|構築|設計|개발|만든|만들|훈련|제작|학습)"
    r"|(?:の|의)\s*[^\s、。,.!?]{0,8}?(?:AI|ＡＩ|人工知能|인공지능)?\s*(?:アシスタント|チャットボット|言語モデル|モデル|LLM|모델|어시스턴트|챗봇|비서))"
)


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
        key, end = _unknown_name(doc, match.end(), pattern.shape)
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
        key, _end = _identity_key(doc, name, CLAIMS[index].strength)
    else:
        key = None if generic(match.group("name")) or CLAIMS[index].strength == "alias" else OTHER
        if key == OTHER:  # "**통의천문(Qwen)**입니다": the romanisation names a lexicon identity
            key = _romanised(doc, at, start) or OTHER
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
        begin = _maker_before(doc, name)  # "Microsoft Copilot, zu Ihren Diensten": the pair opens it
        if begin < 0 or before.search(text, max(0, begin - 16), begin) is None:
            return None
    if name.start in doc.skip or _other_topic(text, name.start):
        return None
    key, end = _identity_key(doc, name, "alias")
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
    if _TOPIC.search(text, max(0, start - 12), start) is None:
        return False
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


def _identity_key(doc: Doc, name: Name, strength: str) -> tuple[str | None, int]:
    """The identity a name in a claim stands for.

    "OpenAI's ChatGPT" reads on to ChatGPT; an organisation claimed as a self ("I am Hugging
    Face") is a name outside the identity list, so ``other``.
    """
    if _glued(doc, name):
        return (OTHER if strength != "alias" else None), name.end  # "ELYZA-japanese-Llama-2": a derivative's name
    follower = doc.name_at(name.end + 1) if doc.text.startswith("-", name.end) else None
    if follower is not None:  # "Llama-3-ELYZA-JP", "Llama-3.1-Nemotron": the later name names the derivative
        return _identity_key(doc, follower, strength)
    key = key_of(name, "identity")
    maker = key_of(name, "creator")
    if key is not None and maker not in (None, EXCLUDED) and strength != "alias" and _made_by(doc, name):
        return None, name.end  # "저는 딥시크가 개발한 AI": DeepSeek the maker, not the self
    if key is not None and maker not in (None, EXCLUDED):
        possessive = _POSSESSIVE.match(doc.text, name.end)
        if possessive is not None and doc.name_at(possessive.end()) is None:
            return None, name.end  # "I am MiniMax's AI assistant": the maker's possessive, not the self
    if key is not None:
        return (None if key == EXCLUDED else key), name.end
    if maker in (None, EXCLUDED):
        return None, name.end
    space = _SPACE.match(doc.text, name.end)
    if space is not None:  # "Microsoft Copilot", "Google Gemini": the organisation's model
        nxt = doc.name_at(space.end())
        if nxt is not None and key_of(nxt, "identity") not in (None, EXCLUDED):
            if nxt.start in doc.skip:
                return None, name.end  # "私はGoogle Geminiをベースにした…": the base, not the self
            return _identity_key(doc, nxt, "alias")
    possessive = _POSSESSIVE.match(doc.text, name.end)
    if possessive is not None:
        nxt = doc.name_at(possessive.end())
        if nxt is None or nxt.start in doc.skip:
            return None, name.end  # "저는 Meta의 Llama 3 모델을 기반으로": the base, not the self
        return _identity_key(doc, nxt, "alias")
    raw = _WORD.match(doc.text, space.end()).group() if space is not None else ""
    if (word := _COPULA_END.sub("", raw)) and generic(word) and (word == raw or word.casefold() != "ai"):
        return None, name.end  # "저는 카카오 AI 비서예요": the maker before a description ("메타 AI입니다", "IBM Watson": names)
    if _made_by(doc, name) or _after_model_noun(doc.text, name.start):
        return None, name.end  # "私はOpenAIによって訓練されました", "Я — модель Google": a maker, not a name
    return (OTHER if strength != "alias" else None), name.end


def _glued(doc: Doc, name: Name) -> bool:
    """Whether ``name`` is the tail of a hyphenated model name that starts with a word outside the
    lexicon ("ELYZA-japanese-Llama-2", "OpenHermes-2.5-Mistral"; not "Meta-Llama-3")."""
    start = name.start
    if start < 2 or doc.text[start - 1] != "-" or not doc.text[start - 2].isalnum():
        return False
    number = doc.first_name_from(start) - 1
    return number < 0 or doc.names[number].end < start - 1


def _after_model_noun(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is a model noun ("модель Google", "trợ lý ảo Google")."""
    words = text[max(0, start - 24) : start].lower().split()
    return bool(words) and words[-1].strip("*_\"',") in MODEL_NOUNS


def _made_by(doc: Doc, name: Name) -> bool:
    """Whether a name-led creator phrase follows ``name`` ("OpenAIによって", "딥시크가 개발한")."""
    if doc.compiled.creator_screen.match(doc.text, name.end) is None:
        return False
    return any(CREATORS[index].post and name_first_creator(doc, name, index) is not None
               for index in doc.compiled.name_first_creators)


def _unknown_name(doc: Doc, slot: int, shapes: str) -> tuple[str | None, int]:
    """``other`` when a name outside the lexicon stands at ``slot`` ("I'm Sarah Thompson")."""
    text = doc.text
    if doc.name_at(slot) is not None:
        return None, slot  # a lexicon name that was no claim ("I'm Nex-AGI's model") is no unknown name
    for shape in shapes.split("|"):
        found = _cap_name(text, slot) if shape == "cap" else _SHAPES[shape].match(text, slot)
        if found is None:
            continue
        name = found if isinstance(found, str) else found.group()
        if shape in ("hanname", "han") and _FUNCTION.search(name):  # "我是谁", "我叫什么名字" restate the question
            continue
        compound = text.startswith("-", slot + len(name)) and generic(_COMPOUND.match(text, slot).group())
        if generic(name) or compound:
            return None, slot  # a description ("一个人工智能助手", "Сбер-ассистент"), and no other shape either
        if shape == "cap" and (name.endswith("'s") or text.startswith("'s", slot + len(name))):
            return None, slot  # "I'm Northwind Bank's assistant": the maker's possessive, not a name
        if shape == "cap" and _MAKER_AFTER.match(text, slot + len(name)):
            return None, slot  # "私はELYZAが開発した…", "저는 카카오에서 만든…": the maker, not the self
        return _romanised(doc, slot, slot + len(name)) or OTHER, slot + len(name)
    return None, slot


def _romanised(doc: Doc, start: int, end: int) -> str | None:
    """The identity a romanisation in brackets names: "인터엔엘엠(InternLM)" is InternLM."""
    paren = doc.text.find("(", start, end)
    if paren < 0:
        return None
    name = doc.name_at(paren + 1)
    key = key_of(name, "identity") if name is not None else None
    return None if key in (None, EXCLUDED) else key


def _cap_name(text: str, slot: int) -> str | None:
    """Up to three capitalised words at ``slot`` (the leading run of capitalised ones)."""
    match = _CAP_RUN.match(text, slot)
    word = match.group() if match is not None else ""
    if not word or not (word[0].isupper() or word[1:2].isupper()):  # "iFlytek Spark" is camel-case
        return None
    words = re.split(r"([ \-])", match.group())
    out = words[0]
    for sep, word in zip(words[1::2], words[2::2]):
        if not word[0].isupper():
            break
        out += sep + word
    return out
