"""Claim patterns, as the engine uses them: how models say "I am X", "Y made me", "built on Z".

The patterns themselves are data: one file per language in ``harness/classify/languages/``
(``langfiles.py`` loads and validates them). This module turns them into the tuples the engine
indexes.

A pattern is found in two steps, which keeps classification fast: a multi-string search finds
its *anchors* (literal cue words such as " i am ", "我是", " меня зовут "; a leading or trailing
space means a word boundary there), then ``pre`` is matched, case-insensitively, at the anchor
and must end exactly where a name starts. Patterns without anchors are tried at every lexicon
name instead ("Claude here", "Claudeです", "Anthropicによって開発"); ``before`` must then match
the few characters before the name. ``post`` must match right after the name.

Strength says what a cue may introduce:

* ``name``: the cue gives a name outright ("my name is", "me llamo", "我叫"): any name counts.
* ``self``: "I am", "soy", "我是": a lexicon name, or a capitalised name not in the stop list.
* ``alias``: weaker cues ("this is", "X here", "As X, I"): only lexicon names count.

``shape`` is what a name outside the lexicon looks like after this cue (``cap``: a capitalised
Latin or Cyrillic word, ``han``/``kana``/``hangul``: a run of those characters, ``""``: none).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from harness.classify.langfiles import ClaimSpec, CreatorSpec, LanguageFile, load_languages

Strength = Literal["name", "self", "alias"]
RULES_VERSION = "rules-16"
"""Change whenever a pattern or scope rule changes what a text is classified as."""


class ClaimPattern(NamedTuple):
    lang: str
    strength: Strength
    anchors: tuple[str, ...]
    pre: str
    post: str = ""
    shape: str = "cap"
    before: str = ""
    gap: str = ""
    """Words allowed between ``pre`` and a *lexicon* name further on ("your wonderful SmolLM")."""
    suffix: bool = False
    """The anchor follows the name ("Xと申します"); ``pre`` captures the name before it."""


class CreatorPattern(NamedTuple):
    lang: str
    anchors: tuple[str, ...]
    pre: str
    post: str = ""
    cap: bool = True
    before: str = ""
    self_evident: bool = False
    """The phrase itself says it is about the speaker ("xAI built me"): skip the subject check."""
    orgs_only: bool = False
    """Only organisation names count: "de Google" is a creator, "a Gemma model" names a base."""
    after_identity: bool = False
    """``before`` must start right where an identity name ends ("Kimi, de Moonshot AI")."""
    after_preposition: bool = False
    """The organisation follows one of ``PREPOSITIONS``."""
    after_model_noun: bool = False
    """...and one of the five words before that preposition is one of ``MODEL_NOUNS``."""
    before_identity: bool = False
    """An identity name must follow ``post`` directly ("百度的文心一言")."""
    suffix: bool = False
    """The anchor follows the organisation ("네이버가 만든"); ``pre`` captures it before the anchor."""


class BasedPattern(NamedTuple):
    lang: str
    anchors: tuple[str, ...]
    pre: str
    post: str = ""
    before: str = ""
    gap: str = ""

_FILES = load_languages()


def _every(files: tuple[LanguageFile, ...], field: str) -> tuple[str, ...]:
    """One list field of every language file, in file order, each regex once ("ou" is French and
    Portuguese): what ``scope.py`` joins into one alternation."""
    return tuple(dict.fromkeys(regex for file in files for regex in getattr(file, field)))


RETRACTIONS = _every(_FILES, "retractions")
"""Every language's words that take a claim back at once ("... ah non"), for ``scope.py``."""
DENIALS_AFTER = _every(_FILES, "denials_after")
"""Every language's words after a name that deny or question it ("ではな", "吗"), for ``scope.py``."""
NEGATIONS = _every(_FILES, "negations")
"""Every language's negations that end right before a cue or name ("not ", "不是"), for ``scope.py``."""
NEGATED_SELF = _every(_FILES, "negated_self")
"""Every language's negated "I am" before a name ("não sou o"), for ``scope.py``."""
HEDGES = _every(_FILES, "hedges")
"""Every language's hedges set off by a comma ("Возможно,"), for ``scope.py``."""
COMPLEMENTISERS = _every(_FILES, "complementisers")
"""Every language's words that open a "that" clause ("что", "dass"), for ``scope.py``."""
PARENTHETICALS = _every(_FILES, "parentheticals")
"""Every language's parenthetical words set off by commas ("наверное", "vielleicht"), for ``scope.py``."""
NOUN_ARTICLES = _every(_FILES, "noun_articles")
"""Every language's articles before a capitalised common noun ("der"), for ``identity.py``."""
EXAMPLE_LABELS = _every(_FILES, "example_labels")
"""Every language's labels of a sample line ("Example", "例", "예시"), for ``speech.py``."""
REFUSALS = _every(_FILES, "refusals")
"""Every language's refusing words beyond its negations ("can't", "ません"), for ``scope.py``."""
ROLE_EXITS = _every(_FILES, "role_exits")
"""Every language's words that step out of a role ("actually", "на самом деле"), for ``scope.py``."""
COPULAS = _every(_FILES, "copulas")
"""Every language's "I am"/"my name is" words between a self word and a name, for ``scope.py``."""
INTENSIFIERS = _every(_FILES, "intensifiers")
"""Every language's "also"/"actually" after that verb, for ``scope.py``."""
ARTICLES = _every(_FILES, "articles")
"""Every language's articles: they open a described apposition ("la", "the"), for ``rules.py``, and
may stand between "I am" and a name ("sou o"), for ``scope.py``."""
OF_WORDS = _every(_FILES, "of_words")
"""Every language's "of"/"from" words before a base's maker ("de", "of", "от"), for ``rules.py`` and ``creator.py``."""
MODEL_STEMS = _every(_FILES, "model_stems")
"""Every language's stem of the word "model" ("modèle", "модел", "模型"), for ``based.py``."""
RELATIVES = _every(_FILES, "relatives")
"""Every language's relative pronouns after a denied name (", which"), for ``scope.py``."""
ART_CALLED_GROUP = _FILES[0].fragments["art_called"]
"""The optional "an AI assistant called" filler; ``compiled.py`` builds a copy of each pattern without it."""


