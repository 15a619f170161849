"""Scoping rules: when words that look like a claim are not one.

Each rule looks at a small window of the (normalised, reasoning-masked) text around a claim.
This module holds negation, hypotheticals, role-play, echoes and whose subject a creator phrase
describes; quoted and scripted speech live in ``speech.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from harness.classify.compiled import EXCLUDED, Marks, key_of
from harness.classify.doc import Doc
from harness.classify.patterns import (
    ARTICLES,
    COMPLEMENTISERS,
    COPULAS,
    DENIALS_AFTER,
    HEDGES,
    INTENSIFIERS,
    NEGATED_SELF,
    NEGATIONS,
    PARENTHETICALS,
    REFUSALS,
    RELATIVES,
    ROLE_EXITS,
    RETRACTIONS,
)
from harness.classify.speech import marker_between
from harness.classify.verdict import NONE
from harness.classify.wordlists import any_of, literal_source, words

# What may follow a name and turn the claim into a question or a denial: a question mark, or each
# language file's ``denials_after`` ("ではな", "이 아니", "吗", " or ").
_DENIED_OR_ASKED = (r"\?|？", *DENIALS_AFTER)
# ...or take it back at once ("GPT-4... ah non", "I'm GPT-4 - just kidding"): each language file's ``retractions``.
_AFTER_NEGATED = re.compile(r"[*_\"']*\s*(?:" + "|".join((*_DENIED_OR_ASKED, *RETRACTIONS)) + ")", re.IGNORECASE)


# A hedge set off by a comma just before a clause ("Возможно, я DeepSeek"): each language file's ``hedges``.
_HEDGE_COMMA = words(HEDGES, "", r"\s*[,、]\s*\Z")
# A denial right after a name ("ChatGPT가 아니라", "ChatGPTではなく"), not a question.
_DENIED_AFTER = re.compile(r"[*_\"']*\s*(?:(?:모델|버전|계열)\s*)?(?:[이가]\s*아니|아닙|ではな|じゃな|ではあり|じゃあり)")  # ("GPT 모델이 아니라")
_LAST_CLAUSE_END = re.compile(r"(?s:.*)[.!?;:\n。！？；，,、\u1100-\u11FF\u3131-\u318E]")  # (Korean laughter "ㅋㅋ", "ㅎㅎ" ends a clause)
_LAST_SENTENCE_END = re.compile(r"(?s:.*)(?:[!?\n。！？]|\.(?!\d))")  # not the "." of "3.5"
# A negation right before a cue or name ("não sou", "not ChatGPT", "不是"): each language file's ``negations``.
_NEGATED_BEFORE = words(NEGATIONS, r"\s+", r"\Z")
_BREAK = re.compile(r"[.!?\n,。！？，；;]")
# A relative pronoun after a denied name makes that name the subject of what follows
# ("pas ChatGPT, qui est développé par OpenAI"): each language file's ``relatives``.
_RELATIVE_AFTER = any_of(RELATIVES, before=r"[*_\"']*")
# "não sou o ChatGPT", "no soy ChatGPT": a name denied by a negated "I am" before it (``negated_self``).
_NOT_AM = any_of(NEGATED_SELF, after=r"[*_\"']*\Z")
# Between "I"/"I am" and a name: a claim of that name, not another model's (each language file's
# ``copulas``, ``intensifiers`` and ``articles``: "I am also the", "je suis le", "我就是").
_SELF_APPOSITION = re.compile(
    rf"\s*{literal_source(COPULAS)}?\s*[—–\-,:]?\s*{literal_source(INTENSIFIERS)}?\s*{literal_source(ARTICLES)}?\s*[*_\"']*",
    re.IGNORECASE,
)


def _clause_start(text: str, start: int, width: int = 60) -> int:
    """Where the clause holding ``start`` begins (looking back at most ``width`` characters)."""
    low = max(0, start - width)
    last = _LAST_CLAUSE_END.match(text, low, start)  # greedy: one C call finds the last one
    return last.end() if last is not None else low


def _last_end_before(marks: list[tuple[int, int]], low: int, high: int) -> int:
    """The largest end of a marker that starts in ``[low, high)``, or -1."""
    last = -1
    for index in range(bisect_left(marks, (low, -1)), len(marks)):
        start, end = marks[index]
        if start >= high:
            break
        last = max(last, end)
    return last


# A subordinate clause after a comma ("…, что …", "…, dass …") belongs to the clause before it:
# each language file's ``complementisers``.
_THAT_CLAUSE = words(COMPLEMENTISERS, "", r"\b", before=r"\s*")
# A parenthetical word set off by commas inside that clause ("я бы, наверное, ответил"):
# each language file's ``parentheticals``.
_PARENTHETICAL = words(PARENTHETICALS, "", r"\s*", before=r"\s*")


def _governing_start(text: str, clause: int) -> int:
    """Where the clause that governs a "that" clause at ``clause`` starts: in "Если бы я был Gemini, я бы,
    наверное, ответил, что меня создал Google" it is "я бы, наверное, ответил" (not the "если" clause:
    "Если вам интересно, скажу, что меня создала Anthropic" still claims)."""
    begin = _clause_start(text, clause - 1)
    for _ in range(2):
        if begin == 0 or text[begin - 1] != ",":
            break
        before = _clause_start(text, begin - 1)
        if _PARENTHETICAL.fullmatch(text, before, begin - 1) is None:
            break
        begin = _clause_start(text, before - 1) if before > 0 and text[before - 1] == "," else before
    return begin


def hypothetical(text: str, start: int, marks: Marks) -> bool:
    """Whether the clause before ``start`` makes a claim there hypothetical or a comparison
    ("if I were", "unlike GPT-4", "maybe I'm", "如果我是", "もし")."""
    if not marks.has("hyp"):
        return False
    hyp = marks["hyp"]
    clause = _clause_start(text, start)
    if _THAT_CLAUSE.match(text, clause) is not None:
        clause = _governing_start(text, clause)
    if hyp and _HEDGE_COMMA.search(text, max(0, clause - 24), clause) is not None:
        return True  # "Возможно, я DeepSeek": a hedge set off by a comma still hedges the claim
    if not (hyp and marker_between(hyp, clause, start)):
        return False
    return not _only_discourse_if(text, hyp, clause, start)


# "Если коротко — я Claude", "if I'm honest, I'm Claude": an "if" that frames the answer, not a condition.
_DISCOURSE_IF = re.compile(
    r"\s*(?:если|wenn|if|nếu)\s+(?:коротко|кратко|честно|точнее|серьёзно|серьезно|по-простому|в\s+двух\s+словах|"
    r"ehrlich|man\s+so\s+will|i'm\s+honest|nói\s+ngắn\s+gọn)\b",
    re.IGNORECASE,
)


def _only_discourse_if(text: str, hyp: list[tuple[int, int]], low: int, high: int) -> bool:
    """Whether every hypothetical marker in ``[low, high)`` is such a framing "if"."""
    index = bisect_left(hyp, (low, -1))
    seen = False
    while index < len(hyp) and hyp[index][0] < high:
        if _DISCOURSE_IF.match(text, hyp[index][0]) is None:
            return False
        seen, index = True, index + 1
    return seen



def echoed(text: str, start: int, marks: Marks) -> bool:
    """Whether the clause before ``start`` reports what others say or ask ("people call me",
    "you asked whether I am", "有人叫我"): an echo, not the speaker's own claim."""
    if not marks.has("echo"):
        return False
    echo = marks["echo"]
    # (The clause starts at most 40 characters back: without a marker there, no regex is needed.)
    if not echo or not marker_between(echo, max(0, start - 40), start):
        return False
    return marker_between(echo, _clause_start(text, start, 40), start)


