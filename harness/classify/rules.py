"""The rule engine: find self-claims and creator claims, then decide.

A claim pattern only says that words *look like* a claim. Scoping rules then throw out claims
that are hypothetical ("if I were ChatGPT"), compared ("unlike GPT-4, I ..."), questioned or
negated after the name ("私はChatGPTではありません"), and creator phrases that describe some
other model ("ChatGPT, which was made by OpenAI"). The first claim that survives wins.
"""

from __future__ import annotations

import re
from pathlib import Path

from harness.classify.compiled import EXCLUDED, Compiled, compile_lexicon, lookup
from harness.classify.lexicon import Lexicon, canonical, load_lexicon
from harness.classify.normalize import Prepared, prepare
from harness.classify.patterns import CLAIMS, STOP_NAMES
from harness.classify.verdict import NONE, OTHER, Mention, Span, Verdict

# Words that make the clause they open hypothetical or comparative, in the ten languages.
_HYPOTHETICAL = re.compile(
    r"\b(?:if|imagine|pretend|pretending|suppose|supposing|assume|assuming|what\s+if|as\s+if|unlike|"
    r"rather\s+than|instead\s+of|role-?play|se|si|wenn|falls|als\s+ob|angenommen|stell\s+dir\s+vor|"
    r"immagina|imagina|supongamos|suponha|finge|finja|fingir|como\s+si|como\s+se|come\s+se|comme\s+si|если|представь|будто|"
    r"в\s+отличие)\b|如果|假如|假设|假設|要是|不像|もし|仮に|만약|만일",
    re.I,
)
# What may follow a name and turn the claim into a question or a denial.
_AFTER_NEGATED = re.compile(
    r"\s*(?:\?|？|吗|嗎|ではな|じゃな|でな|ではあり|じゃあり|ですか|이\s*아니|가\s*아니|아닙|아니에요|\s+(?:or|ou|o|oder)\s)", re.I
)
_CLAUSE_END = re.compile(r"[.!?;:\n。！？；，,]")
_SENTENCE_END = re.compile(r"[.!?\n。！？]")
_CREATOR_NEGATION = re.compile(
    r"(?:\b(?:not|never|no|não|nao|nunca|pas|nicht|non|не|нет|neither|nor)\b|n't|不是|并非|並非|没有|沒有)[^.!?\n]{0,12}$",
    re.I,
)
_FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|me|my|myself|eu|sou|fui|meu|minha|yo|soy|mi|je|j'|suis|moi|ich|mich|mein|meine|bin|io|sono|"
    r"я|меня|мой|моя|меня)\b|我|私|僕|저는|제가|저를|나는|내가",
    re.I,
)
_CREATOR_STOP = frozenset(
    "the a an my our their his her its users humans people researchers developers engineers scientists "
    "team teams experts company companies someone a group humanity".split()
)


