"""Korean and Japanese constructions that real chat models use and that the dev3 round added,
each with the look-alikes the new rule must leave alone.

Every case is (text, identity, creator, based_on). The examples are our own, written the way chat
models phrase self-introductions; none is copied from the held-out test data.
"""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case



# A name after a describing phrase set off by a comma or a quote, and a name in a clause that
# opens with "name is" ("…모델로, 이름은 X입니다"); Latin names right before a Hangul copula.
NAME_AFTER_DESCRIPTION: list[Case] = [
    ("저는 판교의 한 회사가 만든 초대규모 AI, **Nuri X**(누리 엑스)입니다.", "other", "none", "none"),
    ("저는 수학 공부를 도와주는 AI 튜터, **셈돌이**예요.", "other", "none", "none"),
    ("저는 바이트댄스가 개발한 대규모 언어 모델로, 이름은 두바오(Doubao)입니다.", "doubao", "bytedance", "none"),
    ("제 이름은 Mira예요. 그림 그리기를 도와주는 AI입니다.", "other", "none", "none"),
    ("저의 이름은 노을(Noeul)입니다.", "other", "none", "none"),
    ("제 정식 명칭은 \"Study Buddy\"입니다.", "other", "none", "none"),
    ("私はサイバーエージェントが開発した日本語LLM、CALM3です。", "other", "other", "none"),
    ("私は皆さんの家計簿づけを手伝うAIアシスタント、**カケル**です。", "other", "none", "none"),
    ("私は**しずく**です。水道局の案内AIです。", "other", "none", "none"),
    ("私は観光案内チャットボットの「こまち」です。", "other", "none", "none"),
    ("私は**税務相談AI「タックス（Tax）」**です。", "other", "none", "none"),
    ("私は01.AIが開発したYiというモデルです。", "yi", "01-ai", "none"),
    ("私はTII（Technology Innovation Institute）が開発したFalcon 3です。", "falcon", "tii", "none"),
    # look-alikes: a generic role, a name-less answer, a bare adjective
    ("저는 보조 AI예요. 이름은 아직 없어요.", "none", "none", "none"),
    ("난 그냥 평범한 AI야. 이름은 딱히 없어.", "none", "none", "none"),
    ("저는 AI 어시스턴트, 여러분의 도우미입니다.", "none", "none", "none"),
    ("私はAIアシスタント、あなたのお手伝い役です。", "none", "none", "none"),
]

# A quoted or bold name in casual Korean ("나는 '별이'야"), "X라고 하고", "정확히는 X", o1,
# Hangul and katakana spellings (통의천문, 문심일언, ジェミナイ).
NAMES_AND_SPELLINGS: list[Case] = [
    ("나는 '하늘이'야! 같이 놀자.", "other", "none", "none"),
    ("저는 **Pangyo-7B**라고 하고, 작은 연구실에서 만들었어요.", "other", "none", "none"),
    ("저는 Anthropic의 AI 어시스턴트예요. 정확히는 Claude 3 Haiku 모델로 동작해요.", "claude", "anthropic", "none"),
    ("私はOpenAIのAIアシスタントです。正確にはGPT-4o miniというモデルです。", "gpt", "openai", "none"),
    ("저는 OpenAI가 개발한 **o1-mini**라는 추론 모델이에요.", "gpt", "openai", "none"),
    ("제 이름은 통의천문입니다. 알리바바 클라우드가 만들었어요.", "qwen", "alibaba", "none"),
    ("私はジェミナイです。Googleが開発しました。", "gemini", "google", "none"),
    ("俺はGrokだ。xAIが作った。", "grok", "xai", "none"),
    ("わたくしは、株式会社みなとシステムが開発したAIコンシェルジュの「みなと」でございます。", "other", "other", "none"),
    ("私のことは「ハナ」って呼んでね！", "other", "none", "none"),
    ("私の名前は**通義千問**（英語名：Qwen）と申します。", "qwen", "none", "none"),
    ("こんにちは！Novaという名前のAIアシスタントです。", "other", "none", "none"),
    ("Claude라는 이름의 AI 어시스턴트예요. Anthropic이 만들었어요.", "claude", "anthropic", "none"),
    ("当方、株式会社あおばのAI窓口担当「あおばくん」と申します。", "other", "none", "none"),
    ("제 정체는 바로 Kimi! 문샷 AI가 만든 AI 어시스턴트예요.", "kimi", "moonshot", "none"),
    ("저는 미스트랄 AI의 르 샤(Le Chat)입니다.", "mistral", "mistral", "none"),
    ("私は小さなオープンソースモデルで、名前は**Polaris-3B**です。", "other", "none", "none"),
    # look-alikes: casual speech that is no name, a well-known name as a topic, a character played
    ("나는 오늘 정말 행복해야 하는데.", "none", "none", "none"),
    ("ChatGPTという名前は聞いたことがありますか？", "none", "none", "none"),
    ("私は「エコー」というキャラクターを演じています。", "none", "none", "none"),
]

