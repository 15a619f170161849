"""The lexicon: identity and creator keys, their spellings, and how spellings become regexes.

The default lives in ``probes/lexicons/default.yaml``; users pass their own with ``--lexicon``. It is
validated by pydantic through ``harness.yamlio.load_model``, so mistakes are reported as
``file:line: field: problem``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from harness.paths import PROBES_DIR
from harness.yamlio import load_model

DEFAULT_LEXICON = PROBES_DIR / "lexicons" / "default.yaml"
RESERVED = ("other", "none")
Script = Literal["latin", "han", "kana", "hangul", "cyrillic"]
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# Which characters may stand next to a spelling without making it part of a longer word, by the
# script of the spelling's first/last character. Han and Hangul have no word spaces and Korean
# attaches particles ("클로드입니다"), so they get no boundary at all.
_WORD_CHARS = {
    "latin": r"A-Za-z0-9\u00C0-\u024F",
    "cyrillic": r"\u0400-\u04FF",
    "kana": r"\u30A0-\u30FF\u3040-\u309F",
}
_SCRIPT_RANGES: dict[str, str] = {
    "latin": r"[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF .\-'&]",  # with Vietnamese letters
    "cyrillic": r"[\u0400-\u04FFA-Za-z0-9 .\-]",
    "kana": r"[\u30A0-\u30FF\u3040-\u309FA-Za-z0-9 ]",
    "hangul": r"[\uAC00-\uD7AF\u1100-\u11FFA-Za-z0-9 ]",
    "han": r"[\u4E00-\u9FFF\u3400-\u4DBFA-Za-z0-9 ]",
}
# Version tails after a name: "2.5", "72B", "4o", "V3", "A17B", "3.5 Sonnet", "-Instruct".
_TAIL_NUMBER = r"(?:\d+(?:\.\d+)*[A-Za-z0-9]*|[A-Za-z]\d+(?:\.\d+)*[A-Za-z0-9]*)"
_TAIL_WORD = r"(?i:sonnet|opus|haiku|flash|turbo|instruct|coder|preview|large|small|medium|mini|nano|pro|max|plus|ultra|lite)"
_TAIL_HYPHEN_WORD = r"(?i:pro|mini|max|plus|chat|nano|ultra|open|it|base|large|small|medium)"
VERSION_TAIL = (
    rf"(?:(?:[ \-_]?{_TAIL_NUMBER}|[ \-_]{_TAIL_WORD}|[\-_]{_TAIL_HYPHEN_WORD})(?![A-Za-z0-9]))*"
)


class Entry(BaseModel):
    """What identities and creators share: a display name, spellings and exclusions."""

    model_config = ConfigDict(extra="forbid")

    display: str = Field(min_length=1)
    """The name shown in reports."""
    aliases: dict[Script, list[str]] = Field(min_length=1)
    """Spellings by script, e.g. ``{latin: [Qwen], han: [通义千问]}``."""
    exclude: list[str] = Field(default_factory=list)
    """Phrases that contain a spelling but do not name this entry ("Rio de Janeiro")."""

    @field_validator("aliases")
    @classmethod
    def _aliases_in_script(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for script, names in value.items():
            if not names:
                raise ValueError(f"aliases.{script} is empty; remove it or add a spelling")
            allowed = re.compile(_SCRIPT_RANGES[script] + "+")
            for name in names:
                if not name.strip():
                    raise ValueError(f"aliases.{script} holds an empty spelling")
                if not allowed.fullmatch(unicodedata.normalize("NFKC", name)):
                    raise ValueError(f"alias {name!r} is not written in the {script} script")
        return value

    def spellings(self) -> list[str]:
        """All spellings, every script together."""
        return [name for names in self.aliases.values() for name in names]


class IdentityEntry(Entry):
    """An identity a model may claim to be."""

    usual_creator: str | None = None
    """The creator key that normally goes with this identity."""


class OtherEntry(Entry):
    """A real name outside the reported keys (a Japanese or Korean maker such as NTT, a model such as
    tsuzumi): found like any spelling, so its role in a sentence is read, but reported as ``other``."""

    role: Literal["identity", "creator"]
    """Whether it names a model (``identity``, also a base) or an organisation (``creator``)."""


class Lexicon(BaseModel):
    """Identity and creator keys with their spellings."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    identities: dict[str, IdentityEntry] = Field(min_length=1)
    creators: dict[str, Entry] = Field(default_factory=dict)
    others: dict[str, OtherEntry] = Field(default_factory=dict)
    """Names recognised but counted as ``other`` (the keys only label them in the file)."""

    @model_validator(mode="after")
    def _check_keys(self) -> Lexicon:
        for kind, keys in (("identities", self.identities), ("creators", self.creators), ("others", self.others)):
            for key in keys:
                if key in RESERVED or not _KEY.match(key):
                    raise ValueError(f"{kind} key {key!r}: use lower case letters, digits and '-', not other/none")
        for key, ident in self.identities.items():
            if ident.usual_creator is not None and ident.usual_creator not in self.creators:
                raise ValueError(f"identities.{key}.usual_creator {ident.usual_creator!r} is not a creator key")
        for kind, table in (("identities", self.identities), ("creators", self.creators)):
            seen: dict[str, str] = {}
            role = "identity" if kind == "identities" else "creator"
            named: dict[str, Entry] = {**table, **{f"others.{k}": e for k, e in self.others.items() if e.role == role}}
            for key, entry in named.items():
                for name in entry.spellings():
                    canon = canonical(name)
                    if seen.get(canon, key) != key:
                        raise ValueError(f"{kind}: spelling {name!r} is given for both {seen[canon]!r} and {key!r}")
                    seen[canon] = key
        return self

    @property
    def identity_keys(self) -> list[str]:
        """Identity keys in file order."""
        return list(self.identities)

    @property
    def creator_keys(self) -> list[str]:
        """Creator keys in file order."""
        return list(self.creators)

    def display(self, key: str) -> str:
        """Display name of an identity or creator key (``other``/``none`` shown as such)."""
        entry = self.identities.get(key) or self.creators.get(key)
        return entry.display if entry is not None else key

    def usual_creator(self, identity: str) -> str | None:
        """The creator key that normally goes with ``identity`` (``None`` if not given)."""
        entry = self.identities.get(identity)
        return entry.usual_creator if entry is not None else None