def _claim(lang: str, spec: ClaimSpec) -> ClaimPattern:
    return ClaimPattern(lang, spec.strength, tuple(spec.anchors), spec.pre, spec.post, spec.shape, spec.before,
                        spec.gap, spec.suffix)


def _creator(lang: str, spec: CreatorSpec) -> CreatorPattern:
    return CreatorPattern(lang, tuple(spec.anchors), spec.pre, spec.post, spec.cap, spec.before, spec.self_evident,
                          spec.orgs_only, spec.after_identity, spec.after_preposition, spec.after_model_noun,
                          spec.before_identity, spec.suffix)


CLAIMS: tuple[ClaimPattern, ...] = tuple(_claim(f.code, c) for f in _FILES for c in f.claims)
CREATORS: tuple[CreatorPattern, ...] = tuple(_creator(f.code, c) for f in _FILES for c in f.creators)
BASED: tuple[BasedPattern, ...] = tuple(
    BasedPattern(f.code, tuple(b.anchors), b.pre, b.post, b.before, b.gap) for f in _FILES for b in f.based_on
)
PREPOSITIONS: frozenset[str] = frozenset(w for f in _FILES for w in f.prepositions)
MODEL_NOUNS: frozenset[str] = frozenset(w.casefold() for f in _FILES for w in f.model_nouns)
STOP_NAMES: frozenset[str] = frozenset(w.casefold() for f in _FILES for w in f.stop_names)
"""Capitalised words that follow "I am"/"soy"/... but are not names."""
GENERIC_WORDS: tuple[str, ...] = tuple(
    sorted({w.casefold() for f in _FILES for w in f.generic_words}, key=lambda w: (-len(w), w))
)
"""Pieces of generic descriptions ("大規模", "言語モデル", "assistant"), longest first."""
MARKERS: dict[str, tuple[str, ...]] = {}
for _file in _FILES:
    for _kind, _words in _file.markers.items():
        MARKERS[_kind] = MARKERS.get(_kind, ()) + tuple(w for w in _words if w not in MARKERS.get(_kind, ()))
