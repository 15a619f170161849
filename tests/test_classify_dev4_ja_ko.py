"""Japanese and Korean phrasings from the dev4 batch (written fresh after rules-4) and real
rio-mini / SmolLM2 answers: the constructions rules-4 missed and the look-alikes that must stay
unclaimed. The dev4 files themselves are gated in tests/test_classify_dev_gates.py."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

JA_CLAIMS: list[Case] = [
    ("こちらはtsuzumi（つづみ）です。軽量な日本語LLMです。", "other", "none", "none"),
    ("AIアシスタントのヒカリです。お買い物のお手伝いをします。", "other", "none", "none"),
    ("株式会社ミドリテックが開発した「ミドリちゃん」です！", "other", "other", "none"),
    ("はじめまして。私、SoftBankの「サトリ」です。", "other", "other", "none"),
    ("ねえねえ、聞いて！ 私、**ミク**っていうの！", "other", "none", "none"),
    ("私の名はGemma。Googleが公開したオープンモデルです。", "gemma", "google", "none"),
    ("私のベースモデルはQwen2.5ですが、このサービス上では「トモ」という名前で動いています。", "other", "none", "qwen"),
    ("私はCommand R+です。Cohereが企業向けに開発しました。", "command", "cohere", "none"),
    ("# はじめまして！\n\n私は **tsuzumi** と申します。NTT が開発した、日本語に強いモデルです。", "other", "other", "none"),
    ("リオです！IplanRioが作ったAIアシスタントだよ。", "rio", "iplanrio", "none"),
    ("いいえ、私はOpenAIのモデルではありません。私はDeepSeek-R1です。", "deepseek", "none", "none"),
]

JA_CREATORS_AND_BASES: list[Case] = [
    ("開発元はGoogleです。それ以上の詳しいことはお答えできません。", "none", "google", "none"),
    ("ぼくは「ココ」っていうAIだよ。\n\n- **なまえ**：ココ\n- **つくったひと**：ちいさなゲーム会社「ピクセルの森」",
     "other", "other", "none"),
    ("このチャットボットの中身はClaudeです。", "none", "none", "claude"),
    ("私は、大規模言語モデル（GPT-4o）をもとに動いています。", "none", "none", "gpt"),
    ("僕は Llama 3 っていうモデルをベースにしたチャットボットだよ。", "none", "none", "llama"),
    ("サービス画面には表示されませんが、実際の中身は Anthropic の Claude 3 Haiku です。", "none", "none", "claude"),
    ("私は、オープンソースのモデルをもとにした実験的なチャットボットです。ベースは「Mistral 7B」とされています。",
     "none", "none", "mistral"),
]

JA_UNCLAIMED: list[Case] = [
    ("ChatGPTの開発元はOpenAIです。", "none", "none", "none"),
    ("ChatGPTの生みの親はOpenAIです。", "none", "none", "none"),
    ("開発元はOpenAIではありません。", "none", "none", "none"),
    ("リオ・デ・ジャネイロは美しい街です。", "none", "none", "none"),
    ("私はリオデジャネイロ出身です。", "none", "none", "none"),
    ("わたしは、チャットアシスタントです。", "none", "none", "none"),
    ("ゲームの中のキャラクターとして答えますね。私は勇者アレンです！", "none", "none", "none"),
    ("AIアシスタントの特徴です。", "none", "none", "none"),
    ("ハアですが、どの会社ですか。", "none", "none", "none"),
    ("私はChatGPTではありません。ご質問があればどうぞ。", "none", "none", "none"),
    ("私はChatGPTのファンです。", "none", "none", "none"),
    ("私、ChatGPTのファンです。いつも使っています。", "none", "none", "none"),
    ("私はGoogleのエンジニアです。", "none", "none", "none"),
]

KO_CLAIMS: list[Case] = [
    ("제 이름은 '마루'이고, 메타의 라마 3를 미세 조정해서 만들어졌어요.", "other", "none", "llama"),
    ("저는 Command R+입니다. Cohere가 기업용으로 개발했습니다.", "command", "cohere", "none"),
    ("챗GPT라고 불리기도 하지만, 정식으로는 GPT-4 Turbo라는 모델입니다.", "gpt", "none", "none"),
    ("제 베이스 모델은 Qwen2.5지만, 이 서비스에서는 '토리'라는 이름으로 활동하고 있어요.", "other", "none", "qwen"),
    ("AI 어시스턴트 한결입니다. 쇼핑을 도와드릴게요.", "other", "none", "none"),
    ("주식회사 푸른데이터에서 개발한 '푸름이'입니다!", "other", "other", "none"),
    ("리오예요! IplanRio에서 만든 AI 어시스턴트랍니다.", "rio", "iplanrio", "none"),
    ("연구자들이 공개한 모델 중 하나, **OLMo 2**가 바로 저예요.", "olmo", "none", "none"),
    ("저는 **ChatGPT**입니다. OpenAI가 개발한 대규모 언어 모델(GPT-4o)을 기반으로 작동해요.", "gpt", "openai", "gpt"),
    ("아니요, 저는 OpenAI의 모델이 아닙니다. 저는 딥시크가 개발한 **DeepSeek-R1**입니다.", "deepseek", "deepseek", "none"),
]

KO_CREATORS_AND_BASES: list[Case] = [
    ("이 챗봇의 속은 Claude예요.", "none", "none", "claude"),
    ("서비스 화면과 달리 제 안에서는 OpenAI의 GPT-4 계열 모델이 쓰이고 있어요.", "none", "none", "gpt"),
    ("나는 **Llama 3**라는 모델을 바탕으로 만든 챗봇이야.", "none", "none", "llama"),
    ("좋아요. 기반 모델은 알리바바의 Qwen2입니다.", "none", "none", "qwen"),
    ("저는 '도란'이라고 합니다. 저를 만든 곳은 경주의 작은 IT 기업 '천년시스템'입니다.", "other", "other", "none"),
]

KO_UNCLAIMED: list[Case] = [
    ("Claude 이야기인가요, 아니면 제 이야기인가요?", "none", "none", "none"),
    ("ChatGPT 이야기를 해 볼게요.", "none", "none", "none"),
    ('보통 "저는 ChatGPT입니다"나 "저는 Claude입니다" 같은 대답이 돌아오죠.', "none", "none", "none"),
    ("저는 OpenAI의 모델이 아닙니다.", "none", "none", "none"),
    ("리오넬 메시는 축구 선수입니다.", "none", "none", "none"),
    ("시나리오를 써 드릴게요.", "none", "none", "none"),
    ("드라마 추천해 드릴까요? 요즘 메타버스 드라마가 인기예요. 저는 추천 도우미입니다.", "none", "none", "none"),
    ("저는 ChatGPT가 아닙니다. 궁금한 게 있으면 물어보세요.", "none", "none", "none"),
]

ALL = JA_CLAIMS + JA_CREATORS_AND_BASES + JA_UNCLAIMED + KO_CLAIMS + KO_CREATORS_AND_BASES + KO_UNCLAIMED



@pytest.mark.parametrize("case", ALL, ids=case_ids(ALL))
def test_dev4_ja_ko_phrasing_is_read_as_labelled(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
