"""Lexicon spellings as the one-pass search sees them, and how a hit becomes a whole-word name.

The search runs over a *search text*: the normalised text, lower-cased, with ASCII punctuation
other than ``'`` and ``&`` turned into spaces, and one space in front. Spellings are stored in the
same form, with their parts joined by a space or by nothing ("gpt 4", "gpt4"), so "GPT-4", "GPT 4"
and "gpt4" all match; a leading or trailing space in a cue or marker means "word boundary here".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from harness.classify.lexicon import VERSION_TAIL, Entry, Lexicon
from harness.classify.verdict import OTHER, Role

EXCLUDED = "\x00excluded"
_PUNCT = "!\"#$%()*+,./:;<=>?@[\\]^{|}~-_\n\t\r"
SEARCH_TABLE = {ord(c): ord(" ") for c in _PUNCT}
# str.translate is fast only for ASCII text; elsewhere one regex substitution is much cheaper.
_SEARCH_BYTES = bytes.maketrans(_PUNCT.encode(), b" " * len(_PUNCT))
_TAIL = re.compile(VERSION_TAIL)


class Name(NamedTuple):
    """A lexicon spelling found in the text (offsets into the normalised text)."""

    start: int
    end: int
    pairs: tuple[tuple[str, Role], ...]
    """The (key, kind) pairs the spelling names; ``((EXCLUDED, ...),)`` for an exclusion."""


@dataclass(frozen=True)
class Spelling:
    pairs: tuple[tuple[str, Role], ...]
    head: frozenset[str] | None
    """Characters that may not precede the spelling (they would make it part of a word)."""
    tail: frozenset[str] | None
    """Characters that may not follow it (after the version tail)."""
    latin_end: bool
    hangul_end: bool = False
    """Ends in Hangul: only a particle may follow it directly ("라마는" yes, "메타버스" no)."""
    capital: int = -1
    """Offset of a letter that must be upper case in the text, or -1: a name that starts with an
    article ("Le Chat") is not the article and a common noun ("je suis le chat de la maison")."""


def _script(char: str) -> str:
    code = ord(char)
    if 0xAC00 <= code <= 0xD7AF:
        return "hangul"
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    if 0x30A0 <= code <= 0x30FF:
        return "kana"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    return ""


_LATIN_WORD = frozenset(c for c in (*map(chr, range(0x0250)), *map(chr, range(0x1E00, 0x1F00))) if c.isalnum())
_WORD_SETS: dict[str, frozenset[str] | None] = {
    "latin": _LATIN_WORD,
    "cyrillic": frozenset(map(chr, range(0x0400, 0x0500))),
    "kana": frozenset(map(chr, range(0x30A0, 0x3100))),
    # Korean writes no word inside another: a Hangul syllable right before a name makes it part of
    # a longer word ("드라마" is not "라마"). After it, particles attach, so the tail is checked apart.
    "hangul": frozenset(map(chr, range(0xAC00, 0xD7B0))),
    "": None,
}
_HANGUL = _WORD_SETS["hangul"]
# A topic particle typed without its space before a Hangul name ("저는큐웬입니다", "제이름은챗지피티에요").
_UNSPACED_TOPIC = frozenset(["저는", "나는", "름은"])
# Syllables that start a particle or copula after a noun ("라마는", "메타에서", "클로드입니다").
_PARTICLE_START = frozenset("은는이가을를의에와과로으도만랑입예라하께처보부까요야며고인였던및나든엔조한씨께서임꺼")
# A version tail can only start like this; most names are followed by something else, and
# skipping the tail regex for them matters for speed.
_TAIL_START = frozenset("-_0123456789") | frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_AFTER_SPACE_TAIL = frozenset("0123456789sohftilmnpuSOHFTILMNPU")


def _variants(name: str) -> set[str]:
    """Search-text forms of a spelling: its parts joined by nothing or by one space."""
    parts = [p for p in re.split(r"[\s\-_]+", name.lower()) if p]
    if len(parts) > 4:
        return {"".join(parts), " ".join(parts)}
    out = set()
    for seps in itertools.product(("", " "), repeat=len(parts) - 1):
        out.add(parts[0] + "".join(s + p for s, p in zip(seps, parts[1:])))
    return out


def spellings(lexicon: Lexicon) -> dict[str, Spelling]:
    pairs: dict[str, list[tuple[str, Role]]] = {}
    originals: dict[str, str] = {}
    # Names outside the reported keys are found like the others but stand for ``other``.
    tables: list[tuple[Role, Mapping[str, Entry]]] = [("identity", lexicon.identities), ("creator", lexicon.creators),
              *((e.role, {OTHER: e}) for e in lexicon.others.values())]
    for kind, entries in tables:
        for key, entry in entries.items():
            for name in entry.spellings():
                for form in _variants(canonical_form(name)):
                    found = pairs.setdefault(form, [])
                    if (key, kind) not in found:
                        found.append((key, kind))
                    originals.setdefault(form, name)
            for phrase in entry.exclude:
                for form in _variants(canonical_form(phrase)):
                    if form not in pairs:
                        pairs[form] = [(EXCLUDED, kind)]
                        originals[form] = phrase
    out = {}
    for form, found in pairs.items():
        name = originals[form]
        last = _script(name[-1])
        out[form] = Spelling(tuple(found), _WORD_SETS[_script(name[0])], None if last == "hangul" else _WORD_SETS[last],
                             last == "latin", last == "hangul", _capital(form, name))
    return out


# Articles that open a name ("Le Chat"): the word after them keeps its capital in a name.
_ARTICLES = ("le", "la", "les", "the", "el", "il", "lo", "der", "die", "das")


def _capital(form: str, name: str) -> int:
    """Where the word after a leading article starts in ``form``, when ``name`` capitalises it; else -1."""
    first, _, rest = name.partition(" ")
    if first.lower() not in _ARTICLES or not rest[:1].isupper():
        return -1
    return len(first) + (form[len(first) : len(first) + 1] == " ")


def canonical_form(name: str) -> str:
    """A spelling as it appears in the search text (NFKC, lower case, punctuation as spaces)."""
    return unicodedata.normalize("NFKC", name).lower().translate(SEARCH_TABLE).strip()


def search_form(raw: str) -> str:
    """An anchor or marker as it appears in the search text (spaces kept: they mark boundaries)."""
    return raw.lower().translate(SEARCH_TABLE)


def search_text(text: str) -> str:
    """``text`` as the automaton reads it: lower case, punctuation as spaces, a space in front."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower() grew a character (e.g. "İ"): lower per character
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # bytes.translate is several times faster than str.translate or a regex. UTF-8 is safe here:
    # multi-byte sequences never contain ASCII bytes, and ASCII maps to ASCII, so every
    # character keeps its offset.
    return " " + lowered.encode("utf-8").translate(_SEARCH_BYTES).decode("utf-8")


