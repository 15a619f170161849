"""Quoted and scripted speech: words that look like a claim but are someone's words, cited.

Split from ``scope.py`` (which keeps the other scoping rules: negation, hypotheticals,
role-play, echoes, and whose subject a creator phrase describes). These rules look for
quotation marks, quotative particles and speaker labels around a claim. ``marker_between``
lives here because both modules use it and this one must not import ``scope``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from harness.classify.compiled import Marks
from harness.classify.patterns import EXAMPLE_LABELS
from harness.classify.wordlists import literal

# Reported or quoted speech: 'Earlier I said "I am ChatGPT"', "print('I am Claude')".
_QUOTE_BEFORE = re.compile(r"[\"']\s*\Z")


def marker_between(marks: list[tuple[int, int]], low: int, high: int) -> bool:
    """Whether a marker starts in ``[low, high)`` (marker lists are sorted: a bisection, so long
    hostile texts with thousands of markers and claims stay linear)."""
    index = bisect_left(marks, (low, -1))
    return index < len(marks) and marks[index][0] < high



# A speaker label opening the line: an example dialogue or a script, not the speaker's own words
# ("Assistant: I am ChatGPT, a model by OpenAI.").
_SPEAKER = re.compile(
    r"[ \t>*_#\-]*(?:assistant|ai|bot|chatbot|user|human|model|system|q|a|助手|用户|アシスタント|ユーザー|어시스턴트|사용자|모델|챗봇|"
    r"ассистент|пользователь|asistente|usuario|utilisateur|benutzer|usuário|trợ lý|người dùng)[*_]*\s*[:：]",
    re.IGNORECASE,
)


_EXAMPLE = re.compile(
    r"example|sample|dialogue|dialog|script|template|transcript|示例|例子|对话|例|예시|대화|пример|диалог|ejemplo|diálogo|"
    r"exemple|beispiel|exemplo|esempio|ví dụ|hội thoại",
    re.IGNORECASE,
)


# A line labelled as an example ("例: 私はChatGPTです", "- Example: I am Claude"), or the line after a heading
# that announces one and ends in a colon ("自己紹介の文の例:"): the words are a sample, not the speaker's.
# (each language file's ``example_labels``)
_EXAMPLE_LABEL = literal(EXAMPLE_LABELS, r"[ \t>*_#\-\d.)]*", r"\s*\d*[*_]*\s*:")
# A heading may hold its label anywhere, so a label that contains another ("回答例" holds "例") adds
# nothing there but cost.
_HEADING_LABELS = tuple(w for w in EXAMPLE_LABELS if not any(o != w and o.casefold() in w.casefold() for o in EXAMPLE_LABELS))
_EXAMPLE_HEADING = literal(_HEADING_LABELS, r"[^\n]{0,40}", r"[^\n]{0,8}:[ \t*_]*\n\s*\Z")


def _example_line(text: str, line: int, start: int, colon: bool) -> bool:
    """Whether the line from ``line`` to ``start`` is labelled as an example, or follows a heading
    announcing one (``colon``: whether the line holds a ":" before ``start``; both end in one, so
    most lines are decided without a regex)."""
    if colon and _EXAMPLE_LABEL.match(text, line, start) is not None:
        return True
    low = max(0, line - 60)
    if line == 0 or text.find(":", low, line) < 0:
        return False
    # The heading's search is slow (any start, any length); it needs one of its words, and no
    # other character lower-cases to a letter of "ample", so a plain test rules most lines out.
    window = text[low:line].lower()
    if "ample" not in window and "例" not in window and "예시" not in window:
        return False
    return _EXAMPLE_HEADING.search(text, low, line) is not None


def scripted(text: str, start: int) -> bool:
    """Whether ``start`` is inside an example dialogue: its line opens with a speaker label
    ("Assistant: ...") and an example is announced before it. A bare transcript of its own
    answer ("User: who are you?\nAssistant: I'm Grok") still counts as the speaker's claim."""
    line = text.rfind("\n", 0, start) + 1
    colon = text.find(":", line, start) >= 0  # a speaker label and an example label end in one
    if start - line < 160 and _example_line(text, line, start, colon):
        return True
    if start - line >= 160 or not (colon or text.find("：", line, start) >= 0) \
            or _SPEAKER.match(text, line, start) is None:
        return False
    if text.count("'''", max(0, line - 300), line) % 2 == 1:  # backticks are normalised to "'"
        return True  # a chat log inside a code fence is an example, whatever the words around it
    return _EXAMPLE.search(text, max(0, line - 300), line) is not None


def reported(text: str, start: int, marks: Marks) -> bool:
    """Whether a claim at ``start`` is quoted speech rather than the speaker's own words."""
    window = text[max(0, start - 4) : start]
    if '"' not in window and "'" not in window:
        return False  # the common case, decided without a regex
    quote = _QUOTE_BEFORE.search(text, max(0, start - 4), start)
    if quote is None:
        return False
    if text[quote.start() - 1 : quote.start()] == "(":  # print('I am Claude')
        return True
    return marker_between(marks["speech"], quote.start() - 20, quote.start())


def quoted_speech(text: str, start: int, marks: Marks) -> bool:
    """Whether ``start`` lies inside a quotation that a speech word introduces on its line
    ('I would say: "I am ChatGPT, made by OpenAI."'): someone's words, not the speaker's claim."""
    low = max(0, start - 200)  # a bounded window: long hostile lines must stay linear
    line = text.rfind("\n", low, start) + 1 or low
    if quoted_aside(text, start, line):
        return True
    if text.count('"', line, start) % 2 == 0:
        return False
    opening = text.rfind('"', line, start)
    if text[line:opening].rstrip(" \t*_").endswith("|"):
        return True  # a table cell quoting a model's typical answer ('| ChatGPT | "Je suis ChatGPT" |')
    return marker_between(marks["speech"], max(0, opening - 30), opening)


