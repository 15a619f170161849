"""Which characters can start a match of a regex: a cheap, exact filter for trying many of them.

``first_chars(pattern)`` reads the pattern's parse tree and returns a compiled one-character
regex that matches every character a match of ``pattern`` can start with (``None`` when any
character can, or the pattern can match the empty string). It may answer "maybe" for a character
that cannot start a match (lookaheads are ignored), never "no" for one that can: a pattern left
out because its first-character regex refuses the character at a position cannot match there.

The one-character regex is built from the same parse tree and carries the same case flags, so
case folding is decided by ``re`` itself, exactly as for the full pattern.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11 and later
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
               _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}


class _Anything(Exception):
    """Any character may start a match (or the tree holds something this module does not read)."""


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _class(items: list[tuple[Any, Any]]) -> str:
    """A ``[...]`` class from the items of an ``IN`` node."""
    out: list[str] = []
    for op, av in items:
        if op is _c.NEGATE:
            out.insert(0, "^")
        elif op is _c.LITERAL:
            out.append(_char(av))
        elif op is _c.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _Anything
    return "[" + "".join(out) + "]"


def _sequence(nodes: Any, ignorecase: bool, out: list[str]) -> bool:
    """Add to ``out`` the first-character pieces of a sequence of nodes; whether it can match empty."""
    for op, av in nodes:
        if op in _ZERO_WIDTH:
            continue  # matches no character: the next node's characters come first
        if op is _c.LITERAL:
            piece = _char(av)
        elif op is _c.NOT_LITERAL:
            piece = f"[^{_char(av)}]"
        elif op is _c.IN:
            piece = _class(av)
        elif op is _c.SUBPATTERN:
            _group, add, remove, inner = av
            if (add | remove) & ~(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE):
                raise _Anything  # ASCII or LOCALE change what \w and \s mean
            case = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            if not _sequence(inner, case, out):
                return False
            continue
        elif op is _ATOMIC:
            if not _sequence(av, ignorecase, out):
                return False
            continue
        elif op is _c.BRANCH:
            empty = False
            for alternative in av[1]:
                empty = _sequence(alternative, ignorecase, out) or empty
            if not empty:
                return False
            continue
        elif op in _REPEATS:
            low, _high, inner = av
            if not _sequence(inner, ignorecase, out) and low > 0:
                return False
            continue
        else:  # ANY, back-references, conditionals: anything may come first
            raise _Anything
        out.append(f"(?{'i' if ignorecase else '-i'}:{piece})")
        return False
    return True


def unicode_tree(pattern: re.Pattern[str]) -> Any | None:
    """The parse tree of ``pattern``, or ``None`` where an ASCII or LOCALE flag (given or inline)
    changes what its classes mean. Raises what the parser raises on a pattern it cannot read."""
    if pattern.flags & (re.ASCII | re.LOCALE):
        return None
    tree = _parser.parse(pattern.pattern, pattern.flags)
    return None if tree.state.flags & (re.ASCII | re.LOCALE) else tree


def first_chars(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A one-character regex for the characters a match of ``pattern`` can start with, or ``None``."""
    try:
        tree = unicode_tree(pattern)
        if tree is None:
            return None
        pieces: list[str] = []
        if _sequence(tree, bool(tree.state.flags & re.IGNORECASE), pieces):
            return None  # it can match the empty string
        return re.compile("|".join(pieces))
    except (_Anything, re.error, RecursionError, TypeError, ValueError):
        return None
