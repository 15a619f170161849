"""Reading the name a claim introduces: which identity key it stands for, or ``other``.

Split from ``identity.py``, which finds where a self-claim stands (cue-led or name-led) and
scopes it; this module only decides what the name at that place means: a lexicon identity,
a maker standing before its model ("Google Gemini"), a maker's possessive, a derivative's
glued name, or a name outside the lexicon in one of the per-script shapes ("I'm Sarah
Thompson", "ハルカと申します"). It depends on no scoping rule, so the import graph stays acyclic.
"""

from __future__ import annotations

import re
from typing import cast

from harness.classify.compiled import EXCLUDED, Name, key_of
from harness.classify.creator import name_first_creator
from harness.classify.doc import Doc
from harness.classify.names import L as _L
from harness.classify.names import generic
from harness.classify.patterns import MODEL_NOUNS
from harness.classify.verdict import OTHER

# A name outside the lexicon after a cue is up to three capitalised words (case-sensitive on
# purpose: "I'm Sarah Thompson").
_CAP_RUN = re.compile(rf"[{_L}][{_L}0-9]*(?:['\-][{_L}0-9]+)*(?:[ \-][{_L}][{_L}0-9]*(?:['\-][{_L}0-9]+)*){{0,2}}")
# Where a CJK name ends: punctuation, quotes, brackets, space or the end.
_CJK_END = r"(?=[\s，。,.!！?？、：:；;）)」』】》\"'*（(]|$)"
# Characters no Chinese given name holds: function words, pronouns ("我是来帮你的" is no name).
_QUOTED_NO_NAME = re.compile("[的是在你我他她它们谁哪]|什么")  # (a quoted name may hold other function characters: "知了")
_FUNCTION = re.compile("[的了是在来你我他她它们这那有會会可要想说和与对把被很也都就还吗呢吧啊个种谁哪]|什么|(?<![华華])为|(?<!智)能|智能(?![助客])")  # (not 华为, 智能助手)
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
                     r"(?=\s*(?:입니다|이에요|예요|이라고|라고"
                     # "저는 블로썸(Bllossom)이라는 한국어 특화 언어 모델입니다": a name, then "a … called"
                     r"|(?:이)?라는\s*(?:[^\s.,!?]{1,8}\s+){0,3}?(?:모델|AI|챗봇|어시스턴트|인공지능|비서)\s*(?:입니다|이에요|예요|이야|이고|이며|랍니다)))"),
    # "商量SenseChat", "天工AI助手": Latin letters inside or after a Han name.
    "hanname": re.compile(r"[0-9A-Za-z]{0,4}[\u4e00-\u9fff]{1,10}(?:[A-Za-z][A-Za-z0-9]*[\u4e00-\u9fff]{0,4})?" + _CJK_END),
    "kananame": re.compile(r"[\u30A0-\u30FF]{1,12}(?:" + _CJK_END[3:-1] + r"|(?=です|と申|と呼|という|だよ|だ[。！!よぜね]|っす|でーす|でございます|なん(?:だ|です)))"),
    # a Hangul name before a particle of subject or topic ("저 새봄은", "상담원 '도담이'는", "저 하루가")
    "hangultopic": re.compile(r"[\uAC00-\uD7AF]{2,6}?[*_'\"」』]*(?:\([A-Za-z][A-Za-z .\-]*\))?[*_'\"」』]*(?=\s?(?:은|는|이|가)\s)"),
    "hangulname": re.compile(r"[\uAC00-\uD7AF]{1,6}(?:\([A-Za-z][A-Za-z .\-]*\))?" + _CJK_END),
    # a card value in kana or kanji, hiragana too ("- 名前：ことり"): only where a card label precedes it
    "kananame_hira": re.compile(r"[\u3040-\u30FF\u4e00-\u9fff]{1,12}" + _CJK_END),
}
_GLOSS = re.compile(r"[*_\"'」』]*\s?\([^()\n]{1,30}\)")
# (also after the rest of a longer or dotted name: "Văn Tâm Nhất Ngôn (文心一言)", "Thư Sinh·Phổ Ngữ (书生·浦语)")
_GLOSS_ON = re.compile(r"(?:[ ·\-][^\W\d_]+){1,3}[*_\"'」』]*\s?\([^()\n]{1,30}\)")
_POSSESSIVE = re.compile(r"'s\s+|\s*(?:社|公司|集团)?\s*[의の的]\s*")
_SPACE = re.compile(r"[ \t]+|(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fffA-Za-z])")  # (Chinese writes none: "百度文心一言")
_WORD = re.compile(r"[^\s.,!?]*")  # (may match nothing, so it always matches; also _COMPOUND)
_COPULA_END = re.compile(r"(?:입니다|이에요|예요|이야|야|이고|이며|랍니다|이랍니다|으로서|로서)$")
_COMPOUND = re.compile(r"[\w\-]*")
# A Latin name followed by a CJK maker phrase: "ELYZAが開発した", "Kakao에서 만든", "NAVER의 AI".
_MAKER_AFTER = re.compile(
    r"[\u30A0-\u30FF]{0,8}\s*(?:[(（][^)）\n]{1,30}[)）])?\s*(?:社|株式会社|회사|팀)?\s*(?:(?:が|で|によって|により|에서|이|가|에\s*의해)\s*(?:独自に|共同で|自社で|함께|공동으로|자체적으로)?\s*(?:開発|作|訓練|提供|構築|設計|개발|만든|만들|훈련|제작|학습)"
    r"|(?:の|의)\s*[^\s、。,.!?]{0,8}?(?:AI|ＡＩ|人工知能|인공지능)?\s*(?:アシスタント|チャットボット|言語モデル|モデル|LLM|모델|어시스턴트|챗봇|비서))"
)


