"""The rule engine: find self-claims and creator claims, then decide.

A claim pattern (``patterns.py``) only says that words *look like* a claim. Scoping rules
(``scope.py``) then throw out claims that are denied ("no soy ChatGPT"), hypothetical ("if I
were ChatGPT"), quoted ("Earlier I said 'I am ChatGPT'"), questioned ("私はChatGPTですか"), and
creator phrases that describe some other model ("ChatGPT, which was made by OpenAI"). The
earliest claim that survives wins (``identity.py``, ``creator.py``). "I am not ChatGPT" needs no
rule at all: "not" is no filler, so no pattern matches.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from harness.classify.based import find_based
from harness.classify.compiled import EXCLUDED, Compiled, Name, compile_lexicon, key_of, scan
from harness.classify.creator import find_creator
from harness.classify.doc import Doc
from harness.classify.identity import find_identity
from harness.classify.lexicon import Lexicon, load_lexicon
from harness.classify.normalize import Prepared, prepare
from harness.classify.patterns import ARTICLES, OF_WORDS, RULES_VERSION
from harness.classify.verdict import OTHER, Mention, Span, Verdict
from harness.classify.wordlists import words_source


class Classifier:
    """Reads one completion and says which identity and creator it claims.

    Build it with ``load_classifier``. It keeps no state between texts, so one instance serves
    any number of texts, from any number of threads.
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._c: Compiled = compile_lexicon(lexicon)

    def fingerprint(self) -> dict[str, str]:
        """What a report must state to be reproducible: rule-set version and lexicon hash.

        The hash covers the validated lexicon content, so it is the same for the same lexicon
        whatever file it came from.
        """
        blob = json.dumps(self.lexicon.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return {"rules_version": RULES_VERSION, "lexicon_sha256": hashlib.sha256(blob.encode()).hexdigest()}

    def classify(self, text: str) -> Verdict:
        """The verdict for ``text`` (hostile input: it is only ever matched, never run)."""
        prep = prepare(text)
        names, cues, marks = scan(self._c, prep.text)
        verdict = Verdict(mentions=_mentions(prep, names))
        if prep.visible is not prep.text:  # reasoning blocks: claims only count outside them
            visible, full = prep.visible, prep.text
            names = [n for n in names if visible[n.start : n.end] == full[n.start : n.end]]
            cues = [c for c in cues if visible[c[0]] == full[c[0]]]
            marks = marks.only_visible(visible, full)
        doc = Doc(prep.visible, names, cues, marks, self._c, self.lexicon, [n.start for n in names])
        based = find_based(doc)
        if based is not None:
            verdict.based_on = based[0][0]
            verdict.evidence.append(Span(*prep.span(based[0][1], based[0][2]), "based_on"))
            # Names inside the phrase ("powered by OpenAI's GPT-4") belong to the base: neither the
            # identity nor the maker of the speaker.
            # (In its own line and table cell only: in a one-row profile table the header names the
            # base's column and the row's first cell is the speaker's name.)
            cell = max(doc.text.rfind("\n", based[0][1], based[1]), doc.text.rfind("|", based[0][1], based[1])) + 1
            low, high = max(based[0][1], cell), _apposition_end(names, based[0][2], doc.text)
            doc = doc._replace(skip=frozenset([based[1], *(n.start for n in names if low <= n.start < high)]))
        claim = find_identity(doc)
        if claim is not None and claim[0] == OTHER and doc.marks.has("noname") and doc.marks["noname"]:
            claim = None  # "I have no special name; call me 'Guide'": a role, not a name
        if claim is not None:
            verdict.identity = claim[0]
            verdict.evidence.append(Span(*prep.span(claim[1], claim[2]), "identity"))
        creator = find_creator(doc, verdict.identity)
        if creator is not None:
            verdict.creator = creator[0]
            verdict.evidence.append(Span(*prep.span(creator[1], creator[2]), "creator"))
        return verdict


# A described apposition before the base's maker: "Granite, la famille de modèles d'IBM".
# (each language file's ``articles`` and ``of_words``; matched case-sensitively: "La" opens a name)
_DESCRIBED = re.compile(r"\s*,\s*" + words_source(ARTICLES, "") + r"\s*[^,.;:!?\n]{0,40}?\s" + words_source(OF_WORDS, r"\s+"))


def _apposition_end(names: list[Name], end: int, text: str) -> int:
    """Where an apposition right after a base's name ends: the organisation there is the base's
    maker ("powered by Gemini, Google's family of models"), not the speaker's."""
    for name in names:
        if end < name.start <= end + 3:
            # only an organisation: "GPT-4o 기반의 ChatGPT예요" names the speaker after its base
            return name.end if key_of(name, "identity") in (None, EXCLUDED) else end
        if name.start > end + 3:
            described = _DESCRIBED.fullmatch(text, end, name.start) if text[end : end + 1] == "," else None
            if described is not None and key_of(name, "identity") in (None, EXCLUDED):
                return name.end
            break
    return end


# Not mentions: exclusions ("Rio de Janeiro") and the lexicon's ``others`` (no key of their own).
_UNCOUNTED = frozenset([EXCLUDED, OTHER])


def _mentions(prep: Prepared, names: list[Name]) -> list[Mention]:
    if prep.origin is None:  # offsets are already the original's (nearly every text)
        return [Mention(key, kind, n.start, n.end) for n in names for key, kind in n.pairs if key not in _UNCOUNTED]
    out = []
    for name in names:
        start, end = prep.span(name.start, name.end)
        for key, kind in name.pairs:
            if key not in _UNCOUNTED:
                out.append(Mention(key, kind, start, end))
    return out


def load_classifier(lexicon_path: Path | None = None) -> Classifier:
    """The rule classifier for a lexicon file (``None``: ``probes/lexicons/default.yaml``)."""
    return Classifier(load_lexicon(lexicon_path))
