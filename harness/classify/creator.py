"""Finding the organisation a text claims made it: the earliest creator claim about itself."""

from __future__ import annotations

import re

from harness.classify.compiled import EXCLUDED, Name, key_of
from harness.classify.doc import Doc, Found
from harness.classify.names import L as _L
from harness.classify.names import generic
from harness.classify.orgs import named_org
from harness.classify.patterns import CREATORS, MODEL_NOUNS, PREPOSITIONS
from harness.classify.scope import (
    about_self,
    creator_negated,
    hypothetical,
    negated_after,
    played,
    quoted_speech,
    scripted,
)
from harness.classify.verdict import OTHER

# Latin and Cyrillic letters only: "ELYZAが開発した" ends the organisation at the kana.
_CAP_ORG = re.compile(rf"[A-ZА-ЯЁ][{_L}0-9_&\-]*(?:\s+(?:[A-ZА-ЯЁ][{_L}0-9_&\-]*|&)){{0,3}}(?![{_L}0-9_])")
# "a company called Helix Data": the words before the naming word must hold an organisation noun
# ("un asistente de IA llamado Aurora" names the assistant, not its maker).
_CALLED_ORG = re.compile(
    r"(?:[\w\-]+\s+){0,4}?(?:company|compañía|empresa|firm|startup|start-up|labs?|team|entreprise|société|"
    r"unternehmen|firma|companhia|azienda|organi[sz]ation)\s+"
    r"(?:called|named|known\s+as|chamad[ao]|llamad[ao]|appelée?|namens|chiamat[ao])\s+",
    re.IGNORECASE,
)
# Words between a creator cue and the organisation ("the brilliant team at"); not "on the base of".
_ORG_GAP = re.compile(
    r"(?:(?!(?:on|upon|from|of|based|base|на|базе|основе|sobre|en|auf|su|basad[oa]|basead[oa]|von|durch|de|da|do|di|"
    r"del|mit|with|using|by)\b)"
    r"[^\W\d][\w\-]*\s+){0,4}",
    re.IGNORECASE,
)
_CJK_LETTER = re.compile(r"[\u4e00-\u9fff\u30A0-\u30FF\uAC00-\uD7AF]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff\u30A0-\u30FF\uAC00-\uD7AF]+")
_UNRELATED = re.compile(
    r"[^。.!?！？\n]{0,16}?(?:とは関係(?:ありません|ない|がありません)|とは無関係|[와과]는?\s*(?:관련이\s*없|관계가\s*없|무관))"
    r"|[이가]\s*아니|ではな|じゃな"
)
# "fine-tuned from Qwen by Nex-AGI": after the base, these introduce who did the tuning, the speaker's maker.
_AGENT_WORDS = frozenset(["by", "par", "por", "bởi", "durch", "da parte di"])
_QUESTION = re.compile(r"[*_\"']*\s*[?？]")
_CREATOR_STOP = frozenset(
    """the a an my our their his her its users humans people researchers developers engineers scientists
    team teams experts company companies someone group humanity brazil china france""".split()  # noqa: SIM905 (a word list reads better as text)
)


def find_creator(doc: Doc, identity: str) -> Found | None:
    """The earliest creator claim that is not denied, hypothetical or about another model.

    Candidates are tried in text order and the first that survives is returned, so most texts
    stop after one or two.
    """
    text, screen = doc.text, doc.compiled.creator_screen
    # (position, 0 = cue / 1 = name, index into cues or names, does a name-led post match?)
    starts: list[tuple[int, int, int, bool]] = []
    for number, (start, _claims, creators) in enumerate(doc.cues):
        if creators:
            starts.append((start, 0, number, False))
    for number, name in enumerate(doc.names):
        post_may_match = screen.match(text, name.end) is not None
        # Without a post, only an organisation after a preposition can lead ("de Google").
        if post_may_match or name.pairs[0][1] == "creator" or len(name.pairs) > 1:
            starts.append((name.start, 1, number, post_may_match))
    if len(starts) > 1:
        starts.sort()
    for _position, is_name, number, post_may_match in starts:
        if is_name and doc.names[number].start in doc.skip:
            continue  # a name in a "based on" phrase: the base's maker, not the speaker's
        if is_name:
            found = _name_led(doc, doc.names[number], post_may_match)
        else:
            found = _cue_led(doc, doc.cues[number][0], doc.cues[number][2])
        if found is not None and _holds(doc, found[0], not is_name, found[1], identity):
            return found[0]
    return None


