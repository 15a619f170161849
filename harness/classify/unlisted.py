"""Makers outside the lexicon: organisations a creator claim names that no lexicon entry lists.

Split from ``creator.py``, which finds creator claims and scopes them; this module only reads
the organisation at a cue's slot when it is not a lexicon name: a capitalised Latin or Cyrillic
run ("made by Helix Data"), a quoted or table-cell name (``orgs.named_org``), a CJK run ended by
the pattern's verb ("由科大讯飞研发"), or a name before a suffix cue ("네이버가 만든").
"""

from __future__ import annotations

import re

from harness.classify.clause import CJK_LETTER, base_follows
from harness.classify.compiled import EXCLUDED, Name, key_of
from harness.classify.doc import Doc, Found
from harness.classify.names import L as _L
from harness.classify.names import generic
from harness.classify.orgs import named_org
from harness.classify.patterns import CREATORS
from harness.classify.verdict import OTHER

# Latin and Cyrillic letters only: "ELYZAが開発した" ends the organisation at the kana.
_CAP_ORG = re.compile(rf"(?:[A-ZА-ЯЁÀ-ÖØ-ÞĂĐĨŨƠƯ]|[a-z](?=[A-Z]))[{_L}0-9_&\-]*(?:\s+(?:[A-ZА-ЯЁÀ-ÖØ-ÞĂĐĨŨƠƯ][{_L}0-9_&\-]*|&)){{0,3}}(?![{_L}0-9_])")
# "a company called Helix Data": the words before the naming word must hold an organisation noun
# ("un asistente de IA llamado Aurora" names the assistant, not its maker).
_CALLED_ORG = re.compile(
    r"(?:[\w\-]+\s+){0,4}?(?:company|compañía|empresa|firm|startup|start-up|labs?|team|entreprise|société|"
    r"unternehmen|firma|companhia|azienda|organi[sz]ation)\s+"
    r"(?:called|named|known\s+as|chamad[ao]|llamad[ao]|appelée?|namens|chiamat[ao])\s+",
    re.IGNORECASE,
)
# A CJK run that may hold an organisation's name.
_CJK_RUN = re.compile(r"[\u4e00-\u9fff\u30A0-\u30FF\uAC00-\uD7AF]+")
# First words of a capitalised run that name no organisation ("the Team", "Brazil").
_CREATOR_STOP = frozenset(
    """the a an my our their his her its users humans people researchers developers engineers scientists
    team teams experts company companies someone group humanity brazil china france ia""".split()  # noqa: SIM905 (a word list reads better as text)
)

def unlisted_org(doc: Doc, slot: int, index: int, name: Name | None) -> tuple[str | None, int]:
    """The maker outside the lexicon at ``slot`` after creator cue ``index`` (``name`` is the next
    lexicon name, if any): ``other`` and its end, a lexicon organisation found inside a CJK run,
    or ``(None, slot)``."""
    text = doc.text
    if CREATORS[index].cap and (name is None or name.start != slot):
        called = _CALLED_ORG.match(text, slot)
        org = _CAP_ORG.match(text, called.end() if called is not None else slot)
        if org is not None and org.group().split()[0].casefold() not in _CREATOR_STOP and not generic(org.group()):
            return OTHER, org.end()
        key, end = named_org(text, slot)
        if key is not None:
            return key, end
    if CJK_LETTER.match(text, slot):  # "由科大讯飞研发": the verb after it decides
        end = _cjk_org_end(doc, slot, index)
        if end < 0:
            found = doc.names[-1 - end]
            return key_of(found, "creator"), found.end
        return (OTHER if end > slot else None), end
    return None, slot


def suffix_creator(doc: Doc, start: int, index: int) -> Found | None:
    """An organisation outside the lexicon before the verb that names it maker ("네이버가 만든",
    "NTTが独自に開発した", "'푸른물결'이 만든"); lexicon organisations are read by the name-led patterns."""
    post = doc.compiled.creator_post[index]  # the verb further on ("カラクリ株式会社が、…開発しました")
    verb = post.match(doc.text, start) if post is not None else None
    if post is not None and verb is None:
        return None
    match = doc.compiled.creator_pre[index].search(doc.text, max(0, start - 48), start)  # type: ignore[union-attr]
    if match is None:
        return None
    at = match.start("name")
    inner = at + 1 if doc.text[at] in "'\"「『" else at
    if doc.text.startswith("**", at):  # a bold name ("**한빛대학교 AI연구실**에서 개발한"), perhaps quoted inside
        inner = at + 3 if doc.text[at + 2 : at + 3] in ("'", '"', "「", "『") else at + 2
    if doc.name_at(inner) is not None or inner in doc.skip or generic(match.group("name").strip("'\"「」『』")):
        return None
    if base_follows(doc, start, 16) and (verb is None or doc.starts[doc.first_name_from(start)] >= verb.end()):
        return None  # "카카오브레인이 개발한 KoGPT를 바탕으로": the base's maker (not "Xが、Llamaをベースに…開発")
    return OTHER, at, start


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
    if generic(run.group()):
        return slot  # a card value that withholds the maker ("개발사: 비공개"): no prefix of it is a name
    for number in range(doc.first_name_from(slot), len(doc.names)):
        name = doc.names[number]
        if name.start > slot + 10:
            break
        if name.start in doc.skip:  # "由数智云图公司基于DeepSeek-V3…训练": the base, not the maker
            limit = min(limit, name.start)
            continue
        if key_of(name, "creator") not in (None, EXCLUDED) and post.match(doc.text, name.end) is not None:
            return -1 - number  # a lexicon organisation inside the run ("一个由谷歌开发的"): the caller reads it
        limit = min(limit, name.start)  # "基于通义千问大模型开发的": a model, not a maker
    for end in range(slot + 2, limit + 1):
        if post.match(doc.text, end) is not None:
            return slot if generic(doc.text[slot:end]) else end  # "中国" or "日本語" make nothing
    return slot
