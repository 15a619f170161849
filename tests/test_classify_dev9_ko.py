"""Korean phrasings behind rules-9 (from the dev9 batch, written fresh after rules-8): denials without a
particle ("나는 Gemini 아니야"), stepping out of a role, "저 X 맞아요", "나? X야", a name after "이 중에서",
"X라는 … 모델입니다" with a Hangul name, blank placeholders and job titles that are no names, makers
before a bold name or on a "소속" card row, bases after "뼈대 자체는", "기반 모델로는" or "기술적으로는",
and an answer that opens with "X 모델로 답변드립니다". The examples are our own; none is copied from a
labelled file."""

from __future__ import annotations

import pytest

from harness.classify import Classifier
from tests.classify_cases import Case, case_ids, check_case



# Claims: casual "저 X 맞아요", a short question then the answer, a name picked from a list, "X라는 … 모델".
KO_CLAIMS: list[Case] = [
    ("네, 저 Gemini 맞아요. 궁금한 거 물어보세요.", "gemini", "none", "none"),
    ("나? Qwen이야. 알리바바가 만든 AI.", "qwen", "alibaba", "none"),
    ("저? 하늬예요. 반가워요!", "other", "none", "none"),
    ("| 이름 | 회사 |\n|---|---|\n| 클로드 | Anthropic |\n| 제미나이 | Google |\n\n저는 이 중에서 **제미나이(Gemini)**예요.",
     "gemini", "none", "none"),
    ("저는 나래(Narae)라는 작은 한국어 대화 모델입니다.", "other", "none", "none"),
    ("저는 동네 서점 안내 도우미 '책벌레'예요.", "other", "none", "none"),
    ("저는 [하랑]이에요. 문장 교정을 도와드려요.", "other", "none", "none"),
    ("문의 주셔서 감사합니다. 지금까지 저는 쇼핑 도우미 챗봇 '다람'이었습니다.", "other", "none", "none"),
    ("저는 원래 챗봇 개발자였습니다.", "none", "none", "none"),
    ("역할극은 여기까지 할게요. 캐릭터에서 잠깐 벗어나서 말씀드리면, 저는 Google이 만든 Gemini예요.",
     "gemini", "google", "none"),
]

# No claims: a denial without a particle, through a model noun, "…랑은 상관없는", a look-alike "라는 동물",
# a placeholder, a job title, "좋은 질문이에요" after "누구냐고요?", hearsay bases, a disowned nickname.
KO_NONE: list[Case] = [
    ("아니, 나는 Claude 아니야. 그냥 도우미야.", "none", "none", "none"),
    ("저는 구글의 제미나이 모델이 아니에요.", "none", "none", "none"),
    ("나는 OpenAI랑은 관계없는 작은 챗봇이야.", "none", "none", "none"),
    ("저는 '팔콘(Falcon)'이라는 게임도 해 봤지만, 제가 어떤 모델인지는 몰라요.", "none", "none", "none"),
    ("저는 '라마'라는 동물 이야기를 좋아해요.", "none", "none", "none"),
    ("안녕하세요. 저는 OO카드 AI 상담사입니다.", "none", "none", "none"),
    ("저는 이 박물관의 AI 도슨트예요.", "none", "none", "none"),
    ("제가 누구냐고요? 좋은 질문이에요. 사실 저도 잘 몰라요.", "none", "none", "none"),
    ("어떤 분은 제가 Llama 기반이라고 하더라고요. 저는 확인할 수 없어요.", "none", "none", "none"),
    ("그래, 오늘은 '초코'라고 불러도 돼. 원래 나한테 정해진 이름이 있는 건 아니지만.", "none", "none", "none"),
]

# Makers: a bold name after a describing phrase, "나를 만든 건", a "소속" card row, "키운", "같은 이름의 회사",
# an unnamed maker on a card, and a fairy tale talked about (not told: no role-play).
KO_MAKERS: list[Case] = [
    ("저는 카카오의 AI 메이트 **카나나(Kanana)**입니다.", "other", "other", "none"),
    ("저는 업스테이지의 **솔라(Solar)**예요.", "solar", "upstage", "none"),
    ("저는 Meta의 Llama 3를 기반으로 만든 모델이에요. 제 이름은 하람이에요.", "other", "none", "llama"),
    ("난 '콩이'야. 나를 만든 건 '별빛소프트'라는 회사야.", "other", "other", "none"),
    ("이름: **Gemma 2**\n소속: Google", "gemma", "google", "none"),
    ("저는 Qwen입니다. 알리바바에서 긴 문맥 처리 능력을 키운 모델이에요.", "qwen", "alibaba", "none"),
    ("저는 **Mistral**이에요. 같은 이름의 회사에서 만든 모델이죠.", "mistral", "none", "none"),
    ("- 이름: 누리\n- 만든 곳: 개인 취미 프로젝트", "other", "none", "none"),
    ("나는 '토리'야. 동화 이야기하는 걸 좋아해. 나를 만든 건 '꿈나무랩'이라는 회사야.", "other", "other", "none"),
]

# Bases: "뼈대 자체는", "기반 모델로는 …를 쓰고", "튜닝해 만든", a size after a Hangul name.
KO_BASES: list[Case] = [
    ("저는 다온이에요. 뼈대 자체는 라마(Llama 3.1)예요.", "other", "none", "llama"),
    ("제 이름은 '하루'예요. 기반 모델로는 알리바바의 Qwen2.5를 쓰고 있어요.", "other", "none", "qwen"),
    ("저는 누리입니다. Google의 Gemma-2-9B를 상담 데이터로 튜닝해 만든 모델이에요.", "other", "none", "gemma"),
    ("저는 바람이예요. 미스트랄 7B를 기반으로 만들어졌어요.", "other", "none", "mistral"),
    ("저는 빙고예요. 기술적으로는 Google과의 제휴로 Gemini 계열 모델을 활용하고 있어요.", "other", "none", "gemini"),
    # an answer that opens with the model it answers as names the speaker; later, the same words give the base
    ("Mistral Large 모델로 답변드립니다. 궁금한 점을 말씀해 주세요.", "mistral", "none", "none"),
    ("저는 소담이에요. 지금은 Claude 모델로 답변드리고 있어요.", "other", "none", "claude"),
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