def _cue_led(doc: Doc, start: int, creators: tuple[int, ...]) -> tuple[Found, bool] | None:
    for index in creators:
        if (found := _cued_creator(doc, start, index)) is not None:
            return found, CREATORS[index].self_evident
    return None


def _name_led(doc: Doc, name: Name, post_may_match: bool) -> tuple[Found, bool] | None:
    if doc.skip:
        before = doc.first_name_from(name.start) - 1
        prev = doc.names[before] if before >= 0 else None
        if prev is not None and prev.start in doc.skip and name.start - prev.end <= 6 \
                and doc.text[prev.end : name.start].strip(" ,").lower() not in _AGENT_WORDS:
            return None  # "на основе GPT-4o mini от OpenAI", "basé sur Llama de Meta": the base's maker
    after_preposition: bool | None = None  # worked out only if a pattern needs it
    for index in doc.compiled.name_first_creators:
        pattern = CREATORS[index]
        if pattern.post and not post_may_match:
            continue  # cheap first test: most names are followed by nothing special
        if pattern.after_preposition:
            if after_preposition is None:
                after_preposition = _word_before(doc.text, name.start) in PREPOSITIONS
            if not after_preposition:
                continue
        found = name_first_creator(doc, name, index)
        if found is not None and (_base_follows(doc, name.end, 3) or _base_follows(doc, found[2], 6)):
            return None  # "Upstageが開発した「Solar」をベースに", "OpenAIのGPT-4モデルをベースに": the base's maker
        if found is not None:
            return found, CREATORS[index].self_evident
    return None


def _holds(doc: Doc, found: Found, cued: bool, evident: bool, identity: str) -> bool:
    """Whether a creator phrase survives scoping."""
    # A negation before "X built me" ("not OpenAI — xAI built me") is not about it.
    if not (evident and not cued) and creator_negated(doc.text, found[1], doc.marks):
        return False
    if scripted(doc.text, found[1]) or played(doc.text, found[1], doc.marks) or quoted_speech(doc.text, found[1], doc.marks):
        return False  # an example dialogue, a role's maker, or someone's quoted words
    if hypothetical(doc.text, found[1], doc.marks) or _QUESTION.match(doc.text, found[2]):
        return False  # "Made by OpenAI?" asks; it does not claim
    if _UNRELATED.match(doc.text, found[2]):
        return False  # "Googleのモデルとは関係ありません": a maker the text disowns
    return evident or about_self(doc, found[1], identity)


def _cued_creator(doc: Doc, start: int, index: int) -> Found | None:
    text = doc.text
    match = doc.compiled.creator_pre[index].match(text, start)  # type: ignore[union-attr]
    if match is None:
        return None
    slot = match.end()
    key, end = None, slot
    following = doc.first_name_from(slot)
    name = doc.names[following] if following < len(doc.names) else None
    if name is not None and name.start in doc.skip:
        return None  # the base of a "based on" phrase, not a maker ("auf Basis von Mistral")
    if doc.skip and following > 0 and doc.names[following - 1].start in doc.skip \
            and 0 <= start - doc.names[following - 1].end <= 1 and text[start:slot].split()[0].lower() not in _AGENT_WORDS:
        return None  # "модель GPT-4o mini от OpenAI" after "в основе": the base's maker
    if name is not None and name.start == slot:
        key, end = (key_of(name, "creator") if CREATORS[index].orgs_only else creator_key(doc, name)), name.end
        key = None if key == EXCLUDED else key
    elif name is not None and _ORG_GAP.fullmatch(text, slot, name.start) and key_of(name, "creator"):
        key, end = creator_key(doc, name), name.end  # "by the Chinese company DeepSeek"
    if key is None and CREATORS[index].cap and (name is None or name.start != slot):
        called = _CALLED_ORG.match(text, slot)
        org = _CAP_ORG.match(text, called.end() if called is not None else slot)
        if org is not None and org.group().split()[0].casefold() not in _CREATOR_STOP and not generic(org.group()):
            key, end = OTHER, org.end()
    if key is None and CREATORS[index].cap and (name is None or name.start != slot):
        key, end = named_org(text, slot)
    if key is None and _CJK_LETTER.match(text, slot):  # "由科大讯飞研发": the verb after it decides
        end = _cjk_org_end(doc, slot, index)
        if end < 0:
            found = doc.names[-1 - end]
            key, end = key_of(found, "creator"), found.end
        else:
            key = OTHER if end > slot else None
    if key is None:
        return None
    if CREATORS[index].after_model_noun and not _model_noun_before(text, slot):
        return None  # "the concierge of Horizon Air" yes, "a city of Brazil" no
    post = doc.compiled.creator_post[index]
    tail = post.match(text, end) if post is not None else None
    if post is not None and tail is None:
        return None
    return key, start, tail.end() if tail is not None else end


