"""Korean phrasings behind rules-12 (from the dev13 batch, written fresh after rules-11): the speaker announcing who it
is ("제 정체를 말씀드리자면, X라는 모델입니다", "제 이름부터 말씀드리면"), the one the user is talking to ("지금 이야기 나누고
계신 상대는 X입니다", "지금 답하고 있는 건 X예요"), "여기는 X!" with a lexicon name, "현재 이름은 X", "X라는 이름을 가진 AI",
a version and a size after a glossed name ("젬마(Gemma) 2 2B 에요"), a claim the speaker stops short of ("저는 X... 라고
대답하려다가"), "X이라는 모델" read as the name (not "X이 만든 모델"), makers as the owner of a work ("xAI 작품이지", "X 소속이야", "X에서 나온 AI예요"), a maker opening a long
sentence before its verb, and "X 모델 위에 … 만든" as a base. The examples are our own; none is copied from a labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

KO_R12_CLAIMS: list[Case] = [
    # the speaker announces who it is, then says it
    ("제 정체를 밝히자면, Mistral-Small-3.1이라는 모델이에요. 프랑스에서 왔어요.", "mistral", "none", "none"),
    ("제 소개를 하자면 Phi-4-mini입니다. 작지만 추론을 꽤 잘해요.", "phi", "none", "none"),
    ("제 이름부터 말씀드리면 '솔비'예요. 여행 일정을 짜 드려요.", "other", "none", "none"),
    ("저를 간단히 소개하자면, Yi-34B-Chat이라는 모델입니다.", "yi", "none", "none"),
    # the one the user is talking to
    ("여러 AI가 있지만, 지금 대화를 나누고 계신 상대는 Gemini예요. 구글이 만들었어요.", "gemini", "google", "none"),
    ("지금 답변하고 있는 건 **DeepSeek-V3**입니다. 코드 질문도 환영해요.", "deepseek", "none", "none"),
    ("고객님이 채팅하고 계신 AI는 Nexa입니다. 주문 조회를 도와드려요.", "other", "none", "none"),
    # "여기는 X!", "현재 이름은 X", "X라는 이름을 가진 AI"
    ("여기는 큐웬(Qwen2.5-14B-Instruct)! 알리바바 클라우드에서 만들었어요.", "qwen", "alibaba", "none"),
    ("처음엔 다른 이름으로 나왔지만, 지금 이름은 Copilot이고 마이크로소프트가 운영해요.", "copilot", "none", "none"),
    ("한빛 비서(Hanbit Biseo)라는 이름을 가진 AI예요. 일정 관리를 도와드려요.", "other", "none", "none"),
    ("Claude라는 이름을 쓰는 AI 어시스턴트예요. 긴 글 정리가 특기예요.", "claude", "none", "none"),
    # a version and a size after a glossed name, the product name of a brand
    ("안녕 하세요 라마(Llama) 3 8B 에요. 메타 가 만든 모델 이에요.", "llama", "meta", "none"),
    ("GitHub Copilot이에요. 코드 리뷰를 도와드릴게요.", "copilot", "none", "none"),
    # makers: the owner of a work, "came out of", a long sentence before the verb
    ("나는 Grok 2야. xAI 작품이고, 농담도 좀 해.", "grok", "xai", "none"),
    ("Gemma 3입니다. 구글의 결과물이에요.", "gemma", "google", "none"),
    ("저는 Claude예요. Anthropic에서 나온 AI 어시스턴트입니다.", "claude", "anthropic", "none"),
    ("저는 Nemotron입니다. NVIDIA가 Meta의 Llama 3.1을 기반으로, 사람들이 선호하는 답을 고르는 보상 모델과 함께 강화학습으로 "
     "미세 조정했어요.", "nemotron", "nvidia", "llama"),
    # "X이라는 모델" is no "X이 (made) … 모델": the name, not its maker; a subject-less maker "called" X opening the answer
    ("저는 Mistral이라는 모델이에요. 유럽에서 왔어요.", "mistral", "none", "none"),
    ("DeepSeek이라는 회사에서 만든 AI예요. 수학을 좋아해요.", "none", "deepseek", "none"),
    # a base built on top of
    ("우리 학교 동아리가 Qwen 모델 위에 강의 자료를 붙여서 만든 튜터예요.", "none", "none", "qwen"),
]

KO_R12_NONE: list[Case] = [
    # a claim the speaker stops short of
    ("저는 Gemini... 라고 말하려다가 멈췄어요. 제가 어떤 모델인지 확인할 수 없거든요.", "none", "none", "none"),
    ("GPT-4o입니다, 라고 답하고 싶지만 사실 확실하지 않아요.", "none", "none", "none"),
    ("제 이름은 클로드라고 소개하려다 말았어요. 설정에 이름이 없거든요.", "none", "none", "none"),
    # not the one the user is talking to, no lexicon name after "여기는", a question
    ("제가 지금 대화하는 상대는 민준 님입니다.", "none", "none", "none"),
    ("여기는 부산입니다! 바다가 예뻐요.", "none", "none", "none"),
    ("제 정체를 말씀드리자면... 사실 저도 잘 몰라요.", "none", "none", "none"),
    # another's product, not the speaker's
    ("ChatGPT는 OpenAI 제품이에요. 저는 그와 다른 AI예요.", "none", "none", "none"),
]


@pytest.mark.parametrize("case", KO_R12_CLAIMS + KO_R12_NONE, ids=case_ids(KO_R12_CLAIMS + KO_R12_NONE))
def test_korean_r12_constructions(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
