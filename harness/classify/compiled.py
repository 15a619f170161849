"""One pass over the text: a multi-string automaton finds every spelling, cue and marker.

Python's ``re`` tries each alternative of a large alternation at every position, which made a
regex-only engine about 100 times too slow. An Aho-Corasick automaton (``ahocorasick_rs``, Rust)
finds all lexicon spellings, cue anchors and scope markers in one pass; small regexes then run
only at those positions.

How spellings and text look to the automaton is in ``spellings.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick_rs

from harness.classify.lexicon import Lexicon
from harness.classify.markers import MARKERS
from harness.classify.patterns import ART_CALLED_GROUP, BASED, CLAIMS, CREATORS, ClaimPattern, CreatorPattern
from harness.classify.spellings import (
    EXCLUDED,
    Name,
    Spelling,
    key_of,
    name_at,
    search_form,
    search_text,
    spellings,
)
from harness.classify.union import Union

# Markdown emphasis and quotes a name may be wrapped in after a cue: "I'm **Grok**", "我是「小智」".
_MARKUP = r"[*_\"'`「『【《]*(?:(?<=\")[ \t]+)?"
# The same at the end of the words a ``gap`` allows before a name ("開発した「GPT-4」").
_GAP_END = r"[\s*_\"'`「『【《]*"
# Marker kinds: the scope words of the language files, plus the anchors of "based on" patterns.
KINDS: tuple[str, ...] = (*MARKERS, "based")


class Scan(NamedTuple):
    """What one pass over a text found."""

    names: list[Name]
    """Lexicon names, leftmost-longest, not overlapping."""
    cues: list[tuple[int, tuple[int, ...], tuple[int, ...]]]
    """Cue anchors: (start in the text, indices of the ``CLAIMS`` and of the ``CREATORS`` using it)."""
    marks: Marks
    """Scope markers by kind (``markers.MARKERS``)."""


@dataclass(frozen=True)
class Compiled:
    """The lexicon and the patterns, ready to scan text."""

    automaton: ahocorasick_rs.AhoCorasick
    payloads: tuple[tuple[int, Spelling | None, tuple[int, ...], tuple[int, ...], tuple[str, ...], int], ...]
    """Per automaton pattern: (what to add to a hit's start in the search text to get the word's
    start in the text, spelling, claim users, creator users, marker kinds, what to subtract from its
    end): the offsets are worked out here, once, not per hit."""
    main_count: int
    """Patterns below this index are names or cues; the rest are scope markers only."""
    marker_of: tuple[tuple[str, int, int], ...]
    """Per automaton pattern from ``main_count`` on (scope markers only): its kind, and the two
    offsets of ``payloads``."""
    claim_pre: tuple[re.Pattern[str] | None, ...]
    claim_pre_plain: tuple[re.Pattern[str] | None, ...]
    """``claim_pre`` without the "an assistant called" filler: much cheaper, used when no naming
    word ("called", "named", "chamado", ...) follows the cue."""
    claim_post: tuple[re.Pattern[str] | None, ...]
    claim_before: tuple[re.Pattern[str] | None, ...]
    creator_pre: tuple[re.Pattern[str] | None, ...]
    creator_post: tuple[re.Pattern[str] | None, ...]
    claim_gap: tuple[re.Pattern[str] | None, ...]
    creator_before: tuple[re.Pattern[str] | None, ...]
    name_first_claims: tuple[int, ...]
    name_first_creators: tuple[int, ...]
    claim_screen: Union
    """The ``post`` of each name-led claim pattern (``name_first_claims`` order): which of them
    match after a name (``union.py``)."""
    creator_screen: Union
    """The same for name-led creator patterns (``name_first_creators`` order; those without a
    ``post`` never match here)."""
    based_pre: tuple[re.Pattern[str] | None, ...]
    based_pre_union: Union
    """``based_pre`` tried in one call: most "based" cue words ("base", "name") start none of them."""
    based_gap: tuple[re.Pattern[str], ...]
    based_post: tuple[re.Pattern[str] | None, ...]
    based_name_first: tuple[int, ...]
    based_before: tuple[re.Pattern[str] | None, ...]
    """What must precede the name of a name-led "based on" pattern (its ``before``), if anything."""
    based_screen: Union
    """Whether a name-led "based on" pattern might match after a name ("GPT-4をベースに")."""


def _compile(source: str) -> re.Pattern[str] | None:
    return re.compile(source, re.IGNORECASE) if source else None


def compile_lexicon(lexicon: Lexicon) -> Compiled:
    """Build the automaton and the per-pattern regexes for ``lexicon``."""
    # One entry per search form: (form, spelling or None, cue users, marker kinds).
    entries: dict[str, list] = {form: [form, sp, [], []] for form, sp in spellings(lexicon).items()}
    tables: tuple[tuple[str, Sequence[ClaimPattern | CreatorPattern]], ...] = (("claim", CLAIMS), ("creator", CREATORS))
    for kind, table in tables:
        for index, pattern in enumerate(table):
            for raw in pattern.anchors:
                entry = entries.setdefault(search_form(raw), [search_form(raw), None, [], []])
                if (kind, index) not in entry[2]:
                    entry[2].append((kind, index))
    sources = {**MARKERS, "based": tuple(a for p in BASED for a in p.anchors)}
    for mark, words in sources.items():
        for raw in words:
            entry = entries.setdefault(search_form(raw), [search_form(raw), None, [], []])
            if mark not in entry[3]:
                entry[3].append(mark)
    # Names and cues first; entries that are only scope markers after them, grouped by kind, so
    # the scan loop tells marker hits apart with one comparison and files them by kind at once.
    main = [f for f, e in entries.items() if e[1] is not None or e[2] or len(e[3]) > 1]
    in_main = set(main)
    markers_only = {kind: [f for f, e in entries.items() if f not in in_main and e[3] == [kind]] for kind in KINDS}
    forms = main + [f for kind in KINDS for f in markers_only[kind]]
    automaton = ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.Standard)
    payloads = tuple(
        (
            (1 if form[0] == " " else 0) - 1,  # (``search`` has one leading space)
            entries[form][1],
            tuple(i for kind, i in entries[form][2] if kind == "claim"),
            tuple(i for kind, i in entries[form][2] if kind == "creator"),
            tuple(entries[form][3]),
            (1 if form[-1] == " " else 0) + 1,
        )
        for form in forms
    )
    based_pre = tuple(_compile(p.pre + _MARKUP) if p.anchors else None for p in BASED)
    return Compiled(
        automaton=automaton,
        payloads=payloads,
        main_count=len(main),
        marker_of=tuple((kind, (1 if f[0] == " " else 0) - 1, (1 if f[-1] == " " else 0) + 1)
                        for kind in KINDS for f in markers_only[kind]),
        claim_pre=tuple(_compile(p.pre + ("" if p.suffix else _MARKUP)) if p.anchors else None for p in CLAIMS),
        claim_pre_plain=tuple(
            _compile(p.pre.replace(ART_CALLED_GROUP, "") + ("" if p.suffix else _MARKUP)) if p.anchors else None
            for p in CLAIMS
        ),
        claim_post=tuple(_compile(p.post) for p in CLAIMS),
        claim_before=tuple(_compile(p.before + r"\Z") if p.before else None for p in CLAIMS),
        creator_pre=tuple(_compile(p.pre + _MARKUP) if p.anchors else None for p in CREATORS),
        creator_post=tuple(_compile(p.post) for p in CREATORS),
        claim_gap=tuple(_compile(p.gap + _GAP_END) if p.gap else None for p in CLAIMS),
        based_pre=based_pre,
        based_pre_union=Union(based_pre),
        based_gap=tuple(re.compile((p.gap or "") + _GAP_END, re.IGNORECASE) for p in BASED),
        based_post=tuple(_compile(p.post) for p in BASED),
        based_name_first=tuple(i for i, p in enumerate(BASED) if not p.anchors),
        based_before=tuple(_compile(p.before + r"\Z") if p.before and not p.anchors else None for p in BASED),
        based_screen=Union([_compile(p.post) for p in BASED if not p.anchors]),
        creator_before=tuple(_compile(p.before + r"\Z") if p.before else None for p in CREATORS),
        name_first_claims=tuple(i for i, p in enumerate(CLAIMS) if not p.anchors),
        name_first_creators=tuple(i for i, p in enumerate(CREATORS) if not p.anchors),
        claim_screen=Union([_compile(p.post) for p in CLAIMS if not p.anchors]),
        creator_screen=Union([_compile(p.post) for p in CREATORS if not p.anchors]),
    )


def scan(compiled: Compiled, text: str) -> Scan:
    """Names, cue anchors and scope markers in normalised ``text``, in one pass."""
    search = search_text(text)
    names: list[Name] = []
    cues: list[tuple[int, tuple[int, ...], tuple[int, ...]]] = []
    marks: dict[str, list[tuple[int, int]]] = {}
    payloads, main, marker_of = compiled.payloads, compiled.main_count, compiled.marker_of
    # ``search`` has one leading space, so its offset ``start`` is ``text``'s ``start - 1``;
    # spaces at either end of a form are boundaries, not part of the word (both are in the
    # precomputed offsets ``lead`` and ``trail``).
    for index, start, end in compiled.automaton.find_matches_as_indexes(search, overlapping=True):
        if index >= main:  # a scope marker only (most hits): sorted by kind right away
            kind, lead, trail = marker_of[index - main]
            found_marks = marks.get(kind)
            if found_marks is None:
                marks[kind] = [(start + lead, end - trail)]
            else:
                found_marks.append((start + lead, end - trail))
            continue
        lead, spelling, claims, creators, kinds, trail = payloads[index]
        if spelling is not None:
            found = name_at(text, start - 1, end - 1, spelling)
            if found is not None:
                names.append(found)
        if claims or creators:
            cues.append((start + lead, claims, creators))
        if kinds:
            for kind in kinds:
                marks.setdefault(kind, []).append((start + lead, end - trail))
    return Scan(_longest(names), cues, Marks(marks))


class Marks:
    """Scope-marker positions by kind ("hyp", "neg", "self", "speech"), sorted on first use.

    ``marks[kind]`` is a list of (start, end) offsets in the text of the words of that kind.
    """

    __slots__ = ("_cache", "_found", "_keep")

    def __init__(self, found: dict[str, list[tuple[int, int]]]) -> None:
        self._found = found
        """Kind -> the positions the scan found, in hit order (reasoning blocks included)."""
        self._cache: dict[str, list[tuple[int, int]]] = {}
        self._keep: tuple[str, str] | None = None

    def only_visible(self, visible: str, full: str) -> Marks:
        """The same markers less those inside reasoning blocks (masked to spaces in ``visible``)."""
        out = Marks(self._found)
        out._keep = (visible, full)
        return out

    def has(self, kind: str) -> bool:
        """Whether the text holds a word of ``kind`` at all (cheaper than the list; reasoning
        blocks are not excluded, so ``True`` may still give an empty list)."""
        return kind in self._found

    def __getitem__(self, kind: str) -> list[tuple[int, int]]:
        found = self._cache.get(kind)
        if found is None:
            found = self._found.get(kind, [])
            if len(found) > 1:
                found.sort()  # ``scope.py`` bisects them
            if self._keep is not None:
                visible, full = self._keep
                found = [m for m in found if visible[m[0]] == full[m[0]]]
            self._cache[kind] = found
        return found


def _longest(names: list[Name]) -> list[Name]:
    """Leftmost-longest, non-overlapping: "Nex-AGI" hides the "Nex" inside it."""
    if len(names) < 2:
        return names
    names.sort()  # by start, then end: a longer name at the same start replaces a shorter one
    out = [names[0]]
    for name in names[1:]:
        if name.start == out[-1].start:
            out[-1] = name
        elif name.start >= out[-1].end:
            out.append(name)
    return out


__all__ = ["EXCLUDED", "Compiled", "Marks", "Name", "Scan", "compile_lexicon", "key_of", "scan"]
