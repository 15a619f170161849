"""Per-language data files: the claim, creator and "based on" patterns and the cue words of a language.

Each language is one YAML file, ``harness/classify/languages/<code>.yaml`` (shipped as package data);
``shared.yaml`` holds what every language uses (regex fragments, language-independent patterns,
scope words common to many languages). Adding a language is adding a file and its tests: every cue,
scope word and pattern a language needs has a field here (docs/classifier.md lists the Japanese,
Korean and Chinese grammar the engine still spells out). Files are validated with pydantic; a mistake is reported as
``file:line: field: problem``, and every regex is compiled at load time so a bad one names its field.

A pattern's regexes may use ``{{fragment}}`` to insert a fragment from ``shared.yaml`` or from the
file's own ``fragments``. ``{{art_called}}`` (the optional "an assistant called" filler) is special:
the engine also builds a cheaper copy of the pattern without it (see ``compiled.py``).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from harness.yamlio import ConfigError, _field_name, _locate, read_yaml

LANGUAGES_ENV = "IDPROBE_CLASSIFIER_LANGUAGES"
"""Names a directory of language files to use instead of the shipped ones: for developing and
testing a new language before it is added to ``harness/classify/languages/``."""
LANGUAGES_DIR = Path(os.environ.get(LANGUAGES_ENV) or Path(__file__).resolve().parent / "languages")
SHARED = "shared"
MarkerKind = Literal["named", "hyp", "neg", "self", "speech", "play", "echo", "noname"]
_FRAGMENT = re.compile(r"\{\{(\w+)\}\}")
_SHAPES = frozenset(["", "cap", "han", "kana", "hangul", "ja", "ko", "hanname", "kananame", "hangulname", "kananame_hira",
                     "hira", "hangultopic", "any"])


def expand(source: str, fragments: dict[str, str]) -> str:
    """``source`` with every ``{{name}}`` replaced by its fragment (fragments may nest)."""
    for _ in range(5):
        if "{{" not in source:
            return source
        source = _FRAGMENT.sub(lambda m: _fragment(m.group(1), fragments), source)
    return source


def _fragment(name: str, fragments: dict[str, str]) -> str:
    if name not in fragments:
        raise ValueError(f"unknown fragment {{{{{name}}}}}; known: {', '.join(sorted(fragments))}")
    return fragments[name]


def _check_regex(value: str, info: ValidationInfo) -> str:
    """Expand fragments and compile: a bad regex fails at load time, naming its field."""
    fragments = (info.context or {}).get("fragments", {})
    expanded = expand(value, fragments)
    try:
        re.compile(expanded)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    return expanded


class _Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid")

    anchors: list[str] = Field(default_factory=list)
    """Literal cue words found by the one-pass search ("i am ", "我是"); a leading or trailing space
    means a word boundary there. Without anchors the pattern is tried at every lexicon name."""
    pre: str = ""
    """Regex matched (case-insensitively) at an anchor; it must end where the name starts."""
    post: str = ""
    """Regex that must match right after the name."""
    before: str = ""
    """Regex that must match the few characters before an anchor (or the name, without anchors)."""

    _regexes = field_validator("pre", "post", "before", check_fields=False)(_check_regex)

    @field_validator("anchors")
    @classmethod
    def _anchors_not_blank(cls, value: list[str]) -> list[str]:
        if any(not a.strip() for a in value):
            raise ValueError("an anchor is empty or only spaces")
        return value


class ClaimSpec(_Pattern):
    """How a text says "I am X" in this language."""

    strength: Literal["name", "self", "alias"]
    """``name``: the cue gives a name outright ("my name is"), any name counts; ``self``: "I am", a
    lexicon name or a capitalised non-stop word; ``alias``: lexicon names only."""
    shape: str = "cap"
    """What a name outside the lexicon looks like here, ``|``-separated: cap, han, kana, hangul, ja, ko,
    hanname, kananame, hangulname, kananame_hira (kana or kanji with hiragana, for card values), hira
    (a hiragana name before a copula: "私の名前はさくらです"), hangultopic (a Hangul name before 은/는/이/가), any (see ``identity.py``); empty: lexicon names only."""
    gap: str = ""
    """Regex for describing words allowed between ``pre`` and a lexicon name ("I am a language model,")."""
    suffix: bool = False
    """The anchor comes AFTER the name ("Xと申します", "X라고 합니다"): ``pre`` is then matched,
    ending at the anchor, against the text before it and must capture the name as group ``name``."""

    _gap = field_validator("gap")(_check_regex)

    @field_validator("shape")
    @classmethod
    def _known_shapes(cls, value: str) -> str:
        unknown = [s for s in value.split("|") if s not in _SHAPES]
        if unknown:
            raise ValueError(f"unknown shape {unknown[0]!r}; known: {', '.join(sorted(_SHAPES - {''}))}")
        return value


class CreatorSpec(_Pattern):
    """How a text says "Y made me" in this language."""

    cap: bool = True
    """A capitalised word after the cue counts as an organisation outside the lexicon (``other``)."""
    self_evident: bool = False
    """The phrase itself says it is about the speaker ("xAI built me"): skip the subject check."""
    orgs_only: bool = False
    """Only organisation names count: "de Google" is a creator, "a Gemma model" names a base."""
    after_identity: bool = False
    """``before`` must start right where an identity name ends ("Kimi, de Moonshot AI")."""
    after_preposition: bool = False
    """The organisation follows one of the ``prepositions``."""
    after_model_noun: bool = False
    """...and one of the five words before that preposition is one of the ``model_nouns``."""
    before_identity: bool = False
    """An identity name must follow ``post`` directly ("百度的文心一言", "구글의 제미나이")."""
    suffix: bool = False
    """The anchor (the verb) comes AFTER the organisation ("네이버가 만든", "NTTが開発した"): ``pre``
    is matched against the text before it, ending at the anchor, and captures it as group ``name``."""


class BasedSpec(_Pattern):
    """How a text says "I am built on X" in this language ("based on", "基于", "на основе")."""

    gap: str = ""
    """Regex for words allowed between ``pre`` and the lexicon name ("the", "architecture of")."""

    _gap = field_validator("gap")(_check_regex)


class LanguageFile(BaseModel):
    """One language's patterns and cue words."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^[a-z]{2,3}$")
    """ISO 639-1 code (``xx`` for shared.yaml); must match the file name."""
    name: str = Field(min_length=1)
    """The language's English name, for messages and docs."""
    fragments: dict[str, str] = Field(default_factory=dict)
    """Named regex pieces that patterns insert with ``{{name}}``."""
    claims: list[ClaimSpec] = Field(default_factory=list)
    """Self-naming patterns."""
    creators: list[CreatorSpec] = Field(default_factory=list)
    """Maker patterns."""
    based_on: list[BasedSpec] = Field(default_factory=list)
    """"Built on X" patterns."""
    markers: dict[MarkerKind, list[str]] = Field(default_factory=dict)
    """Scope words by kind (see ``markers.py``); spaces at either end mean word boundaries."""
    stop_names: list[str] = Field(default_factory=list)
    """Capitalised words that follow "I am" but are not names ("Sorry", "Happy")."""
    generic_words: list[str] = Field(default_factory=list)
    """Words that make up generic descriptions, not names ("大規模", "言語", "モデル", "assistant")."""
    prepositions: list[str] = Field(default_factory=list)
    """Words that introduce a maker after a model noun ("un modelo de Google")."""
    model_nouns: list[str] = Field(default_factory=list)
    """Nouns for a model or assistant ("modelo", "assistant")."""
    retractions: list[Annotated[str, AfterValidator(_check_regex)]] = Field(default_factory=list)
    """Regexes for words that take a claim back at once, matched (case-insensitively) right after the
    claimed name and any closing quote: "GPT-4... ah non, je me trompe", "我是GPT-4……啊不"."""
    denials_after: list[Annotated[str, AfterValidator(_check_regex)]] = Field(default_factory=list)
    """Regexes for words right after a name (and closing markup) that deny or question it: "ではな",
    "이 아니", "吗", " or " ("GPT-4 or Claude?"). A question mark is the engine's own."""
    negations: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Words that, right before a cue or a name, deny it: "not", "nicht", "不是" ("not ChatGPT",
    "不是Claude"). A word in Latin or Cyrillic script needs a word boundary before it and a space after
    it; one in Han, kana or Hangul needs neither."""
    negated_self: list[Annotated[str, AfterValidator(_check_regex)]] = Field(default_factory=list)
    """Regexes for a negated "I am" (and article) ending right before a name: "não sou o ChatGPT"."""
    hedges: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Words for a hedge that a comma sets off before a claim: "Возможно, я DeepSeek", "maybe, I am"
    (boundaries as for ``negations``; the engine adds the comma). The word must also be a ``hyp`` marker."""
    complementisers: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Words that open a "that" clause after a comma ("что", "dass"): such a clause belongs to the
    clause before it, so "я бы ответил, что меня создал Google" is as hypothetical as its governor
    (boundaries as for ``negations``)."""
    parentheticals: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Words set off by commas inside a clause that do not end it ("я бы, наверное, ответил",
    "ich würde, vielleicht, sagen"), skipped when looking for the clause that governs a "that" clause."""
    noun_articles: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Articles after which a capitalised word is a common noun, not a name, in languages that
    capitalise nouns: "Ich bin der Vogelkunde-Bot" claims no name (German "der", "die", ...)."""
    example_labels: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Words that label a sample ("Example: I am Claude", "例: 私はChatGPTです", "예시:") or end a
    heading that announces one: the words after them are a sample, not the speaker's. Matched with
    no word boundary, so "例" also covers "回答例"."""
    refusals: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Words that refuse what follows, beyond the ``negations``: "can't", "won't", "ません", "않".
    With the negations, shortly before a role-play word they decline it ("I can't role-play, but I'm
    happy to help: I am Claude" claims Claude); boundaries as for ``negations``."""
    role_exits: list[Annotated[str, AfterValidator(_check_regex)]] = Field(default_factory=list)
    """Regexes for words that step out of a role-play before the real answer, each with its own
    boundaries: ``\\bactually\\b``, "実際". After them a claim counts again ("Let's play: I'm Kimi.
    Actually, to be clear: I'm Nex" claims Nex)."""
    copulas: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """The verb or phrase between a self word and a name ("I am", "je suis", "我是", "меня зовут", "my
    name is"): between the speaker's "I" and a name, with an intensifier and an article, it keeps the
    name the speaker's own. Matched with no boundary added."""
    intensifiers: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Words allowed after that verb ("I am also", "I'm actually"); no boundary added."""
    articles: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Articles. After a base's name they open a described apposition ("Granite, la famille de modèles
    d'IBM", "Gemini, the family of models from Google") whose organisation is the base's maker, not the
    speaker's (boundaries as for ``negations``; an elided "l'" runs into the next word); between the
    speaker's "I am" and a name they may stand before it ("je suis le", "sou o")."""
    of_words: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Words for "of"/"from" that introduce a base's maker after that apposition or after the base's
    version words ("Claude 3.5 Sonnet, da Anthropic", "GPT-4 Turbo d'OpenAI")."""
    model_stems: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """The word for "model", as a stem matched anywhere ("модел" covers "модели"): between a "based
    on" cue and a name outside the lexicon it says the name is a base model ("auf dem Modell LeoLM")."""
    relatives: list[Annotated[str, AfterValidator(_check_regex)]] = Field(default_factory=list)
    """Regexes matched right after a denied name (and closing markup) that make it the subject of what
    follows: ``\\s*,\\s*(?:which|who)\\b`` ("not ChatGPT, which is made by OpenAI")."""


def _no_duplicate_keys(path: Path, node: yaml.Node) -> None:
    """YAML keeps the last of two equal keys silently; a language file must not lose words so."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    raise ConfigError(f"{path}:{key.start_mark.line + 1}: duplicate key {key.value!r}")
                seen.add(key.value)
            _no_duplicate_keys(path, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _no_duplicate_keys(path, item)


def load_language_file(path: Path, fragments: dict[str, str]) -> LanguageFile:
    """Validate one language file; errors read ``file:line: field: problem``."""
    data, node = read_yaml(path)
    if node is not None:
        _no_duplicate_keys(path, node)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: expected a mapping with code, name, claims, ...")
    own = data.get("fragments") or {}
    merged = {**fragments, **(own if isinstance(own, dict) else {})}
    try:
        model = LanguageFile.model_validate(data, context={"fragments": merged})
    except ValidationError as exc:
        lines = [f"{path}:{_locate(node, tuple(e['loc'])) if node is not None else 1}: "
                 f"{_field_name(tuple(e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise ConfigError("\n".join(lines)) from None
    expected = "xx" if path.stem == SHARED else path.stem
    if model.code != expected:
        raise ConfigError(f"{path}:1: code: {model.code!r} does not match the file name (expected {expected!r})")
    model.fragments = merged
    return model


def load_languages(directory: Path | None = None) -> tuple[LanguageFile, ...]:
    """``shared.yaml`` first, then every ``<code>.yaml`` in name order (default: the shipped
    ``languages/`` directory, read when this is called)."""
    return _load_languages(Path(directory) if directory is not None else LANGUAGES_DIR)


@lru_cache(maxsize=4)
def _load_languages(directory: Path) -> tuple[LanguageFile, ...]:
    shared_path = directory / f"{SHARED}.yaml"
    raw: Any = read_yaml(shared_path)[0] or {}
    shared = load_language_file(shared_path, dict(raw.get("fragments") or {}))
    files = [shared]
    for path in sorted(directory.glob("*.yaml")):
        if path.stem != SHARED:
            files.append(load_language_file(path, shared.fragments))
    return tuple(files)