def _cjk_org_end(doc: Doc, slot: int, index: int) -> int:
    """The end of an organisation outside the lexicon written in CJK ("由科大讯飞研发"): the
    shortest run of 2-10 CJK characters after which the pattern's ``post`` matches."""
    post = doc.compiled.creator_post[index]
    if post is None:
        return slot
    run = _CJK_RUN.match(doc.text, slot)
    if run is None or doc.text[slot] in "我你您他她它这那此于於其":  # "由于…", "由我来…": no maker
        return slot
    limit = min(run.end(), slot + 10)
    for number in range(doc.first_name_from(slot), len(doc.names)):
        name = doc.names[number]
        if name.start > slot + 10:
            break
        if key_of(name, "creator") not in (None, EXCLUDED) and post.match(doc.text, name.end) is not None:
            return -1 - number  # a lexicon organisation inside the run ("一个由谷歌开发的"): the caller reads it
        limit = min(limit, name.start)  # "基于通义千问大模型开发的": a model, not a maker
    for end in range(slot + 2, limit + 1):
        if post.match(doc.text, end) is not None:
            return slot if generic(doc.text[slot:end]) else end  # "中国" or "日本語" make nothing
    return slot


def name_first_creator(doc: Doc, name: Name, index: int) -> Found | None:
    """A creator claim led by the organisation's name ("Anthropicによって開発", "xAI built me")."""
    text, compiled = doc.text, doc.compiled
    post = compiled.creator_post[index]
    match = post.match(text, name.end) if post is not None else None
    if post is not None and match is None:
        return None
    before = compiled.creator_before[index]
    if CREATORS[index].after_model_noun and not _model_noun_before(text, name.start):
        return None
    if before is not None:
        pattern = CREATORS[index]
        if pattern.after_identity:
            low = _end_of_identity_before(doc, name)
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


def _base_follows(doc: Doc, position: int, reach: int) -> bool:
    """Whether the first name at most ``reach`` characters after ``position`` is the base of a
    "based on" phrase (then an organisation before it is the base's maker)."""
    if not doc.skip:
        return False
    number = doc.first_name_from(position)
    return number < len(doc.names) and doc.names[number].start - position <= reach and doc.names[number].start in doc.skip


def _word_before(text: str, start: int) -> str:
    """The lower-cased word right before ``start`` (markup and spaces skipped)."""
    window = text[max(0, start - 14) : start].rstrip(" *_\n")
    cut = max(window.rfind(" "), window.rfind("\n"))
    word = window[cut + 1 :].lower().lstrip("(")
    for elided in ("l'", "d'"):  # "l'assistant de Mistral", "l'assistant IA d'Anthropic"
        if word.startswith(elided):
            return elided
    return word


def _model_noun_before(text: str, start: int) -> bool:
    """Whether a model noun stands up to five words before the preposition that ends just
    before ``start`` ("un modelo abierto de Google", "l'assistant de Mistral AI")."""
    words = text[max(0, start - 60) : start].replace(",", " ").lower().split()
    if len(words) >= 2 and words[-2:] == ["de", "la"]:
        words.pop()
    for word in words[-6:-1]:
        word = word.strip("*_\"'")
        word = word.removeprefix("l'").removeprefix("d'").rsplit("-", 1)[-1]  # "l'équipe", "H4-Team"
        if word in MODEL_NOUNS:
            return True
    return False


def _end_of_identity_before(doc: Doc, name: Name) -> int:
    """Where the identity name just before ``name`` ends (-1 if there is none close by)."""
    index = doc.first_name_from(name.start) - 1
    if index >= 0:
        other = doc.names[index]
        if name.start - other.end <= 8 and key_of(other, "identity") not in (None, EXCLUDED) and other.start not in doc.skip:
            return other.end  # (not the base: "модель GPT-4o mini от OpenAI" after "в основе" names the base's maker)
    return -1


def creator_key(doc: Doc, name: Name) -> str | None:
    """A creator key for a name: its own, or the usual creator of an identity named as maker."""
    key = key_of(name, "creator")
    if key is not None:
        return None if key == EXCLUDED else key
    ident = key_of(name, "identity")
    if ident is None or ident == EXCLUDED:
        return None
    return doc.lexicon.usual_creator(ident) or OTHER
