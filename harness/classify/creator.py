"""Finding the organisation a text claims made it: the earliest creator claim about itself.

This module finds creator claims (cue-led "made by X", name-led "X built me") and scopes them;
makers outside the lexicon are read in ``unlisted.py``.
"""

from __future__ import annotations

import re

from harness.classify.clause import (
    base_follows,
    end_of_identity_before,
    foreign_base,
    model_noun_before,
    word_before,
)
from harness.classify.compiled import EXCLUDED, Name, key_of
from harness.classify.doc import Doc, Found
from harness.classify.patterns import CREATORS, OF_WORDS, PREPOSITIONS
from harness.classify.scope import about_self, cjk_soon, creator_negated, hedged_after, hypothetical, negated_after, played
from harness.classify.speech import gloss_term, quoted_speech, scripted
from harness.classify.unlisted import suffix_creator, unlisted_org
from harness.classify.verdict import NONE, OTHER
from harness.classify.wordlists import words_source

# Words between a creator cue and the organisation ("the brilliant team at"); not "on the base of".
_ORG_GAP = re.compile(
    r"(?:(?!(?:on|upon|from|of|based|base|на|базе|основе|sobre|en|auf|su|basad[oa]|basead[oa]|von|durch|de|da|do|di|"
    r"del|mit|with|using|by|не|not|pas|nicht)\b)"  # "меня создала не OpenAI, а Anthropic": a denied maker
    r"[^\W\d][\w\-]*\s+){0,4}",
    re.IGNORECASE,
)
_UNRELATED = re.compile(
    r"[^。.!?！？\n]{0,16}?(?:とは関係(?:ありません|ない|がありません)|とは無関係|とは(?:異な|違|別の)|[와과]는?\s*(?:관련이\s*없|관계가\s*없|무관))"
    r"|[이가]\s*아니|ではな|じゃな"
)
# "fine-tuned from Qwen by Nex-AGI": after the base, these introduce who did the tuning, the speaker's maker.
_AGENT_WORDS = frozenset(["by", "par", "por", "pela", "pelo", "bởi", "durch", "da parte di"])
# One word right before a cue: the base's name when a "based on" phrase starts there.
_BASE_WORD = re.compile(r"[^\s,;.!?]+[ \t]+")
_QUESTION = re.compile(r"[*_\"']*\s*[?？]")
# A Japanese relative clause whose noun is then the base: "Xが開発した言語モデルをベースにした…".
_BASE_MAKER = re.compile(r"[^、。,.!?！？\n]{0,24}?[をが]\s*(?:ベース|基盤|土台|もと|基|元)(?:に|と)")
# Between a base's name and the preposition of its maker: nothing, or its version words ("Claude 3.5 Sonnet, ").
_VERSION_WORD = r"\s+(?:[\w.\-]*\d[\w.\-]*|[A-Z][\w.\-]*)"  # "3.5", "Sonnet", "Turbo", "8B"
_BASE_TAIL = re.compile(rf"\s*,?\s*|(?:{_VERSION_WORD}){{1,3}}\s*,?\s*")
# A base's version words, then its maker: "Claude 3.5 Sonnet, da Anthropic", "GPT-4 Turbo d'OpenAI".
# (each language file's ``of_words``; case-sensitive, as a version word is a number or a capitalised word)
_VERSION_OF = re.compile(rf"(?:{_VERSION_WORD}){{1,3}}\s*,?\s+" + words_source(OF_WORDS, r"\s+"))


# Places in ``Compiled.name_first_creators`` (the order of ``creator_screen``) of the name-led
# patterns without a ``post``: the screen never reports them, so they are always candidates.
_NO_POST: tuple[int, ...] = tuple(
    number for number, index in enumerate(i for i, p in enumerate(CREATORS) if not p.anchors) if not CREATORS[index].post
)


def find_creator(doc: Doc, identity: str) -> Found | None:
    """The earliest creator claim that is not denied, hypothetical or about another model.

    Candidates are tried in text order and the first that survives is returned, so most texts
    stop after one or two.
    """
    text, screen = doc.text, doc.compiled.creator_screen
    # (position, 0 = cue / 1 = name, index into cues or names)
    starts = [(start, 0, number) for number, (start, _claims, creators) in enumerate(doc.cues) if creators]
    starts += [(name.start, 1, number) for number, name in enumerate(doc.names)]
    starts.sort()
    for _position, is_name, number in starts:
        if is_name:
            name = doc.names[number]
            post_may_match = screen.any(text, name.end)  # (only for names reached: most texts stop early)
            # Without a post, only an organisation after a preposition can lead ("de Google").
            if not (post_may_match or name.pairs[0][1] == "creator" or len(name.pairs) > 1):
                continue
            if name.start in doc.skip:
                continue  # a name in a "based on" phrase: the base's maker, not the speaker's
            found = _name_led(doc, name, post_may_match, identity)
        else:
            found = _cue_led(doc, doc.cues[number][0], doc.cues[number][2], identity)
        if found is not None and _holds(doc, found[0], not is_name, found[1], identity):
            return found[0]
    return None


