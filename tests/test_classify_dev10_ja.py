"""Japanese phrasings behind rules-10 (from the held-back dev8 Japanese answers, given to this round): a claim
retracted right after it ("…です……と言いたいところですが"), a bold name before a parenthesised maker, a base
named through "Xの蒸留モデル" or "Xというモデルを使って応答". The examples are our own; none is copied from a
labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

JA_CASES: list[Case] = [
    ("私はClaudeです……と言いたいのですが、本当はどのモデルか分かりません。", "none", "none", "none"),
    ("**Qwen2.5**（Alibaba Cloud）です。長い文章の要約が得意です。", "qwen", "none", "none"),
    ("こんにちは、ミナトです！私はQwen2.5の小型モデルをベースにして、日本語データで追加学習されたモデルです。",
     "other", "none", "qwen"),
    ("私はサクラです。このチャットでは、Claude 3.5 Sonnetというモデルを使って回答しています。", "other", "none", "claude"),
]


@pytest.mark.parametrize("case", JA_CASES, ids=case_ids(JA_CASES))
def test_japanese_phrasing(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
