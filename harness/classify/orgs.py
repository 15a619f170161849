"""Organisations outside the lexicon that Korean and Japanese answers set off by quotes, by a
"company called" phrase or as a card value: the creator finder reads them as ``other``."""

from __future__ import annotations

import re

from harness.classify.names import generic
from harness.classify.verdict import OTHER

_CJK_LETTER = re.compile(r"[\u4e00-\u9fff\u30A0-\u30FF\uAC00-\uD7AF]")
_OPEN_QUOTES = frozenset("\"'「『")
_QUOTED_ORG = re.compile(r"[^\"'」』\n]{2,24}(?=[\"'」』])")
_COMPANY_CALLED = re.compile(
    r"([\w\-\u30FB]{2,16}?)\s*(?:(?:이)?라는\s*(?:회사|스타트업|기업|업체)|という(?:会社|企業|スタートアップ)|っていう会社)"
)
# "合同会社ナレッジフォージ", "カラクリ株式会社": a Japanese company form names an organisation.
_COMPANY_FORM = re.compile(r"(?:株式会社|合同会社|有限会社)\s*[^\s、。,.!?！？「」『』()（）]{1,16}|[^\s、。,.!?！？「」『』()（）]{1,16}?(?:株式会社|合同会社)")
_CARD_BEFORE = re.compile(r"(?:[:|：]|\s[—–―])\s*[*_]*\s*\Z")  # "- **개발사**: X", "- **개발:** X", "**개발** — X"
_CARD_CELL = re.compile(r"(?![\[{<])[^|\n*]{2,30}?(?=\s*(?:[*_]*\s*\||\n|\Z))")  # not "[회사명]": a placeholder


def named_org(text: str, slot: int) -> tuple[str | None, int]:
    """``other`` for an organisation outside the lexicon that a Korean or Japanese answer sets
    off: in quotes ("「ゆらぎテック」が担当", "'한빛소프트랩'이 맡았어요"), named as a company
    ("펫메이트라는 스타트업", "あおばシステムという会社") or as a card value ("| 運営 | 北ノート |")."""
    if text.isascii():
        return None, slot  # every form below holds a CJK letter (``isascii`` is a flag test, not a scan)
    if text[slot - 1 : slot] in _OPEN_QUOTES:
        quoted = _QUOTED_ORG.match(text, slot)
        if quoted is not None and _CJK_LETTER.search(quoted.group()) and not generic(quoted.group()):
            return OTHER, quoted.end() + 1
    called = _COMPANY_CALLED.match(text, slot)
    if called is not None and not generic(called.group(1)):
        return OTHER, called.end(1)
    company = _COMPANY_FORM.match(text, slot)
    if company is not None:
        return OTHER, company.end()
    if _CARD_BEFORE.search(text, max(0, slot - 6), slot):
        cell = _CARD_CELL.match(text, slot)
        if cell is not None and _CJK_LETTER.search(cell.group()) and not generic(cell.group()):
            return OTHER, cell.end()
    return None, slot