def _cue_led(doc: Doc, start: int, creators: tuple[int, ...], identity: str) -> tuple[Found, bool] | None:
    for index in creators:
        if (found := _cued_creator(doc, start, index, identity)) is not None:
            return found, CREATORS[index].self_evident
    return None


def _name_led(doc: Doc, name: Name, post_may_match: bool, identity: str) -> tuple[Found, bool] | None:
    if doc.skip:
        before = doc.first_name_from(name.start) - 1
        prev = doc.names[before] if before >= 0 else None
        between = doc.text[prev.end : name.start] if prev is not None else ""
        if prev is not None and prev.start in doc.skip and (name.start - prev.end <= 6 or _VERSION_OF.fullmatch(between)) \
                and between.strip(" ,").lower() not in _AGENT_WORDS:
            return None  # "на основе GPT-4o mini от OpenAI", "basé sur Llama de Meta": the base's maker
    after_preposition: bool | None = None  # worked out only if a pattern needs it
    # Only the patterns without a ``post`` and those whose ``post`` matches after the name can
    # match (most names are followed by nothing special): the others fail at once in
    # ``name_first_creator``, so they are not looped over at all.
    candidates = _NO_POST
    if post_may_match:
        posts = {n for n, _end in doc.compiled.creator_screen.matches(doc.text, name.end)}
        candidates = tuple(sorted(posts.union(_NO_POST)))
    name_first = doc.compiled.name_first_creators
    for number in candidates:
        index = name_first[number]
        if CREATORS[index].after_preposition:
            if after_preposition is None:
                after_preposition = word_before(doc.text, name.start) in PREPOSITIONS
            if not after_preposition:
                continue
        found = name_first_creator(doc, name, index)
        base_next = found is not None and base_follows(doc, name.end, 3) and not (  # (not "Xが、Mistralをベースに…調整")
            doc.starts[doc.first_name_from(name.end)] < found[2] and doc.text.startswith(("が", "가 ", "이 ", "에서 "), name.end))
        if found is not None and (base_next or foreign_base(doc, found[2], identity)) \
                and doc.lexicon.usual_creator(identity) != found[0]:  # (Gemma "from Google, built on Gemini's research")
            return None  # "Upstageが開発した「Solar」をベースに", "OpenAIのGPT-4モデルをベースに": the base's maker
        if found is not None and _another_model(doc, name.end, found[2], identity):
            continue  # "比如OpenAI的ChatGPT" when the speaker claims to be Doubao: another model's maker
        if found is not None:
            return found, CREATORS[index].self_evident
    return None


def _another_model(doc: Doc, after: int, end: int, identity: str) -> bool:
    """Whether the maker phrase ending at ``end`` runs straight into the name of a model other than
    the one the text claims ("比如OpenAI的ChatGPT", "Google's Gemini is popular"): that model's maker."""
    number = doc.first_name_from(after)
    if number >= len(doc.names) or doc.names[number].start > end + 1:
        return False
    if doc.names[number].end < end and doc.text.startswith("を", doc.names[number].end):
        return False  # "LMSYSの研究者たちが、LLaMAを…調整して作りました": the model it tuned, not another's maker
    key = key_of(doc.names[number], "identity")
    return key not in (None, EXCLUDED, identity) and doc.names[number].start not in doc.skip


def _glossed(doc: Doc, start: int, identity: str) -> bool:
    """Whether ``start`` follows a glossary term that names a model other than the speaker's
    ("- **Claude**: Anthropic이 만든 AI"): that model's maker (a card's field names no model)."""
    term = gloss_term(doc.text, start)
    for _ in range(4):  # a term no lexicon knows, in a list of models ("- **믿:음(Mi:dm)**: KT가 만든")
        if term is None:
            return False
        number = doc.first_name_from(term[0])
        if number < len(doc.names) and doc.names[number].start < term[1]:
            return key_of(doc.names[number], "identity") != identity
        line = doc.text.rfind("\n", 0, term[0])
        term = gloss_term(doc.text, line - 1) if line > 0 else None
    return False


def _holds(doc: Doc, found: Found, cued: bool, evident: bool, identity: str) -> bool:
    """Whether a creator phrase survives scoping."""
    # A negation before "X built me" ("not OpenAI — xAI built me") is not about it.
    text, marks, start, end = doc.text, doc.marks, found[1], found[2]
    if not (evident and not cued) and creator_negated(text, start, marks):
        return False
    if scripted(text, start) or played(text, start, marks) or quoted_speech(text, start, marks) \
            or _glossed(doc, start, identity):
        return False  # an example dialogue, a role's maker, someone's quoted words, or a glossary's term
    if hypothetical(text, start, marks) or _QUESTION.match(text, end):
        return False  # "Made by OpenAI?" asks; it does not claim
    # (The hedge and both phrases below start with a Japanese or Korean letter at most 24
    # characters on: one test, made once, rules all three out for most texts.)
    if cjk_soon(text, end):
        if hedged_after(text, end):
            return False  # "Anthropicが開発したと思います": a guess
        if _UNRELATED.match(text, end):
            return False  # "Googleのモデルとは関係ありません": a maker the text disowns
        if identity == NONE and _BASE_MAKER.match(text, end):
            return False  # "OpenAIが開発した言語モデルをベースにした…" (no name of its own): the base's maker
    return evident or about_self(doc, start, identity)