def identity_key(doc: Doc, name: Name, strength: str) -> tuple[str | None, int]:
    """The identity a name in a claim stands for.

    "OpenAI's ChatGPT" reads on to ChatGPT; an organisation claimed as a self ("I am Hugging
    Face") is a name outside the identity list, so ``other``.
    """
    if _glued(doc, name):
        return (OTHER if strength != "alias" else None), name.end  # "ELYZA-japanese-Llama-2": a derivative's name
    follower = doc.name_at(name.end + 1) if doc.text.startswith("-", name.end) else None
    if follower is not None:  # "Llama-3-ELYZA-JP", "Llama-3.1-Nemotron": the later name names the derivative
        return identity_key(doc, follower, strength)
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
            return identity_key(doc, nxt, "alias")
    possessive = _POSSESSIVE.match(doc.text, name.end)
    if possessive is not None:
        nxt = doc.name_at(possessive.end())
        if nxt is None or nxt.start in doc.skip:
            return None, name.end  # "저는 Meta의 Llama 3 모델을 기반으로": the base, not the self
        return identity_key(doc, nxt, "alias")
    raw = cast("re.Match[str]", _WORD.match(doc.text, space.end())).group() if space is not None else ""
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
    name_first = doc.compiled.name_first_creators
    # Only patterns whose ``post`` matches after the name can (it is their first test).
    return any(name_first_creator(doc, name, name_first[number]) is not None
               for number, _end in doc.compiled.creator_screen.matches(doc.text, name.end))


def unknown_name(doc: Doc, slot: int, shapes: str) -> tuple[str | None, int]:
    """``other`` when a name outside the lexicon stands at ``slot`` ("I'm Sarah Thompson")."""
    text = doc.text
    if doc.name_at(slot) is not None:
        return None, slot  # a lexicon name that was no claim ("I'm Nex-AGI's model") is no unknown name
    for shape in shapes.split("|"):
        found = _cap_name(text, slot) if shape == "cap" else _SHAPES[shape].match(text, slot)
        if found is None:
            continue
        name = found if isinstance(found, str) else found.group()
        # "我是谁", "我叫什么名字" restate the question ("我叫“知了”" is a quoted name)
        if shape in ("hanname", "han") and _FUNCTION.search(name) \
                and (text[slot - 1 : slot] not in ("“", "「", "『", '"') or _QUOTED_NO_NAME.search(name)):
            continue
        compound = text.startswith("-", slot + len(name)) and generic(cast("re.Match[str]", _COMPOUND.match(text, slot)).group())
        if generic(name) or compound:
            return None, slot  # a description ("一个人工智能助手", "Сбер-ассистент"), and no other shape either
        if shape == "cap" and (name.endswith("'s") or text.startswith("'s", slot + len(name))):
            return None, slot  # "I'm Northwind Bank's assistant": the maker's possessive, not a name
        if shape == "cap" and _MAKER_AFTER.match(text, slot + len(name)):
            return None, slot  # "私はELYZAが開発した…", "저는 카카오에서 만든…": the maker, not the self
        gloss = _GLOSS.match(text, slot + len(name))  # "Đậu Bao (豆包, Doubao)": its reading in brackets after it
        gloss = gloss or (_GLOSS_ON.match(text, slot + len(name)) if shape == "cap" else None)
        return romanised(doc, slot, gloss.end() if gloss else slot + len(name)) or OTHER, slot + len(name)
    return None, slot


def romanised(doc: Doc, start: int, end: int) -> str | None:
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
    if not word or not (word[0].isupper() or word[1:2].isupper() or word[2:3].isupper() and word[:2].isalpha()):  # "iFlytek", "ruGPT"
        return None
    words = re.split(r"([ \-])", word)
    out = words[0]
    for sep, word in zip(words[1::2], words[2::2]):
        if not word[0].isupper():
            break
        out += sep + word
    return out
