"""The speed-ups of the rules engine must not change an answer.

``first.first_chars`` may say "maybe" for a character that cannot start a match but never "no" for
one that can; ``union.Union`` must answer exactly what trying each pattern in turn answers. Both are
checked on every pattern the classifier compiles, over real development answers and generated ones.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest

from harness.classify import load_classifier
from harness.classify.evaluate import load_labelled, synthetic_answers
from harness.classify.first import first_chars
from harness.classify.normalize import prepare
from harness.classify.union import Union

LABELLED = Path(__file__).parent / "data" / "labelled"


def _engine_patterns() -> list[re.Pattern[str]]:
    compiled = load_classifier()._c
    tables = [getattr(compiled, f.name) for f in dataclasses.fields(compiled)]
    found = {p.pattern: p for table in tables if isinstance(table, tuple)
             for p in table if isinstance(p, re.Pattern)}
    return list(found.values())


@pytest.fixture(scope="module")
def patterns() -> list[re.Pattern[str]]:
    found = _engine_patterns()
    assert len(found) > 300, "the engine's pattern tables were not found"
    return found


@pytest.fixture(scope="module")
def texts() -> list[str]:
    records = load_labelled(LABELLED)
    random.Random(7).shuffle(records)
    return [prepare(r["text"]).text for r in records[:400]] + [
        prepare(t).text for t in synthetic_answers(100, seed=3)]


def test_first_chars_accepts_the_first_character_of_every_real_match(
        patterns: list[re.Pattern[str]], texts: list[str]) -> None:
    checked = 0
    for pattern in patterns:
        first = first_chars(pattern)
        if first is None:
            continue
        for text in texts:
            for match in pattern.finditer(text):
                if match.end() == match.start():
                    continue
                checked += 1
                assert first.match(text[match.start()]), (pattern.pattern[:80], text[match.start():][:30])
    assert checked > 1000


def test_most_engine_patterns_get_a_filter(patterns: list[re.Pattern[str]]) -> None:
    # a filter that always gave up would be sound and useless
    assert sum(first_chars(p) is not None for p in patterns) > 0.8 * len(patterns)


@pytest.mark.parametrize(("regex", "flags", "starts", "not_starts"), [
    (r"abc", 0, "a", "Ab"),
    (r"abc", re.IGNORECASE, "aA", "b"),
    (r"(?i:k)elvin", 0, "kK\u212a", "e"),  # the Kelvin sign folds to k
    (r"(?:x|y)?z", 0, "xyz", "a"),
    (r"\d+ years", 0, "07", "y"),
    (r"[^a-c]q", 0, "dq\u00e9", "ab"),
    (r"(?<=\s)nex", 0, "n", " "),
    (r"(?-i:N)ex", re.IGNORECASE, "N", "n"),
    (r"私は|제\s*이름은", 0, "私제", "は이"),
])
def test_first_chars_of_hand_made_patterns(regex: str, flags: int, starts: str, not_starts: str) -> None:
    first = first_chars(re.compile(regex, flags))
    assert first is not None
    assert all(first.match(c) for c in starts)
    assert not any(first.match(c) for c in not_starts)


@pytest.mark.parametrize("regex", [r"x*", r"(?:a|)", r".bc", r"(?s:.)x", r"(?a)\w+"])
def test_first_chars_gives_up_where_any_character_or_nothing_may_come_first(regex: str) -> None:
    assert first_chars(re.compile(regex)) is None


def test_union_answers_what_a_loop_over_the_patterns_answers(
        patterns: list[re.Pattern[str]], texts: list[str]) -> None:
    rng = random.Random(11)
    for _ in range(12):
        chosen: list[re.Pattern[str] | None] = list(rng.sample(patterns, 25)) + [None]
        union = Union(chosen)
        for text in texts[::10]:
            for pos in range(0, len(text) + 1, 3):
                loop = [(i, p.match(text, pos).end()) for i, p in enumerate(chosen)  # type: ignore[union-attr]
                        if p is not None and p.match(text, pos)]
                assert list(union.matches(text, pos)) == loop
                assert union.any(text, pos) == bool(loop)


def test_union_keeps_list_order_when_several_patterns_match() -> None:
    union = Union([re.compile("based on"), re.compile("based"), re.compile("b"), re.compile("x")])
    assert list(union.matches("based on Qwen", 0)) == [(0, 8), (1, 5), (2, 1)]
    assert list(union.matches("based on Qwen", 1)) == []