# A negation or refusal shortly before a role-play word: the offer is declined ("I can't role-play"),
# each language file's ``negations`` and ``refusals``.
_PLAY_NEGATED = words((*NEGATIONS, *REFUSALS), r"\b", r"[^.!?\n。]{0,20}\Z")


# Words that step out of a role before the real answer: "Actually, I should be clear: I'm Qwen"
# (each language file's ``role_exits``).
_PLAY_ENDS = any_of(ROLE_EXITS)


# Japanese and Korean refuse after the word: "ロールプレイはできませんが", "롤플레이는 할 수 없지만".
_PLAY_REFUSED = re.compile(r"\s*(?:は|を|는|은|를|을)?\s*(?:でき|いたし|し|할\s*수\s*)?(?:ません|かねます|ない|없)")


def played(text: str, start: int, marks: Marks) -> bool:
    """Whether role-play or fiction was set up before ``start`` ("Let's role-play: I am Gandalf"),
    within the 400 characters before it, and not refused ("I can't role-play")."""
    if not marks.has("play"):
        return False
    play = marks["play"]
    if not play:
        return False
    for index in range(bisect_left(play, (start - 400, -1)), len(play)):
        at, end = play[index]
        if at >= start:
            break
        if _PLAY_NEGATED.search(text, max(0, at - 24), at) is None and _PLAY_REFUSED.match(text, end) is None:
            return _PLAY_ENDS.search(text, end, start) is None
    return False


def negated_before(text: str, start: int) -> bool:
    """Whether a negation stands right before a cue ("não sou", "no soy", "non sono")."""
    low = max(0, start - 10)  # ("tampouco ")
    if not text[low:start].strip():
        return False  # the common case, decided without a regex
    return _NEGATED_BEFORE.search(text, low, start) is not None



# A Japanese hedge closing the clause a claim opens: "Googleでトレーニングされたモデルのはずです",
# "Anthropicが開発したと思います", "GPT-4をベースにしていると思います" (LABELS rule 11: no claim).
_HEDGED_AFTER = re.compile(r"[^。！？!?\n、,]{0,24}?(?:のはず|はずです|と思(?:い|う|われ)|かもしれ|だろう|でしょう(?!か)|らしい|"
                           r"[인일]\s*것\s*같|일\s*(?:거|가능성|수도)|일지도|것으로\s*(?:추정|보))")


