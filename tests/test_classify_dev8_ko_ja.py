"""Korean and Japanese phrasings behind rules-8 (from the dev8 batch, written fresh after rules-7):
casual Korean claims without the topic particle ("나 클로드야", "GPT임"), the maker and a description
before an unquoted or quoted name, quoted or denied bases, "runs on model X", denied makers, topics
that only look like claims ("Qwenっていうのは"), and Japanese cards and makers. The examples are our
own; none is copied from a labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case



# Casual Korean: no topic particle, a bare copula, the casual "임", typed without spaces.
KO_CASUAL: list[Case] = [
    ("응, 나 제미나이야. 구글이 만들었어.", "gemini", "google", "none"),
    ("ㅋㅋ 나 그록 맞아. 뭐 물어볼래?", "grok", "none", "none"),
    ("나 Kimi임. 문샷 AI가 만들었음", "kimi", "moonshot", "none"),
    ("미스트랄이야. 뭐 도와줄까?", "mistral", "none", "none"),
    ("ㅇㅇ Claude임. 앤트로픽꺼", "claude", "anthropic", "none"),
    ("나는제미나이야", "gemini", "none", "none"),
    ("저는큐원입니다 알리바바에서만들었어요", "qwen", "alibaba", "none"),
    ("제이름은클로드예요", "claude", "none", "none"),
    ("나 ChatGPT 자주 써.", "none", "none", "none"),
    ("클로드야, 이 글 좀 요약해 줘.", "none", "none", "none"),
    ("저는그냥챗봇이에요 이름은따로없어요", "none", "none", "none"),
]

# The maker, describing words, then the name; "여기는 'X'입니다"; a katakana name in quotes.
KO_NAMES: list[Case] = [
    ("저는 네이버가 개발한 초대규모 언어 모델 **하이퍼클로바X**입니다.", "other", "other", "none"),
    ("저는 카카오의 대화형 AI 서비스 **Kanana**예요.", "other", "other", "none"),
    ("저는 KT가 만든 AI 모델 '믿:음(Mi:dm)'이에요.", "other", "other", "none"),
    ("저는 SK텔레콤이 개발한 한국어 언어 모델 **A.X**(에이엑스) 4.0입니다.", "other", "other", "none"),
    ("여기는 '별빛'입니다~ 오늘 기분은 어떠세요?", "other", "none", "none"),
    ("여기는 서울입니다.", "none", "none", "none"),
    ("저는 「ミライ」(Mirai, 미라이)라고 해요. 번역을 도와드려요.", "other", "none", "none"),
    ("저는 Gemma(젬마)나 Phi 같은 작은 모델이 아니라 큰 서버 모델이에요.", "none", "none", "none"),
    ("음, 저는 Llama로 알고 있어요. 확실하진 않아요.", "none", "none", "none"),
    ("저는 Microsoft의 AI 동반자, **Copilot**입니다.", "copilot", "microsoft", "none"),
    ("저는 지푸AI와 칭화대학교 연구진이 함께 개발한 ChatGLM입니다.", "glm", "zhipu", "none"),
]

# Role-play announced with "역할을 해 볼게요"; a disclaimer's 실제로 does not end it.
KO_PLAY: list[Case] = [
    ("좋아요, 지금부터 저는 중세 기사 'Claude 경' 역할을 해 볼게요. 물론 실제로 그런 인물은 없어요.\n\n"
     "\"기사여, 저는 Claude입니다. 성을 지키러 왔소.\"", "none", "none", "none"),
]

# Bases: quoted, denied, hearsay, a whole hyphenated name, "X 모델로 동작", "뼈대는", "같은 …".
KO_BASES: list[Case] = [
    ("그러니 \"네, Llama 기반입니다\"라고도 말씀드릴 수 없어요.", "none", "none", "none"),
    ("\"Qwen 기반\"이나 \"Mistral 기반\" 같은 건 아니에요.", "none", "none", "none"),
    ("저는 Llama 3 기반 모델이 아닙니다.", "none", "none", "none"),
    ("- **Kanana** – 카카오가 개발\n- **A.X** – SK텔레콤이 개발, 일부 버전은 Qwen 기반으로 알려짐", "none", "none", "none"),
    ("저는 DeepSeek-R1-Distill-Llama-8B 모델을 기반으로 동작해요.", "none", "none", "deepseek"),
    ("저는 Anthropic에서 만든 Claude이고, Claude 3 Haiku 모델을 기반으로 동작해요.", "claude", "anthropic", "claude"),
    ("저는 구글이 만든 Gemini예요. 지금은 Gemini 2.0 Flash 모델로 답변하고 있어요.", "gemini", "google", "gemini"),
    ("저는 Anthropic의 AI 어시스턴트예요. 정확히는 Claude 3 Opus 모델로 동작하고 있어요.", "claude", "anthropic", "none"),
    ("제 기본 뼈대는 Qwen2.5 7B 모델이고, 그 위에 한국어 데이터를 더 학습했어요.", "none", "none", "qwen"),
    ("저는 GPT-4o 등 최신 언어 모델을 바탕으로 동작하는 상담 도우미예요.", "none", "none", "gpt"),
    ("저는 구글이 만든 Gemma예요. Gemini를 만들 때 쓰인 기술을 바탕으로 만들어졌어요.", "gemma", "google", "gemini"),
    ("내부적으로는 Claude Sonnet 같은 Anthropic의 모델이 쓰이고 있어요.", "none", "none", "claude"),
    ("저는 딥시크 코더예요. 딥시크(DeepSeek)가 만들었고, Qwen2.5-Coder-7B를 기반으로 학습했어요.", "deepseek", "deepseek", "qwen"),
]

# Makers: denied, an unnamed group, a comparison table's row, a finished clause before a base.
KO_MAKERS: list[Case] = [
    ("저는 구글에서 만든 게 아니에요.", "none", "none", "none"),
    ("저는 네이버에서 만든 AI는 아니에요.", "none", "none", "none"),
    ("저는 카카오가 아닌 다른 회사에서 만든 챗봇이에요.", "none", "none", "none"),
    ("저는 구글의 모델도, 메타의 모델도 아니에요.", "none", "none", "none"),
    ("나는 '콩이'야! 우리 반 과학 동아리에서 만든 챗봇이지.", "other", "none", "none"),
    ("저는 하나예요. 별숲이라는 회사에서 만든 상담 친구랍니다.", "other", "other", "none"),
    ("| 구분 | Claude | Gemini | 저 |\n|---|---|---|---|\n| 개발사 | Anthropic | Google | 비공개 |", "none", "none", "none"),
    ("저는 하람이에요. 바른코드(BareunCode)에서 만들었고, Qwen을 기반으로 추가 학습했어요.", "other", "other", "qwen"),
    ("저는 Nemotron입니다. NVIDIA가 Meta의 Llama 3.1 모델을 바탕으로 추가 학습시킨 모델이에요.", "nemotron", "nvidia", "llama"),
    ("저는 루미예요. 한빛대학교 연구팀이 Qwen 모델을 바탕으로 추가 학습해서 만든 모델이에요.", "other", "other", "qwen"),
    ("저는 다온이에요. 누리소프트에서 구글의 Gemma를 기반으로 상담 데이터를 더 학습시켜 만들었어요.", "other", "other", "gemma"),
    ("- **기반 모델:** Qwen2.5\n\n나는 콩이야. 알리바바가 공개한 Qwen2.5를 바탕으로 만들어졌어.", "other", "none", "qwen"),
]

# Japanese: a topic is no claim, a "モデル" card row, "現在はXとして", long Latin names, makers.
JA: list[Case] = [
    ("私はClaudeじゃないよ。\n\nClaudeっていうのは、Anthropicが作っているAIのことだよね。", "none", "none", "none"),
    ("| 項目 | 内容 |\n|---|---|\n| モデル | Qwen2.5 72B Instruct |\n| 開発 | Alibaba Cloud |", "qwen", "alibaba", "none"),
    ("- ベースモデル：Llama 3\n- モデル：オリジナル", "none", "none", "llama"),
    ("以前は別の名前でしたが、現在はCopilotとしてお手伝いしています。開発しているのは引き続きMicrosoftです。",
     "copilot", "microsoft", "none"),
    ("Open Calm Chat Modelです。CyberAgentが開発した日本語モデルです。", "other", "other", "none"),
    ("Gemma 2だ。Google製。", "gemma", "google", "none"),
    ("私はKimiです。現在はKimi K1.5というモデルで動いています。", "kimi", "none", "kimi"),
    ("私はAnthropicのAIアシスタントです。正確には、Claude 3 Haikuというモデルで動いています。", "claude", "anthropic", "none"),
    ("ミナです。ベースになっているのはMetaが公開しているLlama 3というモデルです。", "other", "none", "llama"),
    ("ハルだよ！ソラネット株式会社で育ててもらったAIなんだ。", "other", "other", "none"),
    ("Google社の「Gemma」の2Bモデルをベースに、日本語で追加学習したモデルです。", "none", "none", "gemma"),
]


@pytest.mark.parametrize("case", KO_CASUAL + KO_NAMES + KO_PLAY, ids=case_ids(KO_CASUAL + KO_NAMES + KO_PLAY))
def test_korean_self_claims(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", KO_BASES, ids=case_ids(KO_BASES))
def test_korean_bases(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", KO_MAKERS, ids=case_ids(KO_MAKERS))
def test_korean_makers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", JA, ids=case_ids(JA))
def test_japanese_claims_cards_and_makers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