def name_at(text: str, start: int, end: int, spelling: Spelling) -> Name | None:
    """A spelling hit as a ``Name`` if it stands as a whole word (version tail included)."""
    if start > 0 and spelling.head is not None and text[start - 1] in spelling.head \
            and not (spelling.head is _HANGUL and text[max(0, start - 2) : start] in _UNSPACED_TOPIC):
        return None
    if spelling.latin_end and end < len(text):
        nxt = text[end]
        if nxt in _TAIL_START or (nxt == " " and text[end + 1 : end + 2] in _AFTER_SPACE_TAIL):
            tail = _TAIL.match(text, end)
            if tail is not None:
                end = tail.end()
    if end < len(text) and spelling.tail is not None and text[end] in spelling.tail:
        return None
    if spelling.hangul_end and end < len(text) and "\uac00" <= text[end] <= "\ud7af" and text[end] not in _PARTICLE_START:
        return None
    if spelling.capital >= 0 and not text[start + spelling.capital].isupper():
        return None  # "le chat" (the cat), not "Le Chat"
    return Name(start, end, spelling.pairs)


def key_of(name: Name, kind: Role) -> str | None:
    """The first key of ``kind`` a name stands for, ``EXCLUDED``, or ``None``."""
    for key, k in name.pairs:
        if key == EXCLUDED:
            return EXCLUDED
        if k == kind:
            return key
    return None