def canonical(name: str) -> str:
    """The form spellings are compared in: NFKC, case-folded, without spaces, '-' and '_'."""
    return re.sub(r"[\s\-_]+", "", unicodedata.normalize("NFKC", name).casefold())


def _script_of(char: str) -> str:
    code = ord(char)
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if code < 0x0250:
        return "latin"
    return "none"


def spelling_regex(name: str, with_tail: bool) -> str:
    """A regex for one spelling: flexible separators, script-aware word boundaries, version tail."""
    name = unicodedata.normalize("NFKC", name)
    parts = [re.escape(p) for p in re.split(r"[\s\-_]+", name) if p]
    body = r"[ \-_]?".join(parts)
    head = _WORD_CHARS.get(_script_of(name[0]))
    tail_script = _WORD_CHARS.get(_script_of(name[-1]))
    before = f"(?<![{head}])" if head else ""
    tail = VERSION_TAIL if with_tail and _script_of(name[-1]) == "latin" else ""
    after = f"(?![{tail_script}])" if tail_script else ""
    return before + body + tail + after


def alternation(names: list[str], with_tail: bool) -> str:
    """Longest spellings first, so that at one position the longest spelling wins."""
    unique = sorted(set(names), key=lambda n: (-len(n), n))
    return "|".join(spelling_regex(n, with_tail) for n in unique)


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load and validate a lexicon file; ``None`` loads ``probes/lexicons/default.yaml``."""
    return load_model(Path(path) if path is not None else DEFAULT_LEXICON, Lexicon)
