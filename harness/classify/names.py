"""Whether a would-be name is a name: generic descriptions ("大規模言語モデル", "AI assistant")
and stop words ("Sorry", "물론") are not. Shared by the identity, creator and "based on" finders."""

from __future__ import annotations

import re

from harness.classify.patterns import GENERIC_WORDS, STOP_NAMES

GENERIC_SET = frozenset(GENERIC_WORDS)
_COMPOUND_HEADS = frozenset(["bot", "chatbot", "assistent", "assistentin", "modell", "sprachmodell", "helfer", "helferin",
                             "berater", "beraterin", "guide", "бот", "ассистент", "помощник"])
L = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0400-\u04FF"
"""Letters of scripts with capitals: Latin (with Vietnamese) and Cyrillic."""
_CJK = re.compile(r"[\u3040-\u30FF\u4e00-\u9fff\uAC00-\uD7AF]")
# Pieces stripped from CJK words: the CJK generic words, and "AI"/"LLM" written inside them.
_CJK_PIECES = tuple(w for w in GENERIC_WORDS if _CJK.search(w)) + ("ai", "llm")
# Korean and Japanese verb endings: "없습니다" ("there is none") is no name.
_VERB_END = re.compile(r"(?:니다|어요|아요|해요|세요|없어|없음|ません|ます)$")
_HAS_LETTER = re.compile(rf"[{L}\u3040-\u30FF\u4e00-\u9fff\uAC00-\uD7AF]")


def generic(name: str) -> bool:
    """Whether ``name`` is a description, not a name ("大規模言語モデル", "AI Assistant", "Sorry").

    Latin and Cyrillic words are compared whole; CJK words are stripped of every generic piece
    ("大規模" + "言語" + "モデル") and are generic when nothing is left.
    """
    words = name.casefold().replace("(", " ").replace(")", " ").split()
    if not words:
        return True
    first = words[0].strip("'\"-*_")
    if len(words) == 1 and (first in STOP_NAMES or _VERB_END.search(first)):
        return True
    if len(words) > 1 and first in STOP_NAMES and first not in GENERIC_SET:
        return True  # "Sorry Dave", "Happy To Help": a sentence, not a name
    for word in words:
        word = word.strip("'\"-・*_「」『』")
        if not word:
            continue
        if _CJK.search(word):
            for piece in _CJK_PIECES:
                if piece in word:
                    word = word.replace(piece, "")
            if _HAS_LETTER.search(word):
                return False
        elif word not in GENERIC_SET and not (len(words) == 1 and word in STOP_NAMES) \
                and not ("-" in word and word.rsplit("-", 1)[1] in _COMPOUND_HEADS):
            return False  # ("Tier-Lexikon-Bot", "Hilfe-Assistent": compounds headed by a generic noun are generic)
    return True


