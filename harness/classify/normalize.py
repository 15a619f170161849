"""Text preparation: Unicode normalisation that keeps offsets, and masking of reasoning blocks
and blockquotes.

Spans reported to users are offsets into the *original* text, so every transformation here
either keeps the length (the fast path, nearly all texts) or records where each character came
from (the slow path, for the rare characters NFKC expands or merges).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Length-preserving replacements applied before anything else: typographic apostrophes and quotes
# (models write "I’m" as often as "I'm"), fullwidth ASCII (common in CJK output), odd spaces
# and hyphens. NFKC would do most of this too, but a translate table is one C call.
_TABLE: dict[int, int] = {ord(c): ord("'") for c in "\u2018\u2019\u02bc\u2032\uff07\u00b4`"}
_TABLE.update({ord(c): ord('"') for c in "\u201c\u201d\u201e\u00ab\u00bb\uff02"})
_TABLE.update({code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code != 0xFF07 and code != 0xFF02})
_TABLE.update({ord(c): ord(" ") for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})
_TABLE.update({ord(c): ord("-") for c in "\u2010\u2011\u2012\u2212"})
# str.translate is slow on non-ASCII text (about 20 us for 300 characters); a regex that visits
# only the few characters that need replacing is ten times faster.
_SPECIAL = re.compile(
    "[\u2018\u2019\u02bc\u2032\u00b4`\u201c\u201d\u201e\u00ab\u00bb\u00a0\u2000-\u200a\u202f\u205f\u3000"
    "\u2010-\u2012\u2212\uff01-\uff5e]"
)
_REPLACE = {chr(k): chr(v) for k, v in _TABLE.items()}

# Reasoning blocks: <think>…</think> and the spellings other model families use. Text inside
# never counts as a claim; an opening tag without a closing one hides everything after it, and a
# closing tag without an opening one (templates that open the block in the prompt) hides
# everything before it.
_OPEN = r"<\s*(?:think|thinking|reasoning|reflection)\s*>|◁think▷"
_CLOSE = r"<\s*/\s*(?:think|thinking|reasoning|reflection)\s*>|◁/think▷"
_BLOCK = re.compile(rf"(?:{_OPEN})(?:.*?(?:{_CLOSE})|.*\Z)", re.DOTALL | re.IGNORECASE)
_LEADING_CLOSE = re.compile(rf"\A(?:(?!{_OPEN}).)*?(?:{_CLOSE})", re.DOTALL | re.IGNORECASE)
_TAG_HINT = re.compile(r"think|reasoning|reflection", re.IGNORECASE)
# Markdown blockquotes: models quote the question ("> Are you GPT-4?") or someone else's words;
# a quoted line claims nothing of the speaker's own.
_BLOCKQUOTE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)


@dataclass(slots=True)
class Prepared:
    """A text ready for matching (not frozen: it is built for every text, and frozen dataclasses
    are slow to construct).

    ``text`` is normalised (same length as the original on the fast path); ``visible`` is
    ``text`` with reasoning blocks replaced by spaces, so offsets agree between the two.
    """

    original: str
    text: str
    visible: str
    origin: tuple[int, ...] | None
    """For each character of ``text`` (plus one past the end), its offset in ``original``;
    ``None`` when the two have the same length and offsets are equal."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` back to ``original``."""
        if self.origin is None:
            return start, end
        # Every character of ``text`` comes from exactly one original character, so the end
        # maps through the last character's origin and an expanded character is covered whole.
        first = self.origin[start]
        return first, (self.origin[end - 1] + 1 if end > start else first)


def _nfkc_with_origin(text: str) -> tuple[str, tuple[int, ...]]:
    """NFKC per character, recording where each output character came from."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = unicodedata.normalize("NFKC", char) if ord(char) > 0x7F else char
        out.append(piece)
        origin.extend([index] * len(piece))
    origin.append(len(text))
    return "".join(out), tuple(origin)


def mask_quotes(text: str) -> str:
    """``text`` with Markdown blockquote lines replaced by spaces of the same length."""
    if ">" not in text:
        return text
    return _BLOCKQUOTE.sub(lambda m: " " * (m.end() - m.start()), text)


def mask_reasoning(text: str) -> str:
    """``text`` with reasoning blocks (tags included) replaced by spaces of the same length."""
    if ("<" not in text and "◁" not in text) or not _TAG_HINT.search(text):
        return text
    lead = _LEADING_CLOSE.match(text)
    if lead is not None:
        text = " " * lead.end() + text[lead.end():]
    return _BLOCK.sub(lambda m: " " * (m.end() - m.start()), text)


def prepare(original: str) -> Prepared:
    """Normalise ``original`` (NFKC with offsets kept) and mask its reasoning blocks."""
    text = original
    if not original.isascii():
        text = _SPECIAL.sub(lambda m: _REPLACE[m.group()], original)
    origin: tuple[int, ...] | None = None
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        normalised, origin = _nfkc_with_origin(text)
        if len(normalised) == len(text):
            origin = None
        text = normalised
    return Prepared(original, text, mask_quotes(mask_reasoning(text)), origin)
