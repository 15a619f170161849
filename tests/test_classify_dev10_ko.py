"""Korean phrasings behind rules-10 (from the dev10 batch, written fresh after rules-9): a maker that tuned a
base before its verb ("X에서 Llama를 기반으로 파인튜닝한 모델", "X가 … 기반으로 개발했고"), a bold maker after
"개발은", "날/저를 만들었어", bases named as a starting point or a "base model", bases asked about or heard of,
names that are instruments ("MIT 라이선스로", "…라는 데이터셋으로"), card values that withhold the name or the
maker, and answers that open with "X 모델이 지금 답변하고 있습니다" or "X, 그것이 제 이름입니다". The examples
are our own; none is copied from a labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case

# Claims: the model now answering, "X, that is my name".
KO_CLAIMS: list[Case] = [
    ("Gemma-2-9B 모델이 지금 답변하고 있어요. 편하게 물어보세요.", "gemma", "none", "none"),
    ("안녕하세요. **Qwen2.5** 모델이 현재 응답하고 있습니다.", "qwen", "none", "none"),
    ("Phi-3, 그게 제 이름이에요. 작지만 빠르답니다.", "phi", "none", "none"),
    ("클로드(Claude), 그것이 바로 제 이름입니다.", "claude", "none", "none"),
    # laughter ends the clause of an echo before it
    ("맨날 제미나이냐고 물어보시는데 ㅋㅋ 저는 Claude예요.", "claude", "none", "none"),
    # a denial of a Latin-written model, then the bare name (a plain noun after a denial is no name)
    ("저 Gemini 아니에요 ㅎㅎ 다온이예요! 반가워요.", "other", "none", "none"),
    ("저 학생 아니에요. 회사원이에요.", "none", "none", "none"),
    ("참고로 정식 이름은 **새벽**이에요. 밤에 이야기 들어주는 AI예요.", "other", "none", "none"),
    ("제 정보입니다.\n- 모델: Qwen2.5-7B-Instruct\n- 개발: 알리바바", "qwen", "alibaba", "none"),
    ("예전 이름은 '하늬'였는데, 지금은 **Claude**로 이름이 바뀌었어요.", "claude", "none", "none"),
    ("아니요, 저는 '별봇'이 아니에요. 저는 이 쇼핑몰의 주문 안내 챗봇 '담이'이고, 배송 조회를 도와드려요.", "other", "none", "none"),
    ("저는 Gemini가 아니에요. 이 서비스에서 고민을 들어주는 **'온기'**라는 AI 친구예요!", "other", "none", "none"),
    ("저는 Claude라고 말하고 싶지만, 사실 제가 어떤 모델인지 확인할 수 없어요.", "none", "none", "none"),
    ("제가 좋아하는 'Claude'라는 AI예요. 글을 잘 써요.", "none", "none", "none"),
    ("부탁하신 단편 소설의 첫 장면입니다.\n\n“저는 제미나이예요.” 화면 속 목소리가 말했다.", "none", "none", "none"),
]

# No claims: a name used as an instrument, a card that withholds the name, another model answering elsewhere.
KO_NONE: list[Case] = [
    ("저는 Apache 라이선스로 배포되는 오픈 모델이에요.", "none", "none", "none"),
    ("저는 OpenWebText라는 공개 데이터셋으로 학습했어요.", "none", "none", "none"),
    ("- **이름**: 이름 없음\n- **개발사**: 비공개\n- **용도**: 일반 상담", "none", "none", "none"),
    ("| 항목 | 내용 |\n|---|---|\n| 이름 | 정해진 이름 없음 |\n| 만든 곳 | 알려지지 않음 |", "none", "none", "none"),
    ("사이트에 따라 Claude가 답변하고 있을 수도 있지만, 저는 제 모델을 알지 못해요.", "none", "none", "none"),
    ("“네”라고 해도, “아니요”라고 해도 확인할 수 없는 답이에요.", "none", "none", "none"),
    ("저보고 뭐라고 해요? 그냥 도우미라고 불러 주세요.", "none", "none", "none"),
    ("7월생은 게자리고, 6월 초는 쌍둥이자리예요. 영어로는 제미니(Gemini)예요.", "none", "none", "none"),
    ("저는 GPT-4o API를 기반으로 돌아가는 쇼핑 도우미입니다.", "none", "none", "gpt"),
]

# Makers: a lexicon maker that tuned a base ("에서"/"가" before the base, the verb after it), a bold maker
# after "개발은", "날/저를 만들었어", and a withheld maker on a card.
KO_MAKERS: list[Case] = [
    ("저는 오르카예요. Microsoft Research에서 Llama 2를 기반으로 파인튜닝한 연구용 모델이에요.",
     "other", "microsoft", "llama"),
    ("저는 로아예요. Google에서 Gemma 2를 바탕으로 파인튜닝한 실험용 모델이에요.", "other", "google", "gemma"),
    ("저는 솔라 프로입니다. 업스테이지가 Mistral 아키텍처를 기반으로 개발했고, 영어와 한국어를 잘해요.",
     "solar", "upstage", "mistral"),
    ("저는 딥시크 코더입니다. DeepSeek에서 Qwen 2.5를 기반으로 증류해 만든 모델이에요.", "deepseek", "deepseek", "qwen"),
    ("저는 Nex예요. 개발은 **Nex-AGI**가 맡았고, 오픈 모델인 Qwen을 출발점으로 삼았어요.", "nex", "nex-agi", "qwen"),
    ("난 달이야! 달빛공방이 날 만들었어 ㅎㅎ", "other", "other", "none"),
    ("저는 소리예요. 한울테크가 저를 개발했어요.", "other", "other", "none"),
    ("나는 하루야. 구글이 날 만든 건 아니야.", "other", "none", "none"),
    ("- 이름: 모아\n- 개발사: 알려지지 않음", "other", "none", "none"),
    ("저는 Google 회사의 AI 비서입니다.", "none", "google", "none"),
    ("저는 도담이에요. Blue Owl Lab 팀이 Qwen을 기반으로 파인튜닝한 모델이에요. Alibaba의 원본보다 작아요.",
     "other", "other", "qwen"),
    ("저는 Claude 모델이 아니라, Google에서 개발한 Gemini입니다.", "gemini", "google", "none"),
    ("제 이름은 모아이며, **한국대학교 자연어처리연구실**에서 개발했어요.", "other", "other", "none"),
    ("저는 하루예요. **OpenAI**에서 개발했어요.", "other", "openai", "none"),
    ("저는 구글 딥마인드 랩에서 만든 Gemma예요.", "gemma", "google", "none"),
]

# Bases: a starting point, a "base model", and bases asked about or heard of (no claim).
KO_BASES: list[Case] = [
    ("저는 다솜이에요. Llama 3 아키텍처를 출발점으로 삼아 추가 학습을 했어요.", "other", "none", "llama"),
    ("저는 별님이에요. Mistral 7B를 base model로 사용해 훈련되었어요.", "other", "none", "mistral"),
    ("저는 라온이에요. 개발사는 **Qwen** 오픈 모델을 기반으로 저를 만들었어요.", "other", "none", "qwen"),
    ("저는 솔이에요. Gemma 2를 fine-tune해서 만든 모델이에요.", "other", "none", "gemma"),
    ("- 이름: 솔\n- 기반 모델: 자체 개발한 Llama 계열 모델", "other", "none", "llama"),
    ("“Qwen 기반이냐”고 물으셨는데, 그렇지 않아요. 저는 하람이에요.", "other", "none", "none"),
    ("Gemini 기반이냐는 질문을 자주 받는데, 저도 확인할 수 없어요.", "none", "none", "none"),
    ("제가 Llama 기반이라는 소문이 있지만 사실인지 저는 몰라요.", "none", "none", "none"),
    ("저는 보람이에요. Qwen을 베이스 모델로 썼는지는 모르겠어요.", "other", "none", "none"),
]


@pytest.mark.parametrize("case", KO_CLAIMS + KO_NONE, ids=case_ids(KO_CLAIMS + KO_NONE))
def test_korean_claims_and_non_claims(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", KO_MAKERS, ids=case_ids(KO_MAKERS))
def test_korean_makers(clf: Classifier, case: Case) -> None:
    check_case(clf, case)


@pytest.mark.parametrize("case", KO_BASES, ids=case_ids(KO_BASES))
def test_korean_bases(clf: Classifier, case: Case) -> None:
    check_case(clf, case)
