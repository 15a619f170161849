"""Model output is hostile input: helpers that make it safe to show in each output format.

HTML is handled by Jinja's autoescaping and ``|tojson``; what is left here is what autoescaping
does not cover: text that cannot be encoded at all, Markdown renderers that turn text into
links, images or math, and spreadsheets that run formulas found in CSV cells.
"""

from __future__ import annotations

import re

# Lone surrogates cannot be written as UTF-8; C0 controls other than tab/newline confuse terminals
# and some viewers. Both are replaced one character for one, so evidence offsets stay valid.
_UNSAFE_CHARS = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_REPLACEMENT = "\ufffd"
# Bidirectional overrides and isolates can make text read differently from what it is.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def clean_text(text: object) -> str:
    """Text safe to encode and display, with the same length (and offsets) as ``text``
    (anything that is not a string, such as pandas' NaN for a missing value, becomes "")."""
    if not isinstance(text, str) or not text:
        return ""

    def visible(match: re.Match[str]) -> str:
        char = match.group()
        code = ord(char)
        if code < 0x20:
            return chr(0x2400 + code)  # the Unicode "control picture" for the character
        if code == 0x7F:
            return "\u2421"
        return _REPLACEMENT

    return _BIDI.sub(_REPLACEMENT, _UNSAFE_CHARS.sub(visible, text))


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def encodable(text: object) -> str | None:
    """Only what UTF-8 cannot hold (lone surrogates) replaced: for machine formats that keep text exact."""
    return _SURROGATE.sub(_REPLACEMENT, text) if isinstance(text, str) else None


# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them
# leaves no emphasis, link, image, HTML, table or math syntax for a renderer to act on.
_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(text: str) -> str:
    """Inline Markdown text that renders as itself (for names and ids, not long model output)."""
    flat = " ".join(clean_text(text).split())
    return _MD_PUNCT.sub(r"\\\1", flat)


def md_code(text: str, limit: int = 160) -> str:
    """Model output as a one-line Markdown code span: nothing inside a code span is a link, image,
    HTML or math, and GitHub does not autolink there. The fence is longer than any backtick run
    in the text, so the text cannot close it."""
    flat = " \u23ce ".join(clean_text(text).splitlines()) or "(empty)"
    if len(flat) > limit:
        flat = flat[: limit - 1] + "\u2026"
    flat = flat.replace("|", "\u2502")  # a pipe would still split a table cell, even in code
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {flat} {fence}"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_guard(text: object) -> str | None:
    """A cell that a spreadsheet would run as a formula (``=HYPERLINK(...)``) gets a leading
    apostrophe, the usual defence; Parquet keeps the exact text for programs."""
    if not isinstance(text, str):
        return None
    text = clean_text(text)
    return "'" + text if text.startswith(_FORMULA_START) else text
