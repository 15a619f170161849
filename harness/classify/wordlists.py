"""Language-file lists as regexes: the engine adds the boundaries, so a file lists plain words.

A list of plain words (``negations``, ``hedges``, ``noun_articles``, ...) becomes one alternation;
a list of regexes (``relatives``, ``negated_self``, ...) is joined as it is. Either kind, when
empty (a language directory without the field), matches nothing, not everything.
"""

from __future__ import annotations

import re

# Han, kana and Hangul: words in these scripts are not delimited by spaces, so they get no boundary.
_WIDE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NOTHING = r"(?!)"


def any_of(regexes: tuple[str, ...], before: str = "", after: str = "") -> re.Pattern[str]:
    """One case-insensitive regex for a list of regexes, between ``before`` and ``after``."""
    if not regexes:
        return re.compile(_NOTHING)
    return re.compile(before + "(?:" + "|".join(regexes) + ")" + after, re.IGNORECASE)


def words(items: tuple[str, ...], spaced_tail: str, after: str, before: str = "") -> re.Pattern[str]:
    """One case-insensitive regex for a list of plain words (``words_source``), between ``before``
    and ``after``."""
    return re.compile(before + words_source(items, spaced_tail) + after, re.IGNORECASE)


def words_source(items: tuple[str, ...], spaced_tail: str) -> str:
    """The group of a list of plain words, as regex source to build on.

    Latin and Cyrillic words follow a word boundary and take ``spaced_tail`` (the space after a
    negation), except an elided word ending in an apostrophe ("d'", "l'"), which runs into the
    next; Han, kana and Hangul words take neither; a space inside a word is any run of spaces.
    An empty list gives a group that matches nothing.
    """
    if not items:
        return f"(?:{_NOTHING})"
    escaped = {word: re.escape(word).replace(r"\ ", r"\s+") for word in items}
    spaced = [escaped[word] for word in items if not _WIDE.match(word) and not word.endswith("'")]
    elided = [escaped[word] for word in items if not _WIDE.match(word) and word.endswith("'")]
    branches = [escaped[word] for word in items if _WIDE.match(word)]
    if elided:
        branches.insert(0, r"\b(?:" + "|".join(elided) + ")")
    if spaced:
        branches.insert(0, r"\b(?:" + "|".join(spaced) + ")" + spaced_tail)
    return "(?:" + "|".join(branches) + ")"


def literal(items: tuple[str, ...], before: str, after: str) -> re.Pattern[str]:
    """One case-insensitive regex for a list of plain words with no boundary added on either side
    (labels such as "Example" or "例", stems such as "модел", that may touch other letters); a space
    inside a word is any run of spaces."""
    return re.compile(before + literal_source(items) + after, re.IGNORECASE)


def literal_source(items: tuple[str, ...]) -> str:
    """The group ``literal`` matches, as regex source to build on ("(?:am|suis)"); an empty list
    gives a group that matches nothing (optional, it matches the empty string)."""
    if not items:
        return f"(?:{_NOTHING})"
    return "(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in items) + ")"