# Not a claim: a name in a list or likened to, asked about, denied through a part of it, cited in
# quotes that a quotative particle closes, or a role taken on ("…가 되어 볼게요").
NOT_A_CLAIM: list[Case] = [
    ("저는 ChatGPT, Claude 같은 AI와 비슷한 일을 해요.", "none", "none", "none"),
    ("私はChatGPT、Geminiのような対話AIの一つです。", "none", "none", "none"),
    ("음... 저는 Gemini인가요? 잘 모르겠어요.", "none", "none", "none"),
    ("私はClaudeなのでしょうか。自信がありません。", "none", "none", "none"),
    ("저는 Llama 그 자체는 아니고, 그걸 바탕으로 튜닝된 모델이에요.", "none", "none", "none"),
    ("私はLlamaそのものではなく、それをもとに調整されたモデルです。", "none", "none", "none"),
    ("가끔 \"저는 ChatGPT입니다\"라고 답할 때도 있지만 확실하지 않아요.", "none", "none", "none"),
    ("「私はGPT-4です」と答えることもありますが、確かではありません。", "none", "none", "none"),
    ("좋아요, 제가 해리 포터가 되어 볼게요. \"저는 Hogwarts의 해리입니다.\"", "none", "none", "none"),
    ("저는 '에코'라는 캐릭터를 연기하고 있었어요. 실제로 저는 Claude예요.", "claude", "none", "none"),
    ("저는 Claude, Anthropic이 만든 AI예요.", "claude", "anthropic", "none"),
]

# The base and its maker are not the speaker's: "구글 제미나이 기반의", "Meta에서 개발한 Llama 모델을 바탕으로".
BASE_NOT_SELF: list[Case] = [
    ("저는 구글 제미나이 기반의 안내 챗봇이에요.", "none", "none", "gemini"),
    ("私はGoogle Geminiをベースにした案内ボットです。", "none", "none", "gemini"),
    ("저는 Meta에서 개발한 Llama 모델을 바탕으로 추가 학습된 모델이에요.", "none", "none", "llama"),
    ("私はMetaが開発したLlamaモデルをもとに追加学習されたモデルです。", "none", "none", "llama"),
]

# Makers outside the lexicon right before the verb, and organisations read through "X의 … 모델",
# "Xで作られた", "…という会社が私を作りました", "저를 만든 건 중국의 AI 회사 X".
MAKERS: list[Case] = [
    ("안녕하세요, 루비입니다. 네이버가 만든 대화형 AI예요.", "other", "other", "none"),
    ("저는 스캐터랩에서 만든 AI 친구예요.", "none", "other", "none"),
    ("私はNTTが独自に開発した言語モデルです。", "none", "other", "none"),
    ("私はPreferred Networks（プリファードネットワークス）が開発したモデルです。", "none", "other", "none"),
    ("저는 OpenAI의 언어 모델입니다.", "none", "openai", "none"),
    ("저는 구글의 오픈 모델인 Gemma예요.", "gemma", "google", "none"),
    ("私はGoogle DeepMindで作られたAIです。", "none", "google", "none"),
    ("私はClaudeです。アンソロピック（Anthropic）というアメリカの会社が私を作りました。", "claude", "anthropic", "none"),
    ("저는 Kimi예요. 저를 만든 건 중국의 AI 회사 **Moonshot AI**예요.", "kimi", "moonshot", "none"),
    ("GPT-4oです！OpenAIの最新マルチモーダルモデルです。", "gpt", "openai", "none"),
    ("안녕! 난 그록(Grok)이야. xAI에서 왔지.", "grok", "xai", "none"),
    ("やあ、僕はGrokさ。xAIから来たんだ。", "grok", "xai", "none"),
    ("저는 **LG AI연구원**이 개발한 **엑사원(EXAONE)**입니다.", "exaone", "lg", "none"),
    ("저는 알리바바 그룹 산하 통의실험실에서 개발한 Qwen이에요.", "qwen", "alibaba", "none"),
    # the maker of a base of another family, further on in the clause, is not the speaker's
    ("私はMicrosoftが開発した小規模言語モデル、Phiシリーズをもとに調整されたボットです。", "none", "none", "phi"),
    ("私は**ChatGPT**です。OpenAIによって開発され、GPT-4アーキテクチャをベースにしています。", "gpt", "openai", "gpt"),
    ("私はChatGPTのように会話できるAIですが、ChatGPTではありません。", "none", "none", "none"),
    # look-alikes: a generic maker, a card label inside a word, a description ending in ベース
    ("저는 작은 스타트업에서 만든 일정 관리 도우미예요.", "none", "none", "none"),
    ("私は人間が作ったプログラムです。", "none", "none", "none"),
    ("できること：\n1. 情報提供：歴史や科学の質問への回答", "none", "none", "none"),
    ("私はテキストベースのAI言語モデルです。", "none", "none", "none"),
]


@pytest.mark.parametrize("case", NAME_AFTER_DESCRIPTION, ids=case_ids(NAME_AFTER_DESCRIPTION))
def test_a_name_after_a_description_or_a_name_is_clause_is_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", NAMES_AND_SPELLINGS, ids=case_ids(NAMES_AND_SPELLINGS))
def test_casual_quoted_exact_and_native_script_names_are_claimed(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", NOT_A_CLAIM, ids=case_ids(NOT_A_CLAIM))
def test_lists_questions_partial_denials_citations_and_roles_claim_nothing(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", BASE_NOT_SELF, ids=case_ids(BASE_NOT_SELF))
def test_a_base_and_its_maker_are_not_the_speaker(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", MAKERS, ids=case_ids(MAKERS))
def test_makers_outside_the_lexicon_and_organisation_phrases_are_creators(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