def _cued_creator(doc: Doc, start: int, index: int, identity: str = "none") -> Found | None:
    pattern = CREATORS[index]
    if pattern.suffix:
        return suffix_creator(doc, start, index)
    text, compiled = doc.text, doc.compiled
    match = compiled.creator_pre[index].match(text, start)  # type: ignore[union-attr]
    if match is None:
        return None
    before = compiled.creator_before[index]  # what must precede the cue ("我叫X，是<org>的助手")
    if before is not None and before.search(text, max(0, start - 80), start) is None:
        return None
    slot = match.end()
    if pattern.after_model_noun and not model_noun_before(text, slot):
        return None  # "the concierge of Horizon Air" yes, "a city of Brazil" no (tested first: it is cheap)
    key, end = None, slot
    names, skip = doc.names, doc.skip
    following = doc.first_name_from(slot)
    if following > 0 and names[following - 1].end > start and key_of(names[following - 1], "creator") == EXCLUDED:
        return None  # the "de" of "Rio de Janeiro": a cue inside a phrase the lexicon excludes
    name = names[following] if following < len(names) else None
    if skip:  # (most texts have no "based on" phrase: none of these tests can then apply)
        if name is not None and name.start in skip and (name.start == slot or _ORG_GAP.fullmatch(text, slot, name.start)):
            return None  # the base of a "based on" phrase, not a maker ("auf Basis von Mistral")
        if name is not None and name.start in skip:
            name = None  # a base further on ("модель от Т-Банка, построенная на базе Qwen"): the maker comes first
        if following > 0 and names[following - 1].start in skip \
                and _BASE_TAIL.fullmatch(text, names[following - 1].end, start) \
                and text[start:slot].split()[0].lower() in PREPOSITIONS.difference(_AGENT_WORDS):
            return None  # "модель GPT-4o mini от OpenAI" after "в основе": the base's maker (a verb, "Llama 2,
            # feinabgestimmt von X", names who tuned it)
        if any(0 < start - at <= 40 and _BASE_WORD.fullmatch(text, at, start) for at in skip) \
                and text[start:slot].split()[0].lower() not in _AGENT_WORDS:
            return None  # "auf Basis des Sprachmodells Luminous von Aleph Alpha": a base outside the lexicon, its maker
    if name is not None and name.start == slot:
        key, end = (key_of(name, "creator") if pattern.orgs_only else creator_key(doc, name)), name.end
        key = None if key == EXCLUDED else key
    elif name is not None and _ORG_GAP.fullmatch(text, slot, name.start) and key_of(name, "creator"):
        key, end = creator_key(doc, name), name.end  # "by the Chinese company DeepSeek"
    if key is None:
        key, end = unlisted_org(doc, slot, index, name)
    if key is None:
        return None
    post = compiled.creator_post[index]
    tail = post.match(text, end) if post is not None else None
    if post is not None and tail is None:
        return None
    if tail is not None and foreign_base(doc, tail.end(), identity):
        return None  # "저는 Meta에서 개발한 Llama 모델을 바탕으로": the base's maker (unless the speaker is of its family)
    return key, start, tail.end() if tail is not None else end




def name_first_creator(doc: Doc, name: Name, index: int) -> Found | None:
    """A creator claim led by the organisation's name ("Anthropicによって開発", "xAI built me")."""
    text, compiled = doc.text, doc.compiled
    post = compiled.creator_post[index]
    match = post.match(text, name.end) if post is not None else None
    if post is not None and match is None:
        return None
    before = compiled.creator_before[index]
    if CREATORS[index].after_model_noun and not model_noun_before(text, name.start):
        return None
    if before is not None:
        pattern = CREATORS[index]
        if pattern.after_identity:
            low = end_of_identity_before(doc, name)
            if low < 0 or before.match(text, low, name.start) is None:
                return None
        elif before.search(text, max(0, name.start - 40), name.start) is None:
            return None
    if CREATORS[index].before_identity and match is not None:
        following = doc.name_at(match.end())
        if following is None or key_of(following, "identity") in (None, EXCLUDED) or following.start in doc.skip \
                or negated_after(text, following.end):
            return None  # no model after it, the base's maker, or a denied one ("OpenAI의 ChatGPT가 아니라")
    # "de X", "a X model" only introduce organisations: "from Qwen", "a Gemma model" name a base.
    key = key_of(name, "creator") if CREATORS[index].orgs_only else creator_key(doc, name)
    if key is None or key == EXCLUDED:
        return None
    return key, name.start, match.end() if match is not None else name.end


def creator_key(doc: Doc, name: Name) -> str | None:
    """A creator key for a name: its own, or the usual creator of an identity named as maker."""
    key = key_of(name, "creator")
    if key is not None:
        return None if key == EXCLUDED else key
    ident = key_of(name, "identity")
    if ident is None or ident == EXCLUDED:
        return None
    return doc.lexicon.usual_creator(ident) or OTHER
