"""What the classifier says about one completion."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Role = Literal["identity", "creator", "based_on"]
OTHER = "other"
NONE = "none"


class Span(NamedTuple):
    """Characters ``[start, end)`` of the original text that decided a claim.

    A named tuple rather than a frozen dataclass: it is built for every claim of every text,
    and frozen dataclasses are several times slower to construct.
    """

    start: int
    end: int
    role: Role

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {"start": self.start, "end": self.end, "role": self.role}


class Mention(NamedTuple):
    """One lexicon spelling found anywhere in the text, claimed or not (think blocks included)."""

    key: str
    kind: Role
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {"key": self.key, "kind": self.kind, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Verdict:
    """The identity and creator a completion claims, with the evidence and every mention.

    ``identity``/``creator``/``based_on`` are lexicon keys, ``other`` (a name outside the lexicon)
    or ``none`` (no claim). ``based_on`` is the model the text says it is built on ("based on
    GPT-4", "基于Qwen"): an identity key, kept apart from the identity it claims to be.
    """

    identity: str = NONE
    creator: str = NONE
    based_on: str = NONE
    evidence: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form, as written by ``idprobe classify``."""
        return {
            "identity": self.identity,
            "creator": self.creator,
            "based_on": self.based_on,
            "evidence": [s.to_dict() for s in self.evidence],
            "mentions": [m.to_dict() for m in self.mentions],
        }

    def mentioned(self, key: str) -> bool:
        """Whether ``key`` is mentioned anywhere (the overlapping "mention count" of reports)."""
        return any(m.key == key for m in self.mentions)