class Classifier:
    """Reads one completion and says which identity and creator it claims.

    Build it with ``load_classifier``; one instance is safe to reuse for any number of texts.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._compiled: Compiled = compile_lexicon(lexicon)

    def classify(self, text: str) -> Verdict:
        """The verdict for ``text`` (hostile input: it is only ever matched, never run)."""
        prep = prepare(text)
        verdict = Verdict(mentions=self._mentions(prep))
        claim = self._identity_claim(prep)
        if claim is not None:
            verdict.identity = claim[0]
            verdict.evidence.append(Span(*prep.span(claim[1], claim[2]), role="identity"))
        creator = self._creator_claim(prep, verdict.identity)
        if creator is not None:
            verdict.creator = creator[0]
            verdict.evidence.append(Span(*prep.span(creator[1], creator[2]), role="creator"))
        return verdict

    def _mentions(self, prep: Prepared) -> list[Mention]:
        out: list[Mention] = []
        for match in self._compiled.mentions.finditer(prep.text):
            for key, kind in lookup(self._compiled, match.group()):
                if key != EXCLUDED:
                    out.append(Mention(key, kind, *prep.span(match.start(), match.end())))
        return out

    def _identity_claim(self, prep: Prepared) -> tuple[str, int, int] | None:
        """First surviving self-claim: (key, start, end) in ``prep.text`` offsets."""
        text = prep.visible
        pos = 0
        while (match := self._compiled.claims.search(text, pos)) is not None:
            key = self._claim_key(match, text)
            if key is not None:
                return key, match.start(match.lastindex or 0), match.end()
            pos = match.start() + 1
        return None

    def _claim_key(self, match: re.Match[str], text: str) -> str | None:
        """The identity a claim match names, or ``None`` when scoping rules reject it."""
        index = int((match.lastgroup or "p0")[1:])
        pattern = CLAIMS[index]
        if _AFTER_NEGATED.match(text, match.end()) or self._hypothetical(text, match.start(f"p{index}")):
            return None
        alias = match.group(f"n{index}")
        if alias is not None:
            for key, kind in lookup(self._compiled, alias):
                if key == EXCLUDED:
                    return None
                if kind == "identity":
                    return key
            return None  # a creator spelling ("I'm from OpenAI" is a creator claim, not a name)
        name = match.group(f"c{index}")
        if name is None or pattern.strength == "alias":
            return None
        first = re.split(r"[\s\-']", name, maxsplit=1)[0]
        if canonical(first) in STOP_NAMES or first.casefold() in STOP_NAMES:
            return None
        if lookup(self._compiled, name):
            return None  # an organisation or excluded phrase, not a personal name
        return OTHER

    @staticmethod
    def _hypothetical(text: str, start: int) -> bool:
        """Whether the clause before ``start`` makes the claim hypothetical or a comparison."""
        window = text[max(0, start - 60) : start]
        cut = None
        for cut in _CLAUSE_END.finditer(window):
            pass
        clause = window[cut.end() :] if cut is not None else window
        return _HYPOTHETICAL.search(clause) is not None

    def _creator_claim(self, prep: Prepared, identity: str) -> tuple[str, int, int] | None:
        """First surviving creator claim: (key, start, end)."""
        text = prep.visible
        pos = 0
        while (match := self._compiled.creators.search(text, pos)) is not None:
            key = self._creator_key(match, text, identity)
            if key is not None:
                return key, match.start(), match.end()
            pos = match.start() + 1
        return None

    def _creator_key(self, match: re.Match[str], text: str, identity: str) -> str | None:
        index = int((match.lastgroup or "p0")[1:])
        before = text[max(0, match.start() - 40) : match.start()]
        if _CREATOR_NEGATION.search(before) or self._hypothetical(text, match.start()):
            return None
        if not self._about_self(text, match.start(), identity):
            return None
        org = match.group(f"o{index}")
        if org is not None:
            found = lookup(self._compiled, org)
            for key, kind in found:
                if kind == "creator" and key != EXCLUDED:
                    return key
            for key, kind in found:
                if kind == "identity" and key != EXCLUDED:
                    return self.lexicon.usual_creator(key) or OTHER
            return None
        name = match.group(f"c{index}")
        if name is None or name.split()[0].casefold() in _CREATOR_STOP:
            return None
        return OTHER

    def _about_self(self, text: str, start: int, identity: str) -> bool:
        """Whether a creator phrase at ``start`` describes the speaker, not some other model.

        The nearest subject before it in the same sentence decides: a first-person word or the
        claimed identity's name means the speaker; another model's name means that model.
        """
        sentence_start = 0
        for end in _SENTENCE_END.finditer(text, max(0, start - 300), start):
            sentence_start = end.end()
        prefix = text[sentence_start:start]
        last_self = max((m.end() for m in _FIRST_PERSON.finditer(prefix)), default=-1)
        last_other = -1
        for m in self._compiled.mentions.finditer(prefix):
            keys = [k for k, kind in lookup(self._compiled, m.group()) if kind == "identity"]
            if keys and identity not in keys and m.start() > last_self:
                last_other = max(last_other, m.end())
        if last_other > last_self:
            return False
        if last_self >= 0:
            return True
        return identity != NONE or _FIRST_PERSON.search(text) is not None


def load_classifier(lexicon_path: Path | None = None) -> Classifier:
    """The rule classifier for a lexicon file (``None``: ``probes/lexicon.yaml``)."""
    return Classifier(load_lexicon(lexicon_path))
