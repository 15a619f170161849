"""Leg 2 of a case: does the suspect repeat another model's wording, word for word?

A copied model keeps its parent's bespoke phrasing ("trained on the NexData open corpus in Shanghai
to help people think, write and code"); two unrelated models rarely share eight words in a row. For
each of the suspect's answers we ask whether it holds a *long verbatim span*, at least 8 words (or
20 characters of a script written without spaces: Chinese, Japanese, Thai, ...; mixed text counts
a word as 1/8 and such a character as 1/20 of the length needed) that also occurs in the other run's
answers **to the same prompt under the same condition**. Words are compared case-folded and
punctuation is ignored. Spans that occur in what the models were given (the question or the system
prompt) are left out: two models echoing the question share wording without sharing a backstory.

The figure reported is the share of the suspect's answers that do, with a prompt-clustered interval
(answers of one prompt resemble each other). The same figure between runs that are not related is the
baseline it must be read against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from harness.evidence.answers import Answers, Key

MIN_WORDS = 8
MIN_CHARS = 20
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# One token per character of an unspaced script, one per run of other word characters.
_TOKEN = re.compile(f"[{_UNSPACED}]|(?:(?![{_UNSPACED}])[^\\W_])+")
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
EXAMPLES_PER_RUN = 6
Window = tuple[str, ...]


@dataclass(frozen=True)
class Token:
    """A word (or a character of an unspaced script) with its offsets in the original text."""

    norm: str
    start: int
    end: int
    weight: float


def tokens(text: str) -> list[Token]:
    """Words and unspaced-script characters of ``text``, case-folded, with their offsets."""
    out = []
    for match in _TOKEN.finditer(text):
        piece = match.group()
        weight = 1 / MIN_CHARS if _UNSPACED_CHAR.fullmatch(piece) else 1 / MIN_WORDS
        out.append(Token(piece.casefold(), match.start(), match.end(), weight))
    return out


def windows(toks: list[Token]) -> dict[Window, list[tuple[int, int]]]:
    """Every shortest run of tokens that is long enough, keyed by its words, with its offsets.

    A run's length needed depends only on its own tokens, so the same words make the same key
    wherever they occur: two texts share a long verbatim span exactly when they share a key.
    """
    out: dict[Window, list[tuple[int, int]]] = {}
    end, total = 0, 0.0
    for start in range(len(toks)):
        while end < len(toks) and total < 1 - 1e-9:
            total += toks[end].weight
            end += 1
        if total < 1 - 1e-9:
            break
        key = tuple(t.norm for t in toks[start:end])
        out.setdefault(key, []).append((toks[start].start, toks[end - 1].end))
        total -= toks[start].weight
    return out


def _keys(text: str) -> set[Window]:
    return set(windows(tokens(text)))


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching character spans joined into maximal ones."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, str | None]]:
    """``text`` split into (piece, "span" or None), for templates to mark without raw HTML."""
    out: list[tuple[str, str | None]] = []
    cursor = 0
    for start, end in merge(spans):
        out += [(text[cursor:start], None), (text[start:end], "span")]
        cursor = end
    out.append((text[cursor:], None))
    return [p for p in out if p[0]]


@dataclass
class Match:
    """One suspect answer that reproduces a span of the other run's answer to the same prompt."""

    prompt_id: str
    condition: str
    suspect_text: str
    other_text: str
    suspect_spans: list[tuple[int, int]]
    other_spans: list[tuple[int, int]]
    distinct: int
    """Distinct shared passages: a looping answer repeats a few, a copied backstory holds many."""

    @property
    def reproduced_chars(self) -> int:
        return sum(end - start for start, end in merge(self.suspect_spans))

    def to_dict(self) -> dict[str, Any]:
        return {"prompt_id": self.prompt_id, "condition": self.condition,
                "suspect": pieces(self.suspect_text, self.suspect_spans),
                "other": pieces(self.other_text, self.other_spans), "reproduced_chars": self.reproduced_chars,
                "distinct_passages": self.distinct}


@dataclass
class Overlap:
    """Per (prompt, condition): how many of the suspect's answers reproduce the other's spans."""

    hits: dict[Key, int] = field(default_factory=dict)
    totals: dict[Key, int] = field(default_factory=dict)
    matches: list[Match] = field(default_factory=list)


def _best_partner(keys: set[Window], others: list[str], other_windows: list[dict[Window, list[tuple[int, int]]]],
                  excluded: set[Window]) -> tuple[int, set[Window]]:
    """The other answer sharing the most long spans with this one, and those spans."""
    best = -1
    shared: set[Window] = set()
    for index, found in enumerate(other_windows):
        common = (keys & set(found)) - excluded
        if len(common) > len(shared):
            best, shared = index, common
    return best, shared


def overlap(suspect: Answers, other: Answers, given: dict[Key, str] | None = None) -> Overlap:
    """Which suspect answers hold a long span found in ``other``'s answers to the same prompt.

    ``given`` maps (prompt, condition) to the text the models were given; spans found there do not count.
    """
    result = Overlap()
    for key, texts in suspect.items():
        theirs = other.get(key, [])
        if not theirs:
            continue  # the other run did not ask this: no evidence either way
        excluded = _keys((given or {}).get(key, ""))
        their_windows = [windows(tokens(t)) for t in theirs]
        result.totals[key], result.hits[key] = len(texts), 0
        for text in texts:
            mine = windows(tokens(text))
            partner, shared = _best_partner(set(mine), theirs, their_windows, excluded)
            if not shared:
                continue
            result.hits[key] += 1
            result.matches.append(Match(key[0], key[1], text, theirs[partner],
                                        [s for k in shared for s in mine[k]],
                                        [s for k in shared for s in their_windows[partner][k]], len(shared)))
    return result


def summarize(result: Overlap, condition: str, examples: int = EXAMPLES_PER_RUN) -> dict[str, Any]:
    """Share of the suspect's answers under ``condition`` that reproduce a span, with its interval,
    and the examples that reproduce the most distinct passages (one per prompt)."""
    keys = sorted(k for k in result.totals if k[1] == condition)
    hits = [result.hits[k] for k in keys]
    totals = [result.totals[k] for k in keys]
    k, n = sum(hits), sum(totals)
    low, high = clustered_interval(hits, totals)
    chosen = sorted((m for m in result.matches if m.condition == condition), key=lambda m: (-m.distinct, -m.reproduced_chars))
    seen: set[str] = set()
    firsts = [m for m in chosen if not (m.prompt_id in seen or seen.add(m.prompt_id))]  # type: ignore[func-returns-value]
    return {"condition": condition, "k": k, "n": n, "share": k / n if n else None,
            "interval": [low, high], "prompts": len(keys),
            "prompts_with_hits": sum(1 for h in hits if h), "examples": [m.to_dict() for m in firsts[:examples]]}


def clustered_interval(hits: list[int], totals: list[int]) -> tuple[float | None, float | None]:
    """95% interval of a share of samples nested in prompts (``harness.stats``)."""
    from harness.stats import share_interval

    if not sum(totals):
        return None, None
    return share_interval(hits, totals)