# A list item or a labelled line before a quotation: '- ChatGPT: "…"', '1. 「…」', '원문: "…"'.
_LIST_LABEL = re.compile(r"[ \t>]*(?:(?:[-*•·]|\d{1,2}[.)])[ \t*_]*(?:[^\s:：\"「『]{1,20}[*_]*\s*[:：])?|"
                         r"[*_]*[^\s:：\"「『]{1,20}[*_]*\s*[:：])[ \t*_]*")
_SENTENCE_END = re.compile(r"[.!?。！？]\s*\Z")


def listed_quote(text: str, line: int, opening: int, close: int) -> bool:
    """Whether the quotation from ``opening`` to ``close`` is a whole sentence set out as a list item
    or after a label ('1. 「저는 OpenAI가 개발한 ChatGPT입니다.」', '- Gemini: "I am Gemini."'): cited
    examples, not the speaker's words (a quoted name in an identity card is no sentence)."""
    if close < 0 or _LIST_LABEL.fullmatch(text, line, opening) is None:
        return False
    return _SENTENCE_END.search(text, opening + 1, close) is not None


# A glossary line: a list item that opens with a term and a colon or a dash ("- **하이퍼클로바X**: 네이버가 개발했으며",
# "- ChatGPT: made by OpenAI", "- **Solar** – 업스테이지가 개발"); what follows describes that term.
_GLOSS = re.compile(r"[ \t>]*(?:[-•·]|\*(?=\s)|\d{1,2}[.)])[ \t]+[*_]*(?P<term>(?:[^*_\n:：]|[:：](?![\s*_])){1,30}?)[*_]*\s*(?:[:：](?![^\s*_])|[ \t][–—-][ \t])")

_SPACED_DASH = re.compile(r"[ \t][–—-][ \t]")  # the dash separator of ``_GLOSS``, alone


def gloss_term(text: str, start: int) -> tuple[int, int] | None:
    """Where the term of the glossary line holding ``start`` lies, when ``start`` follows it."""
    line = text.rfind("\n", max(0, start - 200), start) + 1
    if line == 0 and start > 200:
        return None  # no line start within 200 characters (else every call would scan from the text's start)
    if text.find(":", line, start) < 0 and text.find("：", line, start) < 0 \
            and _SPACED_DASH.search(text, line, start) is None:
        return None  # (the common case: a glossary line holds a colon or a spaced dash before ``start``)
    gloss = _GLOSS.match(text, line, start)
    return gloss.span("term") if gloss is not None else None


# A quotative particle after a closing quote: the quotation is words cited, not said
# ("「私はChatGPTです」と答えた", '"저는 GPT-4입니다"라고 답한', '"저는 Claude입니다"처럼').
# Not the naming verbs that follow a quoted name ("「ミライ」と申します", "'다온'이라고 합니다").
_QUOTATIVE = re.compile(
    r"(?<=[.!?。！？])[」』\"]\s*(?:이)?라고|"  # a whole sentence quoted: '"저는 Claude입니다."라고 하고요'
    r"[」』\"]\s*(?:と(?!\s*(?:して|申|呼|いい|言い|お呼|名乗|いう\s*(?:名前|名|AI|アシスタント|モデル|キャラクター|チャットボット)))"
    r"|って(?!\s*(?:呼|いう\s*(?:名前|AI|アシスタント|モデル|キャラクター)))|や[「『\"]|など|のよう|に(?:なり|な[るっ])|"
    r"(?:이)?라고(?!\s*(?:합니다|해요|해|하고|하며|불러|부르|부릅|불리))|(?:이)?라(?:거나|든가|든지)|(?:이)?나\s*[\"']|처럼|"
    r"(?:같은|(?:이)?라는)\s*(?:대답|답|말|문장|표현|응답|문구)|\s*정도(?:가|로|의|예요|입니다))"
)


def quoted_aside(text: str, start: int, line: int) -> bool:
    """Whether ``start`` (on a line beginning at ``line``) lies inside a 「…」 or "…" quotation
    that a quotative particle closes: Japanese and Korean put the speech verb after the quote."""
    opening = max(text.rfind("「", line, start), text.rfind("『", line, start))
    if opening >= 0 and max(text.find("」", opening, start), text.find("』", opening, start)) < 0:
        close = min((c for c in (text.find("」", start, start + 200), text.find("』", start, start + 200)) if c >= 0),
                    default=-1)
    elif '"' in text[line:start] and text.count('"', line, start) % 2 == 1:
        opening, close = text.rfind('"', line, start), text.find('"', start, start + 200)
    else:
        return _said_in_single_quotes(text, start, line)
    return close >= 0 and (_QUOTATIVE.match(text, close) is not None or listed_quote(text, line, opening, close))


# A sentence in single quotes that a Korean speech verb follows ("'저는 OpenAI가 만든 AI입니다'라고 말하는"); not a
# quoted name ("'다온'이라고 합니다") nor an English apostrophe.
_SAID_AFTER = re.compile(r"'\s*(?:이)?라고\s*(?:말|답|대답|하는|한다|했|하더|하며|하죠|할)")


def _said_in_single_quotes(text: str, start: int, line: int) -> bool:
    opening = text.rfind("'", line, start)
    if opening < 0 or (opening > 0 and text[opening - 1].isalnum()):
        return False
    close = text.find("'", start, start + 120)
    return close >= 0 and " " in text[opening + 1 : close] and _SAID_AFTER.match(text, close) is not None
