"""Trying a list of regexes at one position in one C call.

The engine often asks "which of these patterns match here, in list order?" (every "based on"
pattern at every "based" cue word, every name-led post after a name). A Python loop of
``pattern.match`` calls costs a call per pattern, and one alternation of all of them still
walks every alternative's optional markup and spaces (several microseconds after each name).
``Union`` does two things:

* it keeps, per character, the alternation of only the patterns that can start with that
  character (``first.py``): after "Claude." or "Claude," most patterns are left out at once;
* each alternative is its own group, so one ``match`` says whether any matches and, through
  ``lastindex``, which is the first;
* when the rest of the text is plain ASCII, it also leaves out the patterns that must consume a
  non-ASCII character (``nonascii.py``: the Korean, Japanese, Chinese and Vietnamese posts
  after a name in an English sentence).

The answer is exactly the loop's: a pattern left out cannot match there, and at a fixed position
a top-level alternation tries its alternatives in order and takes the first that matches; since
nothing follows the alternation, that alternative ends where its pattern alone would end.
(``lastindex`` names the alternative's own group: an enclosing group closes after those inside.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from harness.classify.first import first_chars
from harness.classify.nonascii import last_wide, needs_wide

_BACKREF = re.compile(r"\\[1-9]|\(\?\(\d")
_CACHE_LIMIT = 4096
"""Characters remembered; past this (hostile text with many distinct characters) each new
character is answered by trying every pattern."""
_Entry = tuple["re.Pattern[str] | None", dict[int, int], tuple[int, ...]]
"""For one character: the alternation of the patterns that may start with it (``None`` when there
are none or they cannot be joined), its group number -> place in the subset, and the subset."""
_UNSEEN: _Entry = (None, {}, ())
_SHARED: dict[tuple[tuple[str, int] | None, ...],
              tuple[tuple[re.Pattern[str] | None, ...], frozenset[int], dict[str, _Entry], dict[str, _Entry],
                    dict[tuple[int, ...], _Entry]]] = {}
"""What unions of the same patterns have learnt, shared between classifiers: joining a subset of
patterns compiles a regex (milliseconds), so every classifier built in a process (tests, the bench,
a judge next to the rules) learns each character once, as ``re`` caches compiled patterns."""


class Union:
    """The patterns of a list (``None`` entries never match) that match at a position, in order."""

    __slots__ = ("_by_char", "_by_char_ascii", "_by_subset", "_firsts", "_patterns", "_wide")

    def __init__(self, patterns: Sequence[re.Pattern[str] | None]) -> None:
        self._patterns = tuple(patterns)
        key = tuple((p.pattern, p.flags) if p is not None else None for p in self._patterns)
        if key not in _SHARED:
            firsts = tuple(first_chars(p) if p is not None else None for p in self._patterns)
            wide = frozenset(i for i, p in enumerate(self._patterns) if p is not None and needs_wide(p))
            _SHARED[key] = (firsts, wide, {}, {}, {})
        self._firsts, self._wide, self._by_char, self._by_char_ascii, self._by_subset = _SHARED[key]

    def _entry_at(self, text: str, pos: int) -> _Entry:
        """The entry for the character at ``pos`` (and for an ASCII rest of the text)."""
        char = text[pos : pos + 1]
        table = self._by_char_ascii if self._wide and pos > last_wide(text) else self._by_char
        entry = table.get(char, _UNSEEN)
        if entry is _UNSEEN:
            entry = self._learn(char, table is self._by_char_ascii)
        return entry

    def matches(self, text: str, pos: int) -> Iterator[tuple[int, int]]:
        """(index, end of its match) for every pattern that matches at ``pos``, in list order."""
        union, group_of, rest = self._entry_at(text, pos)
        while union is not None:
            found = union.match(text, pos)
            if found is None:
                return
            place = group_of[found.lastindex]  # type: ignore[index]
            yield rest[place], found.end()
            # The patterns after it, again in one call: the alternation of that suffix of the
            # subset (learnt once per suffix), not a ``match`` call per pattern.
            rest = rest[place + 1 :]
            if not rest:
                return
            union, group_of, rest = self._entry_of(rest)
        for index in rest:  # (patterns that cannot be joined) one by one
            match = self._patterns[index].match(text, pos)  # type: ignore[union-attr]
            if match is not None:
                yield index, match.end()

    def any(self, text: str, pos: int) -> bool:
        """Whether any pattern matches at ``pos`` (``matches`` without the generator, for speed)."""
        entry = self._entry_at(text, pos)
        if entry[0] is not None:
            return entry[0].match(text, pos) is not None
        return any(self._patterns[i].match(text, pos) is not None for i in entry[2])  # type: ignore[union-attr]

    def _learn(self, char: str, ascii_rest: bool) -> _Entry:
        """The entry for the patterns that may start with ``char`` (``ascii_rest``: and that may
        match where the rest of the text is ASCII)."""
        subset = tuple(
            index for index, (pattern, first) in enumerate(zip(self._patterns, self._firsts))
            if pattern is not None and (first is None or (char and first.match(char) is not None))
            and not (ascii_rest and index in self._wide)
        )  # (at the end of the text only a pattern that may match the empty string can match)
        entry = self._entry_of(subset)
        table = self._by_char_ascii if ascii_rest else self._by_char
        if len(table) < _CACHE_LIMIT:
            table[char] = entry
        return entry

    def _entry_of(self, subset: tuple[int, ...]) -> _Entry:
        """The entry for a subset of the patterns (compiled once, then shared)."""
        entry = self._by_subset.get(subset)
        if entry is None:
            union = _alternation([self._patterns[i] for i in subset])  # type: ignore[misc]
            entry = (*union, subset) if union is not None else (None, {}, subset)
            self._by_subset[subset] = entry
        return entry


def _alternation(patterns: list[re.Pattern[str]]) -> tuple[re.Pattern[str], dict[int, int]] | None:
    """One regex of ``patterns``, each in its own group, and group number -> place in the list;
    ``None`` when there are none or they cannot be joined (the caller then loops)."""
    if not patterns:
        return None
    flags = {p.flags for p in patterns}
    # A numbered back-reference would point at the wrong group once groups are added.
    if len(flags) != 1 or any(p.groups and _BACKREF.search(p.pattern) for p in patterns):
        return None
    group_of: dict[int, int] = {}
    group = 1
    for place, pattern in enumerate(patterns):
        group_of[group] = place
        group += 1 + pattern.groups
    try:
        return re.compile("|".join(f"({p.pattern})" for p in patterns), flags.pop()), group_of
    except re.error:  # repeated group names or global inline flags: keep the plain loop
        return None
