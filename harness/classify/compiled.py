"""Turning a lexicon and the claim patterns into a few large compiled regexes.

Matching cost is dominated by how many times a text is scanned, so everything is folded into
three patterns: one for mentions, one for identity claims, one for creator claims. Which claim
pattern matched is read from the outer group's name (``p12`` is ``CLAIMS[12]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from harness.classify.lexicon import Lexicon, alternation, canonical
from harness.classify.patterns import CLAIMS, CREATORS
from harness.classify.verdict import Role

EXCLUDED = "\x00excluded"
# A capitalised name outside the lexicon ("Sarah Thompson", "Саша"), case-sensitive inside an
# otherwise case-insensitive pattern.
_CAP = r"(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'\-]*(?:[ \-][A-ZÀ-ÖØ-ÞА-ЯЁ][\w'\-]*){0,2})(?![\w])"
_CAP_ORG = r"(?-i:[A-Z][\w&\-]*(?:\s+(?:[A-Z][\w&\-]*|&)){0,3})(?![\w])"
_HAN_NAME = r"[\u4e00-\u9fff]{1,6}"
_KANA_NAME = r"[\u30A0-\u30FF]{1,12}"
_HANGUL_NAME = r"[\uAC00-\uD7AF]{1,6}?(?=입니다|이에요|예요|이고|이며|이라고|라고|[\s.,!]|$)"


@dataclass(frozen=True)
class Compiled:
    """The lexicon's patterns, ready to scan text."""

    mentions: re.Pattern[str]
    claims: re.Pattern[str]
    creators: re.Pattern[str]
    table: dict[str, tuple[tuple[str, Role], ...]]
    """Canonical spelling -> the (key, kind) pairs it names; ``EXCLUDED`` for exclusions."""
    longest: int


def _table(lexicon: Lexicon) -> dict[str, tuple[tuple[str, Role], ...]]:
    table: dict[str, list[tuple[str, Role]]] = {}
    for kind, entries in (("identity", lexicon.identities), ("creator", lexicon.creators)):
        for key, entry in entries.items():
            for name in entry.spellings():
                pairs = table.setdefault(canonical(name), [])
                if (key, kind) not in pairs:
                    pairs.append((key, kind))  # type: ignore[arg-type]
    for entries in (lexicon.identities, lexicon.creators):
        for entry in entries.values():
            for phrase in entry.exclude:
                table.setdefault(canonical(phrase), [(EXCLUDED, "identity")])
    return {k: tuple(v) for k, v in table.items()}


def _fill(template: str, index: int, names: str, orgs: str) -> str:
    """Put the lexicon alternations and name shapes into one claim template."""
    ident = f"(?:(?:{orgs})'s\\s+)?(?P<n{index}>{names})"
    out = template.replace("{N0}", f"(?:{names})").replace("{N}", ident)
    for slot, shape in (("{C}", _CAP), ("{H}", _HAN_NAME), ("{K}", _KANA_NAME), ("{G}", _HANGUL_NAME)):
        out = out.replace(slot, f"(?P<c{index}>{shape})")
    return f"(?P<p{index}>{out})"


def compile_lexicon(lexicon: Lexicon) -> Compiled:
    """Build the three scanners for ``lexicon``."""
    identity_names = [n for e in lexicon.identities.values() for n in e.spellings()]
    creator_names = [n for e in lexicon.creators.values() for n in e.spellings()]
    excludes = [p for e in (*lexicon.identities.values(), *lexicon.creators.values()) for p in e.exclude]
    everything = alternation(identity_names + creator_names + excludes, with_tail=True)
    # Identity slots also try creator spellings and exclusions, so that the longest spelling at a
    # position wins: "I'm Nex-AGI's model" must not read as a claim to be "Nex".
    orgs = alternation(creator_names, with_tail=False)
    claims = "|".join(_fill(p.template, i, everything, orgs) for i, p in enumerate(CLAIMS))
    creator_slot = alternation(creator_names + identity_names + excludes, with_tail=True)
    creators = "|".join(
        "(?P<p{i}>{body})".format(
            i=i,
            body=p.template.replace("{O}", f"(?P<o{i}>{creator_slot})").replace("{C}", f"(?P<c{i}>{_CAP_ORG})"),
        )
        for i, p in enumerate(CREATORS)
    )
    table = _table(lexicon)
    return Compiled(
        mentions=re.compile(everything, re.I),
        claims=re.compile(claims, re.I | re.M),
        creators=re.compile(creators, re.I),
        table=table,
        longest=max(len(k) for k in table),
    )


def lookup(compiled: Compiled, matched: str) -> tuple[tuple[str, Role], ...]:
    """The (key, kind) pairs a matched spelling names; its version tail is ignored."""
    canon = canonical(matched)
    for length in range(min(len(canon), compiled.longest), 0, -1):
        found = compiled.table.get(canon[:length])
        if found is not None:
            return found
    return ()
