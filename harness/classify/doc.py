"""The per-text context the claim finders share: text, what the scan found, the lexicon."""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from harness.classify.compiled import Compiled, Marks, Name
from harness.classify.lexicon import Lexicon

Found = tuple[str, int, int]
"""A decided claim: (key, start, end) in the normalised text."""
Cue = tuple[int, tuple[int, ...], tuple[int, ...]]
"""A cue anchor: (start, indices of claim patterns, indices of creator patterns)."""


class Doc(NamedTuple):
    """One text being classified (reasoning blocks masked), with its scan results."""

    text: str
    names: list[Name]
    cues: list[Cue]
    marks: Marks
    compiled: Compiled
    lexicon: Lexicon
    starts: list[int]
    """``names[i].start`` for every i: lets lookups bisect instead of scanning (long hostile
    texts with thousands of names must not take quadratic time)."""
    skip: frozenset[int] = frozenset()
    """Starts of names that a "based on" phrase claims as the base: never the identity."""

    def first_name_from(self, position: int) -> int:
        """Index of the first name starting at or after ``position`` (``len(names)`` if none)."""
        return bisect_left(self.starts, position)

    def name_at(self, position: int) -> Name | None:
        """The name starting exactly at ``position``, if any."""
        index = bisect_left(self.starts, position)
        return self.names[index] if index < len(self.names) and self.starts[index] == position else None
