"""The ASCII filter of the pattern unions (harness/classify/nonascii.py): a pattern is left out
after the last non-ASCII character of a text only when it provably cannot match there."""

from __future__ import annotations

import re

import pytest

from harness.classify.nonascii import last_wide, needs_wide


@pytest.mark.parametrize("source", [
    r"\s*입니다", r"(?:\*\*)?\s*(?:입니다|예요|이에요)", r"[「『]", r"\s*(?:です|でございます)[。！!]?",
    r"chính là tôi", r"\s*là\s+tôi", r"(?:x)?\s*就是我", r"(?i)\s*é o",
])
def test_patterns_that_must_consume_a_non_ascii_character_are_marked_wide(source: str) -> None:
    assert needs_wide(re.compile(source))


@pytest.mark.parametrize("source", [
    r"\s*here\b", r"(?:입니다|here)", r"(?:입니다)?\s*!", r"(?=입니다)", r".", r"[^a]", r"\w+",
    r"(?i)\u212a",  # the Kelvin sign, which ignore-case matches to "k"
    r"(?i)\u017f",  # the long s, which ignore-case matches to "s"
    r"(?a)\s*é", r"(?:입니다){0,1}",
])
def test_patterns_that_may_match_ascii_or_nothing_are_not_marked(source: str) -> None:
    assert not needs_wide(re.compile(source))


def test_the_last_non_ascii_position_is_found_or_minus_one_for_ascii() -> None:
    assert last_wide("I am Nex, made by Nex-AGI.") == -1
    assert last_wide("저는 Nex입니다. Thanks!") == len("저는 Nex입니다") - 1
    assert last_wide("café") == 3
    assert last_wide("") == -1


def test_a_non_ascii_text_asked_twice_gets_the_same_answer() -> None:
    text = "Je suis Nex, créé par Nex-AGI."
    assert last_wide(text) == last_wide(text) == text.rindex("é")
    assert last_wide("plain") == -1
    assert last_wide(text) == text.rindex("é")