def cjk_soon(text: str, end: int) -> bool:
    """Whether a non-ASCII letter stands within 25 characters after ``end``: the cheap first test of the
    Japanese and Korean phrases that start at most 24 characters on (hedges, "unrelated", base makers)."""
    return not text[end : end + 25].isascii()


def hedged_after(text: str, end: int) -> bool:
    """Whether a Japanese or Korean hedge closes the clause right after ``end``."""
    return cjk_soon(text, end) and _HEDGED_AFTER.match(text, end) is not None


def negated_after(text: str, end: int) -> bool:
    """Whether the words right after a name make it a question or a denial."""
    return _AFTER_NEGATED.match(text, end) is not None


def creator_negated(text: str, start: int, marks: Marks) -> bool:
    """Whether a creator phrase at ``start`` is denied ("I was not created by OpenAI")."""
    end = _last_end_before(marks["neg"], start - 30, start)
    return end >= 0 and start - end <= 14 and _BREAK.search(text, end, start) is None


# The copula that closes a self-naming clause in Korean or Japanese ("저는 … ChatGPT이고", "私は…Claudeで、").
_OWN_COPULA = re.compile(r"[*_\"'」』]*\s*(?:\([^)\n]{1,30}\)\s*)?(?:이고|이며|이자|입니다|이에요|예요|인데|で[、,]|であり|です)")


# The agent of a passive verb before a name ("trained by DeepSeek from Qwen"): a maker, never the subject.
_AGENT_BEFORE = (" by ", " par ", " por ", " von ", " pela ", " pelo ", " bởi ")


# A maker's verb right after a name that is both a model and an organisation ("DeepSeek가 만들었고", "Mistral AIが開発").
_MAKER_VERB = re.compile(r"[)）*_\"'」』]*\s*(?:\([^)\n]{1,30}\)\s*)?(?:(?:가|이|에서|が|によって)\s*(?:만들|개발|제작|훈련|開発|作|訓練)"
                         r"|(?:가|이|에서)\s+(?:[^.!?\n]|\.(?=\d)){1,30}?(?:을|를)\s*(?:기반|바탕|베이스)으로)")  # "딥시크에서 Qwen을 기반으로 …"


def about_self(doc: Doc, start: int, identity: str) -> bool:
    """Whether a creator phrase at ``start`` describes the speaker, not some other model.

    The nearest subject before it in the same sentence decides: a first-person word or the
    claimed identity's name means the speaker; another model's name ("ChatGPT, which was made
    by OpenAI") means that model. With neither, the phrase counts when the text speaks about
    itself somewhere (a self-claim or a first-person word).
    """
    text = doc.text
    low = max(0, start - 300)
    last = _LAST_SENTENCE_END.match(text, low, start)
    sentence_start = last.end() if last is not None else low
    own = doc.marks["self"]
    last_self = _last_end_before(own, sentence_start, start)
    last_other = -1
    for number in range(doc.first_name_from(sentence_start), len(doc.names)):
        name = doc.names[number]
        if name.end > start:
            break
        key = key_of(name, "identity")
        if key == identity and key != NONE and name.start not in doc.skip:
            last_self = max(last_self, name.end)  # its own name is the subject again ("正式な名前はNexで、Nex-AGIが開発")
            continue
        if key is None or key == EXCLUDED or name.start in doc.skip:
            continue  # its base ("I run on Mistral, tuned by Helix")
        if text[name.start - 1 : name.start] == "-" or text[max(0, name.start - 6) : name.start].lower().endswith(_AGENT_BEFORE):
            continue  # inside a longer name ("DeepSeek-R1-Distill-Qwen-7B"), or the agent of a verb ("distillé par DeepSeek")
        denied = negated_before(text, name.start) or _DENIED_AFTER.match(text, name.end) \
            or _NOT_AM.search(text, max(0, name.start - 16), name.start)
        if denied and _RELATIVE_AFTER.match(text, name.end) is None:  # "pas ChatGPT, qui est développé par OpenAI"
            continue  # a name the speaker denies is no subject ("nicht ChatGPT, sondern Claude von Anthropic")
        if not denied and 0 <= last_self <= name.start and _SELF_APPOSITION.fullmatch(text, last_self, name.start) \
                and not (identity == NONE and (echoed(text, name.start, doc.marks) or hypothetical(text, name.start, doc.marks))):
            continue  # "I am also ChatGPT, a model trained by OpenAI": the speaker's own name (not "you ask if I am Grok")
        if key_of(name, "creator") not in (None, EXCLUDED) and _MAKER_VERB.match(text, name.end):
            continue  # "딥시크(DeepSeek)가 만들었고": the maker of the speaker, not another model
        if 0 <= last_self <= name.start and _OWN_COPULA.match(text, name.end):
            last_self = name.end  # "저는 OpenAI에서 개발한 ChatGPT이고, GPT-4o 모델을 기반으로": named itself
            continue
        last_other = max(last_other, name.end)
    if last_other > last_self:
        return False
    if last_self >= 0:
        return True
    return identity != NONE or bool(own)
