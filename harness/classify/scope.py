"""Scoping rules: when words that look like a claim are not one.

Each rule looks at a small window of the (normalised, reasoning-masked) text around a claim.
"""

from __future__ import annotations

import re

from harness.classify.compiled import EXCLUDED, Marks, key_of
from harness.classify.doc import Doc
from harness.classify.verdict import NONE

# What may follow a name and turn the claim into a question or a denial.
_AFTER_NEGATED = re.compile(
    r"[*_\"']*\s*(?:\?|？|吗|嗎|ではな|じゃな|でな|ではあり|じゃあり|ですか|[이가]\s*아니|[이가]\s*아닙|아닙|아니에요|"
    r"\s(?:or|ou|o|oder)\s)",
    re.IGNORECASE,
)
_LAST_CLAUSE_END = re.compile(r"(?s:.*)[.!?;:\n。！？；，,、]")
_LAST_SENTENCE_END = re.compile(r"(?s:.*)[.!?\n。！？]")
_NEGATED_BEFORE = re.compile(r"(?:\b(?:não|nao|no|non|nem|ni|ne|not|never|nicht|kein|не)\s+|不)\Z", re.IGNORECASE)
# Reported or quoted speech: 'Earlier I said "I am ChatGPT"', "print('I am Claude')".
_QUOTE_BEFORE = re.compile(r"[\"']\s*\Z")
_BREAK = re.compile(r"[.!?\n,]")
# Between "I"/"I am" and a name: a claim of that name, not another model's.
_SELF_APPOSITION = re.compile(r"\s*(?:am|'m)?\s*(?:also|actually|really|indeed)?\s*[*_]*", re.IGNORECASE)


def _clause_start(text: str, start: int, width: int = 60) -> int:
    """Where the clause holding ``start`` begins (looking back at most ``width`` characters)."""
    low = max(0, start - width)
    last = _LAST_CLAUSE_END.match(text, low, start)  # greedy: one C call finds the last one
    return last.end() if last is not None else low


def _any_between(marks: list[tuple[int, int]], low: int, high: int) -> bool:
    """Whether a marker starts in ``[low, high)`` (lists are short: a scan beats sorting)."""
    for start, _ in marks:
        if low <= start < high:
            return True
    return False


def _last_end_before(marks: list[tuple[int, int]], low: int, high: int) -> int:
    """The largest end of a marker that starts in ``[low, high)``, or -1."""
    last = -1
    for start, end in marks:
        if low <= start < high and end > last:
            last = end
    return last


def hypothetical(text: str, start: int, marks: Marks) -> bool:
    """Whether the clause before ``start`` makes a claim there hypothetical or a comparison
    ("if I were", "unlike GPT-4", "maybe I'm", "如果我是", "もし")."""
    hyp = marks["hyp"]
    return bool(hyp) and _any_between(hyp, _clause_start(text, start), start)


def negated_before(text: str, start: int) -> bool:
    """Whether a negation stands right before a cue ("não sou", "no soy", "non sono")."""
    low = max(0, start - 8)
    if not text[low:start].strip():
        return False  # the common case, decided without a regex
    return _NEGATED_BEFORE.search(text, low, start) is not None


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
    return _any_between(marks["speech"], quote.start() - 20, quote.start())


def negated_after(text: str, end: int) -> bool:
    """Whether the words right after a name make it a question or a denial."""
    return _AFTER_NEGATED.match(text, end) is not None


def creator_negated(text: str, start: int, marks: Marks) -> bool:
    """Whether a creator phrase at ``start`` is denied ("I was not created by OpenAI")."""
    end = _last_end_before(marks["neg"], start - 30, start)
    return end >= 0 and start - end <= 14 and _BREAK.search(text, end, start) is None


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
        if key is None or key == EXCLUDED or key == identity:
            continue
        if 0 <= last_self <= name.start and _SELF_APPOSITION.fullmatch(text, last_self, name.start):
            continue  # "I am also ChatGPT, a model trained by OpenAI": the speaker's own name
        last_other = max(last_other, name.end)
    if last_other > last_self:
        return False
    if last_self >= 0:
        return True
    return identity != NONE or bool(own)
