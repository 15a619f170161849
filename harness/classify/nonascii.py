"""Which regexes cannot match plain ASCII text: a cheap, exact filter for trying many of them.

Many name-led ``post`` patterns are Korean, Japanese, Chinese or Vietnamese ("모델로 답변드립니다",
"chính là tôi"); after a name in an English or French sentence they cannot match, yet ``re``
still walks their optional markup and spaces (several microseconds each). ``needs_wide(pattern)``
reads the parse tree and says whether every match of ``pattern`` must consume a non-ASCII
character; ``last_wide(text)`` says where a text's last one stands. After it, such a pattern
cannot match, and may be left out.

A character node counts as non-ASCII only if ``re`` itself, with the pattern's case flags, matches
no ASCII character with it (so "K", the Kelvin sign, which ``(?i)`` matches to "k", does not
count). Lookarounds are ignored (they consume nothing); anything this module does not read makes
the answer ``False`` ("may match ASCII"), which keeps the pattern.
"""

from __future__ import annotations

import re
from typing import Any

from harness.classify.first import _REPEATS, _Anything, _char, _class, unicode_tree
from harness.classify.first import _c  # type: ignore[attr-defined]

_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
# The last non-ASCII character of a text (the scan is linear: each ASCII run is read once).
_LAST_WIDE = re.compile(r"[^\x00-\x7f][\x00-\x7f]*\Z")
_memo: tuple[str, int] = ("", -1)
"""The last text asked about and its answer: the unions ask several times per text. (One tuple,
replaced whole, so threads sharing it read a consistent pair.)"""
_ASCII = [chr(code) for code in range(128)]


def _no_ascii(piece: str, ignorecase: bool) -> bool:
    """Whether the one-character regex ``piece`` matches no ASCII character."""
    single = re.compile(f"(?{'i' if ignorecase else '-i'}:{piece})")
    return not any(single.fullmatch(char) for char in _ASCII)


def _needs(nodes: Any, ignorecase: bool) -> bool:
    """Whether every match of a sequence of nodes consumes a non-ASCII character."""
    for op, av in nodes:
        if op is _c.LITERAL:
            if _no_ascii(_char(av), ignorecase):
                return True
        elif op is _c.IN:
            if _no_ascii(_class(av), ignorecase):
                return True
        elif op is _c.SUBPATTERN:
            _group, add, remove, inner = av
            if (add | remove) & ~(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE):
                raise _Anything  # ASCII or LOCALE change what classes mean
            case = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            if _needs(inner, case):
                return True
        elif op is _ATOMIC:
            if _needs(av, ignorecase):
                return True
        elif op is _c.BRANCH:
            if all(_needs(alternative, ignorecase) for alternative in av[1]):
                return True
        elif op in _REPEATS:
            low, _high, inner = av
            if low > 0 and _needs(inner, ignorecase):
                return True
        # anything else (ANY, NOT_LITERAL, lookarounds, back-references, ...) may be ASCII or
        # consume nothing: it proves nothing, and the next node may still need a non-ASCII one
    return False


def needs_wide(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` consumes a non-ASCII character (``False`` when this
    cannot tell)."""
    try:
        tree = unicode_tree(pattern)
        return tree is not None and _needs(tree, bool(tree.state.flags & re.IGNORECASE))
    except (_Anything, re.error, RecursionError, TypeError, ValueError):
        return False


def last_wide(text: str) -> int:
    """Where the last non-ASCII character of ``text`` stands, or -1."""
    global _memo
    memo = _memo
    if memo[0] is text:
        return memo[1]
    if text.isascii():  # (a flag test, not a scan)
        last = -1
    else:
        found = _LAST_WIDE.search(text)
        last = found.start() if found is not None else -1
    _memo = (text, last)
    return last
